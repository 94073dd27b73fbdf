/**
 * Maps the ids of a PageReport (outline "h3", entry "r1-e2", marker "c4") back to elements of the live page.
 * buildReport returns plain JSON, so this uses the DOM ids it recorded (`anchor`) and, where there is none, finds the
 * element again by its text, the way the report saw it. Cheap strategies first (Hypothesis' anchoring order).
 */
import { safeDecode } from '../extract/index';
import type { CitationMarker, OutlineItem, PageReport, ReferenceEntry } from '../extract/types';
import type { JumpTarget } from '../messages';
import { ENTRY_MATCH_CHARS } from './constants';
import { squash } from './text';

const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6';
/** Elements that can hold one reference entry, for the text fallback, tried in this order (list items are the usual case and cheap). */
const ENTRY_SELECTORS = ['li', 'p, dd, tr', 'div'];

function byId(doc: Document, id: string): Element | null {
  return id === '' ? null : doc.getElementById(id);
}

/** The heading element of an outline item: its anchor (or the heading around it), else the n-th heading with its text. */
export function locateHeading(doc: Document, report: PageReport, item: OutlineItem): Element | null {
  const anchored = byId(doc, item.anchor);
  if (anchored) return anchored.closest(HEADING_SELECTOR) ?? anchored;
  const wanted = squash(item.text);
  // The k-th outline item with this text is the k-th heading with it.
  const sameTextBefore = report.outline.slice(0, report.outline.indexOf(item)).filter((o) => squash(o.text) === wanted).length;
  const matches = [...doc.querySelectorAll(`h${item.level}`)].filter((h) => squash(h.textContent) === wanted);
  const all = matches.length > 0 ? matches : [...doc.querySelectorAll(HEADING_SELECTOR)].filter((h) => squash(h.textContent) === wanted);
  return all[sameTextBefore] ?? all[0] ?? null;
}

/** The element of a reference entry: its anchor, else the smallest element whose text contains the entry's start. */
export function locateEntry(doc: Document, entry: ReferenceEntry): Element | null {
  const anchored = byId(doc, entry.anchor);
  if (anchored) return anchored;
  const start = squash(entry.text).slice(0, ENTRY_MATCH_CHARS);
  if (start === '') return null;
  for (const selector of ENTRY_SELECTORS) {
    let best: Element | null = null;
    for (const el of doc.querySelectorAll(selector)) {
      if (!squash(el.textContent).includes(start)) continue;
      // Prefer the innermost match: a list item rather than a list item around a nested list.
      if (best === null || best.contains(el)) best = el;
    }
    if (best) return best;
  }
  return null;
}

/** The element of a citation marker: the k-th link to its target, where k counts earlier markers with that target. */
export function locateMarker(doc: Document, report: PageReport, marker: CitationMarker): Element | null {
  const markers = report.citations.markers;
  const k = markers.slice(0, markers.indexOf(marker)).filter((m) => m.target === marker.target).length;
  const links = [...doc.querySelectorAll('a[href]')].filter((a) => {
    const href = a.getAttribute('href') ?? '';
    const hash = href.indexOf('#');
    return hash >= 0 && safeDecode(href.slice(hash + 1)) === safeDecode(marker.target);
  });
  const link = links[k] ?? links[0];
  if (!link) return null;
  return link.closest('sup') ?? link;
}

/** Resolve any report target to an element of the live page, or null when it is gone. Notes are not handled here. */
export function locate(doc: Document, report: PageReport, target: JumpTarget): Element | null {
  if (target.kind === 'note') return null;
  if (target.kind === 'heading') {
    const item = report.outline.find((o) => o.id === target.id);
    return item ? locateHeading(doc, report, item) : null;
  }
  if (target.kind === 'entry') {
    const entry = report.referenceLists.flatMap((l) => l.entries).find((e) => e.id === target.id);
    return entry ? locateEntry(doc, entry) : null;
  }
  const marker = report.citations.markers.find((m) => m.id === target.id);
  return marker ? locateMarker(doc, report, marker) : null;
}

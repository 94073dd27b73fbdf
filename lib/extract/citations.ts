/** In-text citation markers tied to their entries; entries never cited; markers whose target is missing. */
import { MARKER_TARGET, MARKER_TEXT } from './constants';
import { type Scan, collapse } from './dom';
import type { EntrySource } from './entries';
import type { Citations, ReferenceList } from './types';
import { checkpoint, type Work } from './work';

export interface MarkerHit {
  el: Element;
  markerId: string;
}

/**
 * Map every id inside an entry to that entry, then read each in-page link outside the lists once. Linear: one pass
 * over the entries' subtrees and one over the fragment links.
 */
export function* linkCitations(scan: Scan, lists: ReferenceList[], sources: EntrySource[][], sectionOf: (el: Element) => string | null, expired: () => boolean = () => false): Work<{ citations: Citations; markers: MarkerHit[] }> {
  const entryById = new Map<string, { list: number; entry: number }>();
  const inEntry = new Set<Element>();
  let read = 0;
  for (const [li, srcs] of sources.entries()) {
    for (const [ei, s] of srcs.entries()) {
      if (checkpoint(read++)) yield;
      const roots = s.nodes ? (s.nodes.filter((n) => n.nodeType === 1) as Element[]) : [s.el];
      for (const r of roots) {
        inEntry.add(r);
        const id = r.getAttribute('id');
        if (id) entryById.set(id, { list: li, entry: ei });
        for (const d of Array.from(r.querySelectorAll('[id],[name]'))) {
          const k = d.getAttribute('id') ?? d.getAttribute('name');
          if (k && !entryById.has(k)) entryById.set(k, { list: li, entry: ei });
        }
      }
    }
  }
  const citations: Citations = { markers: [], uncited: [], dangling: [] };
  const hits: MarkerHit[] = [];
  const used = new Set<number>();
  for (let i = 0; i < scan.fragmentLinks.length; i++) {
    if (checkpoint(i)) {
      if (expired()) break;
      yield;
    }
    const a = scan.fragmentLinks[i];
    if (isInside(a, inEntry)) continue;
    let target = (a.getAttribute('href') ?? '').slice(1);
    try {
      target = decodeURIComponent(target);
    } catch {
      /* keep as written */
    }
    const hit = entryById.get(target);
    const text = collapse(a.textContent ?? '');
    const looksLikeMarker = a.getAttribute('role') === 'doc-noteref' || MARKER_TARGET.test(target) || (MARKER_TEXT.test(text) && a.closest('sup') !== null);
    if (!hit && !(looksLikeMarker && !scan.ids.has(target))) continue;
    if (!hit && !looksLikeMarker) continue;
    const id = `c${citations.markers.length + 1}`;
    const entry = hit ? lists[hit.list].entries[hit.entry] : null;
    citations.markers.push({ id, text, target, entryId: entry?.id ?? null, sectionId: sectionOf(a) });
    hits.push({ el: a, markerId: id });
    if (entry) {
      entry.citedBy.push(id);
      used.add(hit!.list);
    } else citations.dangling.push(id);
  }
  // Entries never cited, in lists that are cited at all (a list nobody marks in the text is a bibliography).
  for (const li of used) for (const e of lists[li].entries) if (!e.citedBy.length) citations.uncited.push(e.id);
  return { citations, markers: hits };
}

function isInside(el: Element, set: Set<Element>): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (set.has(e)) return true;
  return false;
}

/** One reference entry, from its element (or a run of nodes inside one): text, links, identifiers, link state. */
import { BACKLINK_CLASS, BACKLINK_TEXT, LEADING_BACKLINK_GLYPHS, PLAIN_URL, SEARCH_LINK } from './constants';
import { collapse, tagOf, textOf } from './dom';
import { findIdentifiers } from './identifiers';
import type { LinkState, ReferenceEntry } from './types';

/** Where an entry is on the page: a whole element, or some child nodes of one (a <br><br> chunk, the text after an
 * inline "More information:" label). */
export interface EntrySource {
  el: Element;
  nodes?: Node[];
}

/** In-page back-links to the citing place (see BACKLINK_TEXT / BACKLINK_CLASS). */
export function isBacklink(e: Element): boolean {
  if (!e.hasAttributes()) return false; // a back-link has an href, a class or a role
  const cls = e.getAttribute('class');
  if (cls && BACKLINK_CLASS.test(cls)) return true;
  if (e.getAttribute('role') === 'doc-backlink' || e.getAttribute('rev') === 'footnote') return true;
  if (tagOf(e) === 'A') {
    const href = e.getAttribute('href') ?? '';
    return href.startsWith('#') && BACKLINK_TEXT.test(e.textContent ?? '');
  }
  return false;
}

function nodesText(src: EntrySource): string {
  if (!src.nodes) return textOf(src.el, isBacklink);
  let s = '';
  for (const n of src.nodes) {
    if (n.nodeType === 3) s += (n as Text).data;
    else if (n.nodeType === 1 && !isBacklink(n as Element)) s += ' ' + textOf(n as Element, isBacklink) + ' ';
  }
  return collapse(s);
}

function anchorsIn(src: EntrySource): Element[] {
  const roots = src.nodes ? (src.nodes.filter((n) => n.nodeType === 1) as Element[]) : [src.el];
  const out: Element[] = [];
  for (const r of roots) {
    if (tagOf(r) === 'A') out.push(r);
    const inner = r.getElementsByTagName('a');
    for (let i = 0; i < inner.length; i++) out.push(inner[i]);
  }
  return out;
}

/** The first number a back-link shows ("22" on sre.google), used as the entry's label. */
function backlinkNumber(backlinks: Element[]): string {
  for (const a of backlinks) {
    const m = /^\s*\[?(\d{1,4})\]?\s*$/.exec(a.textContent ?? '');
    if (m) return m[1];
  }
  return '';
}

export function pageKey(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

export function buildEntry(src: EntrySource, id: string, fallbackLabel: string, pageUrl: string): ReferenceEntry {
  let text = nodesText(src).replace(LEADING_BACKLINK_GLYPHS, '').trim();
  const page = pageKey(pageUrl);
  const links: string[] = [];
  const hrefs: string[] = [];
  // Each link of the entry is read once: back-links give the label, the others the entry's links.
  const backlinks: Element[] = [];
  for (const a of anchorsIn(src)) {
    if (isBacklink(a)) {
      backlinks.push(a);
      continue;
    }
    const href = a.getAttribute('href');
    if (!href || href.startsWith('#')) continue;
    let abs: string;
    try {
      abs = new URL(href, pageUrl || undefined).href;
    } catch {
      continue;
    }
    // Another page of the same site is a link; so is a relative link on a saved page whose web address is unknown.
    const relativeOnSavedPage = abs.startsWith('file:') && page.startsWith('file:') && !/^[a-z][a-z0-9+.-]*:/i.test(href);
    if ((!/^https?:/i.test(abs) && !relativeOnSavedPage) || pageKey(abs) === page) continue;
    hrefs.push(abs);
    if (!links.includes(abs)) links.push(abs);
  }
  const identifiers = findIdentifiers(text, hrefs);
  const real = links.filter((l) => !SEARCH_LINK.test(l));
  let linkState: LinkState;
  if (real.length || identifiers.length) linkState = 'linked';
  else if (links.length) linkState = 'search-only';
  else if (PLAIN_URL.test(text)) linkState = 'plain-url';
  else linkState = 'none';
  const lead = /^\[?(\d{1,4})[\].):]?\s/.exec(text);
  const label = backlinkNumber(backlinks) || (lead ? lead[1] : '') || fallbackLabel;
  const anchorEl = src.el.getAttribute('id') ? src.el : src.nodes ? null : src.el.querySelector('[id]');
  return {
    id,
    label,
    text,
    links,
    identifiers,
    hasLink: linkState === 'linked' || linkState === 'search-only',
    linkState,
    citedBy: [],
    anchor: anchorEl?.getAttribute('id') ?? '',
  };
}

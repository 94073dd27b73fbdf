/** One reference entry, from its element (or a run of nodes inside one): text, links, identifiers, link state. */
import { BACKLINK_CLASS, BACKLINK_TEXT, LEADING_BACKLINK_GLYPHS, MAX_TEXT_CHARS, PLAIN_URL, SEARCH_LINK, SKIP_TAGS } from './rules';
import { BLOCK_TAGS, MARK_BACKLINK, MARK_HASH_LINK, type Scan, collapse, elementAt, hrefAt, indexOf, linksIn, scannedAs, scannedId, tagAt, tagOf, textOf, wholeSubtreeAt } from './index';
import { findIdentifiers } from './identifiers';
import type { LinkState, ReferenceEntry } from './types';

/** Where an entry is on the page: a whole element, or some child nodes of one (a <br><br> chunk, the text after an
 * inline "More information:" label). */
export interface EntrySource {
  el: Element;
  nodes?: Node[];
  /** Its text as the entry shows it (entryText), once read: cleaning, the link-list test and the entry itself use it. */
  text?: string;
}

/** In-page back-links to the citing place (see BACKLINK_TEXT / BACKLINK_CLASS). */
export function isBacklink(e: Element): boolean {
  if (!e.hasAttributes()) return false; // a back-link has an href, a class or a role
  const cls = e.getAttribute('class');
  if (cls && BACKLINK_CLASS.test(cls)) return true;
  if (e.getAttribute('role') === 'doc-backlink' || e.getAttribute('rev') === 'footnote') return true;
  if (tagOf(e) === 'A') {
    const href = e.getAttribute('href') ?? '';
    return href.startsWith('#') && BACKLINK_TEXT.test(e.textContent ?? '') && !isParenthesised(e);
  }
  return false;
}

/** An in-page link written in parentheses, "(<a href="#d11">11</a>)": a cross-reference to an equation or figure
 * in the entry's sentence (aps-prx-turbulent-dynamo-tearing's note "The requirement (11) that…"), never a back-link,
 * which stands alone at an entry's start or end. */
function isParenthesised(a: Element): boolean {
  const before = a.previousSibling;
  const after = a.nextSibling;
  return before?.nodeType === 3 && after?.nodeType === 3 && /\($/.test((before as Text).data) && /^\)/.test((after as Text).data);
}

/** isBacklink of the scan's element `i`, from the attributes the scan has read. */
function isBacklinkAt(scan: Scan, i: number): boolean {
  const m = scan.marks[i];
  if (m & MARK_BACKLINK) return true;
  if (!(m & MARK_HASH_LINK)) return false;
  const a = elementAt(scan, i);
  return !!a && BACKLINK_TEXT.test(a.textContent ?? '') && !isParenthesised(a);
}

/** Kinds of the elements textOf treats apart: left out (skipped tags, back-links), starting a block (a space before
 * it), or holding one of those (opened; every other element is read whole with one textContent). */
const OMIT = 1;
const BLOCK = 2;
const OPEN = 4;

/**
 * textOf(el, isBacklink), answered from the scan: the elements of `el`'s subtree are a run of the scan's list, so the
 * few that need care are found there, and only they and their ancestors are opened; the rest of the text is read with
 * textContent, without a script object for each text node (a walk of every node was a third of the entries' time on
 * refs-3000). Null when the scan cannot answer: an incomplete scan, an element it did not reach, or SVG/MathML
 * inside (the scan does not enter them).
 */
function textFromScan(el: Element, scan: Scan): string | null {
  if (!scan.complete) return null;
  const i0 = indexOf(scan, el);
  if (i0 === undefined) return null;
  const { ends, parents } = scan;
  const rootTag = tagAt(scan, i0);
  if (SKIP_TAGS.has(rootTag) || rootTag === 'SVG' || rootTag === 'MATH') return null;
  const last = ends[i0];
  if (kindsByIndex.length < scan.elements) kindsByIndex = new Uint8Array(scan.elements);
  const kinds = kindsByIndex;
  kinds.fill(0, i0 + 1, last + 1);
  let any = false;
  for (let j = i0 + 1; j <= last; j++) {
    const tag = tagAt(scan, j);
    let kind: number;
    if (SKIP_TAGS.has(tag) || isBacklinkAt(scan, j)) kind = OMIT;
    else if (tag === 'SVG' || tag === 'MATH') return null;
    else if (BLOCK_TAGS.has(tag)) kind = BLOCK;
    else continue;
    any = true;
    kinds[j] = kind;
    for (let p = parents[j]; p > i0 && !(kinds[p] & OPEN); p = parents[p]) kinds[p] |= OPEN;
    // A left-out element's subtree is never read.
    if (kind === OMIT) j = ends[j];
  }
  // A block root's own space is trimmed by collapse anyway: left out (see textOf), it is only counted in the length.
  const lead = BLOCK_TAGS.has(rootTag) ? 1 : 0;
  if (!any) return collapse((el.textContent ?? '').slice(0, MAX_TEXT_CHARS - lead));
  const parts: string[] = [];
  let size = 0;
  // Nodes to read, last first, with the scan index of each element (-1 for text).
  const nodes: Node[] = [];
  const at: number[] = [];
  if (!openNode(el, i0, scan, nodes, at)) return null;
  while (nodes.length && size < MAX_TEXT_CHARS) {
    const n = nodes.pop()!;
    const j = at.pop()!;
    let t: string;
    if (j < 0) t = (n as Text).data;
    else {
      const kind = kinds[j];
      if (kind & OMIT) continue;
      if (kind & BLOCK) parts.push(' ');
      if (kind & OPEN) {
        if (!openNode(n as Element, j, scan, nodes, at)) return null;
        continue;
      }
      t = n.textContent ?? '';
    }
    parts.push(t);
    size += t.length;
  }
  return collapse(parts.join('').slice(0, MAX_TEXT_CHARS - lead));
}

/** textFromScan's kinds (OMIT, BLOCK, OPEN) by scan index: one buffer for every entry, each clearing the run of its
 * own subtree before use (a map per entry was an allocation and a hash look-up per element, ~2 µs an entry on
 * refs-3000). Never shared between two calls: an entry's text is read without a pause. */
let kindsByIndex = new Uint8Array(0);

/** Push the child nodes of the scan's element `e` (index `i`) onto `nodes` and `at`, last first. False when the
 * element's children are not the scan's next subtrees (the page changed since the scan). */
function openNode(e: Element, i: number, scan: Scan, nodes: Node[], at: number[]): boolean {
  const { ends } = scan;
  const from = nodes.length;
  let next = i + 1;
  for (let c = e.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1) {
      // Element children are the scan's next subtrees, one after another.
      if (next > ends[i] || !scannedAs(scan, next, c as Element)) return false;
      nodes.push(c);
      at.push(next);
      next = ends[next] + 1;
    } else if (c.nodeType === 3) {
      nodes.push(c);
      at.push(-1);
    }
  }
  reverseFrom(nodes, from);
  reverseFrom(at, from);
  return true;
}

function reverseFrom<T>(a: T[], from: number) {
  for (let i = from, j = a.length - 1; i < j; i++, j--) {
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

function nodesText(src: EntrySource, scan?: Scan): string {
  if (!src.nodes) return (scan && textFromScan(src.el, scan)) ?? textOf(src.el, isBacklink);
  let s = '';
  for (const n of src.nodes) {
    if (n.nodeType === 3) s += (n as Text).data;
    else if (n.nodeType === 1 && !isBacklink(n as Element)) {
      // A block's text is set apart; an inline element's runs on ("<a>the tides</a>." is "the tides.").
      const t = textOf(n as Element, isBacklink);
      const raw = n.textContent ?? '';
      const block = BLOCK_TAGS.has(tagOf(n as Element));
      s += (block || /^\s/.test(raw) ? ' ' : '') + t + (block || /\s$/.test(raw) ? ' ' : '');
    }
  }
  return collapse(s);
}

/** The links of an entry with their scan indices: from the scan's tags when it read the entry's element whole (an HTML
 * document's, no foreign <a> inside), without a live list and an index look-up per link; else from the DOM (index
 * -1 where the scan cannot answer for the link). */
function anchorsWithIndex(src: EntrySource, scan: Scan | undefined, out: Element[], at: number[]): void {
  const i0 = !src.nodes && scan ? wholeSubtreeAt(scan, src.el) : undefined;
  if (i0 !== undefined) {
    for (let j = i0, end = scan!.ends[i0]; j <= end; j++) {
      if (tagAt(scan!, j) !== 'A') continue;
      const a = elementAt(scan!, j);
      if (!a) continue;
      out.push(a);
      at.push(j);
    }
    return;
  }
  for (const a of anchorsIn(src)) {
    out.push(a);
    at.push((scan?.complete ? indexOf(scan, a) : undefined) ?? -1);
  }
}

function anchorsIn(src: EntrySource): Element[] {
  const roots = src.nodes ? (src.nodes.filter((n) => n.nodeType === 1) as Element[]) : [src.el];
  const out: Element[] = [];
  for (const r of roots) {
    if (tagOf(r) === 'A') out.push(r);
    linksIn(r, out);
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

/** An absolute web address: with a base of the same or another scheme, the URL parser reads its authority as without
 * one (WHATWG URL, "special relative or authority state"), so the base need not be parsed again for it. */
const ABSOLUTE_WEB = /^https?:\/\//i;
/** An absolute web address the URL parser returns as it is: a lower-case scheme and host of plain labels whose last
 * starts with a letter (no IPv4 number, no port, no user), a path, query and fragment of characters no percent-encode
 * set of the WHATWG URL standard holds. Dot segments ("/." anywhere) and punycode labels ("xn--", whose decoding
 * may fail) are left to the parser. Most reference links are such addresses: parsing each was ~2 µs (refs-3000). */
const CANONICAL_WEB = /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*\/[\w\-.~!$&'()*+,;=:@/]*(?:\?[\w\-.~!$&()*+,;=:@/?]*)?(?:#[\w\-.~!$&'()*+,;=:@/?]*)?$/;
let lastBase: string | null = null;
let lastBaseParses = false;

/** new URL(href, pageUrl || undefined).href, parsing the base only when it matters: half the cost of a link on
 * refs-3000 in Chromium was the base. An invalid base still makes every link fail, as it does there. */
export function resolve(href: string, pageUrl: string): string {
  if (pageUrl && pageUrl !== lastBase) {
    lastBase = pageUrl;
    lastBaseParses = urlParses(pageUrl);
  }
  if (ABSOLUTE_WEB.test(href) && (!pageUrl || lastBaseParses)) {
    return CANONICAL_WEB.test(href) && !href.includes('/.') && !href.includes('xn--') ? href : new URL(href).href;
  }
  return new URL(href, pageUrl || undefined).href;
}

function urlParses(url: string): boolean {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

export function pageKey(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

/** An entry's text as it shows it: back-links, scripts and styles left out, blocks apart, whitespace collapsed, the
 * glyphs of back-links gone. Read once per entry source and kept on it: the raw text read for cleaning before was a
 * second copy of every entry (8 of the entries' ~45 ms on refs-3000 in Chromium). */
export function entryText(src: EntrySource, scan?: Scan): string {
  let t = src.text;
  if (t === undefined) {
    t = nodesText(src, scan).replace(LEADING_BACKLINK_GLYPHS, '').trim();
    src.text = t;
  }
  return t;
}

export function buildEntry(src: EntrySource, id: string, fallbackLabel: string, pageUrl: string, scan?: Scan): ReferenceEntry {
  const text = entryText(src, scan);
  const page = pageKey(pageUrl);
  const links: string[] = [];
  const hrefs: string[] = [];
  // Each link of the entry is read once: back-links give the label, the others the entry's links.
  const backlinks: Element[] = [];
  const anchors: Element[] = [];
  const anchorAt: number[] = [];
  anchorsWithIndex(src, scan, anchors, anchorAt);
  for (let k = 0; k < anchors.length; k++) {
    const a = anchors[k];
    const at = anchorAt[k];
    if (at >= 0 ? isBacklinkAt(scan!, at) : isBacklink(a)) {
      backlinks.push(a);
      continue;
    }
    const href = at >= 0 ? (hrefAt(scan!, at) ?? null) : a.getAttribute('href');
    if (!href || href.startsWith('#')) continue;
    let abs: string;
    try {
      abs = resolve(href, pageUrl);
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
  const ownId = scannedId(scan, src.el);
  const anchorEl = ownId ? src.el : src.nodes ? null : src.el.querySelector('[id]');
  return {
    id,
    label,
    text,
    links,
    identifiers,
    hasLink: linkState === 'linked' || linkState === 'search-only',
    linkState,
    citedBy: [],
    anchor: anchorEl === src.el ? ownId : anchorEl?.getAttribute('id') ?? '',
  };
}

/** Labels of reference lists: reference headings and short label blocks ("Quellen:"), the box a label climbs to,
 * and the sibling blocks after it. */
import { ADMONITION_CLASS, BACK_MATTER_HEADING, HOW_TO_CITE_LABEL, NOT_REFERENCE_LABEL, REFERENCE_LABEL, SECTION_NUMBER_CLASS } from '../rules';
import { BLOCK_TAGS, VISIBLE, type Scan, anyIn, boundedText, collapse, elementAt, indexOf, isHeadingTag, moreChildrenThan, readWhole, tagAt, tagOf } from '../index';
import { headingText } from '../outline';
import type { ReferenceListKind } from '../types';
import { checkpoint, type Work } from '../work';
import { SKIP_BLOCKS } from './blocks';
import type { EntrySource } from '../entries';

/** Tags that may hold a list's label when it is not a heading (publikum.net's <p><em>Quellen:</em></p>, onmeda.de's
 * <div class="article-tab-headline">). */
export const LABEL_BLOCK_TAGS = new Set(['P', 'DIV', 'DT', 'SPAN', 'STRONG', 'B', 'SUMMARY', 'CAPTION', 'LEGEND']);
/** The inline ones: a label among them starts a line (startsLine). */
const INLINE_LABEL_TAGS = new Set(['SPAN', 'STRONG', 'B']);
/** A label is short: the longest in the label table is 36 characters. */
export const MAX_LABEL_CHARS = 40;

/** Elements whose text is not shown: a label's text is read without them. */
const UNRENDERED_TAGS = new Set(['STYLE', 'SCRIPT', 'TEMPLATE', 'NOSCRIPT']);

const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

export function isReferenceLabel(text: string): boolean {
  const t = collapse(text);
  return t.length > 0 && t.length <= MAX_LABEL_CHARS && REFERENCE_LABEL.test(t) && !NOT_REFERENCE_LABEL.test(t);
}

export function kindOf(label: string): ReferenceListKind {
  const t = label.toLowerCase();
  if (/foot|fuß|fuss|脚注|voet/.test(t)) return 'footnotes';
  if (/bibliog|literat|works cited|cited works|文献/.test(t)) return 'bibliography';
  if (/source|quelle|fuente|fonte|bron|出典/.test(t)) return 'sources';
  if (/^(?:notes?|anmerk|notas?|注)/.test(t) && !/refer/.test(t)) return 'notes';
  return 'references';
}

/** Is `el` a label of some (other) list, reference or not ("Further reading" ends a References list), of a section
 * of the back matter ("Editorial history", "Contributor's Note": BACK_MATTER_HEADING), or of a how-to-cite box
 * (HOW_TO_CITE_LABEL)? */
function isAnyLabel(el: Element): boolean {
  if (moreChildrenThan(el, 3)) return false;
  const t = boundedText(el);
  return t.length > 0 && t.length <= MAX_LABEL_CHARS && (REFERENCE_LABEL.test(t) || NOT_REFERENCE_LABEL.test(t) || BACK_MATTER_HEADING.test(t) || HOW_TO_CITE_LABEL.test(t));
}

/** Has `el` a heading inside? From the scan's heading positions when it read `el`'s subtree whole (a selector query
 * walked the 3,000 entries of refs-3000's list for each question), or when it stopped at its deadline inside it: a
 * partial report judges the part it read (the query walked the 200,000 elements of a list of 100,000 links in one
 * step, 60 ms, where the report had stopped reading anyway). */
export function containsHeading(el: Element, scan: Scan): boolean {
  const i = indexOf(scan, el);
  const fromScan = i !== undefined && readWhole(scan, i) && (scan.complete || (scan.truncated && el.ownerDocument.contentType === 'text/html'));
  return fromScan ? anyIn(scan.headingAt, i + 1, scan.ends[i]) : el.querySelector('h1,h2,h3,h4,h5,h6') !== null;
}

/** Climb from a label to the ancestor that holds nothing but it (MediaWiki's div.mw-heading, snopes' <a><h5>).
 * `short` gives an element's text when it is short enough to be a label, else null (so a long section is never read). */
export function labelBox(label: Element, short: (el: Element) => string | null): Element {
  const want = letters(short(label) ?? label.textContent ?? '');
  const same = (el: Element) => {
    const t = short(el);
    return t !== null && letters(t) === want;
  };
  let box = label;
  while (box.parentElement && !box.nextElementSibling && same(box.parentElement)) box = box.parentElement;
  // A toggle wrapper (<a><h5>Sources</h5></a>) whose own text is the label also counts.
  while (box.parentElement && same(box.parentElement)) box = box.parentElement;
  return box;
}

/** The sibling blocks after a label's box (labelBox), up to the next heading, section or label. */
export function blocksAfter(box: Element, scan: Scan): Element[] {
  const out: Element[] = [];
  // A term of a description list (<dt>Notes:</dt>) labels its <dd>s only, up to the next term (HTML's dl: a group
  // is one or more dt followed by one or more dd). ACL Anthology's metadata dl (acl-prompt-data-points): "Note:" over
  // an empty dd, then "Pages:".
  const term = tagOf(box) === 'DT';
  // Whether every block so far held headings inside its list items only (titled entries), so that the next may too.
  let titledItems = true;
  for (let s = box.nextElementSibling; s; s = s.nextElementSibling) {
    const tag = tagOf(s);
    if (term && tag === 'DT') break;
    if (SKIP_BLOCKS.has(tag)) continue;
    if (isHeadingTag(tag) || isAnyLabel(s)) break;
    const titled = containsHeading(s, scan);
    if (titled && !(titledItems && headingsInItemsOnly(s))) break;
    titledItems &&= titled;
    out.push(s);
  }
  return out;
}

/** Lines gathered after an inline label at most (a block of lines is a short list; MAX_GATHERED_SOURCES bounds lists). */
const MAX_LABEL_LINES = 500;

/**
 * The lines after an inline label's box (labelBox) that starts a line in its block (<strong>注释</strong><br>①…<br>②…), one source a
 * line, up to the block's end, a block element, or the next inline label starting a line (<strong>译文</strong> before
 * it labels the translation): dugushici-bai-juyi-night-rain's glosses, WordPress's "<b>Quellen:</b><br>…" lines.
 * Empty when the label is not inline or no line follows it on its own line.
 */
export function linesAfter(box: Element, short: (el: Element) => string | null): EntrySource[] {
  if (!INLINE_LABEL_TAGS.has(tagOf(box)) || !box.parentElement) return [];
  const out: EntrySource[] = [];
  let line: Node[] = [];
  let afterBreak = false;
  const end = () => {
    if (line.length) out.push({ el: box.parentElement!, nodes: line });
    line = [];
  };
  for (let n = box.nextSibling; n && out.length < MAX_LABEL_LINES; n = n.nextSibling) {
    if (n.nodeType === 1) {
      const tag = tagOf(n as Element);
      if (tag === 'BR') {
        // The label's own line ends at the first break: text on it is not a line of the list.
        if (!afterBreak && line.length) return [];
        afterBreak = true;
        end();
        continue;
      }
      if (BLOCK_TAGS.has(tag) || isHeadingTag(tag)) break;
      if (INLINE_LABEL_TAGS.has(tag) && !line.length && afterBreak && short(n as Element) !== null) break;
    } else if (n.nodeType !== 3 || !VISIBLE.test((n as Text).data)) continue;
    if (!afterBreak) return [];
    line.push(n);
  }
  end();
  return out;
}

/** Headings looked at in a block before it is taken for a section: a list of more titled entries is one such list. */
const MAX_ITEM_HEADINGS = 1000;

/**
 * Does every heading in `block` sit inside one of its list items? Under a reference label, a list whose items carry
 * headings is a list of titled entries (ScienceDirect's previews: each li.bib-reference holds its journal's name in an
 * h3), not the next section. Taken only from the label on: a titled list after plain entries is another list (related
 * articles' cards), and it ends this one.
 */
function headingsInItemsOnly(block: Element): boolean {
  const hs = block.querySelectorAll('h1,h2,h3,h4,h5,h6');
  if (hs.length > MAX_ITEM_HEADINGS) return false;
  for (const h of hs) {
    const item = h.closest('li');
    if (!item || !block.contains(item)) return false;
  }
  return true;
}


/** Tags whose descendants are never label blocks (a label inside a heading, list item or link is not a list's label). */
const NO_LABEL_INSIDE = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'A']);

/** Raw text (before whitespace is collapsed) longer than this is never a label: MAX_LABEL_CHARS with room for the
 * indentation of pretty-printed markup around it. */
const MAX_RAW_LABEL_CHARS = 400;
/** Nodes a label box may hold (the largest in the corpus, a Wikipedia heading with its edit link, has about 12). */
const MAX_LABEL_NODES = 64;

/** An element's raw text and the nodes of its subtree (itself included), when within the label limits. */
interface ShortText {
  raw: string;
  nodes: number;
}
/** Returned for an element read deeper than MAX_LABEL_NODES below the one asked: its own answer is unknown (only its
 * ancestor's, too long), so nothing on the way is memoised. */
const CUT = 0;

/**
 * An element's collapsed text when it is short enough to be a label, else null: at most MAX_LABEL_NODES nodes,
 * MAX_RAW_LABEL_CHARS characters before and MAX_LABEL_CHARS after collapsing. Composed from its children's answers,
 * memoised per report for the elements that have element children: each of those is read once however deeply label
 * blocks nest (youtube-watch's wrappers, where each one read its subtree's nodes again, made the label search 2 µs per
 * element of the page in Chromium). A leaf's own text nodes are read again each time it is asked or read by its parent
 * (twice for most): remembering every inline element of every paragraph, most of them asked once, was most of the
 * label search's allocation (2.7 MB of map growth in a report at once on the 1M-element page). The limits only
 * grow with the text read (a child past them puts its parent past them), so the answer is the same as reading the
 * subtree in document order and stopping at a limit. Recursion is at most MAX_LABEL_NODES deep: deeper markup is past
 * the node limit.
 */
export function shortTextReader(): (el: Element) => string | null {
  const memo = new Map<Element, ShortText | null>();
  const read = (el: Element, depth: number): ShortText | null | typeof CUT => {
    const known = memo.get(el);
    if (known !== undefined) return known;
    if (depth > MAX_LABEL_NODES) return CUT;
    let raw = '';
    let nodes = 1;
    let leaf = true;
    for (let c = el.firstChild; c && nodes <= MAX_LABEL_NODES && raw.length <= MAX_RAW_LABEL_CHARS; c = c.nextSibling) {
      if (c.nodeType === 1) {
        leaf = false;
        // A style sheet or script inside a label is not its text (a CSS-in-JS block inside each heading of
        // nccih-meditation-mindfulness: "<h2><style>.header_greentext{…}</style>Key References</h2>").
        if (UNRENDERED_TAGS.has(tagOf(c as Element))) {
          nodes++;
          continue;
        }
        const sub = read(c as Element, depth + 1);
        // CUT: a chain of more than MAX_LABEL_NODES elements below `el`, past the limit when `el` is the one asked.
        if (sub === CUT && depth) return CUT;
        if (!sub) {
          nodes = Infinity;
          break;
        }
        raw += sub.raw;
        nodes += sub.nodes;
      } else {
        nodes++;
        if (c.nodeType === 3 || c.nodeType === 4) raw += (c as Text).data;
      }
    }
    // Collapsed once, at the end: a text too long for a label makes every ancestor's too long.
    const result = nodes > MAX_LABEL_NODES || raw.length > MAX_RAW_LABEL_CHARS || (raw.length > MAX_LABEL_CHARS && collapse(raw).length > MAX_LABEL_CHARS) ? null : { raw, nodes };
    if (!leaf) memo.set(el, result);
    return result;
  };
  return (el) => {
    const r = read(el, 0);
    if (!r) return null;
    const collapsed = collapse(r.raw);
    return collapsed.length <= MAX_LABEL_CHARS ? collapsed : null;
  };
}

/**
 * Does the inline element `el` start a line: is there nothing before it in its parent but blank text, empty elements
 * (an anchor, an icon) and blocks (a <br>, a paragraph)? A label in the middle of a paragraph's text labels no list:
 * the blocks after it are the rest of the paragraph. Asked before the element's text is read: on the 1M-element page,
 * a bare walk that read the text of each of its 480,000 spans took 0.7–0.8 s in Chromium, and 0.16 s without the
 * text, and the texts added 1.1 MB to V8's old generation, where reading their lengths or the single spaces between
 * them added nothing (heap use after two minor collections).
 */
function startsLine(el: Element): boolean {
  for (let n = el.previousSibling; n; n = n.previousSibling) {
    if (n.nodeType === 1) {
      if (BLOCK_TAGS.has(tagOf(n as Element))) return true;
      if (n.firstChild) return false;
    } else if (n.nodeType === 3 && VISIBLE.test((n as Text).data)) return false;
  }
  return true;
}

/** Labels: reference headings, and short blocks whose whole text is a reference label. */
export function* findLabels(scan: Scan, textOfBlock: (el: Element) => string | null, expired: () => boolean): Work<Element[]> {
  const labels: Element[] = [];
  const seen = new Set<Element>();
  // Elements inside a heading, list item or link, by document order, found in the same pass from the parent's
  // verdict (el.closest per element walked every ancestor: quadratic in deep markup).
  const insideNoLabel = new Uint8Array(scan.elements);
  // The box a label climbs to, shared by every element on the way (they have the same text, so the same climb).
  const tops = new Map<Element, Element>();
  const { parents } = scan;
  for (let i = 0; i < scan.elements; i++) {
    if (checkpoint(i)) {
      if (expired()) break;
      yield;
    }
    const p = parents[i];
    if (p >= 0 && (insideNoLabel[p] || NO_LABEL_INSIDE.has(tagAt(scan, p)))) insideNoLabel[i] = 1;
    const tag = tagAt(scan, i);
    const heading = isHeadingTag(tag);
    if (!heading && !LABEL_BLOCK_TAGS.has(tag)) continue;
    if (!heading && insideNoLabel[i]) continue;
    const el = elementAt(scan, i);
    if (!el || (!heading && moreChildrenThan(el, 2))) continue;
    if (INLINE_LABEL_TAGS.has(tag) && !startsLine(el)) continue;
    const t = heading ? headingText(el) : textOfBlock(el);
    if (t === null || !isReferenceLabel(heading ? unnumbered(el, t) : t)) continue;
    // One label per box: <p><em>Quellen:</em></p> is found once, as the <p>.
    let top = el;
    const path: Element[] = [];
    while (top.parentElement && LABEL_BLOCK_TAGS.has(tagOf(top.parentElement)) && textOfBlock(top.parentElement) === t) {
      const known = tops.get(top.parentElement);
      if (known) {
        top = known;
        break;
      }
      path.push(top);
      top = top.parentElement;
    }
    for (const e of path) tops.set(e, top);
    tops.set(top, top);
    if (seen.has(top)) continue;
    seen.add(top);
    if (leadsIn(top) || inAdmonition(top)) continue;
    labels.push(top);
  }
  return labels;
}

/** Is the inline label `el` followed by text on its own line, a lead-in ("<b>Note:</b> Some sites close in April…":
 * cfpb-guide-filing-taxes) rather than the label of lines or blocks after it? */
function leadsIn(el: Element): boolean {
  if (!INLINE_LABEL_TAGS.has(tagOf(el))) return false;
  for (let n = el.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 3) {
      if (VISIBLE.test((n as Text).data)) return true;
      continue;
    }
    if (n.nodeType !== 1) continue;
    const tag = tagOf(n as Element);
    if (tag === 'BR' || BLOCK_TAGS.has(tag) || isHeadingTag(tag)) return false;
    if (VISIBLE.test(n.textContent ?? '')) return true;
  }
  return false;
}

/** Ancestors looked at for an admonition box around a label. */
const MAX_ADMONITION_DEPTH = 3;

/** Is `el` the title of an admonition box (ADMONITION_CLASS, role="note")? */
function inAdmonition(el: Element): boolean {
  let e: Element | null = el.parentElement;
  for (let depth = 0; e && depth < MAX_ADMONITION_DEPTH; depth++, e = e.parentElement) {
    if (e.getAttribute('role') === 'note' || ADMONITION_CLASS.test(e.getAttribute('class') ?? '')) return true;
  }
  return false;
}

/** A heading's text without its section number, when the number is an element of its own (SECTION_NUMBER_CLASS:
 * Org-mode's "<span class=section-number-2>4</span> References", emacspeak-defadvice). A number in the text alone may
 * be a count ("73 Citations"), so it stays. */
function unnumbered(h: Element, text: string): string {
  const first = h.firstElementChild;
  if (!first || !SECTION_NUMBER_CLASS.test(first.getAttribute('class') ?? '')) return text;
  const n = collapse(first.textContent ?? '');
  return n && text.startsWith(n) ? text.slice(n.length).trim() : text;
}

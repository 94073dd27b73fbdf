/**
 * Reference lists: labelled sections (a heading or a label block such as "Quellen:"), structural containers (MediaWiki
 * `ol.references`, DPUB-ARIA endnotes, Markdown footnotes, HTMLBook), sidenotes, and single inline citations behind a
 * label ("More information:"). Each is split into entries as the page presents them.
 */
import {
  INLINE_REFERENCE_LABEL, MARKER_TARGET, MARKER_TEXT, MAX_REPORT_ENTRIES, MAX_TEXT_CHARS, MIN_BR_SEPARATORS, MIN_LONE_PARAGRAPH_LINES, NOT_REFERENCE_LABEL, REFERENCE_CONTAINER_SELECTOR, REFERENCE_LABEL,
  SIDENOTE_SELECTOR, TRAILING_NON_ENTRY,
} from './constants';
import { BLOCK_TAGS, FLAG_CHROME, FLAG_HIDDEN, MARK_NOTEREF, VISIBLE, type Scan, anyIn, boundedText, collapse, elementAt, fragmentTarget, hrefAt, indexOf, isHeadingTag, linksIn, moreChildrenThan, readWhole, tagAt, tagOf, wholeSubtreeAt } from './dom';
import { type EntrySource, buildEntry, entryText } from './entries';
import { headingText } from './outline';
import type { ReferenceList, ReferenceListKind } from './types';
import { checkpoint, type Work } from './work';

export interface FoundList {
  heading: string;
  /** The label element (a heading or a label block), when the list has one. */
  labelEl: Element | null;
  kind: ReferenceListKind;
  sources: EntrySource[];
  /** The list was cut short of its end (cutShort): the page's list has more sources than these. */
  partial?: boolean;
}

/** Tags that may hold a list's label when it is not a heading (publikum.net's <p><em>Quellen:</em></p>, onmeda.de's
 * <div class="article-tab-headline">). */
const LABEL_BLOCK_TAGS = new Set(['P', 'DIV', 'DT', 'SPAN', 'STRONG', 'B', 'SUMMARY', 'CAPTION', 'LEGEND']);
/** The inline ones: a label among them starts a line (startsLine). */
const INLINE_LABEL_TAGS = new Set(['SPAN', 'STRONG', 'B']);
/** A label is short: the longest in the label table is 36 characters. */
const MAX_LABEL_CHARS = 40;
const LIST_TAGS = new Set(['OL', 'UL']);
const SKIP_BLOCKS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'BR', 'HR', 'LINK', 'META']);
/** Containers of recipe cards, whose "Notes" are cooking notes (WP Recipe Maker, Tasty Recipes). */
const RECIPE_CONTAINER = /(?:^|[\s_-])(?:recipe|wprm|tasty-recipes|recipe-card)(?:$|[\s_-])/i;

/** A note reached from a marker is a paragraph or two, not a whole section (10× the longest corpus footnote). */
const MAX_NOTE_CHARS = 5000;

const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

export function isReferenceLabel(text: string): boolean {
  const t = collapse(text);
  return t.length > 0 && t.length <= MAX_LABEL_CHARS && REFERENCE_LABEL.test(t) && !NOT_REFERENCE_LABEL.test(t);
}

function kindOf(label: string): ReferenceListKind {
  const t = label.toLowerCase();
  if (/foot|fuß|fuss|脚注|voet/.test(t)) return 'footnotes';
  if (/bibliog|literat|works cited|cited works|文献/.test(t)) return 'bibliography';
  if (/source|quelle|fuente|fonte|bron|出典/.test(t)) return 'sources';
  if (/^(?:notes?|anmerk|notas?|注)/.test(t) && !/refer/.test(t)) return 'notes';
  return 'references';
}

/** Is `el` a label of some (other) list, reference or not ("Further reading" ends a References list). */
function isAnyLabel(el: Element): boolean {
  if (moreChildrenThan(el, 3)) return false;
  const t = boundedText(el);
  return t.length > 0 && t.length <= MAX_LABEL_CHARS && (REFERENCE_LABEL.test(t) || NOT_REFERENCE_LABEL.test(t));
}

/** Has `el` a heading inside? From the scan's heading positions when it read `el`'s subtree whole (a selector query
 * walked the 3,000 entries of refs-3000's list for each question), or when it stopped at its deadline inside it: a
 * partial report judges the part it read (the query walked the 200,000 elements of a list of 100,000 links in one
 * step, 60 ms, where the report had stopped reading anyway). */
function containsHeading(el: Element, scan: Scan): boolean {
  const i = indexOf(scan, el);
  const fromScan = i !== undefined && readWhole(scan, i) && (scan.complete || (scan.truncated && el.ownerDocument.contentType === 'text/html'));
  return fromScan ? anyIn(scan.headingAt, i + 1, scan.ends[i]) : el.querySelector('h1,h2,h3,h4,h5,h6') !== null;
}

/** Climb from a label to the ancestor that holds nothing but it (MediaWiki's div.mw-heading, snopes' <a><h5>).
 * `short` gives an element's text when it is short enough to be a label, else null (so a long section is never read). */
function labelBox(label: Element, short: (el: Element) => string | null): Element {
  const want = letters(label.textContent ?? '');
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

/** The sibling blocks after a label, up to the next heading, section or label. */
function blocksAfter(label: Element, short: (el: Element) => string | null, scan: Scan): Element[] {
  const out: Element[] = [];
  for (let s = labelBox(label, short).nextElementSibling; s; s = s.nextElementSibling) {
    const tag = tagOf(s);
    if (SKIP_BLOCKS.has(tag)) continue;
    if (isHeadingTag(tag) || containsHeading(s, scan) || isAnyLabel(s)) break;
    out.push(s);
  }
  return out;
}

/** Outermost lists within `b` (the page may wrap the whole section in a list of its own, as snopes.com does). From the
 * scan, in document order, stepping over each list's subtree, when it read `b`'s subtree whole. */
function listsIn(b: Element, scan: Scan): Element[] {
  if (LIST_TAGS.has(tagOf(b))) return [b];
  const i = wholeSubtreeAt(scan, b);
  if (i === undefined) {
    return Array.from(b.querySelectorAll('ol,ul')).filter((l) => {
      const outer = l.parentElement?.closest('ol,ul');
      return !outer || !b.contains(outer);
    });
  }
  const out: Element[] = [];
  for (let j = i + 1, end = scan.ends[i]; j <= end; j++) {
    if (!LIST_TAGS.has(tagAt(scan, j))) continue;
    const l = elementAt(scan, j);
    if (l) out.push(l);
    j = scan.ends[j];
  }
  return out;
}

/** Has `el` any non-blank text? Stops at the first text node that has some (a list of 3,000 entries is not copied
 * into one string to find out). */
function hasText(el: Element): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (/\S/.test((n as Text).data)) return true;
  return false;
}

/**
 * Entry sources from list items, paragraphs or <br><br> chunks in `blocks`. The first block decides the form: a list
 * (its items, and the items of the lists right after it) or paragraphs (up to the first block that holds a list, such
 * as a share bar after publikum.net's "Quellen:" paragraphs). Pauses between ENTRIES_PER_SLICE sources, and past the
 * deadline returns those gathered (a list of 100,000 links took 220 ms to gather in one step in Chromium, though
 * only the first few hundred were read before the deadline).
 */
function* entriesFromBlocks(blocks: Element[], scan: Scan, expired: () => boolean): Work<EntrySource[]> {
  const first = blocks.findIndex(hasText);
  if (first < 0) return [];
  const items: EntrySource[] = [];
  if (listsIn(blocks[first], scan).length) {
    for (const b of blocks.slice(first)) {
      const lists = listsIn(b, scan);
      if (!lists.length) break;
      // The children by sibling steps: an array of a 3,000-item list's children, iterated, was 2–3 ms (refs-3000).
      for (const l of lists) {
        for (let li = l.firstElementChild; li; li = li.nextElementSibling) {
          if (tagOf(li) !== 'LI') continue;
          items.push({ el: li, text: undefined });
          if (items.length > MAX_GATHERED_SOURCES) return items;
          if (entryCheckpoint(items.length - 1)) {
            if (expired()) return items;
            yield;
          }
        }
      }
    }
    return items;
  }
  const paras: Element[] = [];
  const flatten = (b: Element, depth: number) => {
    const blockKids = Array.from(b.children).filter((c) => !SKIP_BLOCKS.has(tagOf(c)) && /^(?:P|DIV|SECTION|BLOCKQUOTE)$/.test(tagOf(c)));
    // An element with an id is one entry even across several paragraphs (SPIP's div#nb4-3 > p + p).
    if (depth < 3 && !b.hasAttribute('id') && blockKids.length >= 2) for (const c of blockKids) flatten(c, depth + 1);
    else if (depth < 3 && !b.hasAttribute('id') && blockKids.length === 1 && boundedText(b) === boundedText(blockKids[0])) flatten(blockKids[0], depth + 1);
    else paras.push(b);
  };
  // Paragraph entries continue while the blocks look alike (same tag and class): a tag cloud or share bar after
  // them is not an entry (publikum.net), nor is a differently classed "updated" line (pronats.de).
  const shape = (b: Element) => `${tagOf(b)} ${b.getAttribute('class') ?? ''}`;
  const firstShape = shape(blocks[first]);
  for (const b of blocks.slice(first)) {
    if (listsIn(b, scan).length || shape(b) !== firstShape) break;
    flatten(b, 0);
  }
  const out: EntrySource[] = [];
  for (const [i, p] of paras.entries()) {
    if (entryCheckpoint(i)) {
      if (expired()) break;
      yield;
    }
    // <br><br> separates entries; in a lone paragraph of several lines a single <br> does (a WordPress "Sources:" block).
    const chunks = brChunks(p, MIN_BR_SEPARATORS) ?? (paras.length === 1 ? brChunks(p, 1, MIN_LONE_PARAGRAPH_LINES) : null);
    if (chunks) out.push(...chunks);
    else out.push({ el: p });
    if (out.length > MAX_GATHERED_SOURCES) break;
  }
  return out;
}

/** Split a block at runs of `separators` or more <br>, when it has at least `minChunks` such chunks. */
function brChunks(p: Element, separators: number, minChunks = 2): EntrySource[] | null {
  const chunks: Node[][] = [[]];
  let brs = 0;
  for (let n = p.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && tagOf(n as Element) === 'BR') {
      brs++;
      continue;
    }
    if (n.nodeType === 3 && !(n as Text).data.trim()) continue;
    if (brs >= separators && chunks[chunks.length - 1].length) chunks.push([]);
    brs = 0;
    chunks[chunks.length - 1].push(n);
  }
  return chunks.length >= minChunks ? chunks.map((nodes) => ({ el: p, nodes })) : null;
}

/** Entries read or built between checkpoints of a sliced report: an entry costs up to ~30 µs (refs-3000 in Chromium), so
 * ~2 ms. 256 (~8 ms) was too coarse once the collector marks the page's DOM inside the report's own script
 * (docs/speed.md): on the pathological page of 100,000 links, stretches between pauses at the end of the reference
 * lists ran 46–97 ms. With 64, two reports on each of three fresh copies had tasks of 52 and 56 ms on two copies and
 * none over 50 ms on the third (78–97 ms before). */
const ENTRIES_PER_SLICE = 64;
/** The most sources gathered from one list, and kept after cleaning: a report carries MAX_REPORT_ENTRIES in all, so a
 * list of 100,000 items (the end-to-end page of 100,000 links) is neither gathered nor read to its deadline past them.
 * Gathered: twice that, as cleaning drops empty lines; a list with more is marked partial. Kept: one more than a report
 * carries, so that the report knows the list was cut. */
const MAX_GATHERED_SOURCES = 2 * MAX_REPORT_ENTRIES;
/** Was a list cut short: gathered past MAX_GATHERED_SOURCES, or kept past what a report carries? */
const cutShort = (gathered: number, kept: EntrySource[]) => gathered > MAX_GATHERED_SOURCES || kept.length > MAX_REPORT_ENTRIES;
const entryCheckpoint = (i: number) => i % ENTRIES_PER_SLICE === ENTRIES_PER_SLICE - 1;

/** Drop empty entries and lines that are not entries (copyright, "updated" dates). Past the deadline, the entries
 * read so far (a list of 100,000 entries is not read to its end: the report is partial). */
function* cleanEntries(sources: EntrySource[], scan: Scan, expired: () => boolean): Work<EntrySource[]> {
  const kept: EntrySource[] = [];
  for (const [i, s] of sources.entries()) {
    if (entryCheckpoint(i)) {
      if (expired()) break;
      yield;
    }
    const t = entryText(s, scan);
    if (t.length > 1 && !TRAILING_NON_ENTRY.test(t)) kept.push(s);
    if (kept.length > MAX_REPORT_ENTRIES) break;
  }
  return kept;
}

/** A list of in-page jumps (a table of contents) or of bare site links (a sidebar widget titled "References"). */
function* looksLikeLinkList(sources: EntrySource[], scan: Scan, labelEl: Element | null): Work<boolean> {
  const inChrome = labelEl ? ((scan.flags.get(labelEl) ?? 0) & FLAG_CHROME) !== 0 : false;
  let inPage = 0;
  let linkOnly = 0;
  for (const [i, s] of sources.entries()) {
    if (entryCheckpoint(i)) yield;
    const t = entryText(s, scan);
    const as = s.nodes ? [] : linksIn(s.el);
    if (as.length === 1 && collapse(as[0].textContent ?? '') === t) {
      if ((as[0].getAttribute('href') ?? '').startsWith('#')) inPage++;
      else if (!/^(?:https?:\/\/|www\.)/i.test(t)) linkOnly++;
    }
    // Every entry must be an in-page jump, or (in chrome) every one a bare link: the first entry that is neither
    // settles it (a list of 3,000 references is not read to the end to find out).
    if (inPage <= i && (!inChrome || linkOnly <= i)) return false;
  }
  return inPage === sources.length || (inChrome && linkOnly === sources.length);
}

function* acceptable(list: FoundList, scan: Scan): Work<boolean> {
  if (!list.sources.length) return false;
  // A label inside a hidden modal or template is not the article's (phys.org's e-mail dialog "Note").
  if (list.labelEl && (scan.flags.get(list.labelEl) ?? 0) & FLAG_HIDDEN) return false;
  // A label in a menu or inside a link is a menu item ("Notes" in maggieappleton.com's garden mega-menu).
  if (list.labelEl?.closest('nav,[role="navigation"],[role="menu"],[role="menubar"],a[href]')) return false;
  if (list.labelEl && hasRecipeAncestor(list.labelEl)) return false;
  return !(yield* looksLikeLinkList(list.sources, scan, list.labelEl));
}

function hasRecipeAncestor(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (RECIPE_CONTAINER.test(e.getAttribute('class') ?? '')) return true;
  return false;
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
function shortTextReader(): (el: Element) => string | null {
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
function* findLabels(scan: Scan, textOfBlock: (el: Element) => string | null, expired: () => boolean): Work<Element[]> {
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
    if (t === null || !isReferenceLabel(t)) continue;
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
    labels.push(top);
  }
  return labels;
}

export function* findReferenceLists(scan: Scan, expired: () => boolean = () => false): Work<FoundList[]> {
  const short = shortTextReader();
  const found: FoundList[] = [];
  const claimed = new Set<Element>();
  // The scanned elements that are claimed sources or inside one, by scan index: isClaimed answers without walking up
  // an element's ancestors (steps 4 and 5 ask it of every first <b> and every in-page link of the page: 10 of the
  // reference lists' ~40 ms on refs-3000 in Chromium). A scanned element's ancestors are all scanned, and an element
  // the scan did not reach is inside no scanned source: those are looked up as before.
  const claimedAt = new Uint8Array(scan.elements);
  // A partial list claims the blocks it was gathered from too, so that no later step takes its items past the cap for
  // a list of their own.
  // Pauses every CLOCK_CHECK_EVERY sources: a list gathered to its cap has 10,000, each looked up.
  const claim = function* (l: FoundList, blocks: Element[] = []): Work<void> {
    const els = [...l.sources.map((s) => s.el), ...(l.partial ? blocks : [])];
    for (let k = 0; k < els.length; k++) {
      if (checkpoint(k)) yield;
      const el = els[k];
      claimed.add(el);
      const at = indexOf(scan, el);
      if (at !== undefined) claimedAt.fill(1, at, scan.ends[at] + 1);
    }
    found.push(l);
  };
  const isClaimed = (el: Element) => {
    const at = indexOf(scan, el);
    if (at !== undefined) return claimedAt[at] === 1;
    for (let e: Element | null = el; e; e = e.parentElement) if (claimed.has(e)) return true;
    return false;
  };

  // 1. Labelled lists.
  for (const label of yield* findLabels(scan, short, expired)) {
    if (expired()) break;
    yield;
    if (isClaimed(label)) continue;
    const heading = isHeadingTag(tagOf(label)) ? headingText(label) : collapse(label.textContent ?? '');
    const blocks = blocksAfter(label, short, scan);
    const gathered = yield* entriesFromBlocks(blocks, scan, expired);
    const sources = yield* cleanEntries(gathered, scan, expired);
    const list: FoundList = { heading, labelEl: label, kind: kindOf(heading), sources, partial: cutShort(gathered.length, sources) };
    if (yield* acceptable(list, scan)) yield* claim(list, blocks);
  }

  if (expired()) return inOrder(found, scan);
  // 2. Structural containers without a label found above.
  for (const c of scan.structural.filter((e) => e.matches(REFERENCE_CONTAINER_SELECTOR))) {
    yield;
    if (isClaimed(c) || Array.from(claimed).some((e) => c.contains(e))) continue;
    let sources: EntrySource[];
    const direct = Array.from(c.children).filter((k) => k.getAttribute('data-type') === 'footnote' || k.getAttribute('role') === 'doc-footnote');
    sources = direct.length ? direct.map((el) => ({ el })) : yield* entriesFromBlocks([c], scan, expired);
    const gathered = sources.length;
    sources = yield* cleanEntries(sources, scan, expired);
    const role = c.getAttribute('role');
    const list: FoundList = { heading: '', labelEl: null, kind: role === 'doc-bibliography' ? 'bibliography' : /foot/i.test(c.className) || c.getAttribute('data-type') === 'footnotes' ? 'footnotes' : role === 'doc-endnotes' ? 'notes' : 'references', sources, partial: cutShort(gathered, sources) };
    if (yield* acceptable(list, scan)) yield* claim(list, [c]);
  }

  if (expired()) return inOrder(found, scan);
  // 3. Sidenotes in the text.
  const side = scan.structural.filter((e) => e.matches(SIDENOTE_SELECTOR)).filter((e) => !isClaimed(e) && !e.parentElement?.closest(SIDENOTE_SELECTOR));
  if (side.length) yield* claim({ heading: '', labelEl: null, kind: 'sidenotes', sources: side.map((el) => ({ el })) });

  if (expired()) return inOrder(found, scan);
  // 4. A single citation behind an inline label at the start of a block ("More information: …").
  for (let i = 0; i < scan.elements; i++) {
    if (checkpoint(i)) {
      if (expired()) break;
      yield;
    }
    const tag = tagAt(scan, i);
    // A label starts its block: it is the block's first element (the element right after its parent in the scan).
    if ((tag !== 'STRONG' && tag !== 'B') || scan.parents[i] !== i - 1) continue;
    // A block already claimed (a reference list's entry) is not read.
    if (claimedAt[i - 1]) continue;
    const el = elementAt(scan, i);
    if (!el) continue;
    // The label ends with a colon: without one in the text read, the pattern cannot match and nothing is collapsed.
    const raw = el.textContent ?? '';
    const head = raw.length > MAX_TEXT_CHARS ? raw.slice(0, MAX_TEXT_CHARS) : raw;
    if (!head.includes(':') && !head.includes('：')) continue;
    if (!INLINE_REFERENCE_LABEL.test(collapse(head))) continue;
    const block = el.parentElement;
    if (!block || isClaimed(block) || block.closest('figure,figcaption,caption,table')) continue;
    let first: Node | null = block.firstChild;
    while (first && first.nodeType === 3 && !(first as Text).data.trim()) first = first.nextSibling;
    if (first !== el) continue;
    const nodes: Node[] = [];
    for (let n = el.nextSibling; n; n = n.nextSibling) {
      if (n.nodeType === 1 && /^(?:DIV|P|UL|OL|TABLE|SECTION|H[1-6])$/.test(tagOf(n as Element))) break;
      nodes.push(n);
    }
    const text = collapse(nodes.map((n) => n.textContent ?? '').join(' '));
    if (text.length < 40) continue;
    yield* claim({ heading: collapse(el.textContent ?? '').replace(/\s*[:：]$/, ''), labelEl: el, kind: 'inline', sources: [{ el: block, nodes }] });
  }

  if (expired()) return inOrder(found, scan);
  // 5. Notes that only in-text markers lead to (Substack's div.footnote blocks, hand-made "#note-1" footnotes).
  const targets: Element[] = [];
  const seenTargets = new Set<Element>();
  for (let i = 0; i < scan.fragmentAt.length; i++) {
    if (checkpoint(i)) {
      if (expired()) break;
      yield;
    }
    const at = scan.fragmentAt[i];
    const href = hrefAt(scan, at)!;
    // A marker has role doc-noteref, or a note-like target and marker-like text. The cheap tests come first, and the
    // text is read only for a link whose note is still unclaimed (a reference list's own markers stop at their
    // claimed entry).
    const byTarget = MARKER_TARGET.test(href.slice(1));
    const noteref = (scan.marks[at] & MARK_NOTEREF) !== 0;
    if (!byTarget && !noteref) continue;
    // A link inside a claimed list (a back-link from an entry to its marker) leads to no new note.
    if (claimedAt[at]) continue;
    const target = scan.ids.get(fragmentTarget(scan, at)!);
    // Of a marker and its back-link, which point at each other, the marker comes first.
    if (target && tagOf(target) === 'A' && (indexOf(scan, target) ?? 0) < at) continue;
    const block = target?.closest('li,p,div,aside,dd');
    if (!block || seenTargets.has(block) || isClaimed(block)) continue;
    const a = elementAt(scan, at);
    if (!a) continue;
    if (byTarget && !noteref && !MARKER_TEXT.test(collapse(a.textContent ?? ''))) continue;
    if (isClaimed(a) || block.contains(a) || containsHeading(block, scan)) continue;
    if (collapse(block.textContent ?? '').length > MAX_NOTE_CHARS) continue;
    seenTargets.add(block);
    targets.push(block);
  }
  if (targets.length) {
    targets.sort((x, y) => (indexOf(scan, x) ?? 0) - (indexOf(scan, y) ?? 0));
    const list: FoundList = { heading: '', labelEl: null, kind: 'footnotes', sources: targets.map((el) => ({ el })) };
    if (yield* acceptable(list, scan)) yield* claim(list);
  }

  return inOrder(found, scan);
}

function inOrder(found: FoundList[], scan: Scan): FoundList[] {
  const pos = (l: FoundList) => indexOf(scan, l.labelEl ?? l.sources[0].el) ?? 0;
  return found.sort((a, b) => pos(a) - pos(b));
}

/** The lists' entries, built. Past the deadline the lists end where building stopped, and `found` is cut to match
 * (each list's sources stay aligned with its entries). */
export function* toReferenceLists(found: FoundList[], pageUrl: string, scan?: Scan, expired: () => boolean = () => false): Work<ReferenceList[]> {
  const lists: ReferenceList[] = [];
  let built = 0;
  for (const [i, l] of found.entries()) {
    const id = `r${i + 1}`;
    const start = l.sources[0] && tagOf(l.sources[0].el) === 'LI' ? Number(l.sources[0].el.parentElement?.getAttribute('start') ?? 1) || 1 : 1;
    const list: ReferenceList = { id, heading: l.heading, kind: l.kind, entries: [] };
    lists.push(list);
    for (const [k, s] of l.sources.entries()) {
      const check = entryCheckpoint(built++);
      if (built > MAX_REPORT_ENTRIES || (check && expired())) {
        // A list cut before its first entry is left out whole.
        if (k === 0) lists.pop();
        l.sources.length = k;
        found.length = k === 0 ? i : i + 1;
        return lists;
      }
      if (check) yield;
      const ordered = tagOf(s.el) === 'LI' && tagOf(s.el.parentElement ?? s.el) === 'OL';
      list.entries.push(buildEntry(s, `${id}-e${k + 1}`, ordered ? String(start + k) : '', pageUrl, scan));
    }
  }
  return lists;
}

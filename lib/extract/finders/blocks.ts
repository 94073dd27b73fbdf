/** Entries from the blocks of a list as the page presents them (list items, paragraphs, <br><br> chunks), cleaned, and
 * the tests every found list passes before it is kept. */
import { AUTHOR_NOTE_CLASS, MAX_ENTRY_ROW_CELLS, MAX_ENTRY_PARTS, MAX_REPORT_ENTRIES, MIN_BR_SEPARATORS, MIN_MARKED_NOTES, NOTE_MARKED_SHARE, NOTE_NUMBER_START, MIN_LONE_PARAGRAPH_LINES, TRAILING_NON_ENTRY, NO_ENTRY_TEXT, MARKER_TARGET, BACKLINK_TARGET, MAX_LIST_CAPTION_CHARS, MAX_LIST_PREFACE_CHARS, PLAIN_URL } from '../rules';
import { FLAG_CHROME, FLAG_HIDDEN, type Scan, boundedText, collapse, elementAt, linksIn, shapeOf, tagAt, tagOf, wholeSubtreeAt } from '../index';
import { type EntrySource, entryText } from '../entries';
import type { Work } from '../work';
import type { FoundList } from './types';

export const LIST_TAGS = new Set(['OL', 'UL']);
export const SKIP_BLOCKS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'BR', 'HR', 'LINK', 'META']);
/** Containers of recipe cards, whose "Notes" are cooking notes (WP Recipe Maker, Tasty Recipes). */
const RECIPE_CONTAINER = /(?:^|[\s_-])(?:recipe|wprm|tasty-recipes|recipe-card)(?:$|[\s_-])/i;

/** Outermost lists within `b` (the page may wrap the whole section in a list of its own, as snopes.com does), but not
 * those in a navigation landmark inside it: a section's own jump menu is no list of entries (the "Abstract •
 * Introduction • …" nav at the top of each section of nature-nnano-fibre-supercapacitors, its References among them).
 * From the scan, in document order, stepping over each list's subtree, when it read `b`'s subtree whole. */
export function listsIn(b: Element, scan: Scan): Element[] {
  if (LIST_TAGS.has(tagOf(b))) return [b];
  const i = wholeSubtreeAt(scan, b);
  if (i === undefined) {
    return Array.from(b.querySelectorAll('ol,ul')).filter((l) => {
      const outer = l.parentElement?.closest('ol,ul');
      return (!outer || !b.contains(outer)) && !inNavigation(l, b);
    });
  }
  const out: Element[] = [];
  for (let j = i + 1, end = scan.ends[i]; j <= end; j++) {
    if (!LIST_TAGS.has(tagAt(scan, j))) continue;
    const l = elementAt(scan, j);
    if (l && !inNavigation(l, b)) out.push(l);
    j = scan.ends[j];
  }
  return out;
}

/** Is `l` inside a <nav> or role=navigation element below `b`? */
function inNavigation(l: Element, b: Element): boolean {
  for (let e = l.parentElement; e && e !== b; e = e.parentElement) if (tagOf(e) === 'NAV' || e.getAttribute('role') === 'navigation') return true;
  return false;
}

/** Is all of `box`'s text inside its child `kid` (a wrapper)? Read by child nodes, not by comparing texts, which are
 * cut at MAX_TEXT_CHARS and differ in their cut when the wrapper adds whitespace (a long reference section). */
function onlyTextIn(box: Element, kid: Element): boolean {
  for (let n = box.firstChild; n; n = n.nextSibling) {
    if (n === kid) continue;
    if (n.nodeType === 3 ? /\S/.test((n as Text).data) : n.nodeType === 1 && !SKIP_BLOCKS.has(tagOf(n as Element)) && hasText(n as Element)) return false;
  }
  return true;
}

/** Has `el` any non-blank text? Stops at the first text node that has some (a list of 3,000 entries is not copied
 * into one string to find out). */
function hasText(el: Element): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (/\S/.test((n as Text).data)) return true;
  return false;
}

/** A caption has no links, no web address and no year: an entry this short names a year, or is an address
 * (anarcat-cdpath's one source, a plain-text URL before a list of commands). A count may be in it ("This article
 * references 172 other publications.", ACS's line between its "References" head and the list). */
const isCaption = (b: Element) => {
  const t = boundedText(b);
  return t.length <= MAX_LIST_CAPTION_CHARS && !YEAR.test(t) && !PLAIN_URL.test(t) && !linksIn(b).length;
};
/** A preface to the list: longer than a caption, but still no year, no web address, and links within the site only
 * (MAX_LIST_PREFACE_CHARS). */
const isPreface = (b: Element) => {
  const t = boundedText(b);
  return t.length <= MAX_LIST_PREFACE_CHARS && !YEAR.test(t) && !PLAIN_URL.test(t) && linksIn(b).every((a) => /^\/(?!\/)|^#/.test(a.getAttribute('href') ?? ''));
};
/** A year of the last five centuries, as a citation gives it. */
const YEAR = /(?:^|\D)(?:1[5-9]|20)\d\d(?:\D|$)/;

/** A block's look, for telling where a run of alike blocks ends: its tag and class. */
const shape = shapeOf;

/**
 * Entry sources from list items, paragraphs or <br><br> chunks in `blocks`. The first block decides the form: a list
 * (its items, and the items of the lists right after it) or paragraphs (up to the first block that holds a list, such
 * as a share bar after publikum.net's "Quellen:" paragraphs). Pauses between ENTRIES_PER_SLICE sources, and past the
 * deadline returns those gathered (a list of 100,000 links took 220 ms to gather in one step in Chromium, though
 * only the first few hundred were read before the deadline).
 */
export function* entriesFromBlocks(blocks: Element[], scan: Scan, expired: () => boolean): Work<EntrySource[]> {
  let first = blocks.findIndex(hasText);
  if (first < 0) return [];
  // A short line without links right before a list is the list's caption ("alphabetisch nach Nachnamen geordnet" in
  // wp-de-berlin's "Literatur", "In chronological order"), not an entry and not a list of paragraphs.
  const next = blocks.findIndex((b, i) => i > first && hasText(b));
  if (next > 0 && !listsIn(blocks[first], scan).length && listsIn(blocks[next], scan).length && (isCaption(blocks[first]) || isPreface(blocks[first]))) first = next;
  const items: EntrySource[] = [];
  const firstLists = listsIn(blocks[first], scan);
  if (firstLists.length) {
    // Lists continue while they look alike (tag and class), as paragraphs do below: a box of other lists after the
    // references (wp-de-berlin's audio-version box, ul.breadcrumb-nav-container after ol.references) is not theirs.
    const listShape = shape(firstLists[0]);
    let firstItem = firstLists[0].firstElementChild;
    while (firstItem && tagOf(firstItem) !== 'LI') firstItem = firstItem.nextElementSibling;
    for (const b of blocks.slice(first)) {
      let lists = listsIn(b, scan);
      // The rest of the list's items outside any list, in a box a "View more" button reveals (ScienceDirect's
      // previews: div.u-display-none > li.bib-reference after the ul): alike items continue it.
      const orphans = !lists.length && firstItem !== null && orphanItems(b, shape(firstItem));
      if (orphans) lists = [b];
      if (!lists.length) break;
      // The children by sibling steps: an array of a 3,000-item list's children, iterated, was 2–3 ms (refs-3000).
      for (const l of lists) {
        if (!orphans && shape(l) !== listShape) return items;
        // An ordered list after the first that does not go on with its numbering (no `start`) begins at 1 again: the
        // reader sees a second list (MediaWiki's reference groups, each its own ol.references: wp-zh-china's "參").
        if (l !== firstLists[0] && tagOf(l) === 'OL' && !l.hasAttribute('start')) return items;
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
  // Paragraph entries continue while the blocks look alike (same tag and class): a tag cloud or share bar after
  // them is not an entry (publikum.net), nor is a differently classed "updated" line (pronats.de).
  const firstShape = shape(blocks[first]);
  let run = 0;
  while (first + run < blocks.length && shape(blocks[first + run]) === firstShape && !listsIn(blocks[first + run], scan).length) run++;
  // `alike`: b is one of a run of two or more blocks of one shape (the blocks themselves, or a container's children).
  const flatten = (b: Element, depth: number, alike: boolean) => {
    // A table of entries, one a row (MAX_ENTRY_ROW_CELLS): each row with text is one.
    const rows = entryRows(b);
    if (rows) {
      paras.push(...rows);
      return;
    }
    const blockKids = Array.from(b.children).filter((c) => !SKIP_BLOCKS.has(tagOf(c)) && /^(?:P|DIV|SECTION|BLOCKQUOTE)$/.test(tagOf(c)));
    // An element with an id is one entry even across several paragraphs (SPIP's div#nb4-3 > p + p), and so is one of
    // a run of alike blocks whose few parts differ (a citation and its links line: MAX_ENTRY_PARTS; a number box
    // and a citation box: jama-archinte-condoms-hsv2's div.refRow > div.refNumber + div.refContent).
    const inParts = alike && blockKids.length <= MAX_ENTRY_PARTS && new Set(blockKids.map(shape)).size > 1;
    const kidsAlike = blockKids.length >= 2 && new Set(blockKids.map(shape)).size === 1;
    if (depth < 3 && !b.hasAttribute('id') && !inParts && blockKids.length >= 2) for (const c of blockKids) flatten(c, depth + 1, kidsAlike);
    else if (depth < 3 && !b.hasAttribute('id') && blockKids.length === 1 && onlyTextIn(b, blockKids[0])) flatten(blockKids[0], depth + 1, false);
    else paras.push(b);
  };
  for (const b of blocks.slice(first, first + run)) flatten(b, 0, run >= 2);
  const out: EntrySource[] = [];
  const continues = continuations(paras);
  for (const [i, p] of paras.entries()) {
    if (continues[i]) {
      // A paragraph that continues the note before it: one entry over both (MIN_MARKED_NOTES).
      const prev = out[out.length - 1];
      prev.nodes = [...(prev.nodes ?? [prev.el]), p];
      continue;
    }
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

/** Does `b` hold list items alone, outside any list, each of the shape `itemShape`? */
function orphanItems(b: Element, itemShape: string): boolean {
  if (!b.firstElementChild) return false;
  for (let c: Element | null = b.firstElementChild; c; c = c.nextElementSibling) if (tagOf(c) !== 'LI' || shape(c) !== itemShape) return false;
  return true;
}

/** For each paragraph, whether it continues the note before it: in a list of marked notes (paragraphs that start with
 * a number or carry an id, MIN_MARKED_NOTES and NOTE_MARKED_SHARE of them, the first among them), the unmarked ones.
 * Only paragraphs of one tag, read whole (no <br> chunks). */
function continuations(paras: Element[]): boolean[] {
  const none = paras.map(() => false);
  if (paras.length < MIN_MARKED_NOTES || paras.some((p) => tagOf(p) !== tagOf(paras[0]) || p.querySelector('br + br'))) return none;
  const marked = paras.map((p) => p.hasAttribute('id') || NOTE_NUMBER_START.test(boundedText(p)));
  const n = marked.filter(Boolean).length;
  if (!marked[0] || n < MIN_MARKED_NOTES || n < NOTE_MARKED_SHARE * paras.length || n === paras.length) return none;
  return marked.map((m) => !m);
}

/** The rows of a table of entries (at least two rows with text, none wider than MAX_ENTRY_ROW_CELLS cells), or null. */
function entryRows(b: Element): Element[] | null {
  if (tagOf(b) !== 'TABLE') return null;
  const rows: Element[] = [];
  for (const r of Array.from((b as HTMLTableElement).rows ?? [])) {
    if ((r as HTMLTableRowElement).cells.length > MAX_ENTRY_ROW_CELLS) return null;
    if (hasText(r)) rows.push(r);
  }
  return rows.length >= 2 ? rows : null;
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
export const MAX_GATHERED_SOURCES = 2 * MAX_REPORT_ENTRIES;
/** Was a list cut short: gathered past MAX_GATHERED_SOURCES, or kept past what a report carries? */
export const cutShort = (gathered: number, kept: EntrySource[]) => gathered > MAX_GATHERED_SOURCES || kept.length > MAX_REPORT_ENTRIES;
export const entryCheckpoint = (i: number) => i % ENTRIES_PER_SLICE === ENTRIES_PER_SLICE - 1;

/** Drop empty entries and lines that are not entries (copyright, "updated" dates). Past the deadline, the entries
 * read so far (a list of 100,000 entries is not read to its end: the report is partial). */
export function* cleanEntries(sources: EntrySource[], scan: Scan, expired: () => boolean): Work<EntrySource[]> {
  const kept: EntrySource[] = [];
  for (const [i, s] of sources.entries()) {
    if (entryCheckpoint(i)) {
      if (expired()) break;
      yield;
    }
    if (!s.nodes && AUTHOR_NOTE_CLASS.test(s.el.getAttribute('class') ?? '')) continue;
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
    const as = s.nodes ? linksOfNodes(s.nodes) : tagOf(s.el) === 'A' ? [s.el] : linksIn(s.el);
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

/** The links in a run of sibling nodes (an entry made of the inline nodes between two breaks). */
function linksOfNodes(nodes: Node[]): Element[] {
  const out: Element[] = [];
  for (const n of nodes) {
    if (n.nodeType !== 1) continue;
    if (tagOf(n as Element) === 'A') out.push(n as Element);
    else linksIn(n as Element, out);
  }
  return out;
}

/** Placeholder entries looked at: a section that says "None" says it once. */
const MAX_PLACEHOLDER_ENTRIES = 2;

export function* acceptable(list: FoundList, scan: Scan): Work<boolean> {
  if (!list.sources.length) return false;
  // A label inside a hidden modal or template is not the article's (phys.org's e-mail dialog "Note").
  if (list.labelEl && (scan.flags.get(list.labelEl) ?? 0) & FLAG_HIDDEN) return false;
  // A label in a menu or inside a link is a menu item ("Notes" in maggieappleton.com's garden mega-menu); not inside a
  // toggle, an in-page link or a button that opens the list (hss.de's Bootstrap accordion: a[href="#collapse-…"]).
  if (list.labelEl?.closest('nav,[role="navigation"],[role="menu"],[role="menubar"],a[href]:not([href^="#"]):not([role="button"])')) return false;
  if (list.labelEl && hasRecipeAncestor(list.labelEl)) return false;
  if (citeNotes(list.sources)) return false;
  // An empty section's placeholder ("None" under IEEE Xplore's "Footnotes") is no list.
  if (list.sources.length <= MAX_PLACEHOLDER_ENTRIES && list.sources.every((s) => NO_ENTRY_TEXT.test(entryText(s, scan)))) return false;
  return !(yield* looksLikeLinkList(list.sources, scan, list.labelEl));
}

/** Paragraphs that each cite a note (a note marker: a superscript in-page link to a note, MARKER_TARGET) are the
 * article's prose under a heading that names its topic, not a list of sources: wp-de-berlin's section "Literatur"
 * (literature in Berlin), as a river's "Sources" would be. List items are left alone: notes may cite references. */
function citeNotes(sources: EntrySource[]): boolean {
  for (const s of sources.slice(0, MAX_MARKER_CHECKS)) {
    if (s.nodes || tagOf(s.el) === 'LI') return false;
    const markers = s.el.querySelectorAll('sup a[href^="#"], a[role="doc-noteref"]');
    if (!Array.from(markers).some((a) => isNoteTarget((a.getAttribute('href') ?? '').slice(1)))) return false;
  }
  return true;
}
const isNoteTarget = (id: string) => MARKER_TARGET.test(id) && !BACKLINK_TARGET.test(id);
/** Entries read for note markers: a list of sources shows itself in its first few. */
const MAX_MARKER_CHECKS = 8;

function hasRecipeAncestor(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (RECIPE_CONTAINER.test(e.getAttribute('class') ?? '')) return true;
  return false;
}

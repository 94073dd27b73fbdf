/**
 * Is this page an article, where is its main content, and which heading is its headline.
 * `quickDetect` is the cheap check that runs on every page load; `locateArticle` is the full pass the report uses.
 */
import {
  SCHOLARLY_META, HATOM_ENTRY, HATOM_CONTENT, MAX_SELECTOR_CHECK_ELEMENTS, FULL_TEXT_PDF_HREF,
  ENTRY_MARK_SELECTOR, REFERENCE_CONTAINER_SELECTOR, ARTICLE_MIN_PARAGRAPHS, ARTICLE_MIN_PROSE_CHARS, CJK_PROSE_FACTOR, LISTING_LINKED_HEADING_SHARE, STORY_SHARE,
  HOME_PATH, AUTHOR_PATH, READ_MORE_TEXT, MAX_READ_MORE_HEADINGS, LISTING_MIN_ARTICLES, LISTING_MIN_LINKED_HEADINGS, MAIN_CONTENT_SHARE, MAX_OWN_TEXT_CHILDREN, MAX_PARAGRAPH_LINK_DENSITY, MAX_TEXT_CHARS, MIN_PARAGRAPH_CHARS,
} from './rules';
import { FLAG_CHROME, FLAG_CODE, FLAG_HIDDEN, VISIBLE, type Scan, boundedText, collapse, elementAt, grown, headMeta, headQuery, indexOf, linksIn, pageAddresses, readWhole, tagAt, tagOf } from './index';
import { type PageSignals, declaredNonArticle, declaresArticle, isAnswerThread, isForumThread, isProductPage, isVotedThread, landingPageDoi, readSignals } from './signals';
import { checkpoint, finishNow, type Work } from './work';

/** Prose blocks: paragraphs and preformatted text; other containers count only their own text nodes. */
const PROSE_TAGS = new Set(['P', 'PRE', 'BLOCKQUOTE', 'DD']);
const OWN_TEXT_TAGS = new Set(['DIV', 'TD', 'SECTION', 'ARTICLE', 'MAIN', 'FONT', 'SPAN', 'CENTER', 'LI']);
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;
/** A page with less prose than this is not an article whatever its metadata says (a video page's description). */
const META_ARTICLE_MIN_PROSE_CHARS = 500;
/** Prose found only by counting chrome-named containers is an article's when there is this much more of it than the
 * bar: a theme that names its main column "sidebar" (coaching-magazin-transgenerational, 12,987 characters) against a
 * social status page whose replies sit in stream containers (twitter-status, 1,411). */
const CHROME_PROSE_FACTOR = 2;

export interface Located {
  isArticle: boolean;
  score: number;
  reasons: string[];
  main: Element;
  title: string;
  titleEl: Element | null;
  /** Words in the prose of the main content. */
  words: number;
  /** What the page declares about itself (signals.ts). */
  signals: PageSignals;
}

const HAS_CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/** Prose characters of a text, weighting CJK characters (CJK_PROSE_FACTOR). */
function proseChars(text: string): number {
  if (!HAS_CJK.test(text)) return text.length;
  const cjk = text.match(CJK)?.length ?? 0;
  return text.length + cjk * (CJK_PROSE_FACTOR - 1);
}

/** A container's own text: its text-node children, up to MAX_TEXT_CHARS characters and MAX_OWN_TEXT_CHILDREN children
 * (an <article> of 40,000 paragraphs took 200–480 ms to read in Chromium on the 1M-element page, in one step). */
function ownText(el: Element): string {
  let s = '';
  let seen = 0;
  for (let c = el.firstChild; c && seen < MAX_OWN_TEXT_CHILDREN && s.length < MAX_TEXT_CHARS; c = c.nextSibling, seen++) {
    if (c.nodeType === 3) s += (c as Text).data;
  }
  return s;
}

/** The length of ownText(el), without making its string: a text node's length is read without copying its text, and
 * most containers' own text is too short to be prose (the indentation between their children, or "Entry 12." before
 * a link), so it need not be copied at all (100,000 list items made 100,000 strings for the collector, 170 ms of
 * detection on the page of 100,000 links in Chromium). */
function ownTextLength(el: Element): number {
  let n = 0;
  let seen = 0;
  for (let c = el.firstChild; c && seen < MAX_OWN_TEXT_CHILDREN; c = c.nextSibling, seen++) if (c.nodeType === 3) n += (c as Text).length;
  return n;
}

function linkDensity(el: Element, len: number, scan: Scan, at: number): number {
  if (!len) return 0;
  let n = 0;
  // The links among the elements of a subtree the scan read whole (an HTML document's: no foreign <a>), by their tags
  // in the scan: a live list per block was an engine object and a walk of the block each.
  if (scan.complete && readWhole(scan, at)) {
    for (let j = at + 1, end = scan.ends[at]; j <= end; j++) if (tagAt(scan, j) === 'A') n += collapse(elementAt(scan, j)?.textContent ?? '').length;
    return n / len;
  }
  for (const a of linksIn(el)) n += collapse(a.textContent ?? '').length;
  return n / len;
}

function ownLinkDensity(el: Element, len: number): number {
  let n = 0;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (tagOf(c) === 'A') n += collapse(c.textContent ?? '').length;
  return n / (len + n);
}

/** The prose blocks, in document order: BLOCK_FIELDS numbers each (the index of its element in the scan, its prose
 * characters, its words, and FLAG_CHROME when it is inside site chrome), in a table outside the script heap. An object
 * and its element for each block were the detection's largest share of what the report's young collections moved to
 * V8's old generation on the 1M-element page (1.2 of 7.3 MB a report, a sampling heap profile), whose limit there
 * starts the collector's marking of the page's DOM. */
interface ProseBlocks {
  length: number;
  table: Int32Array;
}
const BLOCK_FIELDS = 4;

/** Words in a text: runs of non-space characters, and each CJK character (scripts written without spaces). One pass
 * over the characters, no array of words. */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 0xa0) inWord = false;
    else if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff)) {
      n++;
      inWord = false;
    } else if (!inWord) {
      n++;
      inWord = true;
    }
  }
  return n;
}


/** Every prose block once: paragraphs with low link density, and containers' own text outside paragraphs. Stops at the
 * deadline. */
function* proseBlocks(scan: Scan, expired: () => boolean): Work<ProseBlocks> {
  const blocks: ProseBlocks = { length: 0, table: new Int32Array(FIRST_BLOCKS * BLOCK_FIELDS) };
  // The last index inside the latest paragraph: a container of its own text there (a <span> or <font> in a <p>) is
  // part of the paragraph's text, already measured. Measured again, its words counted twice, and its text was read once
  // more: on the 1M-element page, a string for each span of 25 characters or more. Chromium makes such strings from the
  // page outside V8's young generation, and frees them only in a full collection, whose pause grows with their number
  // (its weak-handle phase, forced after three scans and detections: 20–21 ms before, 7–12 after; CDP trace).
  let insideProse = -1;
  const refs = referenceRanges(scan);
  for (let i = 0, r = 0; i < scan.elements; i++) {
    if (checkpoint(i)) {
      if (expired()) break;
      yield;
    }
    // Reference lists are the article's sources, not its prose: a journal page whose references outweigh its
    // abstract has its main content around the abstract, not the list (springer-dress-syndrome).
    while (r < refs.length && refs[r + 1] < i) r += 2;
    if (r < refs.length && refs[r] <= i) continue;
    const f = scan.flagList[i];
    if (f & (FLAG_HIDDEN | FLAG_CODE)) continue;
    const tag = tagAt(scan, i);
    const prose = PROSE_TAGS.has(tag);
    if (!prose && (!OWN_TEXT_TAGS.has(tag) || i <= insideProse)) continue;
    if (prose) insideProse = Math.max(insideProse, scan.ends[i]);
    const el = elementAt(scan, i);
    if (!el) continue;
    let text = '';
    let density = 0;
    if (prose) {
      text = boundedText(el);
      if (text.length >= MIN_PARAGRAPH_CHARS) density = linkDensity(el, text.length, scan, i);
    } else {
      // A container of its own text (OWN_TEXT_TAGS, tested above). Own text only, so only the links among its own children: a container's whole subtree is never re-read
      // (nested containers would make that quadratic).
      // Collapsing never lengthens a text: one already too short, or only whitespace (most containers' own text is
      // the indentation between their children), is not prose, and is neither read nor copied by collapse's replace.
      if (ownTextLength(el) < MIN_PARAGRAPH_CHARS) continue;
      const raw = ownText(el);
      if (!VISIBLE.test(raw)) continue;
      text = collapse(raw);
      if (text.length >= MIN_PARAGRAPH_CHARS) density = ownLinkDensity(el, text.length);
    }
    if (text.length < MIN_PARAGRAPH_CHARS || density > MAX_PARAGRAPH_LINK_DENSITY) continue;
    const k = blocks.length++ * BLOCK_FIELDS;
    if (k === blocks.table.length) blocks.table = grown(blocks.table, new Int32Array(k * 2));
    const { table } = blocks;
    table[k] = i;
    table[k + 1] = proseChars(text);
    table[k + 2] = countWords(text);
    table[k + 3] = f & FLAG_CHROME;
  }
  return blocks;
}

/** [start, end, start, end…] scan ranges of the reference containers and marked entries the scan kept, outermost
 * only, in document order. */
function referenceRanges(scan: Scan): number[] {
  const out: number[] = [];
  for (const el of scan.structural) {
    const i = indexOf(scan, el);
    if (i === undefined || (out.length && i <= out[out.length - 1])) continue;
    if (el.matches(REFERENCE_CONTAINER_SELECTOR) || el.matches(ENTRY_MARK_SELECTOR)) out.push(i, scan.ends[i]);
  }
  return out;
}

/** The block tables' first size; they double when full. */
const FIRST_BLOCKS = 256;

/** Prose and prose blocks per element, by the scan's index. */
interface Prose {
  total: Float64Array;
  count: Float64Array;
}

/** Prose per element, summed bottom-up in one reverse pass over the scan's parent table (linear, no per-block
 * ancestor walks; arrays by index, where maps by element were a hash look-up or two per element of the page). The
 * pass pauses but never stops at the deadline: it runs from the end of the page to its start, so a pass cut short
 * summed nothing into the elements at the top, the article among them, and a large article was "little prose (0
 * characters)" whenever detection ran out of time (half the runs on the pathological page of 100,000 links). It is
 * arithmetic on two arrays, ~1 ms per 100,000 elements. */
function* proseByElement(scan: Scan, blocks: ProseBlocks, useChrome: boolean): Work<Prose> {
  const n = scan.elements;
  const total = new Float64Array(n);
  const count = new Float64Array(n);
  const { table } = blocks;
  for (let k = 0; k < blocks.length * BLOCK_FIELDS; k += BLOCK_FIELDS) {
    if (table[k + 3] && !useChrome) continue;
    total[table[k]] = table[k + 1];
    count[table[k]] = 1;
  }
  const parents = scan.parents;
  for (let i = n - 1; i > 0; i--) {
    if (checkpoint(i)) yield;
    const v = total[i];
    const parent = parents[i];
    if (!v || parent < 0) continue;
    total[parent] += v;
    count[parent] += count[i];
  }
  return { total, count };
}

/** An element's prose (0 for one the scan did not reach). */
const proseOf = (scan: Scan, values: Float64Array, el: Element) => {
  const i = indexOf(scan, el);
  return i === undefined ? 0 : values[i];
};

/** The deepest element that holds MAIN_CONTENT_SHARE of the prose. Its children are read from the scan's tables (an
 * element's first child is the one after it, and each next child the one after the previous child's subtree): a child
 * the scan did not reach has no prose, so it is never the one when there is prose at all. Asking the document instead
 * made a script object and a look-up for each child, the ones past a truncated scan too: 72–116 ms without a pause on
 * the 1M-element page's article of 40,000 paragraphs, which the collector's marking stretched into the page's longest
 * tasks (docs/speed.md). */
function mainContent(root: Element, scan: Scan, { total, count }: Prose): Element {
  const all = proseOf(scan, total, root);
  let el = root;
  let at = indexOf(scan, root);
  for (;;) {
    let next: Element | null = null;
    let nextAt: number | undefined;
    if (at !== undefined && all > 0) {
      for (let c = at + 1, end = scan.ends[at]; c <= end; c = scan.ends[c] + 1) {
        if (total[c] >= all * MAIN_CONTENT_SHARE) {
          next = elementAt(scan, c);
          nextAt = c;
          break;
        }
      }
    } else {
      // No prose anywhere (every child holds its share of nothing), or an element the scan did not reach.
      next = el.firstElementChild;
      nextAt = next ? indexOf(scan, next) : undefined;
    }
    // One huge paragraph among others is part of the article, not the whole of it (a 50 MB paragraph after ten
    // ordinary ones held 82% of the prose, read up to MAX_TEXT_CHARS, and the page became "1 block").
    if (!next || (PROSE_TAGS.has(nextAt === undefined ? tagOf(next) : tagAt(scan, nextAt)) && proseOf(scan, count, el) > proseOf(scan, count, next))) return el;
    el = next;
    at = nextAt;
  }
}

/** The deepest element under the scan's element `at` that holds STORY_SHARE of its prose, stopping above a single
 * prose block, with its scan range, prose and blocks. */
function storyIn(scan: Scan, { total, count }: Prose, at: number): { start: number; end: number; prose: number; blocks: number } {
  const all = total[at];
  let i = at;
  for (let found = all > 0; found; ) {
    found = false;
    for (let c = i + 1, end = scan.ends[i]; c <= end; c = scan.ends[c] + 1) {
      if (total[c] >= all * STORY_SHARE && !PROSE_TAGS.has(tagAt(scan, c))) {
        i = c;
        found = true;
        break;
      }
    }
  }
  return { start: i, end: scan.ends[i], prose: total[i], blocks: count[i] };
}

const letters = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Title candidates from metadata: og:title, twitter:title, JSON-LD headline and <title> with its site suffix cut. */
function metaTitles(doc: Document): string[] {
  const out: string[] = [];
  const meta = (sel: string) => headQuery(doc, sel)?.getAttribute('content');
  for (const t of [meta('meta[property="og:title"]'), meta('meta[name="twitter:title"]'), meta('meta[name="title"]')]) if (t) out.push(t);
  // document.title: the engine keeps the <title> element at hand, where a selector would search the page for it.
  const title = doc.title ?? '';
  if (title) {
    out.push(title);
    for (const part of title.split(/\s+[|–—·:»«-]\s+|\s*::\s*/)) if (part.trim().length >= 4) out.push(part);
  }
  return out.map(words).filter((t) => t.length >= 3);
}
/** A title's or heading's letters, without markup written into it as text: app-brachiosaurus-pneumatic-ribs's <title>
 * holds "<em>Brachiosaurus</em>" literally, where its headline has an <em> element. */
const words = (t: string) => letters(t.replace(MARKUP_AS_TEXT, ''));
const MARKUP_AS_TEXT = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?>/gi;

/** The least share of a title's letters that a heading found inside it (not at its start) must have. */
const TITLE_PART_MIN_SHARE = 0.5;

function matchesTitle(text: string, titles: string[]): number {
  const h = words(text);
  if (h.length < 3) return 0;
  let best = 0;
  for (const t of titles) {
    if (t === h) return 3;
    // Inside the title but not at its start, a heading must be most of it: a section named for one of the title's
    // subjects is not the headline (f1000research-shark-longevity's h3 "Rhizoprionodon terraenovae").
    if (h.length >= 8 && (t.startsWith(h) || (t.includes(h) && h.length >= t.length * TITLE_PART_MIN_SHARE))) best = Math.max(best, 2);
    else if (t.length >= 8 && h.includes(t)) best = Math.max(best, 1);
  }
  return best;
}

/** The page's own address as it declares it (canonical link, og:url), else the URL it was loaded from. */
export function declaredUrl(doc: Document, url: string): URL | null {
  return pageAddresses(doc, url)[0] ?? null;
}

/** The headline: the visible h1–h3 that best matches the page's metadata title, nearest the main content. */
function findTitle(doc: Document, scan: Scan, main: Element, text: (el: Element) => string): Element | null {
  const titles = metaTitles(doc);
  // The site's name (og:site_name) as a heading is its masthead, not the headline (a blog's h1 above its post's h2).
  const site = headMeta(doc, 'meta[property="og:site_name"]');
  // (Unless the page is titled with the site's name alone: then that heading may well be its headline.)
  const siteTitled = !!site && collapse(doc.title ?? '').toLowerCase() === site;
  const mainStart = indexOf(scan, main) ?? 0;
  const mainEnd = mainStart + countDescendants(main, scan);
  let best: Element | null = null;
  let bestScore = -Infinity;
  for (const h of scan.headings) {
    const level = Number(tagOf(h)[1]);
    if (level > 3) continue;
    const f = scan.flags.get(h) ?? 0;
    if (f & FLAG_HIDDEN) continue;
    const pos = indexOf(scan, h) ?? 0;
    if (pos > mainEnd) break;
    const t = text(h);
    if (!t) continue;
    const match = matchesTitle(t, titles);
    if (site && t.toLowerCase() === site && !siteTitled) continue;
    const inside = pos >= mainStart;
    // Prefer a metadata match, then h1, then being inside (or closest before) the main content.
    // Among equals, the first heading inside the main content, or the last one before it.
    const nearness = inside ? 3 - pos / (mainEnd + 1) : pos / (mainEnd + 1);
    const score = match * 10 + (level === 1 ? 4 : level === 2 ? 1 : 0) + nearness - (f & FLAG_CHROME ? 6 : 0);
    if (match === 0 && level !== 1 && !(inside && best === null)) continue;
    if (score > bestScore) {
      best = h;
      bestScore = score;
    }
  }
  return best;
}

/** Number of elements of `el`'s subtree the scan read (its subtree's end in the scan − its own index; 0 for an element
 * the scan did not reach). A truncated scan's open elements end where it stopped: the article it stopped inside holds
 * the headings read so far. (Walking down its last children counted none there, since the last one was not read, so
 * the 1M-element page's partial report had no title element and no outline.) */
export function countDescendants(el: Element, scan: Scan): number {
  const i = indexOf(scan, el);
  return i === undefined ? 0 : scan.ends[i] - i;
}

/** locateWork, run to the end at once. */
export function locateArticle(doc: Document, url: string, root: Element, scan: Scan, text: (el: Element) => string, expired: () => boolean = () => false): Located {
  return finishNow(locateWork(doc, url, root, scan, text, expired));
}

export function* locateWork(doc: Document, url: string, root: Element, scan: Scan, text: (el: Element) => string, expired: () => boolean = () => false): Work<Located> {
  const blocks = yield* proseBlocks(scan, expired);
  let { total, count } = yield* proseByElement(scan, blocks, false);
  const clean = proseOf(scan, total, root);
  const reasons: string[] = [];
  const signals = readSignals(doc, scan);
  let usedChrome = false;
  // When nearly all prose sits in containers named like chrome (a theme that calls its main column "sidebar-content"),
  // the names are wrong, not the prose: count it all. A scholarly work's page, which its meta makes an article, needs
  // only an abstract's worth there (citeseerx-computational-lambda's abstract in a "sidebar" layout).
  if (clean < META_ARTICLE_MIN_PROSE_CHARS) {
    const withChrome = yield* proseByElement(scan, blocks, true);
    if (proseOf(scan, withChrome.total, root) >= (signals.scholarly ? META_ARTICLE_MIN_PROSE_CHARS : ARTICLE_MIN_PROSE_CHARS)) {
      ({ total, count } = withChrome);
      usedChrome = true;
      reasons.push('chrome-named containers hold the prose');
    }
  }
  // The steps that follow have no checkpoint of their own: a sliced report may pause between them. On the 1M-element
  // page they ran 46–59 ms without a pause, as the collector's marking of the page's DOM, once started, takes most of
  // the thread in steps of 5–14 ms inside whatever script runs (a trace).
  yield;
  let main = mainContent(root, scan, { total, count });
  const prose = proseOf(scan, total, main);
  const paragraphs = proseOf(scan, count, main);

  // Listing pages: many headings in the main content that are links elsewhere.
  let headingsInMain = 0;
  let linkedHeadings = 0;
  const mainStart = indexOf(scan, main) ?? 0;
  const mainEnd = mainStart + countDescendants(main, scan);
  // The story among the teasers: the deepest element holding STORY_SHARE of the main content's prose.
  const story = storyIn(scan, { total, count }, mainStart);
  let linkedInStory = 0;
  const mainHeadings: Element[] = [];
  for (const h of scan.headings) {
    const pos = indexOf(scan, h) ?? 0;
    if (pos < mainStart || pos > mainEnd || (scan.flags.get(h) ?? 0) & FLAG_HIDDEN) continue;
    headingsInMain++;
    if (mainHeadings.length < MAX_READ_MORE_HEADINGS) mainHeadings.push(h);
    const t = collapse(h.textContent ?? '');
    if (!t) continue;
    // Only links to other pages make a teaser; a heading's own permalink ("#…") does not.
    const a = h.closest('a[href]') ?? h.querySelector('a[href]');
    const href = a?.getAttribute('href') ?? '';
    if (a && !href.startsWith('#') && collapse(a.textContent ?? '').length >= 0.8 * t.length) {
      linkedHeadings++;
      if (pos >= story.start && pos <= story.end) linkedInStory++;
    }
  }
  // Teasers beside one story (related stories, a "what's new" box, a sidebar's most-read) are not a listing: the story's
  // prose, an article's worth, holds none of the linked headings (sciencenow-gut-microbes-species).
  let listing = linkedHeadings >= LISTING_MIN_LINKED_HEADINGS && linkedHeadings >= LISTING_LINKED_HEADING_SHARE * headingsInMain;
  // Or teasers whose headings are not links but whose blurbs end in one ("Full Story", "Read more": READ_MORE_TEXT).
  const teasers = !listing && headingsInMain >= LISTING_MIN_LINKED_HEADINGS ? mainHeadings.filter((h) => endsInReadMore(h.previousElementSibling)) : [];
  const readMore = teasers.length;
  if (readMore) listing = readMore >= LISTING_MIN_LINKED_HEADINGS && readMore >= LISTING_LINKED_HEADING_SHARE * headingsInMain;
  // (For read-more teasers, the story holds none of their links.)
  if (readMore && listing) {
    const storyEl = elementAt(scan, story.start);
    linkedInStory = storyEl ? teasers.filter((h) => storyEl.contains(h)).length : 0;
  }
  if (listing && story.start > mainStart && linkedInStory === 0 && story.prose >= ARTICLE_MIN_PROSE_CHARS && story.blocks >= ARTICLE_MIN_PARAGRAPHS) {
    listing = false;
    main = elementAt(scan, story.start) ?? main;
    reasons.push(`one story beside teasers (${linkedHeadings} linked headings, none in its ${story.prose} characters)`);
  }
  yield;
  const titleEl = findTitle(doc, scan, main, text);
  const title = titleEl ? text(titleEl) : collapse(doc.title ?? '');
  // Listings by sectioning: many <article> cards with headings inside the main content (LISTING_MIN_ARTICLES).
  const cards = articleCards(main, scan);
  yield;
  const declared = declaresArticle(signals);
  let notArticle = declaredNonArticle(signals);
  const address = declaredUrl(doc, url);
  // The prose heuristics' verdict first, then what the page declares: where they disagree, the reasons say which won.
  let byProse: boolean;
  let why: string;
  const proseBar = usedChrome ? CHROME_PROSE_FACTOR * ARTICLE_MIN_PROSE_CHARS : ARTICLE_MIN_PROSE_CHARS;
  if (prose < META_ARTICLE_MIN_PROSE_CHARS) [byProse, why] = [false, `little prose (${prose} characters)`];
  else if (listing) [byProse, why] = [false, readMore ? `listing: ${readMore} "read more" links beside ${headingsInMain} headings` : `listing: ${linkedHeadings} of ${headingsInMain} headings link elsewhere`];
  else if (cards >= LISTING_MIN_ARTICLES) [byProse, why] = [false, `listing: ${cards} <article> cards with headings in the main content`];
  else if (prose >= proseBar && paragraphs >= ARTICLE_MIN_PARAGRAPHS) [byProse, why] = [true, `${paragraphs} paragraphs, ${prose} characters of prose`];
  else [byProse, why] = [false, `short prose (${prose} characters in ${paragraphs} blocks)`];
  // Whole-document selector queries, only on pages small enough for them to fit in one slice (MAX_SELECTOR_CHECK_ELEMENTS).
  const small = !scan.truncated && scan.elements <= MAX_SELECTOR_CHECK_ELEMENTS;
  if (!notArticle && (byProse || declared) && small && isForumThread(doc, signals)) notArticle = "forum thread (forum software's post markup)";
  if (!notArticle && (byProse || declared) && isProductPage(doc, signals)) notArticle = "product (a shop's buy form)";
  if (!notArticle && (byProse || declared) && small) {
    yield;
    if (isVotedThread(doc, signals, main)) notArticle = "discussion thread (vote controls on its posts)";
  }
  if (!notArticle && (byProse || declared) && small) {
    yield;
    if (isAnswerThread(doc, signals, (el) => proseOf(scan, total, el), clean)) notArticle = "question and answers (its answers' class names)";
  }
  let isArticle: boolean;
  let doi = '';
  if (address && HOME_PATH.test(address.pathname) && !address.search) {
    isArticle = false;
    reasons.push('a site\'s home page');
  } else if (address && AUTHOR_PATH.test(address.pathname) && !signals.scholarly) {
    isArticle = false;
    reasons.push('an author\'s page');
  } else if (notArticle) {
    isArticle = false;
    reasons.push(`declares a ${notArticle} page, not an article` + (byProse ? ` (the declaration won over: ${why})` : ''));
  } else if (signals.scholarly) {
    isArticle = true;
    reasons.push('scholarly article meta (Highwire Press / Dublin Core)' + (byProse ? '' : ` (the meta won over: ${why})`));
  } else if (!byProse && !why.startsWith('listing') && small && (doi = landingPageDoi(root))) {
    isArticle = true;
    reasons.push(`a scholarly work's landing page: its DOI (${doi}) and a PDF of its full text (the page won over: ${why})`);
  } else if (!byProse && declared && !usedChrome && prose >= META_ARTICLE_MIN_PROSE_CHARS && !why.startsWith('listing')) {
    isArticle = true;
    reasons.push(`declared an article (Open Graph / schema.org) (the declaration won over: ${why})`);
  } else if (!byProse && small && prose >= META_ARTICLE_MIN_PROSE_CHARS && !why.startsWith('listing') && isSingleEntry(doc, main)) {
    // The blog engine's own markup names its one post, whatever the layout's names around it (Blogger's "widget").
    isArticle = true;
    reasons.push(`one hAtom entry holds the main content (the microformat won over: ${why})`);
  } else {
    isArticle = byProse;
    reasons.push(why);
  }
  yield;
  // Words of the article: those of its prose blocks inside the main content.
  let words = 0;
  // Blocks are scanned elements: inside `main` when their index is within its subtree's (when the scan reached it).
  const mainAt = indexOf(scan, main);
  const mainLast = mainAt === undefined ? -1 : scan.ends[mainAt];
  const { table } = blocks;
  for (let k = 0; k < blocks.length * BLOCK_FIELDS; k += BLOCK_FIELDS) {
    if (table[k + 3] && !usedChrome) continue;
    const at = table[k];
    if (mainAt === undefined ? main.contains(elementAt(scan, at)) : at >= mainAt && at <= mainLast) words += table[k + 2];
  }
  return { isArticle, score: prose, reasons, main, title, titleEl, words, signals };
}

/** The <article> elements inside `main` (not `main` itself, not nested in a counted one) that hold a heading and are
 * neither hidden nor in chrome, counted up to LISTING_MIN_ARTICLES: from the scan's headings, each heading's nearest
 * <article> ancestor below `main`. */
function articleCards(main: Element, scan: Scan): number {
  const cards = new Set<Element>();
  for (const h of scan.headings) {
    if (!main.contains(h) || (scan.flags.get(h) ?? 0) & (FLAG_HIDDEN | FLAG_CHROME)) continue;
    const card = h.parentElement?.closest('article');
    if (!card || card === main || !main.contains(card)) continue;
    let outer: Element = card;
    for (let a = card.parentElement?.closest('article'); a && a !== main && main.contains(a); a = a.parentElement?.closest('article')) outer = a;
    cards.add(outer);
    if (cards.size >= LISTING_MIN_ARTICLES) break;
  }
  return cards.size;
}

/** The cheap check is generous: it only spares non-article pages the full pass; the full pass decides. Half the full
 * pass's prose bar lets through pages whose prose sits partly in <div>s or list items. */
const QUICK_MIN_PROSE_CHARS = ARTICLE_MIN_PROSE_CHARS / 2;
/** Blocks of one kind (<p>, <pre>, <br>) the cheap check reads at most: an article has enough prose within its first
 * few dozen paragraphs (the corpus's longest needs 40); a page that does not is left alone until the reader asks. */
const QUICK_MAX_BLOCKS = 2_000;

/**
 * The cheap check that runs on every page load (Readability's isProbablyReaderable idea): prose in <p> and <pre>,
 * and not a site's home page. No walk of the whole tree; stops as soon as enough prose is seen.
 */
export function quickDetect(doc: Document, url: string): { likely: boolean; prose: number } {
  const address = declaredUrl(doc, url);
  if (address && HOME_PATH.test(address.pathname) && !address.search) return { likely: false, prose: 0 };
  let prose = 0;
  const add = (len: number) => {
    if (len >= MIN_PARAGRAPH_CHARS) prose += len;
  };
  // As Readability's isProbablyReaderable: paragraphs and <pre>, then the <div>s that hold <br>s (Blogger's post
  // bodies are text and <br>s in one div). The engine's tag lists, not a walk in script: a walk creates a script
  // object per element (2 ms on youtube-watch's 5,000 elements, against 0.4 ms for isProbablyReaderable). Each list is
  // read with item(i), which walks only to the item asked for: an index (list[i]) makes Chromium count the whole list
  // first (32–40 ms on the 1M-element page, the lookout's longest task there). A list is read only while there is not
  // enough prose, so an article's own paragraphs usually settle it with one list.
  for (const tag of ['p', 'pre']) {
    if (prose >= QUICK_MIN_PROSE_CHARS) break;
    const blocks = doc.getElementsByTagName(tag);
    for (let i = 0, el = blocks.item(0); el && prose < QUICK_MIN_PROSE_CHARS && i < QUICK_MAX_BLOCKS; el = blocks.item(++i)) add((el.textContent ?? '').trim().length);
  }
  if (prose < QUICK_MIN_PROSE_CHARS) {
    let lastDiv: Element | null = null;
    const breaks = doc.getElementsByTagName('br');
    for (let i = 0, br = breaks.item(0); br && prose < QUICK_MIN_PROSE_CHARS && i < QUICK_MAX_BLOCKS; br = breaks.item(++i)) {
      const div = br.parentElement;
      if (!div || div === lastDiv || tagOf(div) !== 'DIV') continue;
      lastDiv = div;
      add(ownText(div).trim().length);
    }
  }
  // Then text in <span>s, the spans' own text (an encyclopedia built of styled spans: baike-xiongan-hitech-zone), and
  // in table cells (a repository's record laid out in a table: ansto-dspace-silk-metal-ions's abstract).
  for (const tag of ['span', 'td']) {
    if (prose >= QUICK_MIN_PROSE_CHARS) break;
    const els = doc.getElementsByTagName(tag);
    for (let i = 0, el = els.item(0); el && prose < QUICK_MIN_PROSE_CHARS && i < QUICK_MAX_BLOCKS; el = els.item(++i)) add(proseChars(ownText(el).trim()));
  }
  // A scholarly record page (an abstract and its metadata) is an article with little prose: its Highwire meta says so.
  const scholarly = prose < QUICK_MIN_PROSE_CHARS && !!doc.head?.querySelector(QUICK_SCHOLARLY_META);
  // So is a landing page without meta that links its work's full text as a PDF: the full pass looks for its one DOI.
  return { likely: prose >= QUICK_MIN_PROSE_CHARS || scholarly || linksPdf(doc), prose };
}

/** The meta names that make a page with little prose a scholarly record for the cheap check, built once. */
const QUICK_SCHOLARLY_META = [...SCHOLARLY_META, 'citation_title'].map((n) => `meta[name="${n}"]`).join(',');

/** Does the block before a heading end with a link to another page that asks to read the rest of a story
 * (READ_MORE_TEXT)? Its last few links are read: a teaser's blurb ends in its "Full Story" (and a comments count). */
function endsInReadMore(block: Element | null): boolean {
  if (!block) return false;
  const links = block.getElementsByTagName('a');
  for (let i = links.length - 1, seen = 0; i >= 0 && seen < READ_MORE_LAST_LINKS; i--, seen++) {
    const a = links.item(i)!;
    const href = a.getAttribute('href');
    if (!href || href.startsWith('#')) continue;
    const t = a.textContent ?? '';
    if (t.length <= MAX_READ_MORE_CHARS && READ_MORE_TEXT.test(collapse(t))) return true;
  }
  return false;
}
/** The longest read-more link text (the table's longest phrase, with room for an arrow). */
const MAX_READ_MORE_CHARS = 40;
/** A teaser's last links looked at: "Full Story (comments: 133)" ends in two. */
const READ_MORE_LAST_LINKS = 3;

/** A link to a PDF among the page's first QUICK_MAX_BLOCKS links, read with item(i) as the blocks are. */
function linksPdf(doc: Document): boolean {
  const links = doc.getElementsByTagName('a');
  for (let i = 0, a = links.item(0); a && i < QUICK_MAX_BLOCKS; a = links.item(++i)) if (FULL_TEXT_PDF_HREF.test(a.getAttribute('href') ?? '')) return true;
  return false;
}

/** Is the page one hAtom entry (microformats' `hentry` / `h-entry`, one on the page) whose content holds the main
 * content? Blog engines mark every post so: one entry is a post's own page, several an index. */
function isSingleEntry(doc: Document, main: Element): boolean {
  const entries = doc.querySelectorAll(HATOM_ENTRY);
  if (entries.length !== 1) return false;
  const content = entries[0].querySelector(HATOM_CONTENT);
  return !!content && (content.contains(main) || main.contains(content));
}

/**
 * One pass over the document, in document order, that every later stage reads from: which elements are hidden or
 * site chrome, the headings, the prose blocks, the in-page links and the ids. Reads only; never changes the document.
 * Works on any DOM (Chromium, Firefox, jsdom): no layout, no getComputedStyle, so results are the same everywhere.
 */
import { CHROME_TAGS, CLOCK_CHECK_EVERY, HIDDEN_STYLE, SKIP_TAGS } from '../rules';
import { finishNow, type Work } from '../work';
import { BACKLINK_BIT, classBits, chromeFlags, CODE_BIT, FLAG_CHROME, FLAG_CODE, FLAG_HIDDEN, HIDDEN_BIT, isHeadingTag, MARK_BACKLINK, MARK_HASH_LINK, MARK_NAMED, MARK_NOTEREF, STRUCTURAL_BIT, tagOf } from './classify';
import { pageAddresses } from './head';
import { safeDecode } from './text';

export interface Scan {
  /** The index of each element the scan keeps (see SIBLING_WALK); indexOf finds the others from these. Ask indexOf,
   * not this map. */
  mapped: Map<Element, number>;
  /** The same elements (the ones in `mapped`), in document order. Ask elementAt for the scan's element at an index. */
  kept: Element[];
  /** By document order: 1 + the element's position in `kept`, or 0 for an element left out of it. */
  keptSlot: Int32Array;
  /** The last element elementAt or indexOf found by a walk (one the scan does not keep), and its index: a loop over the
   * scan's elements in order goes on from there, one step each. */
  lastFound: Element | null;
  lastFoundAt: number;
  /** FLAG_HIDDEN | FLAG_CHROME | FLAG_CODE, inherited from ancestors, by element. */
  flags: { get(el: Element): number | undefined };
  /** The same flags by document order: loops over the scan's indices read these without a lookup. */
  flagList: Uint8Array;
  /** tagOf of each element, by document order, as its place in `tagNames` (tagAt reads it). Numbers outside the
   * script heap, where an array of strings was 1 MB per 190,000 elements of what the scan keeps (see SIBLING_WALK). */
  tagCodes: Uint16Array;
  /** Each tag name the scan met, once, from 1 (0 is for the tags past MAX_TAG_NAMES). */
  tagNames: string[];
  /** The tags past MAX_TAG_NAMES (a hostile page's), by index. */
  tagOverflow: Map<number, string>;
  /** Index of each element's parent, by document order (-1 for the root). */
  parents: Int32Array;
  /** Index of the last element of each element's subtree (its own index when it has no scanned children). */
  ends: Int32Array;
  /** MARK_* bits of each element (its own, not inherited), by document order. */
  marks: Uint8Array;
  /** The href attributes of the page's <a> elements, each text once while the scan's table of them is not full
   * (MAX_SHARED_HREFS), in the order met (hrefAt reads an element's): later stages read links from here instead of
   * asking the element again (an engine call per link). */
  hrefList: string[];
  /** For each of `hrefList` that is a fragment link ("#…"), the id it points to: after the "#", percent-decoded when
   * it decodes (fragmentTarget reads a link's). */
  hrefTargets: string[];
  /** By document order: 1 + the place of the element's href in `hrefList`, or 0. (A sparse array by element held a
   * slot for every element: 1 MB per 190,000 elements of the 1M-element page.) */
  hrefSlot: Int32Array;
  /** The id of each element that has one, by document order (a sparse array), read once here for the stages that
   * ask an entry's id. */
  idAt: string[];
  /** The scan holds every element of the body of an HTML document: not truncated, not XML (whose text may hold
   * CDATA sections that an element's textContent reads and a walk of its text nodes does not). Stages that answer
   * from the scan instead of the DOM do so only then. */
  complete: boolean;
  headings: Element[];
  /** Index of each of `headings`. */
  headingAt: number[];
  /** Indices of the elements whose subtrees the scan does not enter (SKIP_TAGS, SVG, MathML), in document order: a
   * selector query would look inside them. */
  opaqueAt: number[];
  /** Elements with an id, first one wins (as getElementById does). */
  ids: Map<string, Element>;
  /** The index of each link whose href starts with "#" (candidate citation markers and back-links; hrefAt gives its
   * href, fragmentTarget the id it points to), in document order. */
  fragmentAt: Int32Array;
  /** JSON-LD <script> blocks in the scanned part (the body). */
  jsonLd: Element[];
  /** Top-level microdata items (an itemtype without an itemprop: not a property of another item) and the page's main
   * entity (itemprop="mainEntity" in no other item: Zhihu's Question), in document order. */
  microdata: Element[];
  /** Elements that may match REFERENCE_CONTAINER_SELECTOR or SIDENOTE_SELECTOR (a class, role, id or data-type of
   * theirs is one those selectors name), in document order: the selectors are tried on these alone, not on the page. */
  structural: Element[];
  elements: number;
  truncated: boolean;
}


/**
 * Walk `root` in document order without recursion (10k-deep markup must not overflow the stack) and collect what the
 * stages need. Stops at `deadline` (a `now()` value) and marks the scan truncated.
 */
export function* scanWork(root: Element, now: () => number, deadline: number): Work<Scan> {
  const mapped = new Map<Element, number>();
  // The numeric tables are typed arrays, grown by doubling: their contents live outside the script heap, so the young
  // generation's collections neither copy them nor the garbage of their growth, as they did arrays grown by push. In
  // Chromium the scan's allocation in the script heap on refs-3000 went from 4.2 to 2.7 MB per report, and on the
  // 1M-element page the sliced report's longest stretch between pauses (collections included) from a median of 69 ms
  // (41–92) to 53 (38–69) over nine runs each; a warm report takes as long as before.
  let flagList = new Uint8Array(FIRST_CAPACITY);
  const flags = { get: (e: Element) => scan.flagList[indexOf(scan, e) ?? -1] };
  let tagCodes = new Uint16Array(FIRST_CAPACITY);
  const tagNames: string[] = [''];
  const tagCode = new Map<string, number>();
  let lastTag = '';
  let lastCode = 0;
  let parents = new Int32Array(FIRST_CAPACITY);
  let ends = new Int32Array(FIRST_CAPACITY);
  let marks = new Uint8Array(FIRST_CAPACITY);
  let keptSlot = new Int32Array(FIRST_CAPACITY);
  const kept: Element[] = [];
  const hrefList: string[] = [];
  const hrefTargets: string[] = [];
  // 1 + each href's place in hrefList, while there is room (MAX_SHARED_HREFS).
  const hrefPlace = new Map<string, number>();
  let hrefSlot = new Int32Array(FIRST_CAPACITY);
  let fragmentAt = new Int32Array(FIRST_CAPACITY);
  let fragments = 0;
  // The length of every table above, and how many of them (in growNext's order) already have twice that.
  let capacity = FIRST_CAPACITY;
  let growing = 0;
  // The next table to twice the capacity; once all TABLES have it, that is the capacity.
  const growNext = () => {
    const size = capacity * 2;
    const k = growing++;
    if (k === 0) flagList = grown(flagList, new Uint8Array(size));
    else if (k === 1) parents = grown(parents, new Int32Array(size));
    else if (k === 2) ends = grown(ends, new Int32Array(size));
    else if (k === 3) marks = grown(marks, new Uint8Array(size));
    else if (k === 4) keptSlot = grown(keptSlot, new Int32Array(size));
    else if (k === 5) tagCodes = grown(tagCodes, new Uint16Array(size));
    else hrefSlot = grown(hrefSlot, new Int32Array(size));
    if (growing === TABLES) {
      capacity = size;
      growing = 0;
    }
  };
  const idAt: string[] = [];
  const scan: Scan = { mapped, kept, keptSlot, lastFound: null, lastFoundAt: -1, flags, flagList, tagCodes, tagNames, tagOverflow: new Map(), parents, ends, marks, hrefList, hrefTargets, hrefSlot, idAt, complete: false, headings: [], headingAt: [], opaqueAt: [], ids: new Map(), fragmentAt, jsonLd: [], microdata: [], structural: [], elements: 0, truncated: false };
  const self = selfAddresses(root.ownerDocument);
  let el: Element | null = root;
  let parentFlags = 0;
  let parent = -1;
  // How many of `el`'s nearest ancestors are left out of the map (0: its parent is in it), and which element child of
  // its parent it is (counting from 0).
  let parentChain = 0;
  let sibling = 0;
  const flagStack: number[] = [];
  const parentStack: number[] = [];
  const siblingStack: number[] = [];
  const chainStack: number[] = [];
  while (el) {
    const tag = tagOf(el);
    const skip = SKIP_TAGS.has(tag) || tag === 'SVG' || tag === 'MATH';
    // Most elements carry no attributes at all: only their tag can say anything then.
    let own: number;
    let id: string | null = null;
    let href: string | null = null;
    let mark = 0;
    if (el.hasAttributes()) {
      // The list of attribute names, then a read of only those present: most elements have one or two of the nine
      // this reads, and each read is a call into the engine (getAttribute of each: a third of the scan on refs-3000).
      let role: string | null = null;
      let cls: string | null = null;
      let style: string | null = null;
      let hidden = false;
      let dataType = false;
      let open = false;
      let structural = false;
      for (const name of el.getAttributeNames()) {
        switch (name) {
          case 'name':
            mark |= MARK_NAMED;
            break;
          case 'id':
            mark |= MARK_NAMED;
            id = reflectedId(el) || null;
            break;
          case 'class': {
            // An SVG element's className is an object, not its class string.
            const className = el.className;
            cls = typeof className === 'string' ? className || null : el.getAttribute('class');
            break;
          }
          case 'role':
            role = el.getAttribute('role');
            if (role === 'doc-backlink') mark |= MARK_BACKLINK;
            else if (role === 'doc-noteref') mark |= MARK_NOTEREF;
            break;
          case 'itemtype':
            if (!el.hasAttribute('itemprop') || isPageMainEntity(el)) scan.microdata.push(el);
            break;
          case 'itemprop':
            if (el.getAttribute('itemprop') === 'citation') structural = true;
            break;
          case 'rev':
            if (el.getAttribute('rev') === 'footnote') mark |= MARK_BACKLINK;
            break;
          case 'hidden':
            hidden = true;
            break;
          case 'aria-hidden':
            if (el.getAttribute('aria-hidden') === 'true') hidden = true;
            break;
          case 'style':
            style = el.getAttribute('style');
            break;
          case 'data-type':
            dataType = true;
            break;
          case 'open':
            open = true;
            break;
          case 'href':
            if (tag === 'A') href = inPage(el.getAttribute('href'), self);
            break;
          case 'type':
            if (tag === 'SCRIPT' && el.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json') scan.jsonLd.push(el);
            break;
        }
      }
      const bits = cls ? classBits(cls) : 0;
      if (bits & BACKLINK_BIT) mark |= MARK_BACKLINK;
      if (href !== null && href.charCodeAt(0) === 35 /* # */) mark |= MARK_HASH_LINK;
      own = chromeFlags(tag, role, id, bits);
      if (hidden || (style && HIDDEN_STYLE.test(style)) || bits & HIDDEN_BIT || (tag === 'DIALOG' && !open)) own |= FLAG_HIDDEN;
      if (bits & CODE_BIT || tag === 'CODE') own |= FLAG_CODE;
      if (structural || bits & STRUCTURAL_BIT || (id && STRUCTURAL_ID.test(id)) || role?.startsWith('doc-') || dataType) scan.structural.push(el);
    } else own = CHROME_TAGS.has(tag) ? FLAG_CHROME : tag === 'CODE' ? FLAG_CODE : 0;
    const f = parentFlags | own;
    const index = scan.elements++;
    // Full: the tables not grown ahead yet grow now.
    while (index === capacity) growNext();
    // In the map: the root, containers, every SIBLING_WALK-th child, an element under MAX_UNMAPPED_CHAIN ancestors
    // left out, and the elements the scan keeps anyway (headings, elements with an id). indexOf and elementAt find the
    // others.
    const isMapped = parent < 0 || CONTAINER_TAGS.has(tag) || sibling % SIBLING_WALK === SIBLING_WALK - 1 || parentChain >= MAX_UNMAPPED_CHAIN || id !== null || isHeadingTag(tag);
    if (isMapped) {
      mapped.set(el, index);
      keptSlot[index] = kept.push(el);
    }
    flagList[index] = f;
    // Most elements have the tag of the one before (a list's items, a paragraph's spans) or a known one.
    if (tag !== lastTag) {
      let code = tagCode.get(tag);
      if (code === undefined) {
        code = tagNames.length < MAX_TAG_NAMES ? tagNames.push(tag) - 1 : 0;
        if (code) tagCode.set(tag, code);
      }
      lastTag = tag;
      lastCode = code;
    }
    tagCodes[index] = lastCode;
    if (!lastCode) scan.tagOverflow.set(index, tag);
    parents[index] = parent;
    ends[index] = index;
    marks[index] = mark;
    if (href !== null) {
      // Most links share their href with others (the 1M-element page's 160,000 links have 6): one string and one
      // target for all of them, where an array of a string per link grew, and was copied, by 4 B a link for each of
      // hrefs and targets (what the report kept, and what V8's young collections moved to its old generation).
      let slot = hrefPlace.get(href);
      if (!slot) {
        slot = hrefList.push(href);
        if (isFragmentLink(href)) hrefTargets[slot - 1] = safeDecode(href.slice(1));
        if (hrefPlace.size < MAX_SHARED_HREFS) hrefPlace.set(href, slot);
      }
      hrefSlot[index] = slot;
    }
    if (id) idAt[index] = id;
    if (id && !scan.ids.has(id)) scan.ids.set(id, el);
    if (skip) scan.opaqueAt.push(index);
    if (isHeadingTag(tag)) {
      scan.headings.push(el);
      scan.headingAt.push(index);
    }
    else if (href !== null && isFragmentLink(href)) {
      if (fragments === fragmentAt.length) fragmentAt = grown(fragmentAt, new Int32Array(fragments * 2));
      fragmentAt[fragments++] = index;
    }
    if ((scan.elements & (CLOCK_CHECK_EVERY - 1)) === 0) {
      if (now() > deadline) {
        scan.truncated = true;
        break;
      }
      // Near the end of the tables, the next one grows, and the work may pause after it.
      if (capacity - scan.elements <= GROW_AHEAD) growNext();
      yield;
    }
    // Next element in document order.
    const child: Element | null = skip ? null : el.firstElementChild;
    if (child) {
      flagStack.push(parentFlags);
      parentFlags = f;
      parentStack.push(parent);
      parent = index;
      siblingStack.push(sibling);
      sibling = 0;
      chainStack.push(parentChain);
      parentChain = isMapped ? 0 : parentChain + 1;
      el = child;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) {
      el = el.parentElement;
      // Climbing out of `parent`: its subtree is complete.
      ends[parent] = scan.elements - 1;
      parentFlags = flagStack.pop() ?? 0;
      parent = parentStack.pop() ?? -1;
      sibling = siblingStack.pop() ?? 0;
      parentChain = chainStack.pop() ?? 0;
    }
    el = el && el !== root ? el.nextElementSibling : null;
    sibling++;
  }
  // A truncated scan leaves the last element's ancestors open: their subtrees end where the scan stopped.
  for (let p = scan.elements ? parents[scan.elements - 1] : -1; p >= 0; p = parents[p]) ends[p] = scan.elements - 1;
  // The tables, as long as the scan (views, not copies), set once it ends: nothing reads them before.
  const n = scan.elements;
  scan.flagList = flagList.subarray(0, n);
  scan.parents = parents.subarray(0, n);
  scan.ends = ends.subarray(0, n);
  scan.marks = marks.subarray(0, n);
  scan.keptSlot = keptSlot.subarray(0, n);
  scan.tagCodes = tagCodes.subarray(0, n);
  scan.hrefSlot = hrefSlot.subarray(0, n);
  scan.fragmentAt = fragmentAt.subarray(0, fragments);
  scan.complete = !scan.truncated && root.ownerDocument.contentType === 'text/html';
  return scan;
}

/** An element's id attribute ('' when absent), read from the engine's own copy through the reflected property: 2.5×
 * faster than getAttribute in Chromium (a scan-only measurement on wp-new-zealand). A <form>'s `id` may be one of its
 * controls, named "id": then the attribute. */
export function reflectedId(el: Element): string {
  const reflected: unknown = el.id;
  return typeof reflected === 'string' ? reflected : (el.getAttribute('id') ?? '');
}

/** The id of `el` as the scan read it (its element `at`, the scan's own look-up by default), else as the element
 * reflects it (an element the scan did not reach). */
export const scannedId = (scan: Scan | undefined, el: Element, at = scan && indexOf(scan, el)): string =>
  at === undefined ? reflectedId(el) : (scan!.idAt[at] ?? '');

/** The tag name (tagOf) of the scan's element `i`. */
export function tagAt(scan: Scan, i: number): string {
  const code = scan.tagCodes[i];
  return code ? scan.tagNames[code] : (scan.tagOverflow.get(i) ?? '');
}

/** The href of the scan's element `i` (an <a> that has one), else undefined. */
export function hrefAt(scan: Scan, i: number): string | undefined {
  const s = scan.hrefSlot[i];
  return s ? scan.hrefList[s - 1] : undefined;
}

/** The id the scan's element `i`, a fragment link ("#…"), points to (after the "#", percent-decoded when it decodes),
 * else undefined. */
export function fragmentTarget(scan: Scan, i: number): string | undefined {
  const s = scan.hrefSlot[i];
  return s ? scan.hrefTargets[s - 1] : undefined;
}

/** The most tag names a scan numbers (tagCodes are 16 bits; 0 is kept for the rest). A page with more (a hostile one:
 * no real page has a thousand) has the rest kept in tagOverflow by element. */
const MAX_TAG_NAMES = 65_535;

/** The page's own addresses without a fragment (pageAddresses: where it was loaded from, its canonical link and
 * og:url; a saved page's footnote links name its web address). At most three strings. */
function selfAddresses(doc: Document): string[] {
  const out: string[] = [];
  for (const u of pageAddresses(doc, doc.URL)) {
    const bare = u.href.split('#')[0];
    if (!out.includes(bare)) out.push(bare);
  }
  return out;
}

/** A link to an element of this page written with the page's own address ("https://x.substack.com/p/post#footnote-1",
 * Substack's markers and notes) as the "#footnote-1" it is; any other href as it is. */
function inPage(href: string | null, self: string[]): string | null {
  if (!href || !self.length || href.charCodeAt(0) === 35 /* # */) return href;
  const hash = href.indexOf('#');
  if (hash < 8) return href;
  const base = href.slice(0, hash);
  for (const s of self) if (base === s || (base.length === s.length + 1 && base.endsWith('/') && base.startsWith(s))) return href.slice(hash);
  return href;
}

/** A link to an element of the page: "#" and an id (the fragmentAt links, and the hrefs with a target). */
const isFragmentLink = (href: string) => href.length > 1 && href.charCodeAt(0) === 35 /* # */;

/** The most distinct hrefs a scan shares (see hrefList): a page of 100,000 distinct links keeps the rest one string
 * per link, as before, rather than a table that size. */
const MAX_SHARED_HREFS = 4096;

/**
 * What the scan keeps by element: a map to each one's index, and the list of them. What it keeps is what starts V8's
 * next full collection on a large static page: the map's tables and the script wrappers of the elements it holds
 * outlive the report's young collections, and on the 1M-element page they were the largest share of what a report
 * moved to V8's old generation (1.5 of 2.4 MB, a sampling heap profile), whose limit there starts the marking of the
 * page's million nodes. On that page, after 190,464 elements (CDP heap use after a forced collection), a map of every
 * element was 3.7 of the 10.8 MB the scan kept, and the list of every element and the wrappers it kept alive 4.3.
 * So the scan keeps containers, headings, elements with an id and one element child in SIBLING_WALK of the rest, and
 * finds the others (a paragraph's inline elements, most paragraphs of a long article, most list items) again when a
 * stage asks: elementAt from the nearest kept earlier sibling or the parent, indexOf by walking back to one. The map's
 * and the kept elements' share of what a report moves to the old generation there fell from 1.5 to 0.1 MB (2.4 → 1.2
 * MB in all). The reports on the corpus and refs-3000 are the same, in 0.85–1.17 of the time (A/B in one page; the
 * slowest, wp-mozilla, +0.8 ms for ~1,500 steps of these walks).
 */
/** Containers, always kept: a page has few of them beside its paragraphs, list items and inline elements, and keeping
 * them keeps the walks of indexOf and elementAt short (an article's paragraphs are found from the article). */
const CONTAINER_TAGS = new Set(['BODY', 'MAIN', 'ARTICLE', 'SECTION', 'DIV', 'HEADER', 'FOOTER', 'NAV', 'ASIDE', 'UL', 'OL', 'DL', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'FORM', 'FIGURE', 'DETAILS', 'FIELDSET', 'MENU', 'DIALOG', 'BLOCKQUOTE', 'CENTER']);
/** One element child in this many is kept; indexOf and elementAt walk at most this many siblings to find the others.
 * A paragraph's inline elements are mostly fewer (24 in the 1M-element page's paragraphs). */
const SIBLING_WALK = 32;
/** The most ancestors in a row left out of the map: a paragraph and its inline elements (article > p > span), a row
 * and its cells. An element below that many is kept, so that finding an element never climbs far. */
const MAX_UNMAPPED_CHAIN = 2;

/** The index of `el` in the scan, or undefined when the scan did not visit it (past a truncation, inside a subtree it
 * does not enter, outside its root). For an element whose parent's children the page changed since the scan:
 * undefined where the walk meets an element that is not the scan's, and a wrong index where the change kept the tags
 * in line (an inserted <span> before a <span>); the report of a page that changed while it was read is not kept
 * (lib/page/session.ts). */
export function indexOf(scan: Scan, el: Element, depth = 0): number | undefined {
  const i = scan.mapped.get(el);
  if (i !== undefined || depth >= MAX_UNMAPPED_CHAIN) return i;
  const { ends, lastFound, lastFoundAt } = scan;
  if (lastFound === el) return lastFoundAt;
  let from: Element | null = el;
  let j: number | undefined;
  // Right after the last one found or the sibling holding it (a loop over siblings in order), else back to the nearest
  // kept earlier sibling, else to the first child and the parent.
  const prev = lastFound && el.previousElementSibling;
  if (prev) {
    let x = lastFoundAt;
    let e: Element | null = lastFound;
    for (let k = 0; e && e !== prev && k < MAX_UNMAPPED_CHAIN; k++) {
      e = e.parentElement;
      x = scan.parents[x];
    }
    if (e === prev) {
      from = prev;
      j = x;
    }
  }
  for (let k = 0; j === undefined && k < SIBLING_WALK && from.previousElementSibling; k++) {
    from = from.previousElementSibling;
    j = scan.mapped.get(from);
    if (j !== undefined) break;
  }
  let p: number;
  if (j !== undefined) p = scan.parents[j];
  else {
    if (from.previousElementSibling) return undefined;
    const parent = el.parentElement;
    const at = parent ? indexOf(scan, parent, depth + 1) : undefined;
    if (at === undefined) return undefined;
    p = at;
    j = at + 1;
  }
  // Element children are the scan's next subtrees, one after another.
  for (let c: Element | null = from, k = 0; c && k <= SIBLING_WALK && p >= 0 && j <= ends[p]; c = c.nextElementSibling, k++) {
    if (!scannedAs(scan, j, c)) return undefined;
    if (c === el) {
      scan.lastFound = el;
      scan.lastFoundAt = j;
      return j;
    }
    j = ends[j] + 1;
  }
  return undefined;
}

/** Can `c` be the scan's element `j`? It is, when the scan kept that one; else it must have its tag, or the page
 * changed since the scan and counting children beside the subtree ends says nothing. */
export function scannedAs(scan: Scan, j: number, c: Element): boolean {
  const s = scan.keptSlot[j];
  return s ? scan.kept[s - 1] === c : tagAt(scan, j) === tagOf(c);
}

/** The child of `p` that holds the scan's element `x` (itself, or an ancestor of it), and that child's element when
 * `el` is x's. */
function childHolding(scan: Scan, p: number, x: number, el: Element | null): [number, Element | null] {
  const { parents } = scan;
  while (parents[x] !== p) {
    x = parents[x];
    el = el && el.parentElement;
  }
  return [x, el];
}

/**
 * The scan's element at index `i`: a kept one, or one found from the nearest kept earlier sibling or from its parent
 * by walking the siblings beside the subtree ends (see SIBLING_WALK). A loop over the scan's elements in order goes on
 * from the last one found, one step each. Null when the scan did not visit `i`; after the page changed the parent's
 * children, null or an element in its place, as indexOf.
 */
export function elementAt(scan: Scan, i: number, depth = 0): Element | null {
  const { kept, keptSlot, ends, parents } = scan;
  if (!(i >= 0 && i < scan.elements)) return null;
  const s = keptSlot[i];
  if (s) return kept[s - 1];
  const last = scan.lastFoundAt;
  if (last === i && scan.lastFound) return scan.lastFound;
  const p = parents[i];
  if (p < 0 || depth >= MAX_UNMAPPED_CHAIN) return null;
  // The child of the parent holding the last one found, when that is an earlier sibling or inside one.
  let held = -1;
  let heldEl: Element | null = null;
  if (last > p && last < i && scan.lastFound) [held, heldEl] = childHolding(scan, p, last, scan.lastFound);
  // Back over the earlier siblings to the nearest kept one or the one holding the last found, else from the parent's
  // first child.
  let x = i;
  let from: Element | null = null;
  for (let k = 0; k < SIBLING_WALK && x - 1 > p; k++) {
    x = childHolding(scan, p, x - 1, null)[0];
    const kx = keptSlot[x];
    if (kx || x === held) {
      from = kx ? kept[kx - 1] : heldEl;
      break;
    }
  }
  let c: Element | null;
  let j: number;
  if (from) {
    c = from.nextElementSibling;
    j = ends[x] + 1;
  } else if (x - 1 === p) {
    c = elementAt(scan, p, depth + 1)?.firstElementChild ?? null;
    j = p + 1;
  } else if (heldEl) {
    c = heldEl.nextElementSibling;
    j = ends[held] + 1;
  } else return null;
  for (; c && j <= i; c = c.nextElementSibling) {
    if (!scannedAs(scan, j, c)) return null;
    if (j === i) break;
    j = ends[j] + 1;
  }
  if (!c || j !== i) return null;
  scan.lastFound = c;
  scan.lastFoundAt = i;
  return c;
}

/** The scan's tables' first size (elements); they double when full. */
const FIRST_CAPACITY = 1024;
/** The scan's tables by element (growNext grows one of them). */
const TABLES = 7;
/** How many elements before its tables are full the scan grows them, one per clock checkpoint, where a sliced report
 * may pause. All seven at once, at 524,288 elements of the 1M-element page (~20 MB allocated, ~10 MB copied), made a
 * stretch of 47 ms between pauses, 21 ms of it in the copies (a CPU profile inside a trace). Room for each table's
 * checkpoint, twice over. */
const GROW_AHEAD = 2 * TABLES * CLOCK_CHECK_EVERY;

/** `to`, a larger table of the kind of `from`, holding `from`'s values first. */
export function grown<T extends Uint8Array | Uint16Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Is there a value of the ascending list `sorted` in [from, to]? Binary search. */
export function anyIn(sorted: number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] <= to;
}

/** The index of `el` in a complete scan whose subtree the scan read whole (neither `el` nor an element inside is one
 * whose subtree it skipped, where a selector query would look), so that questions about its descendants can be
 * answered from the scan; else undefined. */
export function wholeSubtreeAt(scan: Scan, el: Element): number | undefined {
  if (!scan.complete) return undefined;
  const i = indexOf(scan, el);
  return i !== undefined && readWhole(scan, i) ? i : undefined;
}

/** Did the scan read the subtree of its element `i` whole (no element inside whose subtree it skipped)? */
export const readWhole = (scan: Scan, i: number) => !anyIn(scan.opaqueAt, i, scan.ends[i]);

/** scanWork, run to the end at once. */
export const scanDocument = (root: Element, now: () => number, deadline: number): Scan => finishNow(scanWork(root, now, deadline));

/** Ids that REFERENCE_CONTAINER_SELECTOR names. */
const STRUCTURAL_ID = /^footnotes$/;

/** An item that is the page's mainEntity property with no item around it: the implied WebPage's main entity. Rare
 * (one a page), so its ancestor walk costs nothing. */
function isPageMainEntity(el: Element): boolean {
  return el.getAttribute('itemprop') === 'mainEntity' && !el.parentElement?.closest('[itemscope]');
}

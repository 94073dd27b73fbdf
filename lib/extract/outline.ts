/** The article's own outline: its headline and section heads, none of the site's. */
import { ACTIVE_CLASS, AUTHOR_BOX_WORDS, BACK_MATTER_HEADING, BOXED_TEXT_CLASS, CHROME_HEADING_TEXT, CLOSED_BOX_CLASS, FIGURE_BOX_CLASS, MAX_SELECTOR_CHECK_ELEMENTS, NOT_REFERENCE_LABEL, PERMALINK_CLASS, PERMALINK_TEXT, REFERENCE_LABEL, TOC_TITLE } from './rules';
import { FLAG_CHROME, FLAG_HIDDEN, type Scan, collapse, fragmentTarget, headMeta, indexOf, isHeadingTag, ownChromeFlags, tagOf, textOf } from './index';
import { countDescendants } from './detect';
import { isSideColumn } from './grid';
import { declaredArticleItem } from './signals';
import { inactiveTabPanels } from './tabs';

/** Heading text without permalink markers ("[edit]", "¶", "#"). */
export function headingText(el: Element): string {
  const t = textOf(el, (e) => {
    if (PERMALINK_CLASS.test(e.getAttribute('class') ?? '')) return true;
    if (tagOf(e) === 'A' || tagOf(e) === 'SPAN') return PERMALINK_TEXT.test(collapse(e.textContent ?? ''));
    return false;
  });
  return t.replace(/\s*(?:\[\s*(?:edit|bearbeiten|modifier)\s*\]|¶|#)\s*$/i, '').trim();
}

/** The first heading inside `box`, in document order (the one that heads it, when `box` is a section). */
const firstHeading = (box: Element): Element | null => box.querySelector('h1,h2,h3,h4,h5,h6');

/** Elements a heading inside means it is not a section head: link cards and teasers, tables (infoboxes), figures. */
const NOT_SECTION_CONTEXT = new Set(['A', 'TABLE', 'FIGURE', 'FIGCAPTION', 'BUTTON', 'LABEL', 'SUMMARY', 'BLOCKQUOTE']);
/** Ancestors are examined this far up (10k-deep hostile markup must not make the outline quadratic). */
const MAX_ANCESTOR_WALK = 200;

/** Why a heading in the article region is not part of the outline, or null when it is. */
function excluded(h: Element, region: Element, scan: Scan, main: Element, titleEl: Element | null, ids: PageIds): string | null {
  const f = scan.flags.get(h) ?? 0;
  if (f & FLAG_HIDDEN) return 'hidden';
  if (h.id && ids.cardTitles().has(h.id)) return 'the title of a link to another page';
  if (inactiveAlternative(h)) return 'another language, not shown';
  let steps = 0;
  // The main content and its ancestors never make its headings chrome: detection chose it for its prose, whatever the
  // names of the layout around it (Atypon Literatum's "widget" wrappers: tandf-bioplastics-food-packaging).
  let pastMain = false;
  for (let e: Element | null = h; e && e !== region && steps < MAX_ANCESTOR_WALK; e = e.parentElement, steps++) {
    if (e === main) pastMain = true;
    // A heading the page's own links jump to (its table of contents) is a section even in a layout table's cell
    // (wp-he-tel-aviv's three columns of museums, cinemas, libraries); an infobox's or a data table's is not.
    if (e !== h && NOT_SECTION_CONTEXT.has(tagOf(e)) && !(tagOf(e) === 'TABLE' && h.id && ids.jumpTargets().has(h.id)) && !sectionSummary(e, h)) return 'inside ' + tagOf(e).toLowerCase();
    // A heading in a list item is the item's title (an author's name, an affiliation, a teaser), unless it labels a
    // list of the article's (snopes-yovanovitch's "Sources" in li.citations-wrapper).
    if (e !== h && tagOf(e) === 'LI' && !isBackMatterLabel(headingText(h))) return 'inside a list item';
    if (e !== h && FIGURE_BOX_CLASS.test(e.getAttribute('class') ?? '') && !BOXED_TEXT_CLASS.test(e.parentElement?.getAttribute('class') ?? '')) return 'inside a figure or table box';
    if (e !== h && !pastMain && CLOSED_BOX_CLASS.test(e.getAttribute('class') ?? '') && !isHandle(h, e)) return 'in a closed box';
    // A tab not picked (Article / Figures / References tabs, each panel with a head of its own), unless it holds what
    // detection found: then the page was saved with that tab shown.
    if (e !== h && ids.hiddenPanels().has(e) && !e.contains(main) && !(titleEl && e.contains(titleEl))) return 'in a tab not shown';
    // The main content's ancestors hold it, so their names do not make a heading beside it chrome either
    // (tandf-moller-plesset-divergences: the abstract before the full text, both in Literatum's tab widget).
    if (!pastMain && ownChromeFlags(e) & FLAG_CHROME && !e.contains(main) && !authorsSection(e, main)) return 'site chrome';
    if (e !== h && (isSideColumn(e, main) || (titleEl && isSideColumn(e, titleEl)))) return 'side column';
  }
  return null;
}

/** Is `e` named for authors (AUTHOR_BOX_WORDS) and, or a box around it inside the main content, headed by a scholarly
 * back-matter label ("Author information", "Additional information": BACK_MATTER_HEADING)? Then it is the article's
 * section about its authors, not a byline or a site's bio box (nature-nnano-fibre-supercapacitors' div#author-information,
 * tandf-bioplastics-food-packaging's div.author-infos). */
function authorsSection(e: Element, main: Element): boolean {
  if (!AUTHOR_BOX_WORDS.test(e.getAttribute('class') ?? '') && !AUTHOR_BOX_WORDS.test(e.getAttribute('id') ?? '')) return false;
  for (let box: Element | null = e, steps = 0; box && box !== main && steps < MAX_BOX_WALK; box = box.parentElement, steps++) {
    const first = firstHeading(box);
    const text = first ? headingText(first) : '';
    if (text.length <= MAX_BACK_MATTER_LABEL_CHARS && BACK_MATTER_HEADING.test(text)) return true;
  }
  return false;
}
/** Boxes looked at around a chrome-named one for a back-matter head. */
const MAX_BOX_WALK = 4;

/** Is `e` the <summary> of an open <details> and `h` its whole text: a collapsible section's own head (Markdown
 * renderers' details.collapsible around each section: digitalocean-n8n-guide), not a toggle's caption? */
function sectionSummary(e: Element, h: Element): boolean {
  const details = e.parentElement;
  return tagOf(e) === 'SUMMARY' && !!details && tagOf(details) === 'DETAILS' && details.hasAttribute('open') && collapse(e.textContent ?? '') === collapse(h.textContent ?? '');
}

/** Ids that headings are looked up in, each set read once, when a heading first asks. */
interface PageIds {
  /** The ids the page's in-page links point at. */
  jumpTargets(): Set<string>;
  /** The ids of headings that name a link to another page (`<a aria-labelledby>`): a card's or teaser's title
   * ("Learn about…" under a promo card's h4: harvard-healthy-eating-plate). */
  cardTitles(): Set<string>;
  /** The panels of tab sets that are not shown (tabs.ts). */
  hiddenPanels(): Set<Element>;
}

function pageIds(scan: Scan, doc: Document): PageIds {
  let targets: Set<string> | null = null;
  let titles: Set<string> | null = null;
  let panels: Set<Element> | null = null;
  return {
    hiddenPanels() {
      return (panels ??= inactiveTabPanels(scan, doc));
    },
    jumpTargets() {
      if (!targets) {
        targets = new Set();
        for (let i = 0; i < scan.fragmentAt.length; i++) {
          const t = fragmentTarget(scan, scan.fragmentAt[i]);
          if (t) targets.add(t);
        }
      }
      return targets;
    },
    cardTitles() {
      if (!titles) {
        titles = new Set();
        // A whole-document query: only on pages small enough for it to fit in a slice (MAX_SELECTOR_CHECK_ELEMENTS).
        if (scan.elements > MAX_SELECTOR_CHECK_ELEMENTS) return titles;
        for (const a of Array.from(doc.querySelectorAll('a[aria-labelledby][href]')).slice(0, MAX_LABELLED_LINKS)) {
          if ((a.getAttribute('href') ?? '').startsWith('#')) continue;
          for (const id of (a.getAttribute('aria-labelledby') ?? '').split(/\s+/)) if (id) titles.add(id);
        }
      }
      return titles;
    },
  };
}
/** Labelled links read at most (a hostile page may have a million). */
const MAX_LABELLED_LINKS = 2000;

/** Is `h` the handle of the closed box `box`: its first heading, a child of the box? The handle shows while the box
 * is shut, and opens it (eLife's collapsed "eLife digest" pane: elife-oldsite-otd-brain-rewiring). */
function isHandle(h: Element, box: Element): boolean {
  return h.parentElement === box && firstHeading(box) === h;
}

/** Is `h` one of a set of same-tag siblings in other languages, not the one marked shown (ACTIVE_CLASS)? */
function inactiveAlternative(h: Element): boolean {
  const lang = h.getAttribute('lang');
  if (!lang || ACTIVE_CLASS.test(h.getAttribute('class') ?? '')) return false;
  const tag = tagOf(h);
  for (const s of [h.previousElementSibling, h.nextElementSibling, h.previousElementSibling?.previousElementSibling, h.nextElementSibling?.nextElementSibling]) {
    if (s && tagOf(s) === tag && (s.getAttribute('lang') ?? lang) !== lang && ACTIVE_CLASS.test(s.getAttribute('class') ?? '')) return true;
  }
  return false;
}

export interface OutlineHeading {
  el: Element;
  level: number;
  text: string;
}

/**
 * Headings from the headline to the end of the main content, inside their common container, that are visible, not in
 * site chrome, not link cards, and not a generated table of contents' title. Past the main content, the heads of the
 * article's back matter in the same container ("See also", "Further reading", "Notes": list labels) still count: the
 * main content is where the prose is, and a long list or table can hold more of it than the sections after it.
 */
export function collectOutline(scan: Scan, main: Element, titleEl: Element | null): OutlineHeading[] {
  const region = titleEl ? commonAncestor(titleEl, main) : main;
  const start = indexOf(scan, titleEl ?? main) ?? 0;
  const end = (indexOf(scan, main) ?? 0) + countDescendants(main, scan);
  const out: OutlineHeading[] = [];
  const ids = pageIds(scan, main.ownerDocument);
  // The box a chrome heading labels (its parent), and where the box ends in the scan: the headings inside it are the
  // box's too (IOP's "Access this article" panel with its h3 "Login", "Make a recommendation").
  let chromeBoxEnd = -1;
  // A page that wraps its article in a microdata Article item says where the article ends: headings outside it are
  // the site's (dugushici-bai-juyi-night-rain's side column of the poet's other poems).
  const item = declaredArticleItem(scan, main, titleEl);
  // The journal's name as a heading is the masthead, not a section (Highwire meta's citation_journal_title:
  // wiley-schroedinger-eigenwertproblem's h1 "Annalen der Physik" above the article's h2).
  const journal = headMeta(main.ownerDocument, 'meta[name="citation_journal_title"]');
  // So is the site's name, as Open Graph gives it (a blog's name as the h1 above its post's own headline:
  // smarterarticles-ai-art-compensation's "Human in the Loop").
  const site = headMeta(main.ownerDocument, 'meta[property="og:site_name"]');
  const title = titleEl ? headingText(titleEl).toLowerCase() : '';
  const repeats = new Set<number>();
  // The section a back-matter head past the main content heads, and the head's level.
  let backSection: Element | null = null;
  let backLevel = 0;
  for (const h of scan.headings) {
    const pos = indexOf(scan, h) ?? 0;
    if (pos < start) continue;
    if (!region.contains(h) || (item && !item.contains(h))) continue;
    if (pos <= chromeBoxEnd) continue;
    const after = pos > end;
    if (!after && h !== titleEl && excluded(h, region, scan, main, titleEl, ids)) continue;
    const text = headingText(h);
    if (h !== titleEl && text && CHROME_HEADING_TEXT.test(text)) {
      chromeBoxEnd = Math.max(chromeBoxEnd, labelledBoxEnd(h, main, titleEl, scan));
      continue;
    }
    if (!text || TOC_TITLE.test(text) || (journal && text.toLowerCase() === journal) || (site && h !== titleEl && text.toLowerCase() === site)) continue;
    // The headline again, below it, with no heads of its own under it, titles a player or a share box, not a section
    // (the video's and the audio's titles of wdr-feuerwehr-pensionsalter); with them it heads a part such as a recipe
    // card (elavegan-pb-truffles' card, "Ingredients" and "Instructions" under the recipe's name).
    if (h !== titleEl && title && text.toLowerCase() === title) repeats.add(out.length);
    const level = Number(tagOf(h)[1]);
    if (after) {
      // Past the main content: the back matter's heads, and the sub-heads inside the section one of them heads
      // (IEEE Xplore's "Authors" over each author's name, "Keywords" over "IEEE Keywords" and "INSPEC" terms).
      const label = isBackMatterLabel(text);
      const under = backSection !== null && backSection.contains(h) && level > backLevel;
      if ((!label && !under) || excluded(h, region, scan, main, titleEl, ids)) continue;
      if (label && !under) {
        backSection = sectionOf(h, main);
        backLevel = level;
      }
    }
    out.push({ el: h, level, text });
  }
  return repeats.size ? out.filter((h, i) => !repeats.has(i) || (i + 1 < out.length && out[i + 1].level > h.level)) : out;
}

/** The largest box around `h` whose first heading is `h` and that does not hold the main content: the section `h`
 * heads. */
function sectionOf(h: Element, main: Element): Element {
  let box = h;
  for (let p = h.parentElement, steps = 0; p && !p.contains(main) && steps < MAX_ANCESTOR_WALK; p = p.parentElement, steps++) {
    if (firstHeading(p) !== h) break;
    box = p;
  }
  return box;
}

/** Where the box that a chrome heading labels ends, in scan order: its parent, when the heading is the parent's first
 * heading and the parent holds neither the headline nor the main content (a chrome heading directly in the article
 * body labels nothing but itself); else the heading's own end. */
function labelledBoxEnd(h: Element, main: Element, titleEl: Element | null, scan: Scan): number {
  const own = indexOf(scan, h) ?? -1;
  const box = h.parentElement;
  if (!box || box.contains(main) || main === box || (titleEl && box.contains(titleEl))) return own;
  const at = indexOf(scan, box);
  if (at === undefined || firstHeading(box) !== h) return own;
  return scan.ends[at];
}

/** Ancestors of a reference label looked at for the box it is in (a widget's header, its content, the label). */
const MAX_BOX_DEPTH = 3;

/**
 * The header of the box a reference list's label sits in, when that box is only the header, a few lines and the list
 * (PolitiFact's "About this statement:" widget, whose "Sources:" are the article's): a box that holds the article's
 * sources is the article's. Null when the box has other headings or its header is a chrome heading.
 */
export function sourcesBoxHeading(label: Element): Element | null {
  const level = Number(tagOf(label)[1]);
  let e: Element | null = label.parentElement;
  for (let depth = 0; e && depth < MAX_BOX_DEPTH; depth++, e = e.parentElement) {
    const headings = e.querySelectorAll('h1,h2,h3,h4,h5,h6');
    if (headings.length > 2) return null;
    const first = e.firstElementChild;
    if (!first || first === label || headings[0] !== first || !isHeadingTag(tagOf(first))) continue;
    if (Number(tagOf(first)[1]) > level || CHROME_HEADING_TEXT.test(headingText(first))) return null;
    return first;
  }
  return null;
}

/** A head of the back matter: a list label, reference or not ("References", "See also", "External links"), or a
 * scholarly back-matter section ("Acknowledgements", "Data availability": BACK_MATTER_HEADING). */
const isBackMatterLabel = (text: string) =>
  text.length <= MAX_BACK_MATTER_LABEL_CHARS && (REFERENCE_LABEL.test(text) || NOT_REFERENCE_LABEL.test(text) || BACK_MATTER_HEADING.test(text));
/** The longest label of the tables is under 40 characters. */
const MAX_BACK_MATTER_LABEL_CHARS = 40;

export function commonAncestor(a: Element, b: Element): Element {
  const seen = new Set<Element>();
  for (let e: Element | null = a; e; e = e.parentElement) seen.add(e);
  for (let e: Element | null = b; e; e = e.parentElement) if (seen.has(e)) return e;
  return a.ownerDocument.documentElement;
}

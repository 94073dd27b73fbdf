/**
 * buildReport(document, url): the whole page report, as plain JSON. Reads the document, never changes it, never
 * throws (failures come back in `errors`), and stops at its time budget with `truncated: true`.
 */
import { DEFAULT_BUDGET_MS, DETECT_BUDGET_SHARE, SCAN_BUDGET_SHARE, SLICE_MS, WALL_CLOCK_AFTER_SHARE } from './rules';
import { FLAG_HIDDEN, type Scan, indexOf, scanWork } from './index';
import { declaredUrl, locateWork } from './detect';
import { collectOutline, headingText, sourcesBoxHeading } from './outline';
import { type FoundList, findReferenceLists, toReferenceLists } from './references';
import { type MarkerHit, linkCitations } from './citations';
import type { OutlineItem, PageReport, ReferenceList } from './types';
import { finishNow, inSlices, type Work } from './work';

export interface ReportOptions {
  /** Run the full report even when the page does not look like an article ("read it anyway"). */
  force?: boolean;
  /** Time budget in ms (DEFAULT_BUDGET_MS). */
  budgetMs?: number;
  /** Clock, for tests and for environments without `performance`. */
  now?: () => number;
}

/** An element by report id. */
export interface ElementLookup {
  get(id: string): Element | undefined;
}

/** Element handles behind a report, for the content script to jump and highlight. Not part of the JSON. */
export interface ReportElements {
  outline: ElementLookup;
  entries: ElementLookup;
  markers: ElementLookup;
}

/** A look-up filled on its first use: a report is read far more often than a reader jumps from it, and the maps of a
 * 3,000-entry report (string keys, 6,000 of them) were ~4 ms of every report on refs-3000 in Chromium. Made here, out
 * of reportWork, so that the closure holds only its arguments: one made inside would keep reportWork's scope alive,
 * the scan with every element of the page among it, as long as the reader keeps the report. */
function lazyLookup<T>(items: T[], fill: (map: Map<string, Element>, items: T[]) => void): ElementLookup {
  let map: Map<string, Element> | null = null;
  return {
    get(id) {
      if (!map) {
        map = new Map();
        fill(map, items);
      }
      return map.get(id);
    },
  };
}

const NO_ELEMENTS: ElementLookup = { get: () => undefined };

/** Each entry's element by entry id (the lists and their sources are aligned: toReferenceLists). */
const entryLookup = (found: FoundList[], lists: ReferenceList[]) =>
  lazyLookup(found, (map, all) => all.forEach((l, li) => l.sources.forEach((s, ei) => map.set(lists[li].entries[ei].id, s.el))));

const markerLookup = (hits: MarkerHit[]) =>
  lazyLookup(hits, (map, all) => {
    for (const m of all) map.set(m.markerId, m.el);
  });

const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function emptyReport(url: string, title = ''): PageReport {
  return {
    version: 1, url, title, isArticle: false, detection: { score: 0, reasons: [] }, outline: [], referenceLists: [],
    citations: { markers: [], uncited: [], dangling: [] },
    stats: { elements: 0, headings: 0, lists: 0, entries: 0, unlinked: 0, words: 0 }, timings: {}, truncated: false, errors: [],
  };
}

export function buildReport(doc: Document, url: string, options: ReportOptions = {}): PageReport {
  return buildReportWithElements(doc, url, options).report;
}

export function buildReportWithElements(doc: Document, url: string, options: ReportOptions = {}): { report: PageReport; elements: ReportElements } {
  return finishNow(reportWork(doc, url, options));
}

export interface SlicedOptions extends Omit<ReportOptions, 'now'> {
  /** Longest stretch of work between pauses, in ms (SLICE_MS). */
  sliceMs?: number;
  /** Hand the thread back to the page (the content script: scheduler.yield or a message-channel task). */
  pause: () => Promise<void>;
  /** Wall clock (tests). */
  clock?: () => number;
}

/**
 * The same report, built in slices of about `sliceMs` with the page's own tasks in between, so a huge page is never
 * frozen for longer than a slice. The time budget counts the report's own working time, so a busy page gets the same
 * report as an idle one, later; once the report has worked WALL_CLOCK_AFTER_SHARE of its budget (a huge page), the
 * pauses count too, and the partial answer comes within the budget of the wall clock. The document may change between
 * slices; the caller compares and asks again.
 */
export function buildReportSliced(doc: Document, url: string, options: SlicedOptions): Promise<{ report: PageReport; elements: ReportElements }> {
  const wall = options.clock ?? clock;
  const start = wall();
  const wallAfter = (options.budgetMs ?? DEFAULT_BUDGET_MS) * WALL_CLOCK_AFTER_SHARE;
  let paused = 0;
  // Time since the call: working time, then (never less) the wall clock's.
  const now = () => {
    const elapsed = wall() - start;
    return elapsed - paused >= wallAfter ? elapsed : elapsed - paused;
  };
  return inSlices(reportWork(doc, url, { ...options, now }), {
    sliceMs: options.sliceMs ?? SLICE_MS,
    pause: options.pause,
    clock: wall,
    onPaused: (ms) => (paused += ms),
  });
}

function* reportWork(doc: Document, url: string, options: ReportOptions): Work<{ report: PageReport; elements: ReportElements }> {
  const now = options.now ?? clock;
  const t0 = now();
  const deadline = t0 + (options.budgetMs ?? DEFAULT_BUDGET_MS);
  const outlineEls = new Map<string, Element>();
  const elements: ReportElements = { outline: outlineEls, entries: NO_ELEMENTS, markers: NO_ELEMENTS };
  let report = emptyReport(url);
  try {
    const root = doc?.body ?? doc?.documentElement;
    if (!root) {
      report.errors.push('The document has no content.');
      return { report, elements };
    }
    report.title = (doc.title ?? '').replace(/\s+/g, ' ').trim();
    // The scan gets a share of the budget so that the later stages, which also watch the clock, have time to give a
    // partial answer on a huge page instead of none.
    const budget = deadline - t0;
    const scan: Scan = yield* scanWork(root, now, t0 + budget * SCAN_BUDGET_SHARE);
    const expired = () => now() > deadline;
    report.stats.elements = scan.elements;
    report.truncated = scan.truncated;
    let t = now();
    report.timings.scan = t - t0;

    // Detection's reading of prose stops earlier still, leaving room for the sums and the title that follow it.
    const detectDeadline = t0 + budget * DETECT_BUDGET_SHARE;
    const located = yield* locateWork(doc, url, root, scan, headingText, () => now() > detectDeadline);
    report.isArticle = located.isArticle;
    report.title = located.title || report.title;
    report.detection = { score: located.score, reasons: located.reasons };
    report.stats.words = located.words;
    report.timings.detect = now() - t;
    if (!located.isArticle && !options.force) return finish(report, now, t0, elements);

    // Past the deadline, later stages are skipped: the answer is the partial one gathered so far.
    if (expired()) {
      report.truncated = true;
      return finish(report, now, t0, elements);
    }
    t = now();
    let outline = collectOutline(scan, located.main, located.titleEl);
    report.timings.outline = now() - t;

    t = now();
    const found = yield* findReferenceLists(scan, expired);
    report.timings.references = now() - t;
    t = now();
    // A saved page (file:) resolves its relative links against the address it declares (canonical, og:url), as it
    // did on the web: a same-site link is still a link.
    const base = /^https?:/i.test(url) ? url : (declaredUrl(doc, url)?.href ?? url);
    const offered = found.reduce((n, l) => n + l.sources.length, 0);
    report.referenceLists = yield* toReferenceLists(found, base, scan, expired);
    report.stats.entries = report.referenceLists.reduce((n, l) => n + l.entries.length, 0);
    // Entries left out (the deadline, MAX_REPORT_ENTRIES, a list not gathered whole): the lists are partial.
    if (report.stats.entries < offered || found.some((l) => l.partial)) report.truncated = true;
    report.timings.entries = now() - t;

    // A heading inside an entry is the entry's (the journal's name in each of ScienceDirect's preview entries), not a
    // section of the article.
    const sourceEls = new Set<Element>();
    // Entries made of a run of nodes (<br> lines) name their container as `el`: it may hold the article's headings.
    for (const l of found) for (const s of l.sources) if (!s.nodes) sourceEls.add(s.el);
    if (sourceEls.size) outline = outline.filter((h) => !insideAny(h.el, sourceEls));
    // Reference headings outside the article region (an <aside> "Sources:" widget, a notes block after the related
    // stories) still belong to the article's outline.
    const inOutline = new Set(outline.map((h) => h.el));
    const addHeading = (h: Element) => {
      outline.push({ el: h, level: Number(h.localName[1]), text: headingText(h) });
      inOutline.add(h);
    };
    for (const l of found) {
      const el = l.labelEl;
      if (!el || inOutline.has(el) || !/^H[1-6]$/i.test(el.localName) || (indexOf(scan, el) ?? 0) < (indexOf(scan, located.titleEl ?? located.main) ?? 0)) continue;
      addHeading(el);
      const box = sourcesBoxHeading(el);
      if (box && !inOutline.has(box) && !((scan.flags.get(box) ?? 0) & FLAG_HIDDEN)) addHeading(box);
    }
    outline.sort((a, b) => (indexOf(scan, a.el) ?? 0) - (indexOf(scan, b.el) ?? 0));

    report.outline = outline.map((h, i): OutlineItem => {
      const id = `h${i + 1}`;
      outlineEls.set(id, h.el);
      const anchorEl = h.el.getAttribute('id') ? h.el : h.el.querySelector('[id]');
      return { id, level: h.level, text: h.text, anchor: anchorEl?.getAttribute('id') ?? '', citations: 0 };
    });
    elements.entries = entryLookup(found, report.referenceLists);

    t = now();
    const headingOrder = outline.map((h) => indexOf(scan, h.el) ?? 0);
    const sectionOf = (el: Element): string | null => {
      // The nearest outline heading before `el`: binary search over heading positions.
      const pos = orderOf(scan, el);
      let lo = 0;
      let hi = headingOrder.length - 1;
      let best = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (headingOrder[mid] <= pos) {
          best = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return best >= 0 ? report.outline[best].id : null;
    };
    if (!expired()) {
      const { citations, markers } = yield* linkCitations(scan, report.referenceLists, found.map((l) => l.sources), sectionOf, expired);
      report.citations = citations;
      elements.markers = markerLookup(markers);
      const bySection = new Map(report.outline.map((o) => [o.id, o]));
      for (const m of citations.markers) if (m.sectionId) bySection.get(m.sectionId)!.citations++;
      report.timings.citations = now() - t;
    }

    report.stats.headings = report.outline.length;
    report.stats.lists = report.referenceLists.length;
    report.stats.unlinked = report.referenceLists.reduce((n, l) => n + l.entries.filter((e) => !e.hasLink).length, 0);
    if (now() > deadline) report.truncated = true;
  } catch (err) {
    report = { ...report, errors: [...report.errors, `The page could not be read: ${messageOf(err)}`] };
  }
  return finish(report, now, t0, elements);
}

/** A thrown value's message, also for a page's Error (another realm: not `instanceof Error` here) and for a hostile
 * value whose message or toString throws: the report must still come back. */
function messageOf(err: unknown): string {
  try {
    const m = (err as { message?: unknown } | null)?.message;
    return typeof m === 'string' ? m : String(err);
  } catch {
    return 'unknown error';
  }
}

/** Ancestors looked at for an entry around a heading (entries are shallow; hostile markup may be 10k deep). */
const MAX_ENTRY_DEPTH = 40;

function insideAny(el: Element, set: Set<Element>): boolean {
  let e = el.parentElement;
  for (let k = 0; e && k < MAX_ENTRY_DEPTH; e = e.parentElement, k++) if (set.has(e)) return true;
  return false;
}

function orderOf(scan: Scan, el: Element): number {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const o = indexOf(scan, e);
    if (o !== undefined) return o;
  }
  return 0;
}

function finish(report: PageReport, now: () => number, t0: number, elements: ReportElements) {
  report.timings.total = now() - t0;
  if (report.truncated) report.errors.push('The page is too large to read within the time budget; the report is partial.');
  return { report, elements };
}

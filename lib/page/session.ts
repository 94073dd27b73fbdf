/**
 * The content script's state for one document: the last report, the mapping from its ids back to elements, the
 * scroll-spy, and the badge. Pure wiring over injected functions, so a test can drive it with a JSDOM document.
 * It never opens IndexedDB and never fetches.
 */
import type { ReportElements } from '../extract/report';
import type { PageReport } from '../extract/types';
import type { JumpTarget, Result } from '../messages';
import { markBriefly, scrollToElement } from './jump';
import { locate, locateHeading } from './locate';
import { startScrollSpy, type SpiedHeading } from './scrollspy';
import type { PageWindow } from './text';

/** The report, built in slices (lib/extract buildReportSliced): the page keeps its thread while a long one is read. */
export type BuildReport = (doc: Document, url: string, options: { force?: boolean }) => Promise<{ report: PageReport; elements?: ReportElements }>;

/** The extractor's cheap check, run on every page load so non-articles cost almost nothing. */
export type QuickDetect = (doc: Document, url: string) => { likely: boolean };

export interface SessionDeps {
  doc: Document;
  win: PageWindow;
  build: BuildReport;
  quickDetect: QuickDetect;
  /** The painted range of a note's quote (lib/anchor), to jump to it. */
  noteRange(noteId: string): Range | null;
  /** Unlinked-entry count for the toolbar badge, null on pages that are not articles. */
  sendBadge(unlinked: number | null): void;
  sendSection(outlineId: string | null): void;
}

export interface PageSession {
  getReport(force: boolean): Promise<Result<PageReport>>;
  jumpTo(target: JumpTarget): Promise<Result<true>>;
  /** Build (or reuse) the unforced report and send the badge. */
  refreshBadge(): Promise<void>;
  /** Forget the report: the page changed. */
  invalidate(): void;
  stop(): void;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function createPageSession(deps: SessionDeps): PageSession {
  const { doc, win } = deps;
  let cached: { report: PageReport; elements?: ReportElements; url: string; forced: boolean } | null = null;
  /** The report being built: a second request while it is under way waits for it instead of starting another. */
  let building: { promise: Promise<PageReport>; url: string; forced: boolean } | null = null;
  /** Counts invalidations: a report finished after the page changed is handed to its caller but not kept. */
  let generation = 0;
  let stopSpy = () => {};

  /** The element behind a report id: the extractor's handle while it is still in the page, else found again. */
  function elementOf(target: Exclude<JumpTarget, { kind: 'note' }>, report: PageReport, elements?: ReportElements): Element | null {
    const maps = { heading: elements?.outline, entry: elements?.entries, marker: elements?.markers };
    const held = maps[target.kind]?.get(target.id);
    if (held?.isConnected) return held;
    return locate(doc, report, target);
  }

  function spyOn(report: PageReport, elements?: ReportElements) {
    stopSpy();
    const headings: SpiedHeading[] = [];
    for (const item of report.outline) {
      const held = elements?.outline.get(item.id);
      const el = held?.isConnected ? held : locateHeading(doc, report, item);
      if (el) headings.push({ id: item.id, el });
    }
    stopSpy = startScrollSpy(win, doc, headings, deps.sendSection);
  }

  function current(force: boolean): Promise<PageReport> {
    const url = win.location.href;
    // An unforced report of an article is already the full report; a forced one serves both requests.
    if (cached && cached.url === url && (!force || cached.forced || cached.report.isArticle)) return Promise.resolve(cached.report);
    if (building && building.url === url && (!force || building.forced)) return building.promise;
    const started = generation;
    const promise = deps.build(doc, url, { force }).then(({ report, elements }) => {
      // A forced report already kept for this address is not replaced by an unforced one that finished later.
      if (started === generation && !(cached?.forced && cached.url === url && !force)) {
        cached = { report, elements, url, forced: force };
        if (report.isArticle || force) spyOn(report, elements);
      }
      return report;
    });
    const job = { promise, url, forced: force };
    building = job;
    const done = () => {
      if (building === job) building = null;
    };
    promise.then(done, done);
    return promise;
  }

  return {
    async getReport(force) {
      try {
        return { ok: true, value: await current(force) };
      } catch (err) {
        return { ok: false, reason: `The page could not be read: ${message(err)}` };
      }
    },
    async jumpTo(target) {
      if (target.kind === 'note') {
        const range = deps.noteRange(target.noteId);
        if (!range) return { ok: false, reason: 'This note’s quote was not found on the page.' };
        scrollToElement(range, doc, win);
        return { ok: true, value: true };
      }
      let report: PageReport;
      try {
        report = cached?.report ?? (await current(false));
      } catch (err) {
        return { ok: false, reason: `The page could not be read: ${message(err)}` };
      }
      const el = elementOf(target, report, cached?.elements);
      if (!el) return { ok: false, reason: 'That part of the page is no longer there.' };
      scrollToElement(el, doc, win);
      markBriefly(el);
      return { ok: true, value: true };
    },
    async refreshBadge() {
      try {
        // Most pages are not articles: the cheap check spares them the full report.
        if (!cached && !deps.quickDetect(doc, win.location.href).likely) {
          deps.sendBadge(null);
          return;
        }
        const report = await current(cached?.forced ?? false);
        deps.sendBadge(report.isArticle ? report.stats.unlinked : null);
      } catch {
        deps.sendBadge(null);
      }
    },
    invalidate() {
      generation++;
      cached = null;
      building = null;
      stopSpy();
      stopSpy = () => {};
    },
    stop() {
      stopSpy();
    },
  };
}

/**
 * The content script's state for one document: the last report, the mapping from its ids back to elements, the
 * scroll-spy, and the badge. Pure wiring over injected functions, so a test can drive it with a JSDOM document.
 * It never opens IndexedDB and never fetches.
 */
import type { PageReport } from '../extract/types';
import type { JumpTarget, Result } from '../messages';
import { markBriefly, scrollToElement } from './jump';
import { locate, locateHeading } from './locate';
import { startScrollSpy, type SpiedHeading } from './scrollspy';
import type { PageWindow } from './text';

export type BuildReport = (doc: Document, url: string, options: { force?: boolean }) => PageReport;

export interface SessionDeps {
  doc: Document;
  win: PageWindow;
  build: BuildReport;
  /** Unlinked-entry count for the toolbar badge, null on pages that are not articles. */
  sendBadge(unlinked: number | null): void;
  sendSection(outlineId: string | null): void;
}

export interface PageSession {
  getReport(force: boolean): Result<PageReport>;
  jumpTo(target: JumpTarget): Result<true>;
  /** Build (or reuse) the unforced report and send the badge. */
  refreshBadge(): void;
  /** Forget the report: the page changed. */
  invalidate(): void;
  stop(): void;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function createPageSession(deps: SessionDeps): PageSession {
  const { doc, win } = deps;
  let cached: { report: PageReport; url: string; forced: boolean } | null = null;
  let stopSpy = () => {};

  function spyOn(report: PageReport) {
    stopSpy();
    const headings: SpiedHeading[] = [];
    for (const item of report.outline) {
      const el = locateHeading(doc, report, item);
      if (el) headings.push({ id: item.id, el });
    }
    stopSpy = startScrollSpy(win, doc, headings, deps.sendSection);
  }

  function current(force: boolean): PageReport {
    const url = win.location.href;
    // An unforced report of an article is already the full report; a forced one serves both requests.
    if (cached && cached.url === url && (!force || cached.forced || cached.report.isArticle)) return cached.report;
    const report = deps.build(doc, url, { force });
    cached = { report, url, forced: force };
    if (report.isArticle || force) spyOn(report);
    return report;
  }

  return {
    getReport(force) {
      try {
        return { ok: true, value: current(force) };
      } catch (err) {
        return { ok: false, reason: `The page could not be read: ${message(err)}` };
      }
    },
    jumpTo(target) {
      if (target.kind === 'note') return { ok: false, reason: 'Jumping to notes is handled by the notes feature.' };
      const report = cached?.report ?? current(false);
      const el = locate(doc, report, target);
      if (!el) return { ok: false, reason: 'That part of the page is no longer there.' };
      scrollToElement(el, doc, win);
      markBriefly(el);
      return { ok: true, value: true };
    },
    refreshBadge() {
      try {
        const report = current(cached?.forced ?? false);
        deps.sendBadge(report.isArticle ? report.stats.unlinked : null);
      } catch {
        deps.sendBadge(null);
      }
    },
    invalidate() {
      cached = null;
      stopSpy();
      stopSpy = () => {};
    },
    stop() {
      stopSpy();
    },
  };
}

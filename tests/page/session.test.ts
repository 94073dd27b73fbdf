// @vitest-environment jsdom
// The content script's page session builds its report asynchronously (in slices): requests while a build runs must
// share it, a page change during a build must not leave a stale report cached, and the badge follows the report.
import { afterEach, describe, expect, it } from 'vitest';
import { buildReportSliced, emptyReport } from '@/lib/extract/report';
import { createPageSession, type BuildReport } from '@/lib/page/session';
import type { PageWindow } from '@/lib/page/text';
import type { PageReport } from '@/lib/extract/types';

afterEach(() => {
  document.body.innerHTML = '';
});

/** A build the test finishes by hand, counting how often the session asked for one. */
function manualBuild() {
  const pending: { force: boolean; finish: (report: PageReport) => void }[] = [];
  const build: BuildReport = (_doc, url, { force }) =>
    new Promise((resolve) => pending.push({ force: force === true, finish: (report) => resolve({ report: { ...report, url } }) }));
  return { build, pending };
}

const article = (unlinked: number): PageReport => ({ ...emptyReport(''), isArticle: true, stats: { ...emptyReport('').stats, unlinked } });

function session(build: BuildReport, badges: (number | null)[] = []) {
  return createPageSession({
    doc: document,
    win: window as PageWindow,
    build,
    quickDetect: () => ({ likely: true }),
    noteRange: () => null,
    sendBadge: (n) => badges.push(n),
    sendSection: () => {},
  });
}

describe('page session', () => {
  it('answers requests made while a report is being built with that one report', async () => {
    const { build, pending } = manualBuild();
    const s = session(build);
    const first = s.getReport(false);
    const second = s.getReport(false);
    expect(pending).toHaveLength(1);
    pending[0].finish(article(3));
    expect(await first).toEqual(await second);
    expect((await first).ok && (await first).ok).toBe(true);
    // Kept: a later request is answered without building again.
    await s.getReport(false);
    expect(pending).toHaveLength(1);
  });

  it('does not keep a report that finished after the page changed', async () => {
    const { build, pending } = manualBuild();
    const s = session(build);
    const stale = s.getReport(false);
    s.invalidate();
    pending[0].finish(article(1));
    await stale;
    const fresh = s.getReport(false);
    expect(pending).toHaveLength(2);
    pending[1].finish(article(2));
    const r = await fresh;
    expect(r.ok && r.value.stats.unlinked).toBe(2);
  });

  it('builds a forced report when only an unforced one is running, and keeps the forced one', async () => {
    const { build, pending } = manualBuild();
    const s = session(build);
    const plain = s.getReport(false);
    const forced = s.getReport(true);
    expect(pending.map((p) => p.force)).toEqual([false, true]);
    pending[1].finish({ ...emptyReport(''), isArticle: false, outline: [{ id: 'h1', level: 1, text: 'Forced', anchor: '', citations: 0 }] });
    // The unforced build finishing later does not replace the forced report.
    pending[0].finish({ ...emptyReport(''), isArticle: false });
    await Promise.all([plain, forced]);
    const again = await s.getReport(true);
    expect(pending).toHaveLength(2);
    expect(again.ok && again.value.outline.map((h) => h.text)).toEqual(['Forced']);
  });

  it('sends the badge once the report is built', async () => {
    const { build, pending } = manualBuild();
    const badges: (number | null)[] = [];
    const s = session(build, badges);
    const done = s.refreshBadge();
    expect(badges).toEqual([]);
    pending[0].finish(article(5));
    await done;
    expect(badges).toEqual([5]);
  });

  it('works with the real sliced report on a page', async () => {
    // An article's address (a site's home page is never an article).
    history.pushState({}, '', '/2024/05/an-article');
    document.body.innerHTML = `<article><h1>Title</h1>${'<p>Some prose of the article that goes on for a while. </p>'.repeat(40)}
      <h2>References</h2><ol><li>A book, 2001.</li><li>A paper, 2002.</li></ol></article>`;
    const badges: (number | null)[] = [];
    const s = session((doc, url, options) => buildReportSliced(doc, url, { ...options, pause: () => Promise.resolve() }), badges);
    await s.refreshBadge();
    expect(badges).toEqual([2]);
    const r = await s.getReport(false);
    expect(r.ok && r.value.referenceLists[0].entries.map((e) => e.text)).toEqual(['A book, 2001.', 'A paper, 2002.']);
  });
});

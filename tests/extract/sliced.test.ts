// The content script builds its report in slices (buildReportSliced) so a long page is not frozen while it reads.
// The sliced report must be the report: same outline, lists, entries and citations as the one built at once.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NODE_BUDGET_MS, decodeHtml, parseHtml } from '../../cli/load';
import { MAX_REPORT_ENTRIES } from '../../lib/extract/rules';
import { buildReport, buildReportSliced } from '../../lib/extract/report';
import type { PageReport } from '../../lib/extract/types';
import { corpusFile } from './helpers';

/** The report without its stage timings (the one thing that differs between two runs). */
const content = ({ timings: _, ...rest }: PageReport) => rest;

/** Pages with many elements, citations and reference lists (so every stage runs long enough to pause). */
const PAGES = ['wp-hermitian-matrix', 'seed-article', 'nytimes-sudan-sanctions'];

describe('sliced report', () => {
  for (const id of PAGES) {
    it(`${id}: pauses between slices and gives the same report as the one built at once`, async () => {
      const url = 'file://' + corpusFile(id);
      const dom = parseHtml(decodeHtml(readFileSync(corpusFile(id))), url);
      try {
        const doc = dom.window.document;
        const whole = buildReport(doc, url, { budgetMs: NODE_BUDGET_MS, force: true });
        let pauses = 0;
        // sliceMs 0: pause at every checkpoint, the most interleaved run there can be.
        const { report } = await buildReportSliced(doc, url, { budgetMs: NODE_BUDGET_MS, force: true, sliceMs: 0, pause: async () => void pauses++ });
        expect(content(report)).toEqual(content(whole));
        expect(whole.outline.length).toBeGreaterThan(0);
        expect(pauses).toBeGreaterThan(0);
      } finally {
        dom.window.close();
      }
    });
  }

  it('reads a list of 20,000 entries a few hundred at a time between pauses, never the whole list in one step', async () => {
    const items = Array.from({ length: 20_000 }, (_, i) => `<li>Author ${i}. A book, ${1900 + (i % 100)}.</li>`).join('');
    const prose = '<p>Prose long enough to count as a paragraph of an article, with a good number of ordinary words in it.</p>'.repeat(12);
    const url = 'https://example.org/2024/long-list';
    const dom = parseHtml(`<title>A long list</title><article><h1>A long list</h1>${prose}<h2>References</h2><ol>${items}</ol></article>`, url);
    try {
      const win = dom.window;
      // Each read of a list item's tag name, counted between pauses (every loop over the items asks it of each).
      const tagName = Object.getOwnPropertyDescriptor(win.Element.prototype, 'tagName')!;
      let reads = 0;
      let most = 0;
      Object.defineProperty(win.Element.prototype, 'tagName', {
        configurable: true,
        get(this: Element) {
          const t = tagName.get!.call(this) as string;
          if (t === 'LI') reads++;
          return t;
        },
      });
      const pause = async () => {
        most = Math.max(most, reads);
        reads = 0;
      };
      const { report } = await buildReportSliced(win.document, url, { budgetMs: NODE_BUDGET_MS, sliceMs: 0, pause });
      most = Math.max(most, reads);
      // Every item is gathered and cleaned; the report carries the first MAX_REPORT_ENTRIES of them.
      expect(report.referenceLists.map((l) => l.entries.length)).toEqual([MAX_REPORT_ENTRIES]);
      expect(report.truncated).toBe(true);
      // The scan, detection and the entries pause every few hundred elements: a stage that gathers every item before
      // its first pause reads 20,000.
      expect(most).toBeLessThan(2_000);
    } finally {
      dom.window.close();
    }
  }, 120_000);

  it('counts only its own working time against the budget: long pauses do not truncate the report', async () => {
    const id = 'wp-hermitian-matrix';
    const url = 'file://' + corpusFile(id);
    const dom = parseHtml(decodeHtml(readFileSync(corpusFile(id))), url);
    try {
      // Every pause lasts 10 s on the clock the report reads; the budget is far shorter than the pauses added up.
      let offset = 0;
      let pauses = 0;
      const clock = () => performance.now() + offset;
      const pause = async () => {
        pauses++;
        offset += 10_000;
      };
      const { report } = await buildReportSliced(dom.window.document, url, { budgetMs: NODE_BUDGET_MS, force: true, sliceMs: 0, pause, clock });
      expect(offset).toBeGreaterThan(NODE_BUDGET_MS);
      expect(report.truncated).toBe(false);
      expect(report.referenceLists.length).toBeGreaterThan(0);
    } finally {
      dom.window.close();
    }
  });

  it('counts the pauses too once it has worked a third of its budget: a huge page on a busy thread answers in time', async () => {
    const id = 'wp-hermitian-matrix';
    const url = 'file://' + corpusFile(id);
    const dom = parseHtml(decodeHtml(readFileSync(corpusFile(id))), url);
    try {
      // A clock that moves 0.01 ms at each reading and pauseMs at each pause, so a report's working time is the same
      // in every run of the same code on the same page.
      const run = async (budgetMs: number, pauseMs: number) => {
        let t = 0;
        const clock = () => (t += 0.01);
        const pause = async () => void (t += pauseMs);
        return (await buildReportSliced(dom.window.document, url, { budgetMs, force: true, sliceMs: 0, pause, clock })).report;
      };
      const work = (await run(NODE_BUDGET_MS, 0)).timings.total!;
      // A budget of twice the report's work: it is done in time on an idle thread, and passes a third of it.
      const idle = await run(2 * work, 0);
      expect(idle.truncated).toBe(false);
      expect(idle.referenceLists.length).toBeGreaterThan(0);
      // The same budget with 10 ms pauses between slices (dozens of them before a third of the work is done).
      const busy = await run(2 * work, 10);
      expect(busy.truncated).toBe(true);
      // With four times its work as its budget, the report never works a third of it: the pauses never count.
      const roomy = await run(4 * work, 10);
      expect(roomy.truncated).toBe(false);
      expect(roomy.referenceLists.length).toBe(idle.referenceLists.length);
    } finally {
      dom.window.close();
    }
  });
});

// The content script builds its report in slices (buildReportSliced) so a long page is not frozen while it reads.
// The sliced report must be the report: same outline, lists, entries and citations as the one built at once.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NODE_BUDGET_MS, decodeHtml, parseHtml } from '../../cli/load';
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
});

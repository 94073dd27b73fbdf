// buildReport reads the live page and must never change it (Defuddle's tests/no-mutate-live-doc.test.ts, written after
// an extractor wiped a site's styles). For corpus pages of each kind — the seed WordPress post, a MediaWiki article,
// a page with sidenotes and link-preview templates, a news page with an inline "More information:" citation — the
// serialised document is the same before and after a report, also a forced one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeHtml, parseHtml } from '../../cli/load';
import { buildReport } from '../../lib/extract/report';
import { corpusFile } from './helpers';

const PAGES = ['seed-article', 'wp-mozilla', 'maggieappleton-xanadu', 'physorg-neanderthal-tar'];

describe('buildReport leaves the document untouched', () => {
  for (const id of PAGES) {
    it(id, () => {
      const file = corpusFile(id);
      const url = 'file://' + file;
      const dom = parseHtml(decodeHtml(readFileSync(file)), url);
      try {
        const doc = dom.window.document;
        const before = doc.documentElement.outerHTML;
        const report = buildReport(doc, url);
        expect(doc.documentElement.outerHTML === before).toBe(true);
        const forced = buildReport(doc, url, { force: true });
        expect(doc.documentElement.outerHTML === before).toBe(true);
        // The reports did read the page (an extractor that returned early would pass the check above vacuously).
        expect(report.errors).toEqual([]);
        expect(forced.outline.length).toBeGreaterThan(0);
        expect(forced.stats.entries).toBeGreaterThan(0);
      } finally {
        dom.window.close();
      }
    });
  }
});

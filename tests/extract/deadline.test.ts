// A reference list too long to read within the report's budget (a page of 100,000 entries) is cut where the deadline
// falls: the entries read so far, each still tied to its element, and the report says it is partial. Before, cleaning
// and building went on to the last entry whatever the budget (about 20 s on such a page in Chromium).
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { scanDocument } from '../../lib/extract/dom';
import { findReferenceLists, toReferenceLists } from '../../lib/extract/references';
import { buildReportWithElements } from '../../lib/extract/report';
import { finishNow } from '../../lib/extract/work';

const URL = 'https://example.org/2024/article';
const PROSE = 'Prose long enough to count as a paragraph of an article, with a good number of ordinary words in it. ';
const ENTRIES = 1000;
const page = () => {
  const items = Array.from({ length: ENTRIES }, (_, i) => `<li id="n${i + 1}">Author ${i + 1}. A work without a link, ${2000 + (i % 25)}.</li>`).join('');
  return `<title>Long list</title><h1>Long list</h1>${`<p>${PROSE.repeat(4)}<sup><a href="#n1">[1]</a></sup></p>`.repeat(4)}<h2>References</h2><ol>${items}</ol>`;
};

/** A deadline that passes at the `after`-th question. */
const expiresAfter = (after: number) => {
  let asked = 0;
  return () => ++asked > after;
};

describe('a reference list cut at the deadline', () => {
  it('keeps the entries read so far, in order, with each list\'s sources aligned with its entries', () => {
    const dom = new JSDOM(page(), { url: URL });
    try {
      const scan = scanDocument(dom.window.document.body, () => 0, Infinity);
      const whole = finishNow(toReferenceLists(finishNow(findReferenceLists(scan)), URL, scan));
      expect(whole.map((l) => l.entries.length)).toEqual([ENTRIES]);
      const cuts = new Set<number>();
      // The deadline passes at each question the stages ask in turn: while labels are sought, while entries are
      // cleaned, while they are built.
      for (let after = 0; after < 40; after++) {
        const expired = expiresAfter(after);
        const found = finishNow(findReferenceLists(scan, expired));
        const lists = finishNow(toReferenceLists(found, URL, scan, expired));
        expect(found.length).toBe(lists.length);
        found.forEach((l, i) => expect(l.sources.map((s) => s.el.id)).toEqual(lists[i].entries.map((e) => e.anchor)));
        const n = lists[0]?.entries.length ?? 0;
        expect(lists[0]?.entries ?? []).toEqual(whole[0].entries.slice(0, n));
        cuts.add(n);
      }
      // Some deadlines fell inside the list: neither nothing nor everything.
      expect([...cuts].some((n) => n > 0 && n < ENTRIES)).toBe(true);
      expect(cuts.has(ENTRIES)).toBe(true);
    } finally {
      dom.window.close();
    }
  });

  it('gives a partial report whose entries, markers and element look-ups agree', () => {
    const dom = new JSDOM(page(), { url: URL });
    try {
      // A clock that moves 1 ms per reading; budgets from small to large, so that some deadline falls in the entries.
      let partialSeen = false;
      for (let budget = 2; budget <= 200 && !partialSeen; budget += 2) {
        let t = 0;
        const { report, elements } = buildReportWithElements(dom.window.document, URL, { budgetMs: budget, now: () => t++ });
        const entries = report.referenceLists.flatMap((l) => l.entries);
        if (!report.isArticle || !entries.length || entries.length === ENTRIES) continue;
        partialSeen = true;
        expect(report.truncated).toBe(true);
        expect(report.errors).toEqual(['The page is too large to read within the time budget; the report is partial.']);
        expect(report.stats.entries).toBe(entries.length);
        for (const e of entries) expect(elements.entries.get(e.id)?.id).toBe(e.anchor);
        const ids = new Set(entries.map((e) => e.id));
        for (const m of report.citations.markers) if (m.entryId) expect(ids.has(m.entryId)).toBe(true);
      }
      expect(partialSeen).toBe(true);
    } finally {
      dom.window.close();
    }
  });
});

// A reference list too long to read within the report's budget (a page of 100,000 entries) is cut where the deadline
// falls: the entries read so far, each still tied to its element, and the report says it is partial. Before, cleaning
// and building went on to the last entry whatever the budget (about 20 s on such a page in Chromium).
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { linkCitations } from '../../lib/extract/citations';
import { scanDocument } from '../../lib/extract/index';
import { locateArticle } from '../../lib/extract/detect';
import { collectOutline } from '../../lib/extract/outline';
import { findReferenceLists, toReferenceLists } from '../../lib/extract/references';
import { buildReport, buildReportWithElements } from '../../lib/extract/report';
import { finishNow } from '../../lib/extract/work';
import { MAX_REPORT_ENTRIES } from '../../lib/extract/rules';
import { NODE_BUDGET_MS } from '../../cli/load';

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
      for (let after = 0; after < 100; after++) {
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

describe('detection cut at its deadline', () => {
  it('still counts the prose it read at the top of a huge page: an article there is an article whatever the budget', () => {
    // Ten paragraphs of article, then 30,000 empty elements: detection reads the paragraphs first, then runs out of
    // time somewhere in the rest. Its sums used to run from the end of the page back and stop at the deadline, so the
    // article at the top was "little prose (0 characters)" for some budgets (the pathological page of 100,000 links).
    const dom = new JSDOM(`<title>Huge</title><article><h1>Huge</h1>${`<p>${PROSE.repeat(4)}</p>`.repeat(10)}</article><div id="rest"></div>`, { url: URL });
    try {
      const doc = dom.window.document;
      const rest = doc.getElementById('rest')!;
      for (let i = 0; i < 3000; i++) {
        const d = rest.appendChild(doc.createElement('div'));
        for (let j = 0; j < 9; j++) d.appendChild(doc.createElement('span'));
      }
      const verdicts = new Map<number, string>();
      // A clock that moves 1 ms per reading: the budgets below end detection at each point of its passes.
      for (let budget = 60; budget <= 600; budget += 20) {
        let t = 0;
        const report = buildReport(doc, URL, { budgetMs: budget, now: () => t++ });
        // Every budget whose scan reached past the article: the article is found, with its prose.
        if (report.stats.elements > 12) verdicts.set(budget, report.isArticle ? 'article' : report.detection.reasons.join('; '));
      }
      expect(verdicts.size).toBeGreaterThan(10);
      expect([...new Set(verdicts.values())]).toEqual(['article']);
    } finally {
      dom.window.close();
    }
  });

  it('finds the article, its headline and its outline when the scan stops inside it, not the page around it', () => {
    // The 1M-element page's shape: an article of thousands of paragraphs, more than the scan reaches in its budget.
    // The main content is sought among the children the scan reached (those past it hold no prose); a promotion
    // before the article, with a heading of its own, is outside it. The article's subtree ends, for the headline and
    // the outline, where the scan stopped: its partial report had neither before.
    const filler = `<p>${'<span>word word</span> '.repeat(9)}${PROSE}</p>`.repeat(3000);
    const dom = new JSDOM(`<title>Huge</title><div class="promo"><h2>Subscribe today</h2><p>Offers.</p></div><article><h1>Huge</h1><h2>Part one</h2>${`<p>${PROSE.repeat(4)}</p>`.repeat(10)}<h2>Part two</h2>${filler}</article>`, { url: URL });
    try {
      const doc = dom.window.document;
      const cuts: number[] = [];
      // The scan reads its clock every CLOCK_CHECK_EVERY elements: a clock that moves 1 per reading stops it after
      // about `deadline` readings, from early in the article to its end.
      for (const deadline of [1, 2, 4, 16, 64, Infinity]) {
        let t = 0;
        const scan = scanDocument(doc.body, () => t++, deadline);
        const located = locateArticle(doc, URL, doc.body, scan, (el) => el.textContent ?? '');
        cuts.push(scan.elements);
        expect(scan.truncated).toBe(deadline !== Infinity);
        expect(located.isArticle).toBe(true);
        expect(located.main.localName).toBe('article');
        expect(located.titleEl?.textContent).toBe('Huge');
        expect(collectOutline(scan, located.main, located.titleEl).map((h) => h.text)).toEqual(['Huge', 'Part one', 'Part two']);
      }
      expect(cuts[0]).toBeLessThan(cuts[cuts.length - 1]);
    } finally {
      dom.window.close();
    }
  });
});

describe('citations cut at the deadline', () => {
  it('tie the markers read so far to their entries, and call no entry "never cited" (its markers may come later)', () => {
    const n = 600;
    const markers = Array.from({ length: n }, (_, i) => `<sup><a href="#n${i + 1}">[${i + 1}]</a></sup>`).join(' ');
    const items = Array.from({ length: n }, (_, i) => `<li id="n${i + 1}">Author ${i + 1}. A work, ${2000 + (i % 25)}.</li>`).join('');
    const dom = new JSDOM(`<title>t</title><h1>t</h1><p>${PROSE.repeat(4)} ${markers}</p><h2>References</h2><ol>${items}</ol>`, { url: URL });
    try {
      const scan = scanDocument(dom.window.document.body, () => 0, Infinity);
      const found = finishNow(findReferenceLists(scan));
      const lists = finishNow(toReferenceLists(found, URL, scan));
      const whole = finishNow(linkCitations(scan, structuredClone(lists), found.map((l) => l.sources), () => null));
      expect(whole.citations.markers).toHaveLength(n);
      expect(whole.citations.uncited).toEqual([]);
      // The deadline passes at the first question: the markers of the first checkpoint's stretch are read.
      const cut = finishNow(linkCitations(scan, structuredClone(lists), found.map((l) => l.sources), () => null, expiresAfter(0)));
      expect(cut.citations.markers.length).toBeGreaterThan(0);
      expect(cut.citations.markers.length).toBeLessThan(n);
      expect(cut.citations.markers).toEqual(whole.citations.markers.slice(0, cut.citations.markers.length));
      expect(cut.citations.uncited).toEqual([]);
    } finally {
      dom.window.close();
    }
  });
});

describe('a reference list longer than a report carries', () => {
  // The reader's reply to the panel is cloned in one task of the page's thread: a report carries MAX_REPORT_ENTRIES.
  const list = (n: number) => {
    const items = Array.from({ length: n }, (_, i) => `<li>Author ${i + 1}. A work without a link, ${2000 + (i % 25)}.</li>`).join('');
    return `<title>Long list</title><h1>Long list</h1>${`<p>${PROSE.repeat(4)}</p>`.repeat(4)}<h2>References</h2><ol>${items}</ol>`;
  };
  const report = (n: number) => {
    const dom = new JSDOM(list(n), { url: URL });
    try {
      return buildReport(dom.window.document, URL, { budgetMs: NODE_BUDGET_MS });
    } finally {
      dom.window.close();
    }
  };

  it(`gives the first ${MAX_REPORT_ENTRIES.toLocaleString('en')} entries of a longer list and says the report is partial`, () => {
    const r = report(MAX_REPORT_ENTRIES + 10);
    expect(r.stats.entries).toBe(MAX_REPORT_ENTRIES);
    expect(r.referenceLists[0].entries.at(-1)!.text).toContain(`Author ${MAX_REPORT_ENTRIES}.`);
    expect(r.truncated).toBe(true);
    expect(r.errors.join(' ')).toContain('the report is partial');
  }, 60_000);

  it('gathers a list no further than twice what it carries, says it is partial, and makes no list of the rest', () => {
    // 6,000 empty items, then 24,000 entries: the gathering stops inside them, with 4,001 entries after cleaning.
    // Markers in the text point at items far past it: they are that list's, not a second list.
    const items = `${'<li></li>'.repeat(6_000)}${Array.from({ length: 24_000 }, (_, i) => `<li id="note-${i + 6_001}">Author ${i + 1}. A work, 2001.</li>`).join('')}`;
    const markers = '<p>See <a href="#note-20000">1</a> and <a href="#note-29000">2</a>.</p>';
    const dom = new JSDOM(`<title>Long list</title><h1>Long list</h1>${`<p>${PROSE.repeat(4)}</p>`.repeat(4)}${markers}<h2>Notes</h2><ol>${items}</ol>`, { url: URL });
    try {
      const r = buildReport(dom.window.document, URL, { budgetMs: NODE_BUDGET_MS });
      expect(r.referenceLists.map((l) => [l.heading, l.entries.length])).toEqual([['Notes', 4_001]]);
      expect(r.truncated).toBe(true);
      expect(r.errors.join(' ')).toContain('the report is partial');
    } finally {
      dom.window.close();
    }
  }, 60_000);

  it('gives a list of exactly that many whole', () => {
    const r = report(MAX_REPORT_ENTRIES);
    expect(r.stats.entries).toBe(MAX_REPORT_ENTRIES);
    expect(r.truncated).toBe(false);
    expect(r.errors).toEqual([]);
  }, 60_000);
});

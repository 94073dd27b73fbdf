// The page Citelens was born from: a WordPress news post whose five references carry no links.
// Recipe: tests/corpus/seed-article/source.html with its truth.json (see corpus/README.md).
import { describe, expect, it } from 'vitest';
import { corpusFile, reportForFile } from './helpers';

describe('seed article', () => {
  const report = reportForFile(corpusFile('seed-article'));

  it('is an article with its headline as title', () => {
    expect(report.isArticle).toBe(true);
    expect(report.title).toBe('Ukraine–U.S. Talks Show “Progress” as Trump Pushes for a Swift Peace');
  });

  it('shows exactly the seven headings of the article, no sidebar, comment or table-of-contents heading', () => {
    expect(report.outline.map((h) => [h.level, h.text])).toEqual([
      [1, 'Ukraine–U.S. Talks Show “Progress” as Trump Pushes for a Swift Peace'],
      [2, 'A Shift Toward Urgency'],
      [2, 'What “Progress” Means—And What It Doesn’t'],
      [2, 'Trump’s Calculated Gamble'],
      [2, 'What Comes Next'],
      [2, 'Bottom Line'],
      [2, 'References'],
    ]);
  });

  it('lists one reference list of five entries, all flagged as having no link', () => {
    expect(report.referenceLists).toHaveLength(1);
    const [list] = report.referenceLists;
    expect(list.heading).toBe('References');
    expect(list.entries.map((e) => e.text.slice(0, 20))).toEqual([
      'PBS NewsHour Latest ',
      'Associated Press (AP',
      'Reuters European lea',
      'Financial Times Ukra',
      'The Guardian US prop',
    ]);
    expect(list.entries.map((e) => [e.hasLink, e.linkState])).toEqual(Array(5).fill([false, 'none']));
    expect(report.stats.unlinked).toBe(5);
  });

  it('does not take the "Table of Content" box for a heading or a list', () => {
    expect(report.outline.some((h) => /table of content/i.test(h.text))).toBe(false);
    expect(report.referenceLists.some((l) => /table of content/i.test(l.heading))).toBe(false);
  });

  it('reports no citation markers (the body cites none of its references)', () => {
    expect(report.citations.markers).toEqual([]);
    expect(report.citations.dangling).toEqual([]);
  });
});

// quickDetect runs on every page load and spares non-articles the full report: it must never hide a real article that
// the full report finds (a miss means no badge there; the full report's own misses are the corpus test's), and it must
// stop early on huge pages instead of walking them whole.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeHtml, parseHtml } from '../../cli/load';
import { quickDetect } from '../../lib/extract/detect';
import { corpusDir, corpusFile, reportForFile } from './helpers';

const ids = readdirSync(corpusDir).filter((id) => existsSync(join(corpusDir, id, 'truth.json')));

describe('quickDetect', () => {
  it('finds likely every article of the corpus that the full report finds', () => {
    const missed: string[] = [];
    let articles = 0;
    for (const id of ids) {
      const truth = JSON.parse(readFileSync(join(corpusDir, id, 'truth.json'), 'utf8')) as { isArticle: boolean };
      if (!truth.isArticle) continue;
      articles++;
      const file = corpusFile(id);
      const dom = parseHtml(decodeHtml(readFileSync(file)), 'file://' + file);
      try {
        if (!quickDetect(dom.window.document, 'file://' + file).likely && reportForFile(file).isArticle) missed.push(id);
      } finally {
        dom.window.close();
      }
    }
    expect(articles).toBeGreaterThan(20);
    expect(missed).toEqual([]);
  });

  it('reads at most QUICK_MAX_BLOCKS paragraphs: short ones up front leave a huge page to the reader', () => {
    const filler = '<p>menu</p>'.repeat(3_000);
    const prose = '<p>' + 'A sentence of real prose that goes on. '.repeat(20) + '</p>';
    const late = parseHtml(`<!doctype html><html><body>${filler}${prose.repeat(20)}</body></html>`, 'https://example.org/a/long-page');
    try {
      expect(quickDetect(late.window.document, 'https://example.org/a/long-page')).toEqual({ likely: false, prose: 0 });
    } finally {
      late.window.close();
    }
    const early = parseHtml(`<!doctype html><html><body>${prose.repeat(20)}${filler}</body></html>`, 'https://example.org/a/long-page');
    try {
      expect(quickDetect(early.window.document, 'https://example.org/a/long-page').likely).toBe(true);
    } finally {
      early.window.close();
    }
  });

  it('counts the text of a <div> that holds <br>s (a Blogger post body)', () => {
    const body = `<div class="post-body">${'A line of the post, long enough to count as prose here.<br>'.repeat(40)}</div>`;
    const dom = parseHtml(`<!doctype html><html><body>${body}</body></html>`, 'https://example.org/2024/05/post.html');
    try {
      expect(quickDetect(dom.window.document, 'https://example.org/2024/05/post.html').likely).toBe(true);
    } finally {
      dom.window.close();
    }
  });
});

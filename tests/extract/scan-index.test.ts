// The scan's by-order tables (tags, parents, subtree ends, own marks) let later stages answer from the scan instead of
// asking the DOM per element: entries' text and links, the ids inside entries. These check the tables against the DOM,
// and that an entry built from the scan equals the entry built from the DOM alone, on corpus pages and on markup made
// to hit each case the scan path treats apart (back-links, skipped tags, blocks, SVG, nesting).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeHtml, parseHtml } from '../../cli/load';
import { scanDocument, tagOf } from '../../lib/extract/dom';
import { buildEntry } from '../../lib/extract/entries';
import { corpusFile } from './helpers';

const CASES = `<!doctype html><html><head><title>t</title></head><body><article><p>Prose.</p><ol>
  <li id="n1"><span class="mw-cite-backlink"><b><a href="#r1">^</a></b></span> <span class="reference-text"><cite>Smith (2001). <i>A book</i>. <a href="https://example.org/x">link</a></cite></span></li>
  <li><a href="#r2">↑</a> Jones, <b>doi:10.1000/182</b>.<br>Second line<script>var x = 1;</script> <button>Buy</button></li>
  <li><div>Block <p>inside</p></div>after <a href="#r3" class="footnote-backref">↩</a> <a rev="footnote" href="#x">2</a> <span role="doc-backlink">back</span></li>
  <li>Text <svg><a href="#r4"><text>in svg</text></a></svg> tail <math><mi>x</mi></math></li>
  <li><a href="#r5">a</a> <a href="#r6">[12]</a> PMID: 123 <a href="/local">here</a> <a href="#">#</a></li>
  <li>  spaced\u00a0 text \u200b with
     newlines   </li>
  <li><ul><li>nested <a href="#r7">^</a></li></ul> outer</li>
</ol></article></body></html>`;

function check(html: string, url: string) {
  const dom = parseHtml(html, url);
  try {
    const doc = dom.window.document;
    const scan = scanDocument(doc.body, () => 0, Infinity);
    expect(scan.complete).toBe(true);
    const bad: string[] = [];
    scan.list.forEach((el, i) => {
      if (scan.tags[i] !== tagOf(el)) bad.push(`tag ${i}`);
      const p = scan.parents[i];
      if (i > 0 && scan.list[p] !== el.parentElement) bad.push(`parent ${i}`);
      const end = scan.ends[i];
      // The subtree is the run up to `end`: the element after it is outside, every one in it inside.
      if (end + 1 < scan.list.length && el.contains(scan.list[end + 1])) bad.push(`end ${i} too early`);
      for (let j = i + 1; j <= end; j++) if (!el.contains(scan.list[j])) bad.push(`end ${i} too late`);
    });
    expect(bad.slice(0, 10)).toEqual([]);
    let entries = 0;
    for (const li of Array.from(doc.body.getElementsByTagName('li'))) {
      const src = { el: li };
      expect(buildEntry(src, 'e', '', url, scan)).toEqual(buildEntry(src, 'e', '', url));
      entries++;
    }
    return entries;
  } finally {
    dom.window.close();
  }
}

describe('the scan by document order', () => {
  it('matches the DOM, and entries built from it equal entries built from the DOM, on made cases', () => {
    expect(check(CASES, 'https://example.org/a')).toBe(8);
  });

  for (const id of ['wp-new-zealand', 'sre-book-monitoring', 'maggieappleton-xanadu', 'hakibenita-anomaly-sql']) {
    it(`matches the DOM, and entries built from it equal entries built from the DOM, on ${id}`, () => {
      const file = corpusFile(id);
      expect(check(decodeHtml(readFileSync(file)), 'file://' + file)).toBeGreaterThan(0);
    });
  }
});

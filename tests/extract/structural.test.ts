// The scan keeps the elements that the structural selectors could match (scan.structural), and findReferenceLists
// tries REFERENCE_CONTAINER_SELECTOR, SIDENOTE_SELECTOR and ENTRY_MARK_SELECTOR on those alone instead of querying the whole page. If the
// selectors grow a form the scan does not keep, references would silently go missing: this compares the two.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeHtml, parseHtml } from '../../cli/load';
import { ENTRY_MARK_SELECTOR, REFERENCE_CONTAINER_SELECTOR, SIDENOTE_SELECTOR } from '../../lib/extract/rules';
import { scanDocument } from '../../lib/extract/index';
import { corpusFile } from './helpers';

/** One element for every alternative of both selectors, each written a little differently from the selector. */
const EVERY_FORM = `<!doctype html><html><head><title>t</title></head><body><article>
  <ol class="references x"><li>a</li></ol>
  <div role="doc-endnotes"><p>b</p></div>
  <section role="doc-bibliography"><p>c</p></section>
  <section class="footnotes"><p>d</p></section>
  <div class="a footnotes"><p>e</p></div>
  <div data-type="footnotes"><p>f</p></div>
  <ol class="footnotes"><li>g</li></ol>
  <ul class="footnotes-list"><li>h</li></ul>
  <div id="footnotes"><p>i</p></div>
  <div class="reflist columns"><p>j</p></div>
  <p>Text<span class="footnote-container"><span class="footnote">k</span></span>
  <span class="sidenote">l</span><span class="marginnote">m</span></p>
  <aside role="doc-footnote">n</aside><p role="doc-footnote">o</p>
  <ul><li role="doc-biblioentry">p</li><li role="doc-endnote">q</li><li itemprop="citation">r</li>
  <li class="ltx_bibitem x">s</li><li><span class="mixed-citation">t</span></li><li><span class="x element-citation">u</span></li>
  <li><span class="nlm-citation">v</span></li><li><div class="csl-entry">w</div></li><li class="c-article-references__item js">x</li>
  <li class="a reference-list__item">y</li></ul>
</article></body></html>`;

function compare(html: string, url: string) {
  const dom = parseHtml(html, url);
  try {
    const doc = dom.window.document;
    const scan = scanDocument(doc.body, () => 0, Infinity);
    const mismatches: string[] = [];
    let matched = 0;
    for (const selector of [REFERENCE_CONTAINER_SELECTOR, SIDENOTE_SELECTOR, ENTRY_MARK_SELECTOR]) {
      const bySelector = Array.from(doc.body.querySelectorAll(selector));
      const byScan = scan.structural.filter((e) => e.matches(selector));
      matched += bySelector.length;
      if (bySelector.length !== byScan.length || bySelector.some((e, i) => e !== byScan[i])) mismatches.push(`${selector}: ${bySelector.length} on the page, ${byScan.length} kept by the scan`);
    }
    return { mismatches, matched };
  } finally {
    dom.window.close();
  }
}

describe('structural candidates of the scan', () => {
  it('keep every element either selector matches, in document order', () => {
    const { mismatches, matched } = compare(EVERY_FORM, 'https://example.org/a');
    expect(mismatches).toEqual([]);
    expect(matched).toBe(25);
  });

  for (const id of ['wp-hermitian-matrix', 'maggieappleton-xanadu', 'seed-article', 'springer-dress-syndrome', 'acp-influenza-vaccination']) {
    it(`match the selectors on ${id}`, () => {
      const file = corpusFile(id);
      expect(compare(decodeHtml(readFileSync(file)), 'file://' + file).mismatches).toEqual([]);
    });
  }
});

// The scan's by-order tables (tags, parents, subtree ends, own marks) let later stages answer from the scan instead of
// asking the DOM per element: entries' text and links, the ids inside entries. These check the tables against the DOM,
// and that an entry built from the scan equals the entry built from the DOM alone, on corpus pages and on markup made
// to hit each case the scan path treats apart (back-links, skipped tags, blocks, SVG, nesting).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeHtml, parseHtml } from '../../cli/load';
import { anyIn, elementAt, fragmentTarget, hrefAt, indexOf, safeDecode, scanDocument, tagAt, tagOf, wholeSubtreeAt } from '../../lib/extract/index';
import { buildEntry } from '../../lib/extract/entries';
import { linkCitations } from '../../lib/extract/citations';
import { findReferenceLists, toReferenceLists } from '../../lib/extract/references';
import { finishNow } from '../../lib/extract/work';
import { corpusFile } from './helpers';

const CASES = `<!doctype html><html><head><title>t</title></head><body><article><p>Prose.<sup><a href="#n1">1</a></sup>
  <a href="#inner">[2]</a> <a href="#named">3</a> <a href="#in-button">4</a> <a href="#gone">5</a> <a href="#n1">6</a></p>
  <h2>References</h2><ol>
  <li id="n1"><span class="mw-cite-backlink"><b><a href="#r1">^</a></b></span> <span class="reference-text"><cite>Smith (2001). <i>A book</i>. <a href="https://example.org/x">link</a></cite></span></li>
  <li><a href="#r2">↑</a> Jones, <b>doi:10.1000/182</b>.<br>Second line<script>var x = 1;</script> <button>Buy</button></li>
  <li><div>Block <p>inside</p></div>after <a href="#r3" class="footnote-backref">↩</a> <a rev="footnote" href="#x">2</a> <span role="doc-backlink">back</span></li>
  <li>Text <svg><a href="#r4"><text>in svg</text></a></svg> tail <math><mi>x</mi></math></li>
  <li><a href="#r5">a</a> <a href="#r6">[12]</a> PMID: 123 <a href="/local">here</a> <a href="#">#</a> <span id="inner">x</span><a name="named">y</a></li>
  <li>  spaced\u00a0 text \u200b with
     newlines   </li>
  <li><ul><li>nested <a href="#r7">^</a></li></ul> outer</li>
  <li><noscript><h2>in noscript</h2></noscript><h3>heading</h3> and <button><h4 id="in-button">in a button</h4></button> <a href="#n1">back</a></li>
</ol>
<h2>Notes</h2><div class="wrap"><ul><li>First note, with a list inside: <ul><li>inner one</li><li>inner two</li></ul></li><li>Second note</li></ul>
  <ul><li>Third note</li></ul></div>
</article></body></html>`;

function check(html: string, url: string, subtrees = false) {
  const dom = parseHtml(html, url);
  try {
    const doc = dom.window.document;
    const scan = scanDocument(doc.body, () => 0, Infinity);
    expect(scan.complete).toBe(true);
    // Every element the scan visited, by index: asked in order (elementAt goes on from the last one it found), and
    // again from the end (each one found from its parent).
    const list = Array.from({ length: scan.elements }, (_, i) => elementAt(scan, i)!);
    const backwards = Array.from({ length: scan.elements }, (_, i) => elementAt(scan, scan.elements - 1 - i)).reverse();
    expect(backwards.flatMap((el, i) => (el === list[i] ? [] : [i]))).toEqual([]);
    expect(new Set(list).size).toBe(scan.elements);
    const bad: string[] = [];
    list.forEach((el, i) => {
      if (!el) return bad.push(`no element ${i}`);
      if (indexOf(scan, el) !== i) bad.push(`index ${i}`);
      if (tagAt(scan, i) !== tagOf(el)) bad.push(`tag ${i}`);
      const p = scan.parents[i];
      if (i > 0 && list[p] !== el.parentElement) bad.push(`parent ${i}`);
      const end = scan.ends[i];
      // The subtree is the run up to `end`: the element after it is outside, every one in it inside.
      if (end + 1 < list.length && el.contains(list[end + 1])) bad.push(`end ${i} too early`);
      for (let j = i + 1; j <= end; j++) if (!el.contains(list[j])) bad.push(`end ${i} too late`);
      // A link's href, and the id a fragment link points to, as the element has them.
      const href = tagOf(el) === 'A' ? (el.getAttribute('href') ?? undefined) : undefined;
      if (hrefAt(scan, i) !== href) bad.push(`href ${i}`);
      const target = href && href.length > 1 && href[0] === '#' ? safeDecode(href.slice(1)) : undefined;
      if (fragmentTarget(scan, i) !== target) bad.push(`target ${i}`);
    });
    // The fragment links, in document order.
    const fragments = list.flatMap((el, i) => (fragmentTarget(scan, i) !== undefined ? [i] : []));
    expect(Array.from(scan.fragmentAt)).toEqual(fragments);
    // A paragraph's inline elements are not kept: found from their parent when asked for.
    expect(scan.kept.length).toBeLessThan(scan.elements);
    if (subtrees) {
      // Where the scan read a subtree whole, a heading inside it is where a selector query finds one.
      list.forEach((el, i) => {
        const at = wholeSubtreeAt(scan, el);
        if (at === undefined) return;
        if (anyIn(scan.headingAt, at + 1, scan.ends[at]) !== (el.querySelector('h1,h2,h3,h4,h5,h6') !== null)) bad.push(`heading in ${i}`);
      });
    }
    // Elements the scan did not visit (the head, inside SVG and MathML) have no index.
    const visited = new Set(list);
    for (const el of Array.from(doc.querySelectorAll('*'))) if (!visited.has(el) && indexOf(scan, el) !== undefined) bad.push(`unvisited ${tagOf(el)}`);
    expect(bad.slice(0, 10)).toEqual([]);
    // The stages that answer from a complete scan give what they give from the DOM (the same scan, marked incomplete).
    const fromDom = { ...scan, complete: false };
    const stages = (sc: typeof scan) => {
      const found = finishNow(findReferenceLists(sc));
      const lists = finishNow(toReferenceLists(found, url, sc));
      const { citations } = finishNow(linkCitations(sc, lists, found.map((l) => l.sources), () => null));
      return { lists, citations };
    };
    expect(stages(scan)).toEqual(stages(fromDom));
    let entries = 0;
    for (const li of Array.from(doc.body.getElementsByTagName('li'))) {
      // A source of each (an entry keeps its text on its source once read).
      expect(buildEntry({ el: li }, 'e', '', url, scan)).toEqual(buildEntry({ el: li }, 'e', '', url));
      entries++;
    }
    return entries;
  } finally {
    dom.window.close();
  }
}

describe('the scan by document order', () => {
  it('matches the DOM, and entries built from it equal entries built from the DOM, on made cases', () => {
    expect(check(CASES, 'https://example.org/a', true)).toBe(14);
  });

  for (const id of ['wp-new-zealand', 'sre-book-monitoring', 'maggieappleton-xanadu', 'hakibenita-anomaly-sql']) {
    it(`matches the DOM, and entries built from it equal entries built from the DOM, on ${id}`, () => {
      const file = corpusFile(id);
      expect(check(decodeHtml(readFileSync(file)), 'file://' + file, id !== 'wp-new-zealand')).toBeGreaterThan(0);
    });
  }

  it('keeps one paragraph in 32 of a long article, and finds every element again, in order and not', () => {
    // Paragraphs with inline elements, a long list, a table, and deeper inline nesting than the map leaves out.
    const ps = Array.from({ length: 2_000 }, (_, i) => `<p>Para ${i} <a href="#s${i % 7}">a</a> <em>e</em> <span>s <b>b <i>i</i></b></span></p>`).join('');
    const items = Array.from({ length: 500 }, (_, i) => `<li>Item ${i} <cite>c</cite></li>`).join('');
    const rows = Array.from({ length: 100 }, (_, i) => `<tr><td>${i}</td><td><span>x</span></td></tr>`).join('');
    const html = `<!doctype html><body><main><article><h1>Long</h1>${ps}<h2 id="s1">List</h2><ol>${items}</ol><table>${rows}</table></article></main></body>`;
    expect(check(html, 'https://example.org/long')).toBe(500);
    const dom = parseHtml(html, 'https://example.org/long');
    try {
      const scan = scanDocument(dom.window.document.body, () => 0, Infinity);
      // Of 2,000 paragraphs, 500 items and 100 rows, one in 32 is kept; the containers and headings are; so is an
      // element under two left out (the <b> in a <span> in a paragraph, the <span> in a cell): 2,185 of 13,408.
      expect(scan.elements).toBeGreaterThan(13_000);
      expect(scan.kept.length).toBeLessThan(2_300);
      expect(scan.kept.filter((e) => e.tagName === 'P').length).toBeLessThan(2_000 / 16);
    } finally {
      dom.window.close();
    }
  });

  it('shares one string per distinct href, and reads each link right past the 4,096 it shares', () => {
    const n = 5_000;
    const url = 'https://example.org/links';
    const markers = Array.from({ length: n }, (_, i) => `<a href="#n${i + 1}">${i + 1}</a> <a href="/same">s</a>`).join(' ');
    const notes = Array.from({ length: n }, (_, i) => `<li id="n${i + 1}">Note ${i + 1}: Smith (2001), a book.</li>`).join('');
    const dom = parseHtml(`<!doctype html><body><article><h1>Links</h1><p>${'Prose. '.repeat(40)} ${markers}</p><h2>Notes</h2><ol>${notes}</ol></article></body>`, url);
    try {
      const scan = scanDocument(dom.window.document.body, () => 0, Infinity);
      // One string for the 5,000 links to "/same"; each distinct fragment link once.
      expect(scan.hrefList.filter((h) => h === '/same')).toHaveLength(1);
      expect(scan.hrefList).toHaveLength(n + 1);
      expect(scan.fragmentAt).toHaveLength(n);
      expect(Array.from(scan.fragmentAt, (at) => fragmentTarget(scan, at))).toEqual(Array.from({ length: n }, (_, i) => `n${i + 1}`));
      const found = finishNow(findReferenceLists(scan));
      const lists = finishNow(toReferenceLists(found, url, scan));
      const { citations } = finishNow(linkCitations(scan, lists, found.map((l) => l.sources), () => null));
      // Every marker is tied to its own note, the last ones (past the shared table) as the first.
      expect(citations.markers).toHaveLength(n);
      expect(citations.markers.filter((m, i) => m.entryId !== lists[0].entries[i].id)).toEqual([]);
      expect(citations.uncited).toEqual([]);
    } finally {
      dom.window.close();
    }
  });

  it('numbers 65,535 tag names; a page with more keeps the rest by element, and its reference list is still found', () => {
    const names = Array.from({ length: 65_600 }, (_, i) => `x-${i}`);
    const url = 'https://example.org/tags';
    const dom = parseHtml(`<!doctype html><body><article><h1>Tags</h1><p>${'Prose. '.repeat(40)}</p>${names.map((n) => `<${n}></${n}>`).join('')}<h2>References</h2><ol><li>Smith (2001). A book.</li></ol></article></body>`, url);
    try {
      const doc = dom.window.document;
      const scan = scanDocument(doc.body, () => 0, Infinity);
      expect(scan.tagNames.length).toBe(65_535);
      const bad = Array.from({ length: scan.elements }, (_, i) => i).filter((i) => tagAt(scan, i) !== tagOf(elementAt(scan, i)!));
      expect(bad).toEqual([]);
      // The heading and the list come after the table filled.
      expect(scan.tagOverflow.size).toBeGreaterThan(60);
      const found = finishNow(findReferenceLists(scan));
      expect(found.map((l) => [l.heading, l.sources.length])).toEqual([['References', 1]]);
    } finally {
      dom.window.close();
    }
  });

  it('after the page changed, finds each element where the change left its parent\'s children as scanned, else none', () => {
    const links = Array.from({ length: 100 }, (_, i) => `<a href="#n${i}">${i}</a>`).join(' ');
    const dom = parseHtml(`<!doctype html><body><p>${links}</p><p><em>a</em> <span>b</span> <b>c</b></p></body>`, 'https://example.org/');
    try {
      const doc = dom.window.document;
      const scan = scanDocument(doc.body, () => 0, Infinity);
      const list = Array.from({ length: scan.elements }, (_, i) => elementAt(scan, i)!);
      const expected = new Map(list.map((el, i) => [el, i]));
      // Inserted before the inline elements, after the scan: a walk of their siblings now meets an element the scan
      // never saw, where the scan saw an <em>. Nothing is taken for what it is not.
      const p2 = doc.body.lastElementChild!;
      const inline = Array.from(p2.children);
      p2.insertBefore(doc.createElement('i'), p2.firstChild);
      p2.insertBefore(doc.createElement('strong'), p2.lastElementChild);
      expect(inline.map((el) => indexOf(scan, el))).toEqual([undefined, undefined, undefined]);
      expect(inline.map((el) => elementAt(scan, expected.get(el)!))).toEqual([null, null, null]);
      expect(indexOf(scan, p2.firstElementChild!)).toBeUndefined();
      // The rest of the page is as scanned: every element there is found, the 100th link of a flat list among them.
      const rest = list.filter((el) => !inline.includes(el));
      expect(rest.filter((el) => indexOf(scan, el) !== expected.get(el)).map((el) => el.outerHTML)).toEqual([]);
      expect(rest.filter((el) => elementAt(scan, expected.get(el)!) !== el).map((el) => el.outerHTML)).toEqual([]);
      // The body, the two paragraphs and the 100 links.
      expect(rest.length).toBe(103);
      // A scan from an inline root: the root is the scan's first element.
      const em = doc.querySelector('em')!;
      expect(indexOf(scanDocument(em, () => 0, Infinity), em)).toBe(0);
    } finally {
      dom.window.close();
    }
  });
});

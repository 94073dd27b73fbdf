// Hostile and malformed documents: buildReport never throws, never hangs, and says what happened. Each case has one
// expected result. Documents are built in jsdom (with DOM APIs where the parser would be the bottleneck) and closed.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../cli/load';
import { SCAN_BUDGET_SHARE, CLOCK_CHECK_EVERY } from '../../lib/extract/rules';
import { buildReport } from '../../lib/extract/report';
import type { PageReport } from '../../lib/extract/types';

const URL = 'https://example.org/2024/article';
const PROSE = 'Prose long enough to count as a paragraph of an article, with a good number of ordinary words in it. ';
const P = `<p>${PROSE.repeat(5)}</p>`;
/** A small article: headline, two sections, a references list of two entries (one linked, one not). */
const ARTICLE = `<h1>Title</h1>${P}${P}<h2>Section</h2>${P}${P}<h2>References</h2><ol><li>Smith, J. A book. Plenum, 2001.</li><li>Doe, J. <a href="https://doi.org/10.1073/pnas.1907828116">A paper</a>. PNAS, 2019.</li></ol>`;
const ARTICLE_OUTLINE = [[1, 'Title'], [2, 'Section'], [2, 'References']];
const ARTICLE_ENTRIES = [['Smith, J. A book. Plenum, 2001.', 'none'], ['Doe, J. A paper. PNAS, 2019.', 'linked']];
const BUDGET_MESSAGE = 'The page is too large to read within the time budget; the report is partial.';

function withDom<T>(dom: JSDOM, fn: (doc: Document) => T): T {
  try {
    return fn(dom.window.document);
  } finally {
    dom.window.close();
  }
}
const html = (markup: string, options: ConstructorParameters<typeof JSDOM>[1] = {}) => new JSDOM(markup, { url: URL, ...options });
const outlineOf = (r: PageReport) => r.outline.map((h) => [h.level, h.text]);
const entriesOf = (r: PageReport) => r.referenceLists.flatMap((l) => l.entries.map((e) => [e.text, e.linkState]));

/** A clock that advances 1 ms per reading, so budgets are deterministic whatever the machine's load. */
function fakeClock() {
  let t = 0;
  return () => t++;
}

describe('size', () => {
  // 1M elements: jsdom took 29 s and ~2.5 GB to build them on the 2 shared cores, and the report 35 s more after its
  // cut at 52,224 elements (each metadata querySelector and the main region's textContent walk the whole tree in jsdom),
  // past the 60 s test timeout. 200k elements show the same cut, with the same numbers, in a few seconds.
  const ELEMENTS = 200_000;

  it(`stops a ${ELEMENTS.toLocaleString('en')}-element page at its budget and says the report is partial`, () => {
    withDom(html('<title>Huge</title>'), (doc) => {
      const frag = doc.createDocumentFragment();
      for (let i = 0; i < ELEMENTS / 10; i++) {
        const block = frag.appendChild(doc.createElement('div'));
        for (let j = 0; j < 9; j++) block.appendChild(doc.createElement('span'));
      }
      doc.body.appendChild(frag);
      // Budget 50 fake ms, of which the scan may use SCAN_BUDGET_SHARE (25): it reads the clock every
      // CLOCK_CHECK_EVERY elements and is past its deadline at the 26th reading.
      const report = buildReport(doc, URL, { budgetMs: 50, now: fakeClock() });
      expect(report.truncated).toBe(true);
      expect(report.stats.elements).toBe((50 * SCAN_BUDGET_SHARE + 1) * CLOCK_CHECK_EVERY);
      expect(report.errors).toEqual([BUDGET_MESSAGE]);
      expect(report.isArticle).toBe(false);
    });
  }, 120_000);

  it('finds the article around one huge paragraph among ordinary ones (the main content is their container)', () => {
    // The big paragraph is read up to MAX_TEXT_CHARS, which is 90% of the page's prose: it was taken for the whole
    // article, one block, and the page was not an article ("short prose").
    withDom(html(`<title>Title</title><h1>Title</h1><article>${P}${P}${P}${P}<p id="big"></p></article>`), (doc) => {
      doc.getElementById('big')!.appendChild(doc.createTextNode('lorem ipsum dolor sit amet, '.repeat(20_000)));
      const report = buildReport(doc, URL, { budgetMs: 60_000 });
      expect(report.isArticle).toBe(true);
      expect(report.detection.reasons).toEqual([`5 paragraphs, ${4 * PROSE.trim().length * 5 + 4 * 4 + 20_000} characters of prose`]);
    });
  });

  it('reads 5 MB of text in one text node without copying it into the report', () => {
    // 50 MB would work the same way; 5 MB keeps jsdom's copies (textContent per stage) within a test's memory.
    const REPEATS = Math.floor((5 * 1024 * 1024) / 28);
    const big = 'lorem ipsum dolor sit amet, '.repeat(REPEATS);
    withDom(html(`<title>Title</title><h1>Title</h1><p id="big"></p><h2>Notes</h2><ol><li>A note, not linked.</li></ol>`), (doc) => {
      doc.getElementById('big')!.appendChild(doc.createTextNode(big));
      // One paragraph is not an article (ARTICLE_MIN_PARAGRAPHS); "read it anyway" runs every stage over it.
      const report = buildReport(doc, URL, { force: true, budgetMs: 60_000 });
      expect(report.errors).toEqual([]);
      expect(report.isArticle).toBe(false);
      expect(outlineOf(report)).toEqual([[1, 'Title'], [2, 'Notes']]);
      expect(entriesOf(report)).toEqual([['A note, not linked.', 'none']]);
      // Words are counted in the main region, which is the big paragraph itself.
      // Each block's text is read up to MAX_TEXT_CHARS (20,000): 714 whole "lorem ipsum dolor sit amet, " and
      // "lorem ip", so a 5 MB block is never run through a regular expression whole (it froze pages for seconds).
      expect(report.stats.words).toBe(714 * 5 + 2);
      expect(JSON.stringify(report).length).toBeLessThan(10_000);
    });
  });
});

describe('structure', () => {
  // jsdom recurses once per ancestor when it inserts a node (Node-impl _descendantAdded) and when it parses, so it
  // overflows its own stack near 4,000 (parsing) to 10,000 (appendChild) levels, and building a chain costs it time
  // quadratic in the depth (>40 s for 10,000 here). 5,000 levels built with appendChild is what jsdom holds reliably;
  // building and taking the chain apart cost jsdom most of this test's ~10–30 s.
  const DEPTH = 5_000;

  /** `DEPTH` nested div/section elements with `inner` built inside the innermost one. */
  function deepDom(inner: (doc: Document, deepest: Element) => void): JSDOM {
    const dom = html('<title>Title</title>');
    const doc = dom.window.document;
    let e: Element = doc.body;
    for (let i = 0; i < DEPTH; i++) e = e.appendChild(doc.createElement(i % 2 ? 'section' : 'div'));
    inner(doc, e);
    return dom;
  }

  /** jsdom's window.close() detaches recursively and overflows on a deep chain: take it apart from the leaf first. */
  function dismantle(doc: Document): void {
    for (let leaf = doc.body.lastElementChild; leaf; leaf = doc.body.lastElementChild) {
      while (leaf.lastElementChild) leaf = leaf.lastElementChild;
      leaf.remove();
    }
  }

  it(`finds the article inside markup nested ${DEPTH.toLocaleString('en')} deep, without a stack overflow`, () => {
    withDom(deepDom((doc, deepest) => {
      const add = (parent: Element, tag: string, text = '') => {
        const el = parent.appendChild(doc.createElement(tag));
        if (text) el.appendChild(doc.createTextNode(text));
        return el;
      };
      add(deepest, 'h1', 'Title');
      for (let i = 0; i < 2; i++) add(deepest, 'p', PROSE.repeat(5));
      add(deepest, 'h2', 'Section');
      for (let i = 0; i < 2; i++) add(deepest, 'p', PROSE.repeat(5));
      add(deepest, 'h2', 'References');
      const ol = add(deepest, 'ol');
      add(ol, 'li', 'Smith, J. A book. Plenum, 2001.');
    }), (doc) => {
      let report: PageReport;
      try {
        report = buildReport(doc, URL, { budgetMs: 120_000 });
      } finally {
        dismantle(doc);
      }
      expect(report.errors).toEqual([]);
      // body, the chain, and the article's nine elements
      expect(report.stats.elements).toBe(1 + DEPTH + 9);
      expect(outlineOf(report)).toEqual(ARTICLE_OUTLINE);
      expect(entriesOf(report)).toEqual([['Smith, J. A book. Plenum, 2001.', 'none']]);
    });
  }, 120_000);

  it('counts the prose of a paragraph once when its text sits in inline elements (a span inside a <p>)', () => {
    // A paragraph's spans are part of its text: measured again as containers of their own text, their words were
    // counted twice, and each one's text was read from the page once more.
    const words = withDom(html(`<title>Title</title><article>${ARTICLE}</article>`), (doc) => buildReport(doc, URL).stats.words);
    const spans = ARTICLE.replaceAll(P, `<p><span>${PROSE.repeat(3)}</span> <font>${PROSE.repeat(2)}</font></p>`);
    withDom(html(`<title>Title</title><article>${spans}</article>`), (doc) => {
      const report = buildReport(doc, URL);
      expect(report.isArticle).toBe(true);
      expect(report.stats.words).toBe(words);
    });
  });

  it("reads a form's id when one of its controls is named \"id\" (form.id is then the control)", () => {
    // A comment form with a hidden post-id field, as WordPress themes write it: its id still marks it as site chrome,
    // so its notice is not counted among the article's words.
    const form = `<form id="comments" action="/comment"><input type="hidden" name="id" value="42"><h3>Leave a reply</h3>${P}<textarea></textarea></form>`;
    const words = withDom(html(`<title>Title</title><article>${ARTICLE}</article>`), (doc) => buildReport(doc, URL).stats.words);
    withDom(html(`<title>Title</title><article>${ARTICLE}${form}</article>`), (doc) => {
      // Browsers resolve form.id to the control (named-property access); jsdom does not, so it is set up as they do.
      const el = doc.getElementById('comments')!;
      Object.defineProperty(el, 'id', { get: () => el.querySelector('[name="id"]') });
      expect(typeof el.id).toBe('object');
      const report = buildReport(doc, URL);
      expect(report.stats.words).toBe(words);
      expect(outlineOf(report)).toEqual(ARTICLE_OUTLINE);
      expect(entriesOf(report)).toEqual(ARTICLE_ENTRIES);
    });
  });

  it('reports nothing, and no error, for an empty document', () => {
    withDom(html(''), (doc) => {
      const report = buildReport(doc, URL);
      expect([report.isArticle, report.outline, report.referenceLists, report.errors]).toEqual([false, [], [], []]);
      expect(report.detection.reasons).toEqual(['little prose (0 characters)']);
    });
  });

  it('reports an error for a document with no element at all, and an empty report for an XML document', () => {
    withDom(html(''), (doc) => {
      const none = buildReport(doc.implementation.createDocument(null, null), URL);
      expect(none.errors).toEqual(['The document has no content.']);
      const xml = buildReport(new doc.defaultView!.DOMParser().parseFromString('<x/>', 'application/xml'), URL);
      expect([xml.isArticle, xml.outline, xml.referenceLists, xml.errors, xml.stats.elements]).toEqual([false, [], [], [], 1]);
    });
  });

  it('reports no article and no error for a frameset page', () => {
    withDom(html('<html><head><title>Frames</title></head><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"></frameset></html>'), (doc) => {
      const report = buildReport(doc, URL);
      expect([report.isArticle, report.outline, report.referenceLists, report.errors]).toEqual([false, [], [], []]);
    });
  });

  it('reads an XHTML document (application/xhtml+xml) like the same page served as HTML', () => {
    const page = `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Title</title></head><body><article>${ARTICLE}</article></body></html>`;
    withDom(html(`<?xml version="1.0" encoding="utf-8"?>${page}`, { contentType: 'application/xhtml+xml' }), (doc) => {
      expect(doc.contentType).toBe('application/xhtml+xml');
      const report = buildReport(doc, URL);
      expect(report.errors).toEqual([]);
      expect(report.isArticle).toBe(true);
      expect(outlineOf(report)).toEqual(ARTICLE_OUTLINE);
      expect(entriesOf(report)).toEqual(ARTICLE_ENTRIES);
    });
  });
});

describe('content the extractor does not see', () => {
  it('leaves out headings and lists inside shadow DOM and inside iframes', () => {
    withDom(html(`<title>Title</title><article>${ARTICLE}<div id="host"></div><iframe srcdoc="<h2>Frame heading</h2><h2>Sources</h2><ul><li>Frame entry</li></ul>"></iframe></article>`), (doc) => {
      doc.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<h2>Shadow heading</h2><h2>Notes</h2><ol><li>Shadow entry</li></ol>';
      const report = buildReport(doc, URL);
      expect(report.errors).toEqual([]);
      expect(outlineOf(report)).toEqual(ARTICLE_OUTLINE);
      expect(entriesOf(report)).toEqual(ARTICLE_ENTRIES);
    });
  });
});

describe('garbage', () => {
  it('finds no article in random bytes parsed as HTML', () => {
    // A fixed-seed generator (a 32-bit LCG) so the bytes are the same on every run.
    let x = 12345;
    const bytes = new Uint8Array(64 * 1024).map(() => ((x = (x * 1103515245 + 12345) >>> 0) >>> 24));
    withDom(html(decodeHtml(bytes)), (doc) => {
      const report = buildReport(doc, URL, { force: true });
      expect(report.isArticle).toBe(false);
      expect(report.errors).toEqual([]);
      expect(report.referenceLists).toEqual([]);
    });
  });
});

describe('a page that changes the DOM prototypes in its own window', () => {
  /** The article with a page script run in jsdom's own realm first (as a page's scripts run before the extension). */
  const pageWith = (script: string) => html(`<title>Title</title><article>${ARTICLE}</article><script>${script}</script>`, { runScripts: 'dangerously' });

  it("is unaffected by the page's own Array.prototype.map and Array.from (another realm's intrinsics)", () => {
    withDom(pageWith('Array.prototype.map = function () { throw new Error("page map"); }; Array.from = function () { throw new Error("page from"); };'), (doc) => {
      const report = buildReport(doc, URL);
      expect(report.errors).toEqual([]);
      expect(outlineOf(report)).toEqual(ARTICLE_OUTLINE);
      expect(entriesOf(report)).toEqual(ARTICLE_ENTRIES);
    });
  });

  it('comes back with the error, not a throw, when the textContent getter throws', () => {
    withDom(pageWith('Object.defineProperty(Node.prototype, "textContent", { get() { throw new Error("hostile getter"); } });'), (doc) => {
      const report = buildReport(doc, URL);
      expect(report.errors).toEqual(['The page could not be read: hostile getter']);
      expect(report.isArticle).toBe(false);
    });
  });

  it('comes back with an error, not a throw, when what the page throws cannot even be turned into a string', () => {
    withDom(pageWith('Object.defineProperty(Node.prototype, "textContent", { get() { throw { get message() { throw 1; }, toString() { throw 2; } }; } });'), (doc) => {
      expect(buildReport(doc, URL).errors).toEqual(['The page could not be read: unknown error']);
    });
  });

  it('comes back with the error when the textContent getter returns a number', () => {
    withDom(pageWith('Object.defineProperty(Node.prototype, "textContent", { get() { return 42; } });'), (doc) => {
      const report = buildReport(doc, URL);
      expect(report.errors).toHaveLength(1);
      expect(report.errors[0]).toMatch(/^The page could not be read: /);
    });
  });

  it("comes back with the error when this realm's Array.prototype.map is replaced (jsdom without scripts shares it)", () => {
    withDom(html(`<title>Title</title><article>${ARTICLE}</article>`), (doc) => {
      expect(doc.defaultView!.Array).toBe(Array);
      const map = Array.prototype.map;
      let report: PageReport;
      Array.prototype.map = function () {
        throw new Error('page map');
      };
      try {
        report = buildReport(doc, URL);
      } finally {
        Array.prototype.map = map;
      }
      expect(report.errors).toEqual(['The page could not be read: page map']);
    });
  });
});

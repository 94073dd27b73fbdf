// Property: on random DOM trees made of what reference sections are made of (headings, lists, in-page and outside
// links, sup markers, nav/aside chrome, label words), buildReport runs every stage without an exception, returns
// plain JSON, and keeps the report's own invariants (levels 1–6, link states, markers pointing at real entries).
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../lib/extract/report';

const TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ol', 'ul', 'li', 'a', 'section', 'nav', 'aside', 'sup', 'br', 'div', 'span', 'strong', 'article'];
const HREFS = ['#cite_note-1', '#cite_note-2', '#fn1', '#ref-2', '#missing', '#', 'javascript:alert(1)', 'https://example.org/other',
  '/relative/page', 'https://doi.org/10.1073/pnas.1907828116', 'https://scholar.google.com/scholar?q=x', '', 'mailto:a@example.org', '%%%', 'http://[bad'];
const IDS = ['cite_note-1', 'cite_note-2', 'fn1', 'ref-2', 'references', 'main'];
const CLASSES = ['references', 'footnotes', 'reflist', 'hidden', 'sidebar', 'mw-editsection', 'footnote-container', 'content', 'sidenote'];
const WORDS = ['References', 'Notes', 'Quellen:', 'More information:', '[1]', '1', '^', '↩', 'a b', 'Smith, J. (2001). A book. ISBN 0-306-40615-2.',
  'doi:10.1073/pnas.1907828116', 'www.example.org/page', 'Prose long enough to be a paragraph of an article, with ordinary words in it. '.repeat(3)];

interface Node {
  tag: string;
  attrs: [string, string][];
  children: (Node | string)[];
}

const text = fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 10 }));
const attrs = fc.array(
  fc.oneof(
    fc.tuple(fc.constant('href'), fc.constantFrom(...HREFS)),
    fc.tuple(fc.constant('id'), fc.constantFrom(...IDS)),
    fc.tuple(fc.constant('class'), fc.constantFrom(...CLASSES)),
    fc.tuple(fc.constant('role'), fc.constantFrom('doc-endnotes', 'doc-noteref', 'navigation', 'doc-backlink')),
    fc.tuple(fc.constant('hidden'), fc.constant('')),
  ),
  { maxLength: 3 },
);
const { tree } = fc.letrec<{ tree: Node; child: Node | string }>((tie) => ({
  tree: fc.record({ tag: fc.constantFrom(...TAGS), attrs, children: fc.array(tie('child'), { maxLength: 5 }) }),
  child: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, tie('tree')),
}));

describe('random DOM trees', () => {
  const dom = new JSDOM('<!doctype html><title>Random page</title><body></body>', { url: 'https://example.org/2024/random-article' });
  const doc = dom.window.document;
  afterAll(() => dom.window.close());

  function build(parent: Element, node: Node | string): void {
    if (typeof node === 'string') {
      parent.appendChild(doc.createTextNode(node));
      return;
    }
    const el = doc.createElement(node.tag);
    for (const [k, v] of node.attrs) el.setAttribute(k, v);
    for (const c of node.children) build(el, c);
    parent.appendChild(el);
  }

  it('never fail, return plain JSON and keep the report invariants (100 runs)', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 6 }), fc.boolean(), (trees, force) => {
        doc.body.replaceChildren();
        for (const t of trees) build(doc.body, t);
        const r = buildReport(doc, 'https://example.org/2024/random-article', { force, budgetMs: 60_000 });
        // No stage threw (buildReport would have caught it and put it here).
        expect(r.errors).toEqual([]);
        expect(JSON.parse(JSON.stringify(r))).toEqual(r);
        for (const h of r.outline) expect(Number.isInteger(h.level) && h.level >= 1 && h.level <= 6, `level ${h.level}`).toBe(true);
        const entryIds = new Set<string>();
        for (const l of r.referenceLists) {
          for (const e of l.entries) {
            entryIds.add(e.id);
            expect(['linked', 'search-only', 'plain-url', 'none']).toContain(e.linkState);
            expect(e.hasLink).toBe(e.linkState === 'linked' || e.linkState === 'search-only');
          }
        }
        for (const m of r.citations.markers) {
          expect(m.entryId === null || entryIds.has(m.entryId), `marker ${m.id} → ${m.entryId}`).toBe(true);
          expect(r.citations.dangling.includes(m.id)).toBe(m.entryId === null);
        }
        expect(r.stats.entries).toBe(entryIds.size);
      }),
      { numRuns: 100 },
    );
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { PageReport } from '@/lib/extract/types';
import { locate } from '@/lib/page/locate';

afterEach(() => {
  document.body.innerHTML = '';
});

const base: PageReport = {
  version: 1, url: 'https://x.example/', title: '', isArticle: true, detection: { score: 1, reasons: [] },
  outline: [
    { id: 'h1', level: 2, text: 'Notes', anchor: '', citations: 0 },
    { id: 'h2', level: 2, text: 'Notes', anchor: '', citations: 0 },
    { id: 'h3', level: 2, text: 'With id', anchor: 'wid', citations: 0 },
  ],
  referenceLists: [{ id: 'r1', heading: 'References', kind: 'references', entries: [
    { id: 'r1-e1', label: '1', text: 'PBS NewsHour Latest talks between Ukraine and U.S.', links: [], identifiers: [], hasLink: false, linkState: 'none', citedBy: [], anchor: '' },
  ] }],
  citations: { markers: [
    { id: 'c1', text: '[1]', target: 'n1', entryId: null, sectionId: null },
    { id: 'c2', text: '[1]', target: 'n1', entryId: null, sectionId: null },
  ], uncited: [], dangling: [] },
  stats: { elements: 0, headings: 0, lists: 0, entries: 0, unlinked: 0, words: 0 }, timings: {}, truncated: false, errors: [],
};

describe('locate', () => {
  it('finds headings by anchor (the heading around it) and repeated texts by their order', () => {
    document.body.innerHTML = '<h2 id="a">Notes</h2><p>x</p><h2 id="b">Notes</h2><h2><span id="wid"></span>With id</h2>';
    expect(locate(document, base, { kind: 'heading', id: 'h2' })?.id).toBe('b');
    expect(locate(document, base, { kind: 'heading', id: 'h3' })?.tagName).toBe('H2');
  });

  it('finds an entry without an id by its text, whatever the page’s spacing', () => {
    document.body.innerHTML = '<ol><li><strong>PBS NewsHour</strong><br>Latest talks between Ukraine and U.S. yield</li></ol>';
    expect(locate(document, base, { kind: 'entry', id: 'r1-e1' })?.tagName).toBe('LI');
  });

  it('finds the k-th marker with the same target', () => {
    document.body.innerHTML = '<sup id="s1"><a href="#n1">[1]</a></sup> <sup id="s2"><a href="#n1">[1]</a></sup>';
    expect(locate(document, base, { kind: 'marker', id: 'c2' })?.id).toBe('s2');
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anchor, anchorMany, CONTEXT_LENGTH, describeRange } from '../../lib/anchor/anchor';
import { buildTextIndex, rangeFromOffsets } from '../../lib/anchor/text-index';
import { clearHighlights, HIGHLIGHT_NAME, highlightsSupported, noteAtNode, paintHighlights } from '../../lib/anchor/highlight';
import type { Selector, TextQuoteSelector } from '../../lib/anchor/types';
import { createNoteAnchoring } from '../../lib/anchor/session';
import { placeNotes } from '../../lib/anchor/place';
import { TEXT_CHANGED, type NoteSpan } from '../../lib/messages';

function setBody(html: string): Element {
  document.body.innerHTML = html;
  return document.body;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('describeRange', () => {
  it('gives quote with 32-char context and position over textContent', () => {
    const root = setBody('<p>Alpha beta <b>gamma</b> delta.</p><p>' + 'x'.repeat(50) + '</p>');
    const range = document.createRange();
    const b = root.querySelector('b')!;
    range.setStart(root.querySelector('p')!.firstChild!, 6);
    range.setEnd(b.firstChild!, 3);
    const [quote, position] = describeRange(root, range) as [TextQuoteSelector, Selector];
    expect(quote).toEqual({ type: 'TextQuoteSelector', exact: 'beta gam', prefix: 'Alpha ', suffix: 'ma delta.' + 'x'.repeat(CONTEXT_LENGTH - 9) });
    expect(position).toEqual({ type: 'TextPositionSelector', start: 6, end: 14 });
    expect(root.textContent!.slice(6, 14)).toBe('beta gam');
  });

  it('handles boundary points between elements', () => {
    const root = setBody('<p>one</p><p>two</p><p>three</p>');
    const range = document.createRange();
    range.setStart(root, 1); // before <p>two</p>
    range.setEnd(root, 2); // after it
    const [quote] = describeRange(root, range) as TextQuoteSelector[];
    expect(quote.exact).toBe('two');
  });

  it('returns [] for a collapsed range or one outside root', () => {
    const root = setBody('<p id="a">inside</p>');
    const outside = document.createElement('p');
    outside.textContent = 'outside';
    document.documentElement.appendChild(outside);
    const r1 = document.createRange();
    r1.setStart(root.querySelector('p')!.firstChild!, 2);
    expect(describeRange(root, r1)).toEqual([]);
    const r2 = document.createRange();
    r2.selectNodeContents(outside);
    expect(describeRange(root, r2)).toEqual([]);
    outside.remove();
  });
});

describe('anchor', () => {
  it('anchors exactly by position, then by quote after text moved, then fuzzily after an edit', () => {
    const root = setBody('<p>The quick brown fox jumps over the lazy dog.</p>');
    const range = document.createRange();
    range.setStart(root.querySelector('p')!.firstChild!, 4);
    range.setEnd(root.querySelector('p')!.firstChild!, 19);
    const selectors = describeRange(root, range);
    expect(anchor(root, selectors)?.status).toBe('exact');
    root.insertAdjacentHTML('afterbegin', '<p>New intro.</p>');
    const moved = anchor(root, selectors)!;
    expect(moved.status).toBe('exact');
    expect(moved.range.toString()).toBe('quick brown fox');
    root.querySelectorAll('p')[1].textContent = 'The quick brawn fox jumps over the lazy dog.';
    const edited = anchor(root, selectors)!;
    expect(edited.status).toBe('fuzzy');
    expect(edited.range.toString()).toBe('quick brawn fox');
  });

  it('uses prefix and suffix to choose among repeated quotes', () => {
    const root = setBody('<p>first: the same words here.</p><p>second: the same words there.</p>');
    const text = root.textContent!;
    const start = text.indexOf('the same words', text.indexOf('second'));
    const selectors: Selector[] = [
      { type: 'TextQuoteSelector', exact: 'the same words', prefix: 'second: ', suffix: ' there.' },
    ];
    const found = anchor(root, selectors)!;
    expect(found.start).toBe(start);
  });

  it('returns null (orphan) when the text is gone, and anchorMany reports it', () => {
    const root = setBody('<p>Nothing like the quote lives here at all.</p>');
    const selectors: Selector[] = [{ type: 'TextQuoteSelector', exact: 'an entirely different sentence about tea', prefix: '', suffix: '' }];
    expect(anchor(root, selectors)).toBeNull();
    const many = anchorMany(root, [{ noteId: 'a', selectors }, { noteId: 'b', selectors: [{ type: 'TextQuoteSelector', exact: 'quote lives', prefix: '', suffix: '' }] }]);
    expect(many.results.map((r) => r.status)).toEqual(['orphan', 'exact']);
    expect([...many.ranges.keys()]).toEqual(['b']);
  });

  it('survives malformed stored selectors as orphans', () => {
    const root = setBody('<p>text</p>');
    const bad = [{ noteId: 'x', selectors: null as unknown as Selector[] }, { noteId: 'y', selectors: [{ type: 'TextPositionSelector', start: 5, end: 2 }] as Selector[] }];
    expect(anchorMany(root, bad).results.map((r) => r.status)).toEqual(['orphan', 'orphan']);
  });

  it('property: describing then re-anchoring after random edits never throws and exact anchors read the quote', () => {
    const words = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'the', 'of', 'river', 'stone', '—', '“quote”', 'é', '\n');
    const para = fc.array(words, { minLength: 3, maxLength: 40 }).map((w) => w.join(' '));
    const edit = fc.record({ kind: fc.constantFrom('insert', 'delete', 'replace', 'wrap'), at: fc.nat(), len: fc.nat({ max: 20 }), text: para });
    fc.assert(
      fc.property(fc.array(para, { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), fc.array(edit, { maxLength: 5 }), (paras, a, b, edits) => {
        const root = setBody(paras.map((p) => `<p>${p.replace(/</g, '')}</p>`).join(''));
        const index = buildTextIndex(root);
        const n = index.text.length;
        if (n < 2) return;
        const start = a % (n - 1);
        const end = start + 1 + (b % (n - start));
        const selectors = describeRange(root, rangeFromOffsets(index, start, end)!);
        const quote = (selectors[0] as TextQuoteSelector).exact;
        for (const e of edits) {
          const ps = root.querySelectorAll('p');
          const p = ps[e.at % ps.length];
          const t = p.textContent ?? '';
          const at = e.at % (t.length + 1);
          if (e.kind === 'insert') p.textContent = t.slice(0, at) + e.text + t.slice(at);
          else if (e.kind === 'delete') p.textContent = t.slice(0, at) + t.slice(at + e.len);
          else if (e.kind === 'replace') p.textContent = e.text;
          else p.innerHTML = `<em>${t.slice(0, at).replace(/</g, '')}</em>${t.slice(at).replace(/</g, '')}`;
        }
        const found = anchor(root, selectors);
        if (found?.status === 'exact') expect(found.range.toString()).toBe(quote);
        const many = anchorMany(root, [{ noteId: 'n', selectors }]);
        expect(many.results).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });
});

describe('highlight', () => {
  it('reports unsupported and leaves the DOM alone without the Highlight API (jsdom)', () => {
    const root = setBody('<p>Some text</p>');
    const before = root.innerHTML;
    const range = document.createRange();
    range.selectNodeContents(root.querySelector('p')!);
    expect(highlightsSupported(window)).toBe(false);
    expect(paintHighlights(window, [range])).toEqual({ supported: false, painted: 0 });
    expect(root.innerHTML).toBe(before);
  });

  it('registers ranges under one name where the API exists', () => {
    const registry = new Map<string, unknown>();
    class FakeHighlight { ranges: Range[]; constructor(...r: Range[]) { this.ranges = r; } }
    const fakeWin = { CSS: { highlights: registry }, Highlight: FakeHighlight } as unknown as Window;
    const range = document.createRange();
    expect(paintHighlights(fakeWin, [range, range])).toEqual({ supported: true, painted: 2 });
    expect((registry.get(HIGHLIGHT_NAME) as FakeHighlight).ranges).toHaveLength(2);
    clearHighlights(fakeWin);
    expect(registry.has(HIGHLIGHT_NAME)).toBe(false);
  });

  it('finds the most specific note under a point', () => {
    const root = setBody('<p>one two three four five</p>');
    const text = root.querySelector('p')!.firstChild!;
    const { ranges } = anchorMany(root, [
      { noteId: 'wide', selectors: [{ type: 'TextQuoteSelector', exact: 'one two three four', prefix: '', suffix: '' }] },
      { noteId: 'narrow', selectors: [{ type: 'TextQuoteSelector', exact: 'three', prefix: '', suffix: '' }] },
    ]);
    expect(noteAtNode(text, 9, ranges)).toBe('narrow');
    expect(noteAtNode(text, 2, ranges)).toBe('wide');
    expect(noteAtNode(text, 22, ranges)).toBeNull();
  });
});

describe('createNoteAnchoring (content-script side)', () => {
  it('describes the window selection; the panel places notes in the page text it gives, and it paints them', async () => {
    const root = setBody('<p>Alpha beta gamma delta.</p>');
    const session = createNoteAnchoring(window);
    expect(session.describeSelection()).toEqual({ ok: true, value: { selectors: [], quote: '' } });
    const range = document.createRange();
    range.setStart(root.querySelector('p')!.firstChild!, 6);
    range.setEnd(root.querySelector('p')!.firstChild!, 16);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    const described = session.describeSelection();
    expect(described.ok && described.value.quote).toBe('beta gamma');
    const selectors = described.ok ? described.value.selectors : [];
    const port = { pageText: async () => session.pageText(), paintNotes: async (spans: NoteSpan[]) => session.paintNotes({ spans }) };
    const r = await placeNotes(port, [{ noteId: 'a', selectors }, { noteId: 'b', selectors: [{ type: 'TextQuoteSelector', exact: 'nowhere to be found at all', prefix: '', suffix: '' }] }]);
    expect(r).toEqual({ ok: true, value: [{ noteId: 'a', status: 'exact', start: 6, end: 16 }, { noteId: 'b', status: 'orphan' }] });
    expect(session.rangeOf('a')?.toString()).toBe('beta gamma');
    session.dispose();
    expect(session.rangeOf('a')).toBeNull();
  });

  it('paints nothing in text that changed after the panel read it, and the panel reads it again', async () => {
    const root = setBody('<p>Alpha beta gamma delta.</p>');
    const session = createNoteAnchoring(window);
    const quote: Selector[] = [{ type: 'TextQuoteSelector', exact: 'gamma delta', prefix: 'beta ', suffix: '.' }];
    let reads = 0;
    const port = {
      pageText: async () => {
        const text = session.pageText();
        // The page inserts text after the first read (a live page): the first paint must be refused.
        if (++reads === 1) root.querySelector('p')!.prepend('Breaking: ');
        return text;
      },
      paintNotes: async (spans: NoteSpan[]) => session.paintNotes({ spans }),
    };
    const r = await placeNotes(port, [{ noteId: 'a', selectors: quote }]);
    expect(reads).toBe(2);
    expect(r).toEqual({ ok: true, value: [{ noteId: 'a', status: 'exact', start: 21, end: 32 }] });
    expect(session.rangeOf('a')?.toString()).toBe('gamma delta');
    root.querySelector('p')!.append(' More.');
    expect(session.paintNotes({ spans: [{ noteId: 'a', start: 21, end: 32 }] })).toEqual({ ok: false, reason: TEXT_CHANGED });
    session.dispose();
  });

  it('with no quote notes, clears the highlights without reading the page', async () => {
    setBody('<p>Alpha beta gamma delta.</p>');
    const session = createNoteAnchoring(window);
    const quote: Selector[] = [{ type: 'TextQuoteSelector', exact: 'gamma delta', prefix: 'beta ', suffix: '.' }];
    let reads = 0;
    const port = {
      pageText: async () => (reads++, session.pageText()),
      paintNotes: async (spans: NoteSpan[]) => session.paintNotes({ spans }),
    };
    await placeNotes(port, [{ noteId: 'a', selectors: quote }]);
    expect(session.rangeOf('a')?.toString()).toBe('gamma delta');
    reads = 0;
    // The last quote note was deleted, and the page has changed since: nothing is read, the old highlight goes.
    document.body.append('Later text.');
    expect(await placeNotes(port, [])).toEqual({ ok: true, value: [] });
    expect(reads).toBe(0);
    expect(session.rangeOf('a')).toBeNull();
    session.dispose();
  });
});

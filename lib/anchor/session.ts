/**
 * What the content script needs for notes, in one factory (state lives in the returned object, per page, never in a
 * module): answer `describeSelection`, `pageText` and `paintNotes` (lib/messages.ts ToContent) and find the note under
 * a click. The content script only reads the page's text and paints where the panel found the quotes
 * (lib/anchor/place.ts): the matching, fuzzy matching above all, runs in the panel, not in the page's thread.
 * The root is always document.body, so positions described, matched and painted count the same text.
 */
import { describeRange, rangesOf } from './anchor';
import { clearHighlights, ensureHighlightStyle, noteAtPoint, paintHighlights } from './highlight';
import { buildTextIndex } from './text-index';
import type { Selector } from './types';
import { TEXT_CHANGED, type NoteSpan, type Result } from '../types';

export interface NoteAnchoring {
  describeSelection(): Result<{ selectors: Selector[]; quote: string }>;
  /** The page's text, as the notes' positions count it. */
  pageText(): Result<{ text: string }>;
  /**
   * Paint these spans of the text last given by pageText (replacing earlier highlights); TEXT_CHANGED if it changed.
   * No spans clears the highlights and always succeeds.
   */
  paintNotes(req: { spans: NoteSpan[] }): Result<{ painted: number }>;
  /** The note whose painted quote is at these client coordinates (for a click listener), or null. */
  noteAt(x: number, y: number): string | null;
  /** The painted range of a note (to scroll to it for jumpTo({ kind: 'note' })). */
  rangeOf(noteId: string): Range | null;
  /** Remove highlights (call from ctx.onInvalidated). */
  dispose(): void;
}

export function createNoteAnchoring(win: Window): NoteAnchoring {
  const doc = win.document;
  let ranges = new Map<string, Range>();
  /** The text last handed out by pageText: spans count offsets in it. */
  let given: string | null = null;
  return {
    describeSelection() {
      const sel = win.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !doc.body) return { ok: true, value: { selectors: [], quote: '' } };
      const selectors = describeRange(doc.body, sel.getRangeAt(0));
      const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
      return { ok: true, value: { selectors, quote: quote?.type === 'TextQuoteSelector' ? quote.exact : '' } };
    },
    pageText() {
      if (!doc.body) return { ok: false, reason: 'The page has no body yet.' };
      given = buildTextIndex(doc.body).text;
      return { ok: true, value: { text: given } };
    },
    paintNotes({ spans }) {
      // Nothing to paint (the last quote note was deleted, or the page has none): clear, without reading the page's
      // text, which takes hundreds of milliseconds of the page's thread on a page of a million elements.
      if (spans.length === 0) {
        ranges = new Map();
        clearHighlights(win);
        return { ok: true, value: { painted: 0 } };
      }
      if (!doc.body) return { ok: false, reason: 'The page has no body yet.' };
      const index = buildTextIndex(doc.body);
      if (given === null || index.text !== given) return { ok: false, reason: TEXT_CHANGED };
      ranges = rangesOf(index, spans);
      ensureHighlightStyle(doc);
      paintHighlights(win, ranges.values());
      return { ok: true, value: { painted: ranges.size } };
    },
    noteAt: (x, y) => noteAtPoint(doc, x, y, ranges),
    rangeOf: (noteId) => ranges.get(noteId) ?? null,
    dispose() {
      clearHighlights(win);
      ranges = new Map();
    },
  };
}

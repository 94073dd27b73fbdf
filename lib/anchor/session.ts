/**
 * What the content script needs for notes, in one factory (state lives in the returned object, per page, never in a
 * module): answer `describeSelection` and `anchorNotes` (lib/messages.ts ToContent) and find the note under a click.
 * The root is always document.body, so positions described and positions anchored count the same text.
 */
import { anchorMany, describeRange } from './anchor';
import { clearHighlights, ensureHighlightStyle, noteAtPoint, paintHighlights } from './highlight';
import type { AnchorResult, Selector } from './types';
import type { NoteAnchorRequest, Result } from '../messages';

export interface NoteAnchoring {
  describeSelection(): Result<{ selectors: Selector[]; quote: string }>;
  anchorNotes(req: { notes: NoteAnchorRequest[] }): Result<AnchorResult[]>;
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
  return {
    describeSelection() {
      const sel = win.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !doc.body) return { ok: true, value: { selectors: [], quote: '' } };
      const selectors = describeRange(doc.body, sel.getRangeAt(0));
      const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
      return { ok: true, value: { selectors, quote: quote?.type === 'TextQuoteSelector' ? quote.exact : '' } };
    },
    anchorNotes({ notes }) {
      if (!doc.body) return { ok: false, reason: 'The page has no body yet.' };
      const result = anchorMany(doc.body, notes);
      ranges = result.ranges;
      ensureHighlightStyle(doc);
      paintHighlights(win, ranges.values());
      return { ok: true, value: result.results };
    },
    noteAt: (x, y) => noteAtPoint(doc, x, y, ranges),
    rangeOf: (noteId) => ranges.get(noteId) ?? null,
    dispose() {
      clearHighlights(win);
      ranges = new Map();
    },
  };
}

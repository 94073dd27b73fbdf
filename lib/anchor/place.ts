/**
 * Placing a page's notes, from the panel: ask the content script for the page's text, find every note's quote in it
 * here (exact, then fuzzy: lib/anchor/anchor.ts locateMany), and send back only the spans to paint. The page's thread
 * never runs the matching (500 notes on a changed 1 MB page took 427 ms of it: bench/RESULTS.md).
 */
import { locateMany, type NoteSelectors } from './anchor';
import type { AnchorResult } from './types';
import { TEXT_CHANGED, type NoteSpan, type Result } from '../types';

/** The content script's two calls, as the panel reaches them (lib/messages.ts ToContent). */
export interface PagePort {
  pageText(): Promise<Result<{ text: string }>>;
  paintNotes(spans: NoteSpan[]): Promise<Result<{ painted: number }>>;
}

/** Tries when the page changes between reading its text and painting (a live page): then the notes are left unpainted. */
const PLACE_ATTEMPTS = 2;

export async function placeNotes(port: PagePort, notes: NoteSelectors[]): Promise<Result<AnchorResult[]>> {
  // No quotes to find: the page's text is not read (a full pass over the page), only earlier highlights cleared.
  if (notes.length === 0) {
    const cleared = await port.paintNotes([]);
    return cleared.ok ? { ok: true, value: [] } : cleared;
  }
  let reason = TEXT_CHANGED;
  for (let attempt = 0; attempt < PLACE_ATTEMPTS; attempt++) {
    const page = await port.pageText();
    if (!page.ok) return page;
    if (typeof page.value?.text !== 'string') return { ok: false, reason: 'The page answered with something that is not its text.' };
    const results = locateMany(page.value.text, notes);
    const spans = results.flatMap((r) => (r.start !== undefined && r.end !== undefined ? [{ noteId: r.noteId, start: r.start, end: r.end }] : []));
    const painted = await port.paintNotes(spans);
    if (painted.ok) return { ok: true, value: results };
    reason = painted.reason;
    if (painted.reason !== TEXT_CHANGED) break;
  }
  return { ok: false, reason };
}

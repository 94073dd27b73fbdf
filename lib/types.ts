/**
 * Types and values the protocol (lib/messages.ts) and the algorithms under it (lib/anchor) share. A leaf: it imports
 * nothing, so neither side imports the other for them.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The reason paintNotes gives when the page's text is no longer the text the panel matched the notes in. */
export const TEXT_CHANGED = 'The page changed while its notes were being placed.';

/** Where a note's quote is in the page's text (offsets into the text pageText gave). */
export interface NoteSpan {
  noteId: string;
  start: number;
  end: number;
}

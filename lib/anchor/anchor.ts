/**
 * Selectors ↔ DOM ranges. The API the content script uses:
 *
 * - `describeRange(root, range)` → [TextQuoteSelector, TextPositionSelector] for a reader's selection;
 * - `anchor(root, selectors)` → `{ range, status }` or null, trying position → exact quote → fuzzy quote;
 * - `anchorMany(root, notes)` → the same for many notes over one text index (one TreeWalker pass), orphans reported;
 * - `locateMany(text, notes)` → offsets only, from the page's text alone: the panel matches (lib/anchor/place.ts) and
 *   the content script only reads the text and paints, so fuzzy matching never runs in the page.
 *
 * Like Hypothesis' `anchoring/html.ts`: strategies from cheap to costly, and the found text is checked against the quote.
 */
import { buildTextIndex, offsetOfPoint, rangeFromOffsets, type TextIndex } from './text-index';
import { matchExact, matchFuzzy } from './match-quote';
import type { AnchorResult, Selector, TextPositionSelector, TextQuoteSelector } from './types';

/** Characters of context kept before and after a quote (the figure; Hypothesis also uses 32). */
export const CONTEXT_LENGTH = 32;

export interface Anchored {
  range: Range;
  status: 'exact' | 'fuzzy';
  start: number;
  end: number;
}

export interface NoteSelectors {
  noteId: string;
  selectors: Selector[];
}

export interface AnchorManyResult {
  /** One per note, in input order; orphans have status 'orphan' and no offsets. */
  results: AnchorResult[];
  /** Ranges of the notes that were found, by note id (to paint and to hit-test clicks). */
  ranges: Map<string, Range>;
}

/** Selectors for a range inside root; [] when the range is outside root or selects no text. */
export function describeRange(root: Element, range: Range): Selector[] {
  return describeWithIndex(buildTextIndex(root), range);
}

export function describeWithIndex(index: TextIndex, range: Range): Selector[] {
  const start = offsetOfPoint(index, range.startContainer, range.startOffset);
  const end = offsetOfPoint(index, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return [];
  const { text } = index;
  const quote: TextQuoteSelector = {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
  };
  const position: TextPositionSelector = { type: 'TextPositionSelector', start, end };
  return [quote, position];
}

function pick<T extends Selector['type']>(selectors: Selector[], type: T): Extract<Selector, { type: T }> | undefined {
  return selectors.find((s): s is Extract<Selector, { type: T }> => s.type === type);
}

/** Offsets of the selectors' text in the page's text, or null. Pure string work; the Range is made by the caller. */
export function locate(text: string, selectors: Selector[]): { start: number; end: number; status: 'exact' | 'fuzzy' } | null {
  const quote = pick(selectors, 'TextQuoteSelector');
  const position = pick(selectors, 'TextPositionSelector');
  // 1. Position: the text is where it was and still reads the same (without a quote, trust the position if in range).
  if (position && position.end <= text.length && position.start < position.end) {
    const found = text.slice(position.start, position.end);
    if (!quote || found === quote.exact) return { start: position.start, end: position.end, status: 'exact' };
  }
  if (!quote || !quote.exact) return null;
  const ctx = { prefix: quote.prefix, suffix: quote.suffix, hint: position?.start };
  // 2. Exact quote anywhere, repeats told apart by prefix/suffix and old position.
  const exact = matchExact(text, quote.exact, ctx);
  if (exact) return { start: exact.start, end: exact.end, status: 'exact' };
  // 3. Fuzzy: approximate matches close enough to the quote (MAX_FUZZY_ERROR_RATE).
  const fuzzy = matchFuzzy(text, quote.exact, ctx);
  if (fuzzy) return { start: fuzzy.start, end: fuzzy.end, status: 'fuzzy' };
  return null;
}

/** Find one note's text under root. Null when it cannot be found (an orphan). */
export function anchor(root: Element, selectors: Selector[]): Anchored | null {
  const index = buildTextIndex(root);
  const found = locate(index.text, selectors);
  if (!found) return null;
  const range = rangeFromOffsets(index, found.start, found.end);
  return range ? { range, ...found } : null;
}

/** Where many notes are in a page's text. Never throws for a note: a note that cannot be placed is an orphan. */
export function locateMany(text: string, notes: NoteSelectors[]): AnchorResult[] {
  return notes.map((note) => {
    let found: ReturnType<typeof locate> = null;
    try {
      found = locate(text, Array.isArray(note.selectors) ? note.selectors : []);
    } catch {
      found = null; // A malformed stored selector makes an orphan, not a failed round.
    }
    return found ? { noteId: note.noteId, status: found.status, start: found.start, end: found.end } : { noteId: note.noteId, status: 'orphan' };
  });
}

/** Ranges for located notes (offsets into the index's text), by note id. */
export function rangesOf(index: TextIndex, spans: { noteId: string; start: number; end: number }[]): Map<string, Range> {
  const ranges = new Map<string, Range>();
  for (const s of spans) {
    const range = rangeFromOffsets(index, s.start, s.end);
    if (range) ranges.set(s.noteId, range);
  }
  return ranges;
}

/** Anchor many notes over one text index (locateMany, then ranges). */
export function anchorMany(root: Element, notes: NoteSelectors[]): AnchorManyResult {
  const index = buildTextIndex(root);
  const located = locateMany(index.text, notes);
  const ranges = rangesOf(index, located.flatMap((r) => (r.status === 'orphan' ? [] : [{ noteId: r.noteId, start: r.start!, end: r.end! }])));
  const results = located.map((r): AnchorResult => (r.status !== 'orphan' && !ranges.has(r.noteId) ? { noteId: r.noteId, status: 'orphan' } : r));
  return { results, ranges };
}

/** Full-text search over notes: prefix match of every query word on the word index's posting lists (schema v4). */
import type { CitelensDb } from './db';
import type { Note } from './types';
import { notesAt, noteScope, noteTables, readSlots, slotsStartingWith, type SlotTable } from './note-index';
import { queryTerms } from './words';

/**
 * Notes read and shown for a search at first; the library says how many matched in all and offers more. 50 fill a
 * screen or two; reading 200 notes per keystroke was a quarter of a broad query's time at 100,000 notes (bench/).
 */
export const DEFAULT_SEARCH_LIMIT = 50;

export interface SearchResult {
  /** The newest `limit` matching notes, newest first. */
  notes: Note[];
  /** How many notes match in all (exact: each note counted once, however many of its words match). */
  total: number;
}

/**
 * Mark the slots holding every term: after term i, a slot's mark is i + 1 only if it held all terms so far. A slot
 * listed twice for one term ("treaty" and "trek" in one note) is marked once.
 */
function markAll(perTerm: number[][][], size: number): Int32Array {
  const marks = new Int32Array(size);
  perTerm.forEach((lists, i) => {
    for (const list of lists) for (const s of list) if (s < size && marks[s] === i) marks[s] = i + 1;
  });
  return marks;
}

/** Whether slot a sorts before slot b: newer first, and of two saved at the same time the later slot. */
const newer = (slots: SlotTable, a: number, b: number) => slots.updatedAt[a] > slots.updatedAt[b] || (slots.updatedAt[a] === slots.updatedAt[b] && a > b);

/**
 * The live slots marked with every term: how many, and the newest `limit` of them in order. Walks from the last slot
 * down (slots are handed out in saving order, so the newest come first and most later ones are compared once).
 */
function newestHits(marks: Int32Array, terms: number, slots: SlotTable, limit: number): { total: number; top: number[] } {
  const top: number[] = [];
  let total = 0;
  for (let s = slots.size - 1; s >= 0; s--) {
    if (marks[s] !== terms || slots.group[s] < 0) continue;
    total += 1;
    if (top.length === limit && !newer(slots, s, top[limit - 1])) continue;
    let at = top.length;
    while (at > 0 && newer(slots, s, top[at - 1])) at--;
    top.splice(at, 0, s);
    if (top.length > limit) top.pop();
  }
  return { total, top };
}

/**
 * Notes whose words start with every term of the query ("secur guar" finds "security guarantees"), newest first, and
 * how many match in all. Each term reads the posting parts of its prefix; the slot table gives each hit's time and
 * whether it is still live; only the notes shown are read. Which terms are searched: `queryTerms` (lib/store/words.ts).
 */
export async function searchNotesPaged(db: CitelensDb, query: string, limit: number = DEFAULT_SEARCH_LIMIT): Promise<SearchResult> {
  const terms = queryTerms(query);
  if (terms.length === 0) return { notes: [], total: 0 };
  const tables = noteTables(db);
  return db.transaction('r', noteScope(db), async () => {
    const [perTerm, slots] = await Promise.all([Promise.all(terms.map((t) => slotsStartingWith(tables, t))), readSlots(tables)]);
    if (perTerm.some((lists) => lists.length === 0)) return { notes: [], total: 0 };
    const { total, top } = newestHits(markAll(perTerm, slots.size), terms.length, slots, limit);
    return { notes: await notesAt(tables, top, slots), total };
  });
}

/** The newest `limit` matching notes (searchNotesPaged without the total). */
export async function searchNotes(db: CitelensDb, query: string, limit: number = DEFAULT_SEARCH_LIMIT): Promise<Note[]> {
  return (await searchNotesPaged(db, query, limit)).notes;
}

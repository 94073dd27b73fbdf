/** Full-text search over notes: prefix match of every query word on the `*words` index, intersected. */
import type { CitelensDb } from './db';
import type { Note } from './types';
import { queryTerms } from './words';

/**
 * Notes read and shown for a search at first; the library says how many matched in all and offers more. 50 fill a
 * screen or two; reading 200 notes per keystroke was a quarter of a broad query's time at 100,000 notes (bench/).
 */
export const DEFAULT_SEARCH_LIMIT = 50;

/**
 * Above `limit ×` this many hits, reading the newest notes in order and keeping hits is cheaper than reading all hits
 * (it reads about limit / hit-density notes). 4 was picked from the 100k-note timing in tests/store/search-scale.test.ts.
 */
const BROAD_QUERY_FACTOR = 4;
/**
 * A broad query reads the newest notes' keys first, about limit / hit-density of them times this slack (hits are not
 * spread evenly in time); when those hold too few hits, it reads all keys in order.
 */
const BROAD_READ_SLACK = 2;

export interface SearchResult {
  /** The newest `limit` matching notes, newest first. */
  notes: Note[];
  /** How many notes match in all (more than `notes.length` when the rest were not read). */
  total: number;
}

/**
 * Notes whose words start with every term of the query ("secur guar" finds "security guarantees"), newest first, and
 * how many match in all. Each term is one index range scan for primary keys; the sets are intersected smallest first;
 * only the notes shown are read. Which terms are searched: `queryTerms` (lib/store/words.ts).
 */
export async function searchNotesPaged(db: CitelensDb, query: string, limit: number = DEFAULT_SEARCH_LIMIT): Promise<SearchResult> {
  const terms = queryTerms(query);
  if (terms.length === 0) return { notes: [], total: 0 };
  const sets = await Promise.all(terms.map(async (t) => new Set(await db.notes.where('words').startsWith(t).primaryKeys())));
  sets.sort((a, b) => a.size - b.size);
  let ids = [...sets[0]];
  for (const s of sets.slice(1)) ids = ids.filter((id) => s.has(id));
  const total = ids.length;
  if (ids.length > limit * BROAD_QUERY_FACTOR) {
    // A broad query ("a", "w1"): the newest `limit` hits, instead of reading every hit. Primary keys in updatedAt
    // order come in one index read (no cursor round trip per note, which took 400 ms for 100,000 notes in Chromium:
    // bench/RESULTS.md); then only the notes shown are read.
    const hits = new Set(ids);
    const newest = (n?: number) => {
      const keys = db.notes.orderBy('updatedAt').reverse();
      return (n === undefined ? keys : keys.limit(n)).primaryKeys();
    };
    const all = await db.notes.count();
    const first = Math.ceil(((limit * all) / ids.length) * BROAD_READ_SLACK);
    let order = await newest(first);
    if (order.filter((id) => hits.has(id)).length < limit && order.length === first) order = await newest();
    const shown = order.filter((id) => hits.has(id)).slice(0, limit);
    return { notes: (await db.notes.bulkGet(shown)).filter((n): n is Note => n !== undefined), total };
  }
  const notes = (await db.notes.bulkGet(ids)).filter((n): n is Note => n !== undefined);
  return { notes: notes.sort((a, b) => b.updatedAt - a.updatedAt).slice(0, limit), total };
}

/** The newest `limit` matching notes (searchNotesPaged without the total). */
export async function searchNotes(db: CitelensDb, query: string, limit: number = DEFAULT_SEARCH_LIMIT): Promise<Note[]> {
  return (await searchNotesPaged(db, query, limit)).notes;
}

/** Full-text search over notes: prefix match of every query word on the `*words` index, intersected. */
import type { Collection, InsertType } from 'dexie';
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

/**
 * A query whose every term is this many index entries or more is answered by walking the newest notes and checking
 * their words, instead of reading every hit's key: in Chromium, reading the 13,087 keys of "tre" among 100,000 notes
 * took 57 ms, counting them 2.5 ms, and reading the newest 300 notes 10.5 ms (bench/, issue #5).
 */
const WALK_MIN_ENTRIES = 2_000;
/** Most notes read by that walk; past it (the terms are common but rarely together), the keys are read after all. */
const WALK_MAX_ROWS = 2_000;

export interface SearchResult {
  /** The newest `limit` matching notes, newest first. */
  notes: Note[];
  /** How many notes match in all (more than `notes.length` when the rest were not read); see `exact`. */
  total: number;
  /**
   * Whether `total` is the exact count. A broad query counts index entries instead: a note holding two words that
   * start with the term ("treaty", "trek") counts twice, so `total` is then an upper bound.
   */
  exact: boolean;
}

/** Whether a note's stored words hold a word starting with every term (what the index answers, on one row). */
function matches(note: Note, terms: string[]): boolean {
  const words = Array.isArray(note.words) ? note.words : [];
  return terms.every((t) => words.some((w) => typeof w === 'string' && w.startsWith(t)));
}

/**
 * The newest `limit` notes matching every term, read newest first in batches sized from the hits seen so far; null
 * when WALK_MAX_ROWS notes hold fewer than `limit` hits (and there may be more).
 */
async function walkNewest(db: CitelensDb, terms: string[], limit: number): Promise<Note[] | null> {
  const found: Note[] = [];
  let read = 0;
  let batch = limit * BROAD_QUERY_FACTOR;
  // Each batch continues below the oldest updatedAt read so far (an offset would step over the rows already read:
  // 30% slower in Chromium); rows at that same updatedAt, already read, are skipped.
  let bound: number | null = null;
  let atBound: string[] = [];
  while (read < WALK_MAX_ROWS) {
    const ordered: Collection<Note, string, InsertType<Note, 'id'>> = bound === null ? db.notes.orderBy('updatedAt') : db.notes.where('updatedAt').belowOrEqual(bound);
    const rows: Note[] = (await ordered.reverse().limit(batch + atBound.length).toArray()).filter((row) => !atBound.includes(row.id));
    read += rows.length;
    for (const row of rows) if (matches(row, terms)) found.push(row);
    if (found.length >= limit || rows.length < batch) return found.slice(0, limit);
    const last: number = rows[rows.length - 1].updatedAt;
    atBound = [...(last === bound ? atBound : []), ...rows.filter((row) => row.updatedAt === last).map((row) => row.id)];
    bound = last;
    // Hits so far give the density; read what should hold the missing hits, with a fifth more for unevenness.
    batch = Math.min(WALK_MAX_ROWS - read, Math.max(limit, Math.ceil(((limit - found.length) * read * 1.2) / Math.max(found.length, 1))));
  }
  return null;
}

/**
 * Notes whose words start with every term of the query ("secur guar" finds "security guarantees"), newest first, and
 * how many match in all. Each term's index entries are counted first. A broad query (every term common) walks the
 * newest notes; otherwise each term is one index range scan for primary keys, the sets are intersected smallest
 * first, and only the notes shown are read. Which terms are searched: `queryTerms` (lib/store/words.ts).
 */
export async function searchNotesPaged(db: CitelensDb, query: string, limit: number = DEFAULT_SEARCH_LIMIT): Promise<SearchResult> {
  const terms = queryTerms(query);
  if (terms.length === 0) return { notes: [], total: 0, exact: true };
  // Index entries per term: counted in the database, without reading keys.
  const counts = await Promise.all(terms.map((t) => db.notes.where('words').startsWith(t).count()));
  const fewest = Math.min(...counts);
  if (fewest === 0) return { notes: [], total: 0, exact: true };
  if (fewest >= WALK_MIN_ENTRIES) {
    const notes = await db.transaction('r', db.notes, () => walkNewest(db, terms, limit));
    if (notes) return { notes, total: notes.length < limit ? notes.length : fewest, exact: notes.length < limit };
  }
  const sets = await Promise.all(terms.map(async (t) => new Set(await db.notes.where('words').startsWith(t).primaryKeys())));
  sets.sort((a, b) => a.size - b.size);
  let ids = [...sets[0]];
  for (const s of sets.slice(1)) ids = ids.filter((id) => s.has(id));
  const total = ids.length;
  if (ids.length > limit * BROAD_QUERY_FACTOR) {
    // Many hits, but not of a query broad enough to walk ("w1", or two common words rarely together): the newest `limit` hits, instead of reading every hit. Primary keys in updatedAt
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
    return { notes: (await db.notes.bulkGet(shown)).filter((n): n is Note => n !== undefined), total, exact: true };
  }
  const notes = (await db.notes.bulkGet(ids)).filter((n): n is Note => n !== undefined);
  return { notes: notes.sort((a, b) => b.updatedAt - a.updatedAt).slice(0, limit), total, exact: true };
}

/** The newest `limit` matching notes (searchNotesPaged without the total). */
export async function searchNotes(db: CitelensDb, query: string, limit: number = DEFAULT_SEARCH_LIMIT): Promise<Note[]> {
  return (await searchNotesPaged(db, query, limit)).notes;
}

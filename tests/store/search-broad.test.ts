/**
 * Broad queries (more than limit × BROAD_QUERY_FACTOR hits) take the newest `limit` hits from the updatedAt index's
 * keys. Checked against the plain answer (every hit, sorted newest first), with hits spread evenly over time and with
 * hits only among the oldest notes (the first read of newest keys then holds too few, and all keys are read).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { searchNotes, searchNotesPaged } from '../../lib/store/search';
import { wordsForNote } from '../../lib/store/words';
import type { Note } from '../../lib/store/types';
import { freshDb } from './helpers';

function note(i: number, body: string): Note {
  const n: Note = { id: `n${String(i).padStart(5, '0')}`, pageUrl: `https://p${i % 7}.org/`, target: { kind: 'page' }, body, tags: [], createdAt: i, updatedAt: 1_000 + ((i * 7_919) % 5_000) };
  return { ...n, words: wordsForNote(n) };
}

async function check(bodyOf: (i: number) => string, limit: number) {
  const db = freshDb();
  const rows = Array.from({ length: 5_000 }, (_, i) => note(i, bodyOf(i)));
  await db.notes.bulkAdd(rows);
  const expected = rows
    .filter((r) => r.body.includes('broad'))
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .slice(0, limit)
    .map((r) => r.id);
  const result = await searchNotesPaged(db, 'bro', limit);
  const got = result.notes.map((n) => n.id);
  db.close();
  return { got, expected, result, matching: rows.filter((r) => r.body.includes('broad')).length };
}

describe('broad queries', () => {
  it('returns the newest hits when hits are spread over time', async () => {
    const { got, expected } = await check((i) => (i % 3 === 0 ? `a broad note ${i}` : `other ${i}`), 50);
    expect(expected.length).toBe(50);
    expect(got).toEqual(expected);
  });

  it('returns the newest hits when only old notes match', async () => {
    // updatedAt = 1000 + (i·7919 mod 5000): the matching notes are the ones with the smallest updatedAt.
    const { got, expected } = await check((i) => ((i * 7_919) % 5_000 < 900 ? `a broad note ${i}` : `other ${i}`), 100);
    expect(expected.length).toBe(100);
    expect(got).toEqual(expected);
  });

  // Over WALK_MIN_ENTRIES (2,000) index entries: the newest notes are walked and their words checked.
  it('walks the newest notes for a very common term, and gives the total as an upper bound', async () => {
    const { got, expected, result, matching } = await check((i) => (i % 2 === 0 ? `a broad note ${i}` : `other ${i}`), 50);
    expect(matching).toBe(2_500);
    expect(got).toEqual(expected);
    expect(result.total).toBeGreaterThanOrEqual(matching);
    expect(result.exact).toBe(false);
  });

  it('walks past notes saved at the same moment without repeating or skipping any', async () => {
    const db = freshDb();
    // 20,000 notes over only 4 distinct updatedAt values (imports of notes written at once); 1 in 9 matches, so the
    // walk needs several batches, each starting inside a run of equal updatedAt.
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ ...note(i, i % 9 === 0 ? `a broad note ${i}` : `other ${i}`), updatedAt: 1_000 + (i % 4) }));
    await db.notes.bulkAdd(rows);
    const result = await searchNotesPaged(db, 'bro', 100);
    db.close();
    expect(result.exact).toBe(false);
    expect(result.notes.every((n) => n.body.includes('broad'))).toBe(true);
    expect(new Set(result.notes.map((n) => n.id)).size).toBe(100);
    // Newest first: every match at the newest updatedAt (556 of them) comes before any older one.
    expect(result.notes.map((n) => n.updatedAt)).toEqual(Array(100).fill(1_003));
  });

  it('counts "brook broad" in a note once when the hits are read exactly', async () => {
    const { got, expected, result } = await check((i) => (i % 10 === 0 ? `a broad brook ${i}` : `other ${i}`), 50);
    expect(got).toEqual(expected);
    expect(result).toMatchObject({ total: 500, exact: true });
  });

  it('reads the keys after all when a common term is found only in old notes', async () => {
    // 2,500 old notes match: more than the walk reads among the newest, which hold none.
    const { got, expected, result } = await check((i) => ((i * 7_919) % 5_000 < 2_500 ? `a broad note ${i}` : `other ${i}`), 50);
    expect(got).toEqual(expected);
    expect(result).toMatchObject({ total: 2_500, exact: true });
  });
});

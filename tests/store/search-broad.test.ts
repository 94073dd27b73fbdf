/**
 * Broad queries (more than limit × BROAD_QUERY_FACTOR hits) take the newest `limit` hits from the updatedAt index's
 * keys. Checked against the plain answer (every hit, sorted newest first), with hits spread evenly over time and with
 * hits only among the oldest notes (the first read of newest keys then holds too few, and all keys are read).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { searchNotes } from '../../lib/store/search';
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
  const got = (await searchNotes(db, 'bro', limit)).map((n) => n.id);
  db.close();
  return { got, expected };
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
});

/**
 * Broad queries (thousands of hits) against the plain answer: every hit, sorted newest first, counted once. Hits spread
 * evenly over time, only among the oldest notes, at equal times, and after edits and deletes (whose old postings
 * stay in the index, pointing at freed slots).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { searchNotesPaged } from '../../lib/store/search';
import { deleteNote, updateNote } from '../../lib/store/notes';
import type { Note } from '../../lib/store/types';
import { freshDb, putNotes, unwrap } from './helpers';

function note(i: number, body: string): Note {
  return { id: `n${String(i).padStart(5, '0')}`, pageUrl: `https://p${i % 7}.org/`, target: { kind: 'page' }, body, tags: [], createdAt: i, updatedAt: 1_000 + ((i * 7_919) % 5_000) };
}

const newestFirst = (a: Note, b: Note) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1);

async function check(bodyOf: (i: number) => string, limit: number, query = 'bro') {
  const db = freshDb();
  const rows = Array.from({ length: 5_000 }, (_, i) => note(i, bodyOf(i)));
  await putNotes(db, rows);
  const matching = rows.filter((r) => r.body.includes('broad'));
  const result = await searchNotesPaged(db, query, limit);
  db.close();
  return { got: result.notes.map((n) => n.id), expected: matching.sort(newestFirst).slice(0, limit).map((r) => r.id), result, matching: matching.length };
}

describe('broad queries', () => {
  it('returns the newest hits when hits are spread over time', async () => {
    const { got, expected, result } = await check((i) => (i % 3 === 0 ? `a broad note ${i}` : `other ${i}`), 50);
    expect(expected.length).toBe(50);
    expect(got).toEqual(expected);
    expect(result.total).toBe(1_667);
  });

  it('returns the newest hits when only old notes match', async () => {
    // updatedAt = 1000 + (i·7919 mod 5000): the matching notes are the ones with the smallest updatedAt.
    const { got, expected, result } = await check((i) => ((i * 7_919) % 5_000 < 900 ? `a broad note ${i}` : `other ${i}`), 100);
    expect(expected.length).toBe(100);
    expect(got).toEqual(expected);
    expect(result.total).toBe(900);
  });

  it('counts every hit exactly for a very common term', async () => {
    const { got, expected, result, matching } = await check((i) => (i % 2 === 0 ? `a broad note ${i}` : `other ${i}`), 50);
    expect(matching).toBe(2_500);
    expect(got).toEqual(expected);
    expect(result.total).toBe(2_500);
  });

  it('counts "brook broad" in a note once', async () => {
    const { got, expected, result } = await check((i) => (i % 10 === 0 ? `a broad brook ${i}` : `other ${i}`), 50);
    expect(got).toEqual(expected);
    expect(result.total).toBe(500);
  });

  it('intersects the hits of two broad terms', async () => {
    const { got, expected, result } = await check((i) => (i % 4 === 0 ? `a broad note ${i}` : `a broad thing ${i}`), 50, 'bro note');
    const notes = Array.from({ length: 5_000 }, (_, i) => note(i, '')).filter((_, i) => i % 4 === 0).sort(newestFirst);
    expect(result.total).toBe(1_250);
    expect(got).toEqual(notes.slice(0, 50).map((n) => n.id));
    expect(expected).toHaveLength(50);
  });

  it('orders notes saved at the same moment, newest slot first, without repeats', async () => {
    const db = freshDb();
    // 20,000 notes over only 4 distinct updatedAt values (imports of notes written at once); 1 in 9 matches.
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ ...note(i, i % 9 === 0 ? `a broad note ${i}` : `other ${i}`), updatedAt: 1_000 + (i % 4) }));
    await putNotes(db, rows);
    const result = await searchNotesPaged(db, 'bro', 100);
    db.close();
    expect(result.total).toBe(2_223);
    expect(result.notes.every((n) => n.body.includes('broad'))).toBe(true);
    expect(new Set(result.notes.map((n) => n.id)).size).toBe(100);
    // Newest first: every match at the newest updatedAt (556 of them) comes before any older one.
    expect(result.notes.map((n) => n.updatedAt)).toEqual(Array(100).fill(1_003));
  });

  it('forgets the old words of edited notes and the deleted notes', async () => {
    const db = freshDb();
    const rows = Array.from({ length: 3_000 }, (_, i) => note(i, `a broad note ${i}`));
    await putNotes(db, rows);
    for (let i = 0; i < 30; i++) unwrap(await updateNote(db, rows[i].id, { body: `now narrow ${i}` }, 10_000 + i));
    for (let i = 30; i < 50; i++) unwrap(await deleteNote(db, rows[i].id));
    const broad = await searchNotesPaged(db, 'broad', 3_000);
    expect(broad.total).toBe(2_950);
    expect(broad.notes.map((n) => n.id)).toEqual(rows.slice(50).sort(newestFirst).map((r) => r.id));
    const narrow = await searchNotesPaged(db, 'narrow', 10);
    expect(narrow.total).toBe(30);
    expect(narrow.notes.map((n) => n.body)).toEqual(Array.from({ length: 10 }, (_, k) => `now narrow ${29 - k}`));
    db.close();
  });
});

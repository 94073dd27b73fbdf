/**
 * Full-text search with 100,000 notes in fake-indexeddb. Prints timings, asserts only results (fake-indexeddb's speed
 * says little about Chromium's IndexedDB; the point is that search reads posting lists, the slot table and the notes
 * shown, not every note).
 * Recipe: notes of 12 words drawn (seeded) from a 2,000-word vocabulary plus one rare word per 1,000 notes.
 * NOTES can be lowered with CITELENS_SCALE_NOTES for a quick run.
 */
// fake-indexeddb must load before Dexie: Dexie reads the indexedDB global when it is imported.
import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { DEFAULT_SEARCH_LIMIT, searchNotesPaged } from '../../lib/store/search';
import { getNote } from '../../lib/store/notes';
import type { Note } from '../../lib/store/types';
import { freshDb, putNotes } from './helpers';
import { prng } from '../anchor/corpus-helpers';

const NOTES = Number(process.env.CITELENS_SCALE_NOTES ?? 100_000);
const VOCABULARY = 2_000;
const WORDS_PER_NOTE = 12;
const CHUNK = 5_000;

it(`searches ${NOTES} notes through the posting lists`, async () => {
  const db = freshDb();
  const rand = prng(3);
  const vocab = Array.from({ length: VOCABULARY }, (_, i) => `w${i.toString(36)}x${(i * 7919).toString(36)}`);
  const t0 = performance.now();
  for (let start = 0; start < NOTES; start += CHUNK) {
    const chunk: Note[] = [];
    for (let i = start; i < Math.min(NOTES, start + CHUNK); i++) {
      const words = Array.from({ length: WORDS_PER_NOTE }, () => vocab[Math.floor(rand() * VOCABULARY)]);
      if (i % 1000 === 0) words.push('zanzibar');
      chunk.push({ id: `n${i}`, pageUrl: `https://p${i % 500}.org/`, target: { kind: 'page' }, body: words.join(' '), tags: [], createdAt: i, updatedAt: i });
    }
    await putNotes(db, chunk);
  }
  const insertMs = performance.now() - t0;
  const time = async (q: string) => {
    const t = performance.now();
    const found = await searchNotesPaged(db, q);
    return { q, hits: found.notes.length, total: found.total, ms: +(performance.now() - t).toFixed(1) };
  };
  const rare = await time('zanzibar');
  const firstWords = (await getNote(db, 'n0'))!.body.split(' ');
  const two = await time(`${firstWords[0]} ${firstWords[1]}`);
  const prefix = await time('w1');
  const none = await time('nothingmatches');
  console.log(`[search] ${NOTES} notes inserted in ${(insertMs / 1000).toFixed(1)} s; queries: ${JSON.stringify([rare, two, prefix, none])}`);
  // One note in 1,000 has the rare word: all are counted, the newest DEFAULT_SEARCH_LIMIT are shown.
  expect(rare.total).toBe(Math.ceil(NOTES / 1000));
  expect(rare.hits).toBe(Math.min(DEFAULT_SEARCH_LIMIT, Math.ceil(NOTES / 1000)));
  expect(none.hits).toBe(0);
  expect(two.hits).toBeGreaterThanOrEqual(1);
  // "w1" begins 741 of the 2,000 words, so all but about 0.4% of the notes (0.63^12); counted exactly, each note once.
  expect(prefix.hits).toBe(DEFAULT_SEARCH_LIMIT);
  expect(prefix.total).toBeGreaterThan(NOTES * 0.9);
  expect(prefix.total).toBeLessThanOrEqual(NOTES);
  db.close();
}, 600_000);

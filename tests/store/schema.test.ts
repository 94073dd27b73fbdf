/**
 * Every upgrade from every older version, on deliberately malformed rows: nothing lost, words filled where possible.
 * Recipe: build the old version with applySchema(db, upTo), write rows (good and malformed), close, reopen with createDb.
 */
// fake-indexeddb must load before Dexie: Dexie reads the indexedDB global when it is imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createDb } from '../../lib/store/db';
import { applySchema, LATEST_VERSION } from '../../lib/store/schema';
import { searchNotes } from '../../lib/store/search';
import { wordsForNote } from '../../lib/store/words';

const MALFORMED_NOTES: Record<string, unknown>[] = [
  { id: 'good', pageUrl: 'https://a.org/', target: { kind: 'quote', quote: 'Security guarantees', selectors: [] }, body: 'Keep this', tags: ['x'], createdAt: 1, updatedAt: 1 },
  { id: 'no-body', pageUrl: 'https://a.org/', target: { kind: 'page' }, tags: [], createdAt: 1, updatedAt: 1 },
  { id: 'number-body', pageUrl: 'https://a.org/', target: null, body: 42, tags: 'solo-tag', createdAt: 'yesterday' },
  { id: 'weird-tags', pageUrl: 'https://a.org/', target: 'page', body: 'Tags of all sorts', tags: [1, null, 'Real'] },
  { id: 'no-page' },
  { id: 'huge', pageUrl: 'https://a.org/', body: Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' ') },
];

describe('wordsForNote on malformed rows', () => {
  it.each([null, undefined, 5, 'text', [], {}, { body: null, target: 7, tags: {} }])('%j gives an array without throwing', (row) => {
    expect(Array.isArray(wordsForNote(row))).toBe(true);
  });
  it('reads what it can', () => {
    expect(wordsForNote(MALFORMED_NOTES[2])).toEqual(['solo', 'tag']);
    expect(wordsForNote(MALFORMED_NOTES[3])).toEqual(['tags', 'all', 'sorts', 'real']);
    expect(wordsForNote(MALFORMED_NOTES[5])).toHaveLength(500);
  });
});

describe('upgrades', () => {
  for (let from = 1; from < LATEST_VERSION; from++) {
    it(`v${from} → v${LATEST_VERSION} keeps every row and fills the word index`, async () => {
      const name = `upgrade-from-${from}`;
      const old = new Dexie(name);
      applySchema(old, from);
      await old.table('notes').bulkAdd(MALFORMED_NOTES);
      await old.table('pages').add({ url: 'https://a.org/', title: 'A' });
      await old.table('pages').add({ url: 'https://b.org/' }); // malformed: no title, no dates
      await old.table('checks').add({ id: 'c1', pageUrl: 'https://a.org/', status: 'verified' });
      await old.table('meta').add({ key: 'lastBackupAt', value: 'not a number' });
      old.close();

      const db = createDb(name);
      await db.open();
      expect(db.verno).toBe(LATEST_VERSION);
      const notes = await db.notes.toArray();
      expect(notes.map((n) => n.id).sort()).toEqual(MALFORMED_NOTES.map((n) => n.id).sort());
      for (const n of notes) expect(Array.isArray(n.words)).toBe(true);
      // Unchanged fields are left as they were (no silent "repair" that could lose data).
      expect(notes.find((n) => n.id === 'number-body')).toMatchObject({ body: 42, tags: 'solo-tag', createdAt: 'yesterday' });
      expect((await searchNotes(db, 'secur')).map((n) => n.id)).toEqual(['good']);
      expect(await db.pages.count()).toBe(2);
      expect(await db.checks.count()).toBe(1);
      expect(await db.meta.count()).toBe(1);
      db.close();
    });
  }

  it('v2 → v3 drops one-letter and stop words from the index and keeps every note as it was', async () => {
    const name = 'upgrade-v2-v3-words';
    const old = new Dexie(name);
    applySchema(old, 2);
    // As v2 wrote them: every word indexed, "the" and "a" included.
    const v2 = { id: 'v2', pageUrl: 'https://a.org/', target: { kind: 'page' }, body: 'The treaty of a thousand islands', tags: [], createdAt: 1, updatedAt: 1, words: ['the', 'treaty', 'of', 'a', 'thousand', 'islands'] };
    await old.table('notes').bulkAdd([v2, MALFORMED_NOTES[0], MALFORMED_NOTES[4]]);
    old.close();

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    const note = await db.notes.get('v2');
    expect(note?.words).toEqual(['treaty', 'thousand', 'islands']);
    const { words: _words, ...kept } = note!;
    const { words: _old, ...before } = v2;
    expect(kept).toEqual(before);
    expect(await db.notes.get('no-page')).toMatchObject({ id: 'no-page', words: [] });
    expect((await searchNotes(db, 'the treaty')).map((n) => n.id)).toEqual(['v2']);
    expect((await searchNotes(db, 'thou isl')).map((n) => n.id)).toEqual(['v2']);
    db.close();
  });

  it('a fresh database opens at the latest version', async () => {
    const db = createDb('fresh-latest');
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(db.notes.schema.indexes.map((i) => i.name)).toContain('words');
    db.close();
  });
});

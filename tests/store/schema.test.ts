/**
 * Every upgrade from every older version, on deliberately malformed rows: nothing lost, words indexed where possible.
 * Recipe: build the old version with applySchema(db, upTo), write rows (good and malformed), close, reopen with createDb.
 */
// fake-indexeddb must load before Dexie: Dexie reads the indexedDB global when it is imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createDb } from '../../lib/store/db';
import { applySchema, LATEST_VERSION } from '../../lib/store/schema';
import { searchNotes, searchNotesPaged } from '../../lib/store/search';
import { allTags, deleteNote, getNote, noteCount, notesForPage, updateNote } from '../../lib/store/notes';
import { exportBackup } from '../../lib/backup/backup';
import { wordsForNote } from '../../lib/store/words';
import { notesById, unwrap } from './helpers';

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

/** What every upgraded database must hold, whatever version it came from. */
async function expectUpgraded(name: string) {
  const db = createDb(name);
  await db.open();
  expect(db.verno).toBe(LATEST_VERSION);
  expect(db.tables.map((t) => t.name)).not.toContain('notes');
  const notes = await notesById(db);
  expect(notes.map((n) => n.id)).toEqual(MALFORMED_NOTES.map((n) => n.id as string).sort());
  // Rows are kept as they were, without the stored words (no silent "repair" that could lose data).
  for (const n of notes) expect(n).not.toHaveProperty('words');
  expect(notes.find((n) => n.id === 'number-body')).toEqual(MALFORMED_NOTES[2]);
  expect(notes.find((n) => n.id === 'no-page')).toEqual({ id: 'no-page' });
  expect(await noteCount(db)).toBe(MALFORMED_NOTES.length);
  // Indexed as the words rule reads them: the good row, a text tag, a list of mixed tags, a pasted chapter.
  expect((await searchNotes(db, 'secur')).map((n) => n.id)).toEqual(['good']);
  expect((await searchNotes(db, 'solo tag')).map((n) => n.id)).toEqual(['number-body']);
  expect((await searchNotes(db, 'real sorts')).map((n) => n.id)).toEqual(['weird-tags']);
  expect((await searchNotes(db, 'w499')).map((n) => n.id)).toEqual(['huge']);
  expect((await searchNotesPaged(db, 'w1')).total).toBe(1);
  expect((await notesForPage(db, 'https://a.org/')).map((n) => n.id).sort()).toEqual(['good', 'huge', 'no-body', 'number-body', 'weird-tags']);
  expect(await allTags(db)).toEqual([{ tag: 'Real', count: 1 }, { tag: 'solo-tag', count: 1 }, { tag: 'x', count: 1 }]);
  // Pages, checks and meta untouched (meta gains the notes' version token); the notes can be edited, deleted, exported.
  expect(await db.pages.count()).toBe(2);
  expect(await db.checks.count()).toBe(1);
  expect(await db.meta.get('lastBackupAt')).toEqual({ key: 'lastBackupAt', value: 'not a number' });
  expect(await db.meta.count()).toBe(2);
  expect(unwrap(await updateNote(db, 'good', { body: 'Kept and edited' }, 5)).body).toBe('Kept and edited');
  expect((await searchNotes(db, 'edited')).map((n) => n.id)).toEqual(['good']);
  expect(await searchNotes(db, 'keep')).toEqual([]);
  unwrap(await deleteNote(db, 'no-page'));
  expect((await exportBackup(db)).notes).toHaveLength(MALFORMED_NOTES.length - 1);
  db.close();
}

describe('upgrades', () => {
  // Versions that still had the `notes` table (v4 moved notes into groups; v4 → v5 is tested in tests/store/online.test.ts).
  for (let from = 1; from < 4; from++) {
    it(`v${from} → v${LATEST_VERSION} keeps every row and indexes its words`, async () => {
      const name = `upgrade-from-${from}`;
      const old = new Dexie(name);
      applySchema(old, from);
      // As each version wrote them: since v2 with the words of the version's rule.
      await old.table('notes').bulkAdd(MALFORMED_NOTES.map((n) => (from >= 2 ? { ...n, words: wordsForNote(n) } : n)));
      await old.table('pages').add({ url: 'https://a.org/', title: 'A' });
      await old.table('pages').add({ url: 'https://b.org/' }); // malformed: no title, no dates
      await old.table('checks').add({ id: 'c1', pageUrl: 'https://a.org/', status: 'verified' });
      await old.table('meta').add({ key: 'lastBackupAt', value: 'not a number' });
      old.close();
      await expectUpgraded(name);
    });
  }

  it('v2 → latest: one-letter and stop words are not indexed, and every note is kept as it was', async () => {
    const name = 'upgrade-v2-words';
    const old = new Dexie(name);
    applySchema(old, 2);
    // As v2 wrote them: every word indexed, "the" and "a" included.
    const v2 = { id: 'v2', pageUrl: 'https://a.org/', target: { kind: 'page' }, body: 'The treaty of a thousand islands', tags: [], createdAt: 1, updatedAt: 1, words: ['the', 'treaty', 'of', 'a', 'thousand', 'islands'] };
    await old.table('notes').bulkAdd([v2, MALFORMED_NOTES[0], MALFORMED_NOTES[4]]);
    old.close();

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    const { words: _old, ...before } = v2;
    expect(await getNote(db, 'v2')).toEqual(before);
    expect(await getNote(db, 'no-page')).toEqual({ id: 'no-page' });
    expect((await searchNotes(db, 'the treaty')).map((n) => n.id)).toEqual(['v2']);
    expect((await searchNotes(db, 'thou isl')).map((n) => n.id)).toEqual(['v2']);
    // "a" alone is a prefix of indexed words, not the word "a" of v2's index.
    expect((await searchNotes(db, 'a')).map((n) => n.id)).toEqual([]);
    db.close();
  });

  it('v3 → v4 groups many notes per page and keeps the newest-first order of search', async () => {
    const name = 'upgrade-v3-many';
    const old = new Dexie(name);
    applySchema(old, 3);
    const rows = Array.from({ length: 3_000 }, (_, i) => {
      const row = { id: `m${i}`, pageUrl: `https://p${i % 30}.org/`, target: { kind: 'page' }, body: `moved note ${i} ${i % 7 === 0 ? 'sevenfold' : ''}`, tags: i % 2 ? ['odd'] : [], createdAt: i, updatedAt: (i * 7_919) % 3_000 };
      return { ...row, words: wordsForNote(row) };
    });
    await old.table('notes').bulkAdd(rows);
    old.close();

    const db = createDb(name);
    await db.open();
    expect(await noteCount(db)).toBe(3_000);
    expect(await db.noteGroups.count()).toBe(30);
    expect(await notesForPage(db, 'https://p7.org/')).toHaveLength(100);
    const sevens = rows.filter((r) => r.body.includes('sevenfold')).sort((a, b) => b.updatedAt - a.updatedAt);
    const found = await searchNotesPaged(db, 'sevenf', 20);
    expect(found.total).toBe(sevens.length);
    expect(found.notes.map((n) => n.id)).toEqual(sevens.slice(0, 20).map((r) => r.id));
    expect(await allTags(db)).toEqual([{ tag: 'odd', count: 1_500 }]);
    db.close();
  });

  it('a fresh database opens at the latest version', async () => {
    const db = createDb('fresh-latest');
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['checks', 'lookups', 'meta', 'noteGroups', 'noteIds', 'notePostings', 'noteSlots', 'onlineMatches', 'onlineResults', 'pages']);
    db.close();
  });
});

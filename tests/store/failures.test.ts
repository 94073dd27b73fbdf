/** Concurrency across two instances (two panels), quota errors, blocked upgrades: all surface as values. */
// fake-indexeddb must load before Dexie: Dexie reads the indexedDB global when it is imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createDb, openDb } from '../../lib/store/db';
import { applySchema, LATEST_VERSION } from '../../lib/store/schema';
import { allTags, deleteNote, getNote, noteCount, notesForPage, saveNote, updateNote } from '../../lib/store/notes';
import { searchNotesPaged } from '../../lib/store/search';
import { listPages } from '../../lib/store/pages';
import { setCheckStatus } from '../../lib/store/checks';
import { freshDb, unwrap } from './helpers';

const PAGE = 'https://example.org/a';

describe('two instances on one database', () => {
  it('concurrent writes from two panels lose nothing', async () => {
    const a = createDb('shared-two');
    const b = createDb('shared-two');
    const writes = Array.from({ length: 40 }, (_, i) => saveNote(i % 2 ? a : b, { pageUrl: PAGE, target: { kind: 'page' }, body: `note ${i}` }));
    const results = await Promise.all(writes);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await notesForPage(a, PAGE)).toHaveLength(40);
    expect(await notesForPage(b, PAGE)).toHaveLength(40);
    // Both edit the same note at once: one wins, the note is intact and indexed.
    const id = unwrap(results[0]).id;
    const [r1, r2] = await Promise.all([updateNote(a, id, { body: 'from A' }), updateNote(b, id, { tags: ['from-b'] })]);
    expect(r1.ok && r2.ok).toBe(true);
    const final = await getNote(a, id);
    expect(final?.body).toBe('from A');
    expect(final?.tags).toEqual(['from-b']);
    a.close();
    b.close();
  });

  // Since v4 a page's notes are one record, rewritten by every add: each add reads and writes it (and the word index
  // parts, the id shard, the slot block) in one transaction, so adds from two panels at once queue instead of
  // overwriting each other's copy of the record.
  it('concurrent adds to the same page from two panels keep every note, indexed once', async () => {
    const a = createDb('shared-same-page');
    const b = createDb('shared-same-page');
    const adds = Array.from({ length: 60 }, (_, i) => saveNote(i % 2 ? a : b, { pageUrl: PAGE, target: { kind: 'page' }, body: `concurrent thought ${i}`, tags: [i % 3 ? 'odd' : 'even'] }, 1_000 + i));
    const saved = (await Promise.all(adds)).map(unwrap);
    const ids = saved.map((n) => n.id).sort();
    for (const db of [a, b]) {
      expect((await notesForPage(db, PAGE)).map((n) => n.id).sort()).toEqual(ids);
      expect(await noteCount(db)).toBe(60);
      expect((await listPages(db))[0]).toMatchObject({ url: PAGE, noteCount: 60 });
      const found = await searchNotesPaged(db, 'concurrent thou', 100);
      expect(found.total).toBe(60);
      expect(found.notes.map((n) => n.id).sort()).toEqual(ids);
      expect(await allTags(db)).toEqual([{ tag: 'odd', count: 40 }, { tag: 'even', count: 20 }]);
    }
    a.close();
    b.close();
  });
});

describe('the slot table cached by a search', () => {
  it('is read again after any write, from this panel or another', async () => {
    const a = createDb('shared-cache');
    const b = createDb('shared-cache');
    unwrap(await saveNote(a, { pageUrl: PAGE, target: { kind: 'page' }, body: 'cached lighthouse' }, 1));
    expect((await searchNotesPaged(a, 'lighthouse')).total).toBe(1);
    expect((await searchNotesPaged(a, 'lighthouse')).total).toBe(1);
    // Written by the other instance: a's cached table does not know the new slot.
    const second = unwrap(await saveNote(b, { pageUrl: PAGE, target: { kind: 'page' }, body: 'second lighthouse' }, 2));
    expect((await searchNotesPaged(a, 'lighthouse')).notes.map((n) => n.body)).toEqual(['second lighthouse', 'cached lighthouse']);
    unwrap(await deleteNote(b, second.id));
    expect((await searchNotesPaged(a, 'lighthouse')).total).toBe(1);
    unwrap(await updateNote(b, (await searchNotesPaged(a, 'cached')).notes[0].id, { body: 'moved beacon' }, 3));
    expect((await searchNotesPaged(a, 'lighthouse')).total).toBe(0);
    expect((await searchNotesPaged(a, 'beacon')).total).toBe(1);
    a.close();
    b.close();
  });
});

describe('quota', () => {
  it('a QuotaExceededError becomes { ok: false, code: "quota" } and nothing half-written remains', async () => {
    const db = freshDb();
    db.noteGroups.hook('creating', () => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    const r = await saveNote(db, { pageUrl: PAGE, target: { kind: 'page' }, body: 'my long careful thought' });
    expect(r).toMatchObject({ ok: false, code: 'quota' });
    if (!r.ok) expect(r.reason).toMatch(/storage .* is full/);
    // The page row and the word index written in the same transaction were rolled back.
    expect(await db.pages.count()).toBe(0);
    expect(await db.notePostings.count()).toBe(0);
    expect(await noteCount(db)).toBe(0);
    db.close();
  });

  it('Dexie.QuotaExceededError (wrapped) is recognised too', async () => {
    const db = freshDb();
    db.checks.hook('creating', () => {
      throw new Dexie.QuotaExceededError('wrapped');
    });
    expect(await setCheckStatus(db, PAGE, { id: 'e1', text: 'Entry' }, 'verified')).toMatchObject({ ok: false, code: 'quota' });
    db.close();
  });
});

describe('blocked upgrade', () => {
  it('reports "blocked" while an old tab holds v1 open, then opens once it closes', async () => {
    const name = 'blocked-upgrade';
    const old = new Dexie(name);
    applySchema(old, 1);
    await old.open();
    // The old tab ignores versionchange (as an old build that never closes would).
    old.on('versionchange', () => false);
    const db = createDb(name);
    const first = await openDb(db);
    expect(first).toMatchObject({ ok: false, code: 'blocked' });
    old.close();
    await db.open();
    expect(db.isOpen()).toBe(true);
    db.close();
  });

  it('an open panel closes itself when another tab upgrades, and says so', async () => {
    const name = 'versionchange';
    const db = createDb(name);
    let told = 0;
    expect(await openDb(db, () => (told += 1))).toEqual({ ok: true, value: true });
    const newer = new Dexie(name);
    newer.version(LATEST_VERSION + 1).stores({ notes: 'id' });
    await newer.open();
    expect(told).toBe(1);
    newer.close();
  });
});

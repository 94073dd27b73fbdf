// fake-indexeddb must load before Dexie: Dexie reads the indexedDB global when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CitelensDb } from '../../lib/store/db';
import { allTags, deleteNote, notesForPage, parseTags, restoreNote, saveNote, updateNote } from '../../lib/store/notes';
import { searchNotes, searchNotesPaged } from '../../lib/store/search';
import { checksForPage, countChecks, formatCheckCount, setCheckStatus, statusOf } from '../../lib/store/checks';
import { listPages, pagesWithTag, savePage } from '../../lib/store/pages';
import { normalizeUrl } from '../../lib/store/url';
import { entryFingerprint } from '../../lib/store/fingerprint';
import { recordBackup, requestPersist, storageStatus } from '../../lib/store/status';
import { wordsForNote } from '../../lib/store/words';
import { freshDb, unwrap } from './helpers';

const URL_A = 'https://Example.org:443/article?b=2&utm_source=x&a=1#section';
const KEY_A = 'https://example.org/article?a=1&b=2';
let db: CitelensDb;

afterEach(async () => {
  db?.close();
});

describe('normalizeUrl', () => {
  it.each([
    [URL_A, KEY_A],
    ['http://WWW.Site.COM:80/p?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&igshid=5&ref_src=6&utm_medium=y', 'http://www.site.com/p'],
    ['https://a.org/p?z=1&Z=0&y=%20', 'https://a.org/p?Z=0&y=+&z=1'],
    ['https://a.org:8443/p/', 'https://a.org:8443/p/'],
    ['  about:blank ', 'about:blank'],
    ['not a url', 'not a url'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });
});

describe('notes', () => {
  it('creates, edits, deletes with undo', async () => {
    db = freshDb();
    const note = unwrap(await saveNote(db, { pageUrl: URL_A, pageTitle: 'A', target: { kind: 'page' }, body: 'First thought', tags: ['Ukraine', ' peace talks ', 'ukraine'] }, 1000));
    expect(note.pageUrl).toBe(KEY_A);
    expect(note.tags).toEqual(['ukraine', 'peace talks']);
    expect(wordsForNote(note)).toEqual(expect.arrayContaining(['first', 'thought', 'ukraine', 'peace', 'talks']));
    expect(note).not.toHaveProperty('words');
    const edited = unwrap(await updateNote(db, note.id, { body: 'Second thought' }, 2000));
    expect(edited.body).toBe('Second thought');
    expect(edited.updatedAt).toBe(2000);
    expect(edited.createdAt).toBe(1000);
    expect((await notesForPage(db, 'https://example.org/article?a=1&b=2&utm_campaign=z'))[0].body).toBe('Second thought');
    const removed = unwrap(await deleteNote(db, note.id));
    expect(await notesForPage(db, KEY_A)).toEqual([]);
    unwrap(await restoreNote(db, removed));
    expect(await notesForPage(db, KEY_A)).toEqual([edited]);
    expect((await listPages(db))[0]).toMatchObject({ url: KEY_A, title: 'A', noteCount: 1, site: 'example.org' });
  });

  it('reports missing and invalid notes as values', async () => {
    db = freshDb();
    expect(await updateNote(db, 'nope', { body: 'x' })).toMatchObject({ ok: false, code: 'not-found' });
    expect(await deleteNote(db, 'nope')).toMatchObject({ ok: false, code: 'not-found' });
    expect(await saveNote(db, { pageUrl: URL_A, target: { kind: 'page' }, body: 'x'.repeat(100_001) })).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('lists tags with counts and notes by tag', async () => {
    db = freshDb();
    await saveNote(db, { pageUrl: URL_A, target: { kind: 'page' }, body: 'a', tags: ['x', 'y'] });
    await saveNote(db, { pageUrl: URL_A, target: { kind: 'page' }, body: 'b', tags: ['x'] });
    expect(await allTags(db)).toEqual([{ tag: 'x', count: 2 }, { tag: 'y', count: 1 }]);
    expect(await pagesWithTag(db, 'y')).toEqual(new Set([KEY_A]));
    await saveNote(db, { pageUrl: 'https://other.org/', target: { kind: 'page' }, body: 'c', tags: ['y'] });
    expect(await pagesWithTag(db, 'y')).toEqual(new Set([KEY_A, 'https://other.org/']));
    expect(await pagesWithTag(db, 'x')).toEqual(new Set([KEY_A]));
    expect(await pagesWithTag(db, 'none')).toEqual(new Set());
    expect(parseTags('Alpha, beta ,, alpha')).toEqual(['alpha', 'beta']);
  });
});

describe('search', () => {
  it('prefix-matches every word, across body, quote and tags, accent-folded', async () => {
    db = freshDb();
    await saveNote(db, { pageUrl: URL_A, target: { kind: 'quote', quote: 'security guarantees for Ukraine', selectors: [] }, body: 'Compare with Minsk', tags: ['diplomacy'] }, 1);
    await saveNote(db, { pageUrl: URL_A, target: { kind: 'page' }, body: 'Café société: security of supply' }, 2);
    await saveNote(db, { pageUrl: URL_A, target: { kind: 'page' }, body: 'Unrelated' }, 3);
    expect((await searchNotes(db, 'secur guar')).map((n) => n.body)).toEqual(['Compare with Minsk']);
    expect((await searchNotes(db, 'SECURITY')).map((n) => n.body)).toEqual(['Café société: security of supply', 'Compare with Minsk']);
    expect((await searchNotes(db, 'cafe societe')).length).toBe(1);
    expect((await searchNotes(db, 'diplo')).length).toBe(1);
    expect(await searchNotes(db, '  ,, ')).toEqual([]);
    expect(await searchNotes(db, 'zebra')).toEqual([]);
  });

  it('skips stop words and one-letter words when the query has others; alone they are prefixes of indexed words', async () => {
    db = freshDb();
    await saveNote(db, { pageUrl: URL_A, target: { kind: 'page' }, body: 'The treaty of Waitangi' }, 1);
    await saveNote(db, { pageUrl: URL_A, target: { kind: 'page' }, body: 'An analysis of a theory' }, 2);
    await saveNote(db, { pageUrl: URL_A, target: { kind: 'page' }, body: 'Plan B' }, 3);
    expect((await searchNotes(db, 'the treaty')).map((n) => n.body)).toEqual(['The treaty of Waitangi']);
    expect((await searchNotes(db, 'a treaty of')).map((n) => n.body)).toEqual(['The treaty of Waitangi']);
    // "the" alone is not indexed as a word, but finds the words it begins ("theory").
    expect((await searchNotes(db, 'the')).map((n) => n.body)).toEqual(['An analysis of a theory']);
    expect((await searchNotes(db, 'an')).map((n) => n.body)).toEqual(['An analysis of a theory']);
    // One-letter words are not indexed: "b" finds no note by the word "B".
    expect(await searchNotes(db, 'b')).toEqual([]);
    expect((await searchNotes(db, 'plan b')).map((n) => n.body)).toEqual(['Plan B']);
  });

  it('returns the newest `limit` notes and how many match in all', async () => {
    db = freshDb();
    for (let i = 0; i < 7; i++) await saveNote(db, { pageUrl: URL_A, target: { kind: 'page' }, body: `budget line ${i}` }, i + 1);
    const r = await searchNotesPaged(db, 'budg', 3);
    expect(r.total).toBe(7);
    expect(r.notes.map((n) => n.body)).toEqual(['budget line 6', 'budget line 5', 'budget line 4']);
    expect(await searchNotesPaged(db, 'nothing', 3)).toEqual({ notes: [], total: 0 });
  });
});

describe('reference checks', () => {
  it('stores status per page and entry text, survives new entry ids, counts', async () => {
    db = freshDb();
    const entries = [{ id: 'r1-e1', text: 'PBS NewsHour Latest talks…' }, { id: 'r1-e2', text: 'Reuters European leaders…' }, { id: 'r1-e3', text: 'The Guardian US proposals…' }];
    unwrap(await setCheckStatus(db, URL_A, entries[0], 'verified', 'matches the broadcast'));
    unwrap(await setCheckStatus(db, URL_A, entries[1], 'disputed'));
    unwrap(await setCheckStatus(db, URL_A, entries[1], 'not-found'));
    const checks = await checksForPage(db, KEY_A);
    expect(checks).toHaveLength(2);
    // Re-extraction: the ids changed, the spacing and a back-link glyph changed; the status stays.
    expect(statusOf(checks, '  PBS  NewsHour  Latest talks… ^')?.status).toBe('verified');
    const counts = countChecks(checks, entries.map((e) => e.text));
    expect(counts).toEqual({ unchecked: 1, verified: 1, disputed: 0, 'not-found': 1, total: 3 });
    expect(formatCheckCount(counts)).toBe('1 of 3 verified');
    expect(await setCheckStatus(db, URL_A, entries[0], 'bogus' as never)).toMatchObject({ ok: false, code: 'invalid' });
    expect(entryFingerprint('A b')).toBe(entryFingerprint('a, B.'));
    expect(entryFingerprint('A b')).not.toBe(entryFingerprint('A c'));
  });
});

describe('pages and storage status', () => {
  it('keeps the first-saved date and counts notes per page', async () => {
    db = freshDb();
    unwrap(await savePage(db, URL_A, 'Title', null, 10));
    unwrap(await savePage(db, URL_A, 'New title', null, 20));
    await saveNote(db, { pageUrl: 'https://other.org/', target: { kind: 'page' }, body: 'x' }, 30);
    const pages = await listPages(db);
    expect(pages.map((p) => [p.url, p.title, p.firstSavedAt, p.noteCount])).toEqual([
      ['https://other.org/', '', 30, 1],
      [KEY_A, 'New title', 10, 0],
    ]);
  });

  it('reads estimate, persistence and the last backup date', async () => {
    db = freshDb();
    const nav = { storage: { estimate: async () => ({ usage: 10, quota: 100 }), persisted: async () => false, persist: async () => true } };
    expect(await storageStatus(db, nav)).toEqual({ usage: 10, quota: 100, persisted: false, lastBackupAt: null });
    await recordBackup(db, 1234);
    expect((await storageStatus(db, {})).lastBackupAt).toBe(1234);
    expect(await requestPersist(nav)).toBe(true);
    expect(await requestPersist({})).toBe(false);
  });
});

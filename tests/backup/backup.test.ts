// fake-indexeddb must load before Dexie: Dexie reads the indexedDB global when it is imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { backupToJson, exportBackup, importBackup, MAX_BACKUP_BYTES, parseBackup } from '../../lib/backup/backup';
import { getNote, notesForPage, saveNote, updateNote } from '../../lib/store/notes';
import { searchNotesPaged } from '../../lib/store/search';
import { setCheckStatus } from '../../lib/store/checks';
import { savePage } from '../../lib/store/pages';
import { decideMatch } from '../../lib/store/online';
import type { CitelensDb } from '../../lib/store/db';
import { freshDb, notesById, unwrap } from '../store/helpers';
import { SEED_TITLE, SEED_URL, seedReport } from '../export/seed-report';

async function seeded(): Promise<CitelensDb> {
  const db = freshDb();
  unwrap(await savePage(db, SEED_URL, SEED_TITLE, seedReport(), 1));
  unwrap(await saveNote(db, { pageUrl: SEED_URL, target: { kind: 'page' }, body: 'page note', tags: ['a'] }, 2));
  unwrap(await saveNote(db, { pageUrl: SEED_URL, target: { kind: 'quote', quote: 'q', sectionId: 'h2', selectors: [{ type: 'TextQuoteSelector', exact: 'q', prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 1, end: 2 }] }, body: 'quote note' }, 3));
  unwrap(await setCheckStatus(db, SEED_URL, { id: 'r1-e1', text: 'PBS' }, 'verified', '', 4));
  unwrap(await decideMatch(db, SEED_URL, { id: 'r1-e2', text: 'Smith 2019' }, { doi: '10.5555/smith', title: 'A paper', score: 0.97 }, 'accepted', 5));
  return db;
}

async function dump(db: CitelensDb) {
  return { pages: await db.pages.toArray(), notes: await notesById(db), checks: await db.checks.toArray(), matches: await db.onlineMatches.toArray() };
}

describe('JSON backup', () => {
  it('export → import into an empty database gives identical data', async () => {
    const a = await seeded();
    const json = backupToJson(await exportBackup(a, new Date(0)));
    expect(JSON.parse(json)).toMatchObject({ format: 'citelens-backup', version: 2, exportedAt: '1970-01-01T00:00:00.000Z' });
    const b = freshDb();
    const report = unwrap(await importBackup(b, json));
    expect(report).toMatchObject({ added: 2, updated: 0, skipped: 0, pages: { added: 1 }, checks: { added: 1 }, matches: { added: 1 } });
    // The reader's accepted match comes back with the rest.
    expect((await b.onlineMatches.toArray()).map((m) => [m.decision, m.candidate.doi])).toEqual([['accepted', '10.5555/smith']]);
    expect(await dump(b)).toEqual(await dump(a));
    // Importing the same file again adds nothing.
    expect(unwrap(await importBackup(b, json))).toMatchObject({ added: 0, updated: 0, skipped: 2 });
    a.close();
    b.close();
  });

  it('merges by id: the newer updatedAt wins, older copies are skipped', async () => {
    const a = await seeded();
    const b = freshDb();
    unwrap(await importBackup(b, backupToJson(await exportBackup(a))));
    const [first, second] = (await notesById(a)).sort((x, y) => x.createdAt - y.createdAt);
    unwrap(await updateNote(a, first.id, { body: 'newer in A' }, 100));
    unwrap(await updateNote(b, second.id, { body: 'newer in B' }, 100));
    const report = unwrap(await importBackup(b, backupToJson(await exportBackup(a))));
    expect(report).toMatchObject({ added: 0, updated: 1, skipped: 1 });
    expect((await getNote(b, first.id))?.body).toBe('newer in A');
    expect((await getNote(b, second.id))?.body).toBe('newer in B');
    expect((await searchNotesPaged(b, 'newer')).notes.map((n) => n.body).sort()).toEqual(['newer in A', 'newer in B']);
    expect((await searchNotesPaged(b, 'quote')).total).toBe(0);
    a.close();
    b.close();
  });

  const good = () => ({ format: 'citelens-backup', version: 1, exportedAt: 'x', pages: [], notes: [], checks: [] });
  it.each<[string, string, RegExp]>([
    ['truncated JSON', '{"format":"citelens-backup","version":1,"notes":[', /not complete JSON/],
    ['not a backup', '{"hello":1}', /not a Citelens backup/],
    ['a future version', JSON.stringify({ ...good(), version: 3 }), /newer Citelens/],
    ['a version 2 file without its matches', JSON.stringify({ ...good(), version: 2 }), /matches must be a list/],
    ['a match with an unknown decision', JSON.stringify({ ...good(), version: 2, matches: [{ id: 'm', pageUrl: 'u', fingerprint: 'f', entryId: 'e', entryText: 't', candidate: { doi: 'd', title: 't', score: 1 }, decision: 'maybe', decidedAt: 1 }] }), /matches\[0\]\.decision/],
    ['a wrongly typed note', JSON.stringify({ ...good(), notes: [{ id: 'n', pageUrl: 'u', target: { kind: 'page' }, body: 5, tags: [], createdAt: 1, updatedAt: 1 }] }), /notes\[0\]\.body must be text/],
    ['an unknown target', JSON.stringify({ ...good(), notes: [{ id: 'n', pageUrl: 'u', target: { kind: 'script' }, body: '', tags: [], createdAt: 1, updatedAt: 1 }] }), /notes\[0\]\.target\.kind/],
    ['a bad check status', JSON.stringify({ ...good(), checks: [{ id: 'c', pageUrl: 'u', fingerprint: 'f', entryId: 'e', entryText: 't', note: '', updatedAt: 1, status: 'maybe' }] }), /checks\[0\]\.status/],
    ['pages not a list', JSON.stringify({ ...good(), pages: {} }), /pages must be a list/],
  ])('refuses %s with a clear message and changes nothing', async (_name, text, message) => {
    const db = await seeded();
    const before = await dump(db);
    const r = await importBackup(db, text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(message);
    expect(await dump(db)).toEqual(before);
    db.close();
  });

  it('refuses files over the size limit before parsing', () => {
    const r = parseBackup(' '.repeat(MAX_BACKUP_BYTES + 1));
    expect(r).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('a failure part-way (quota) rolls the whole import back', async () => {
    const a = await seeded();
    const json = backupToJson(await exportBackup(a));
    const b = freshDb();
    b.noteGroups.hook('creating', () => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(await importBackup(b, json)).toMatchObject({ ok: false, code: 'quota' });
    expect(await dump(b)).toEqual({ pages: [], notes: [], checks: [], matches: [] });
    expect(await b.notePostings.count()).toBe(0);
    a.close();
    b.close();
  });

  it('reports progress: reading, then checking every row, then saving every row written', async () => {
    const db = await seeded();
    // Over 450 pages: a page's notes are one record, so the saving steps are chunks of pages (about 2,000 notes each).
    const notes = Array.from({ length: 4_500 }, (_, i) => ({ id: `n${i}`, pageUrl: `https://p${i % 450}.org/`, target: { kind: 'page' }, body: `note ${i}`, tags: [], createdAt: i, updatedAt: i }));
    const seen: { phase: string; done: number; total: number }[] = [];
    const report = unwrap(await importBackup(db, JSON.stringify({ ...good(), notes }), (p) => seen.push(p)));
    expect(report.added).toBe(4_500);
    expect(seen[0].phase).toBe('reading');
    const phases = [...new Set(seen.map((p) => p.phase))];
    expect(phases).toEqual(['reading', 'checking', 'saving']);
    for (const phase of ['checking', 'saving']) {
      const steps = seen.filter((p) => p.phase === phase);
      expect(steps.map((p) => p.done)).toEqual([...steps.map((p) => p.done)].sort((a, b) => a - b));
      expect(steps.at(-1)).toEqual({ phase, done: 4_500, total: 4_500 });
    }
    // Saved in several chunks, each reported (a bar that moves), all in the one transaction.
    expect(seen.filter((p) => p.phase === 'saving').length).toBeGreaterThan(2);
    db.close();
  });

  it('a full disk in a later chunk of a large import rolls back the earlier chunks too, and keeps what was saved', async () => {
    const db = await seeded();
    const before = await dump(db);
    const postingsBefore = await db.notePostings.toArray();
    // 4,500 notes over 450 pages: the word index is written, then the pages' groups in chunks of 2,000 notes; the
    // disk fills at the 410th group (4,100th note), in the third chunk.
    const notes = Array.from({ length: 4_500 }, (_, i) => ({ id: `n${i}`, pageUrl: `https://p${i % 450}.org/`, target: { kind: 'page' }, body: `note ${i}`, tags: [], createdAt: i, updatedAt: i }));
    let n = 0;
    db.noteGroups.hook('creating', () => {
      if (++n === 410) throw new DOMException('full', 'QuotaExceededError');
    });
    const seen: number[] = [];
    const r = await importBackup(db, JSON.stringify({ ...good(), notes }), (p) => p.phase === 'saving' && seen.push(p.done));
    expect(r).toMatchObject({ ok: false, code: 'quota' });
    if (!r.ok) expect(r.reason).toMatch(/storage .* is full/);
    expect(n).toBeGreaterThanOrEqual(410);
    expect(seen.at(-1) ?? 0).toBeLessThan(4_500);
    expect(await dump(db)).toEqual(before);
    expect(await db.notePostings.toArray()).toEqual(postingsBefore);
    expect((await searchNotesPaged(db, 'note')).notes.map((x) => x.body).sort()).toEqual(['page note', 'quote note']);
    db.close();
  });

  it('imports 10,000 notes (prints the time)', async () => {
    const notes = Array.from({ length: 10_000 }, (_, i) => ({ id: `n${i}`, pageUrl: `https://p${i % 100}.org/`, target: { kind: 'page' }, body: `note number ${i} about security guarantees`, tags: ['bulk'], createdAt: i, updatedAt: i }));
    const text = JSON.stringify({ ...good(), notes });
    const db = freshDb();
    const t0 = performance.now();
    const report = unwrap(await importBackup(db, text));
    console.log(`[import] 10,000 notes (${(text.length / 1024).toFixed(0)} KB) imported in ${(performance.now() - t0).toFixed(0)} ms (fake-indexeddb)`);
    expect(report.added).toBe(10_000);
    expect(await notesForPage(db, 'https://p7.org/')).toHaveLength(100);
    expect((await searchNotesPaged(db, 'secur guar')).total).toBe(10_000);
    db.close();
  });

  it('imports a backup written before notes were grouped (v3 rows with their words) and merges it again', async () => {
    // Exports have always held note rows; a v3 export had no `words`, but a hand-made or older file may carry them.
    const notes = Array.from({ length: 30 }, (_, i) => ({ id: `old-${i}`, pageUrl: `https://p${i % 3}.org/`, target: { kind: 'page' }, body: `archived remark ${i}`, tags: ['old'], createdAt: i, updatedAt: i, words: ['stale'] }));
    const db = freshDb();
    expect(unwrap(await importBackup(db, JSON.stringify({ ...good(), notes })))).toMatchObject({ added: 30 });
    expect(await getNote(db, 'old-4')).toEqual({ id: 'old-4', pageUrl: 'https://p1.org/', target: { kind: 'page' }, body: 'archived remark 4', tags: ['old'], createdAt: 4, updatedAt: 4 });
    expect((await searchNotesPaged(db, 'archiv')).total).toBe(30);
    expect((await searchNotesPaged(db, 'stale')).total).toBe(0);
    const newer = notes.map((n, i) => (i < 5 ? { ...n, body: `revised remark ${i}`, updatedAt: 100 } : n));
    expect(unwrap(await importBackup(db, JSON.stringify({ ...good(), notes: newer })))).toMatchObject({ added: 0, updated: 5, skipped: 25 });
    expect((await searchNotesPaged(db, 'archiv')).total).toBe(25);
    expect((await searchNotesPaged(db, 'revis')).notes).toHaveLength(5);
    expect(await notesById(db)).toHaveLength(30);
    db.close();
  });
});

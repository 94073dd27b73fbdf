/**
 * Hardening suite, backup import (issue #6): the injection corpus inside a JSON backup imports as literal text, and
 * broken backups (random bytes, cut off anywhere, future version, duplicate ids, wrong types, huge) are either refused
 * with a message, changing nothing, or merged cleanly, losing nothing. The database is compared row by row before and
 * after each attempt, and what the library and the exports read from it afterwards must still work.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportAllMarkdown } from '../../lib/export/all';
import { backupToJson, exportBackup, importBackup } from '../../lib/backup/backup';
import { referencesToCsl } from '../../lib/export/csl';
import { toBibtex } from '../../lib/export/bibtex';
import { toRis } from '../../lib/export/ris';
import type { CitelensDb } from '../../lib/store/db';
import { getNote, noteCount, saveNote } from '../../lib/store/notes';
import { listPages, savePage } from '../../lib/store/pages';
import { searchNotes } from '../../lib/store/search';
import { setCheckStatus } from '../../lib/store/checks';
import { freshDb, notesById, unwrap } from '../store/helpers';
import { SEED_TITLE, SEED_URL, seedReport } from '../export/seed-report';
import { HUGE, PAYLOADS } from './payloads';

type Rows = Map<string, string>;
/** Every row of every table, keyed by table and primary key, as canonical JSON. */
async function rows(db: CitelensDb): Promise<Rows> {
  const out: Rows = new Map();
  const tables = [['pages', () => db.pages.toArray(), 'url'], ['notes', () => notesById(db), 'id'], ['checks', () => db.checks.toArray(), 'id']] as const;
  for (const [name, read, key] of tables) {
    for (const row of (await read()) as unknown as Record<string, unknown>[]) out.set(`${name}:${String(row[key])}`, JSON.stringify(row));
  }
  return out;
}

async function seeded(): Promise<CitelensDb> {
  const db = freshDb();
  unwrap(await savePage(db, SEED_URL, SEED_TITLE, seedReport(), 1));
  unwrap(await saveNote(db, { pageUrl: SEED_URL, target: { kind: 'page' }, body: 'page note', tags: ['a'] }, 2));
  unwrap(await saveNote(db, { pageUrl: SEED_URL, target: { kind: 'section', sectionId: 'h2', sectionText: 'A Shift Toward Urgency' }, body: 'section note' }, 3));
  unwrap(await setCheckStatus(db, SEED_URL, { id: 'r1-e1', text: 'PBS' }, 'verified', '', 4));
  return db;
}

/** Everything the library and the exports read from the database still works. */
async function readsBack(db: CitelensDb): Promise<void> {
  const pages = await listPages(db);
  expect(pages.length).toBeGreaterThan(0);
  const md = await exportAllMarkdown(db, new Date(0));
  expect(md.length).toBeGreaterThan(0);
  for (const p of await db.pages.toArray()) {
    const csl = referencesToCsl(p.referenceLists);
    toBibtex(csl);
    toRis(csl);
  }
  JSON.parse(backupToJson(await exportBackup(db)));
  await searchNotes(db, 'note');
}

const tally = { refused: 0, merged: 0, literal: 0, lost: 0, changedOnRefusal: 0 };

/** Import `text`; on refusal nothing changed, on success nothing was lost (every old row kept or replaced by a newer one). */
async function attemptImport(db: CitelensDb, text: string): Promise<{ ok: boolean; reason?: string }> {
  const before = await rows(db);
  const r = await importBackup(db, text);
  const after = await rows(db);
  if (!r.ok) {
    tally.refused += 1;
    expect(r.reason.length).toBeGreaterThan(10);
    const same = after.size === before.size && [...before].every(([k, v]) => after.get(k) === v);
    if (!same) tally.changedOnRefusal += 1;
    expect(same).toBe(true);
    return { ok: false, reason: r.reason };
  }
  tally.merged += 1;
  for (const [k, v] of before) {
    const now = after.get(k);
    if (!now) tally.lost += 1;
    expect(now, `row ${k} lost`).toBeDefined();
    const was = JSON.parse(v) as { updatedAt: number };
    const is = JSON.parse(now!) as { updatedAt: number };
    expect(is.updatedAt).toBeGreaterThanOrEqual(was.updatedAt);
  }
  await readsBack(db);
  return { ok: true };
}

const base = () => ({ format: 'citelens-backup', version: 1, exportedAt: '2026-01-01T00:00:00.000Z', pages: [] as unknown[], notes: [] as unknown[], checks: [] as unknown[] });
const note = (id: string, extra: Record<string, unknown> = {}) => ({ id, pageUrl: SEED_URL, target: { kind: 'page' }, body: `body ${id}`, tags: [], createdAt: 10, updatedAt: 10, ...extra });

describe('import: payloads in a backup are literal text', () => {
  it(`imports ${PAYLOADS.length} payloads as titles, note bodies, quotes, tags, entry texts and check notes, byte for byte`, async () => {
    const db = await seeded();
    const backup = base();
    PAYLOADS.forEach((p, i) => {
      const url = `https://example.org/p${i}`;
      backup.pages.push({ url, title: p.text, site: 'example.org', firstSavedAt: 5, updatedAt: 5, outline: [{ id: 'h1', level: 1, text: p.text, anchor: '', citations: 0 }], referenceLists: [{ id: 'r1', heading: p.text, kind: 'references', entries: [{ id: 'r1-e1', label: '1', text: p.text, links: [], identifiers: [], hasLink: false, linkState: 'none', citedBy: [], anchor: '' }] }], unlinked: 1 });
      backup.notes.push(note(`body-${i}`, { pageUrl: url, body: p.text, tags: [p.text] }));
      backup.notes.push(note(`quote-${i}`, { pageUrl: url, target: { kind: 'quote', quote: p.text, selectors: [{ type: 'TextQuoteSelector', exact: p.text, prefix: p.text, suffix: '' }] } }));
      backup.checks.push({ id: `${url} f`, pageUrl: url, fingerprint: 'f', entryId: 'r1-e1', entryText: p.text, status: 'disputed', note: p.text, updatedAt: 5 });
    });
    expect((await attemptImport(db, JSON.stringify(backup))).ok).toBe(true);
    for (const [i, p] of PAYLOADS.entries()) {
      const url = `https://example.org/p${i}`;
      const page = await db.pages.get(url);
      expect(page?.title).toBe(p.text);
      expect(page?.referenceLists[0].entries[0].text).toBe(p.text);
      expect((await getNote(db, `body-${i}`))?.body).toBe(p.text);
      expect((await getNote(db, `body-${i}`))?.tags).toEqual([p.text]);
      const q = (await getNote(db, `quote-${i}`))?.target;
      expect(q?.kind === 'quote' && q.quote).toBe(p.text);
      expect((await db.checks.get(`${url} f`))?.note).toBe(p.text);
      tally.literal += 6;
    }
    db.close();
  });
});

describe('import: broken backups are refused whole or merged cleanly', () => {
  it('refuses 300 random byte strings and JSON values (fast-check)', async () => {
    const db = await seeded();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 3 }).map((j) => j), fc.anything().map((v) => JSON.stringify({ ...base(), notes: [v] }) ?? '')), async (text) => {
        const r = await attemptImport(db, text);
        // A random value can only be accepted if it is an empty valid backup; it must then have changed nothing.
        if (r.ok) expect(text).toContain('citelens-backup');
      }),
      { numRuns: 300, seed: 6 },
    );
    db.close();
  });

  it('refuses a real backup cut off at 200 places', async () => {
    const db = await seeded();
    const source = await seeded();
    unwrap(await saveNote(source, { pageUrl: SEED_URL, target: { kind: 'page' }, body: PAYLOADS.map((p) => p.text).join('\n'), tags: ['x'] }, 9));
    const full = backupToJson(await exportBackup(source));
    for (let k = 1; k <= 200; k++) {
      const cut = Math.floor((full.length * k) / 201);
      const r = await attemptImport(db, full.slice(0, cut));
      expect(r.ok).toBe(false);
    }
    source.close();
    db.close();
  });

  it.each<[string, () => unknown, RegExp]>([
    ['a future version', () => ({ ...base(), version: 3 }), /newer Citelens/],
    ['version 0', () => ({ ...base(), version: 0 }), /not supported/],
    ['version as text', () => ({ ...base(), version: '1' }), /no version/],
    ['notes as an object', () => ({ ...base(), notes: { a: 1 } }), /notes must be a list/],
    ['a note id as a number', () => ({ ...base(), notes: [note('x', { id: 7 })] }), /notes\[0\]\.id/],
    ['tags as text', () => ({ ...base(), notes: [note('x', { tags: 'a,b' })] }), /tags/],
    ['updatedAt as NaN-like text', () => ({ ...base(), notes: [note('x', { updatedAt: 'NaN' })] }), /updatedAt/],
    ['a quote selector of an unknown type', () => ({ ...base(), notes: [note('x', { target: { kind: 'quote', quote: 'q', selectors: [{ type: 'XPathSelector', value: '//x' }] } })] }), /selectors\[0\]/],
    ['a page whose outline holds numbers', () => ({ ...base(), pages: [{ url: 'https://e.org/', title: 't', site: 'e.org', firstSavedAt: 1, updatedAt: 1, outline: [1, 2], referenceLists: [], unlinked: 0 }] }), /outline/],
    ['a page whose reference list has no entries', () => ({ ...base(), pages: [{ url: 'https://e.org/', title: 't', site: 'e.org', firstSavedAt: 1, updatedAt: 1, outline: [], referenceLists: [{ id: 'r1', heading: 'R' }], unlinked: 0 }] }), /referenceLists\[0\]/],
    ['a reference entry whose text is an object', () => ({ ...base(), pages: [{ url: 'https://e.org/', title: 't', site: 'e.org', firstSavedAt: 1, updatedAt: 1, outline: [], referenceLists: [{ id: 'r1', heading: 'R', kind: 'references', entries: [{ id: 'e', text: { html: '<script>' }, links: [], identifiers: [], hasLink: false }] }], unlinked: 0 }] }), /entries\[0\]\.text/],
    ['a reference entry whose links are not text', () => ({ ...base(), pages: [{ url: 'https://e.org/', title: 't', site: 'e.org', firstSavedAt: 1, updatedAt: 1, outline: [], referenceLists: [{ id: 'r1', heading: 'R', kind: 'references', entries: [{ id: 'e', text: 'x', links: [{}], identifiers: [], hasLink: false }] }], unlinked: 0 }] }), /links/],
    ['a note body over the size a note may hold', () => ({ ...base(), notes: [note('x', { body: 'x'.repeat(100_001) })] }), /at most/],
    ['__proto__ keys', () => JSON.parse(`{"format":"citelens-backup","version":1,"exportedAt":"x","pages":[],"notes":[{"__proto__":{"id":"p"},"pageUrl":"u","target":{"kind":"page"},"body":"","tags":[],"createdAt":1,"updatedAt":1}],"checks":[]}`), /notes\[0\]\.id/],
  ])('refuses %s with a message and changes nothing', async (_name, make, message) => {
    const db = await seeded();
    const r = await attemptImport(db, JSON.stringify(make()));
    expect(r.ok).toBe(false);
    expect(r.reason).toMatch(message);
    db.close();
  });

  it('merges a huge backup (1 MB title, entry and quote; 5,000 notes) cleanly, keeping every existing row', async () => {
    const db = await seeded();
    const backup = base();
    backup.pages.push({ url: 'https://e.org/huge', title: HUGE.text, site: 'e.org', firstSavedAt: 1, updatedAt: 1, outline: [{ id: 'h1', level: 1, text: HUGE.text, anchor: '', citations: 0 }], referenceLists: [{ id: 'r1', heading: 'R', kind: 'references', entries: [{ id: 'r1-e1', label: '', text: HUGE.text, links: [], identifiers: [], hasLink: false, linkState: 'none', citedBy: [], anchor: '' }] }], unlinked: 1 });
    for (let i = 0; i < 5000; i++) backup.notes.push(note(`bulk-${i}`, { pageUrl: 'https://e.org/huge', body: `${PAYLOADS[i % PAYLOADS.length].text} ${i}`, tags: ['bulk'] }));
    backup.notes.push(note('huge-quote', { pageUrl: 'https://e.org/huge', target: { kind: 'quote', quote: HUGE.text, selectors: [] }, body: 'x'.repeat(100_000) }));
    const text = JSON.stringify(backup);
    expect(text.length).toBeGreaterThan(3_000_000);
    expect((await attemptImport(db, text)).ok).toBe(true);
    expect(await noteCount(db)).toBe(2 + 5001);
    expect((await db.pages.get('https://e.org/huge'))?.title).toBe(HUGE.text);
    db.close();
  });

  it('merges duplicate ids within the file: one row per id, the newest wins, nothing of the database lost', async () => {
    const db = await seeded();
    const existing = (await notesById(db))[0];
    const backup = { ...base(), notes: [note('dup', { body: 'old', updatedAt: 10 }), note('dup', { body: 'newest', updatedAt: 30 }), note('dup', { body: 'middle', updatedAt: 20 }), { ...existing, words: undefined, body: 'older copy of an existing note', updatedAt: 0 }] };
    const r = await importBackup(db, JSON.stringify(backup));
    expect(r).toMatchObject({ ok: true, value: { added: 1, updated: 0, skipped: 3 } });
    expect((await getNote(db, 'dup'))?.body).toBe('newest');
    expect((await getNote(db, existing.id))?.body).toBe(existing.body);
    tally.merged += 1;
    expect((await attemptImport(db, JSON.stringify(backup))).ok).toBe(true);
    db.close();
  });

  it('prints the counts', () => {
    console.log(`[security] import: ${PAYLOADS.length} payloads × 6 places imported as literal text (${tally.literal} fields checked); ${tally.refused} broken backups refused with a message, ${tally.merged} merged; rows lost: ${tally.lost}, changed by a refusal: ${tally.changedOnRefusal}`);
    expect(tally.literal).toBe(PAYLOADS.length * 6);
    expect(tally.refused).toBeGreaterThan(500);
    expect(tally.lost + tally.changedOnRefusal).toBe(0);
  });
});

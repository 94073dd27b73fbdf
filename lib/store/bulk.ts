/**
 * Every row at once: read for a backup, merged from one. The merge runs in ONE transaction: a failure part-way (a full
 * disk included) rolls all of it back. Same key in the file and the database → the newer copy wins; same content is
 * skipped. The file format and its checks are lib/backup's; this module only knows the tables.
 */
import type { CitelensDb } from './tables';
import { isObj } from '../check';
import { allNotes, groupKey, NoteBatch, noteScope, noteTables } from './note-index';
import type { CheckRecord, Note, OnlineMatchRecord, PageRecord } from './types';

/** The rows a backup holds: what the reader made or decided (the word index, caches and results are derived). */
export interface Everything {
  pages: PageRecord[];
  notes: Note[];
  checks: CheckRecord[];
  matches: OnlineMatchRecord[];
}

export interface MergeCounts {
  added: number;
  updated: number;
  skipped: number;
}

export interface MergeReport extends MergeCounts {
  pages: MergeCounts;
  checks: MergeCounts;
  matches: MergeCounts;
}

/**
 * Pages, checks and matches per bulk write inside the one transaction; progress is reported after each (notes:
 * NoteBatch's WRITE_CHUNK_NOTES). Small enough for a bar that moves (5 steps for 10,000 pages).
 */
const WRITE_CHUNK = 2_000;

export async function readEverything(db: CitelensDb): Promise<Everything> {
  return db.transaction('r', [db.pages, db.noteGroups, db.checks, db.onlineMatches], async () => {
    const [pages, notes, checks, matches] = await Promise.all([db.pages.toArray(), allNotes(noteTables(db)), db.checks.toArray(), db.onlineMatches.toArray()]);
    return { pages, notes, checks, matches };
  });
}

/** Same content, ignoring derived fields and key order. */
function sameContent(a: object, b: object): boolean {
  const norm = (o: object) => JSON.stringify(o, (k, v) => (k === 'words' ? undefined : isObj(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v));
  return norm(a) === norm(b);
}

/** The Dexie table calls a merge uses (pages, checks and matches all fit). */
interface MergeTable<T> {
  toCollection(): { primaryKeys(): Promise<unknown[]> };
  bulkGet(keys: string[]): Promise<(T | undefined)[]>;
  bulkPut(rows: T[]): Promise<unknown>;
}

/** How rows of one kind are keyed and dated. */
interface RowKind<T> {
  key(row: T): string;
  time(row: T): number;
}

const PAGES: RowKind<PageRecord> = { key: (p) => p.url, time: (p) => p.updatedAt };
const NOTES: RowKind<Note> = { key: (n) => n.id, time: (n) => n.updatedAt };
const CHECKS: RowKind<CheckRecord> = { key: (c) => c.id, time: (c) => c.updatedAt };
const MATCHES: RowKind<OnlineMatchRecord> = { key: (m) => m.id, time: (m) => m.decidedAt };

/** The newest copy of each key within the file itself (older copies are counted as skipped). */
function newestByKey<T>(rows: T[], kind: RowKind<T>, counts: MergeCounts): Map<string, T> {
  const seen = new Map<string, T>();
  for (const row of rows) {
    const prev = seen.get(kind.key(row));
    if (!prev || kind.time(row) > kind.time(prev)) seen.set(kind.key(row), row);
  }
  counts.skipped += rows.length - seen.size;
  return seen;
}

/** Whether a row of the file is written over what is saved (new, or newer and different), counted either way. */
function takes<T extends object>(old: T | undefined, row: T, kind: RowKind<T>, counts: MergeCounts): boolean {
  if (!old) {
    counts.added += 1;
    return true;
  }
  if (sameContent(old, row) || kind.time(row) <= kind.time(old)) {
    counts.skipped += 1;
    return false;
  }
  counts.updated += 1;
  return true;
}

/** What to write for one table: new rows and newer copies, counted. */
async function planRows<T extends object>(rows: T[], kind: RowKind<T>, table: MergeTable<T>): Promise<{ counts: MergeCounts; toPut: T[] }> {
  const counts: MergeCounts = { added: 0, updated: 0, skipped: 0 };
  const seen = newestByKey(rows, kind, counts);
  // Which keys are already saved: one read of every key (9 ms for an empty table, 60 ms for 10,000 notes in
  // Chromium), then only those rows are read. A bulkGet of every key in the file was one request per key: 1.3 s per
  // 10,000 notes, even into an empty database (bench/, issue #5).
  const saved = new Set(await table.toCollection().primaryKeys());
  const present = [...seen.keys()].filter((key) => saved.has(key));
  const olds = new Map<string, T | undefined>();
  if (present.length) (await table.bulkGet(present)).forEach((old, i) => olds.set(present[i], old));
  const toPut = [...seen].filter(([key, row]) => takes(olds.get(key), row, kind, counts)).map(([, row]) => row);
  return { counts, toPut };
}

/**
 * The notes of the file merged into a NoteBatch (written by its flush): read the saved notes with the file's ids and
 * the groups of its pages, then put each new or newer note, oldest first (slots then follow time, which search walks).
 */
async function planNotes(db: CitelensDb, rows: Note[], words: Map<Note, string[]>): Promise<{ counts: MergeCounts; batch: NoteBatch; puts: number }> {
  const counts: MergeCounts = { added: 0, updated: 0, skipped: 0 };
  const seen = newestByKey(rows, NOTES, counts);
  const kept = [...seen.values()].sort((a, b) => a.updatedAt - b.updatedAt);
  const batch = await NoteBatch.open(noteTables(db), [...seen.keys()], kept.map((n) => groupKey(n.pageUrl)));
  let puts = 0;
  for (const row of kept) {
    if (!takes(batch.get(row.id), row, NOTES, counts)) continue;
    batch.put(row, words.get(row));
    puts += 1;
  }
  return { counts, batch, puts };
}

/**
 * Merge checked rows into the database, in one transaction. `words` are the notes' search words when the caller
 * worked them out already (else they are derived here); `onSaved(done, total)` is called after each chunk written.
 */
export function mergeEverything(db: CitelensDb, rows: Everything, words: Map<Note, string[]>, onSaved?: (done: number, total: number) => void): Promise<MergeReport> {
  return db.transaction('rw', [db.pages, db.checks, db.onlineMatches, ...noteScope(db)], async () => {
    const pages = await planRows(rows.pages, PAGES, db.pages);
    const notes = await planNotes(db, rows.notes, words);
    const checks = await planRows(rows.checks, CHECKS, db.checks);
    const matches = await planRows(rows.matches, MATCHES, db.onlineMatches);
    const total = pages.toPut.length + notes.puts + checks.toPut.length + matches.toPut.length;
    let written = 0;
    const saved = (n: number) => {
      written += n;
      onSaved?.(written, total);
    };
    saved(0);
    const writeChunks = async <T>(table: MergeTable<T>, toPut: T[]) => {
      for (let start = 0; start < toPut.length; start += WRITE_CHUNK) {
        const chunk = toPut.slice(start, start + WRITE_CHUNK);
        await table.bulkPut(chunk);
        saved(chunk.length);
      }
    };
    await writeChunks(db.pages, pages.toPut);
    // The notes' word index first, then their pages' groups, reported after each chunk.
    await notes.batch.flush(saved);
    await writeChunks(db.checks, checks.toPut);
    await writeChunks(db.onlineMatches, matches.toPut);
    return { ...notes.counts, pages: pages.counts, checks: checks.counts, matches: matches.counts };
  });
}

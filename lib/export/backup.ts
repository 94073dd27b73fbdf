/**
 * JSON backup of everything and its import. Import validates the whole file by hand first (format, version, types,
 * size), then merges in ONE Dexie transaction: a refusal or a failure part-way changes nothing. The file holds note
 * rows whatever the stored layout (schema v4 groups them per page): backups of every version import alike.
 */
import type { CitelensDb } from '../store/db';
import { attempt, failure, type StoreResult } from '../store/errors';
import { CHECK_STATUSES, type CheckRecord, type Note, type PageRecord } from '../store/types';
import { MAX_BODY_CHARS } from '../store/notes';
import { wordsForNote } from '../store/words';
import { allNotes, groupKey, NoteBatch, noteScope, noteTables } from '../store/note-index';

export const BACKUP_FORMAT = 'citelens-backup';
export const BACKUP_VERSION = 1;
/**
 * Largest backup accepted. Our own export of 100,000 notes over 10,000 pages is 76 MB (bench/, 2026-11-28), and every
 * backup Citelens writes must import again; 200 MB leaves room for about 250,000 notes. Beyond it, parsing would
 * stall the page for long, so the import refuses with a message.
 */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  pages: PageRecord[];
  notes: Note[];
  checks: CheckRecord[];
}

export interface MergeCounts {
  added: number;
  updated: number;
  skipped: number;
}

export interface ImportReport extends MergeCounts {
  pages: MergeCounts;
  checks: MergeCounts;
}

/** Everything, as rows (the word index is derived, and rebuilt on import). */
export async function exportBackup(db: CitelensDb, now: Date = new Date()): Promise<Backup> {
  return db.transaction('r', db.pages, db.noteGroups, db.checks, async () => {
    const [pages, notes, checks] = await Promise.all([db.pages.toArray(), allNotes(noteTables(db)), db.checks.toArray()]);
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), pages, notes, checks };
  });
}

// ---- validation: each check names the path that failed, so the message says where the file is wrong ----

type Check = (value: unknown, path: string) => string | null;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str: Check = (v, p) => (typeof v === 'string' ? null : `${p} must be text`);
const num: Check = (v, p) => (typeof v === 'number' && Number.isFinite(v) ? null : `${p} must be a number`);
const strArray: Check = (v, p) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? null : `${p} must be a list of text`);
const arr: Check = (v, p) => (Array.isArray(v) ? null : `${p} must be a list`);

function fields(obj: unknown, path: string, spec: Record<string, Check>): string | null {
  if (!isObj(obj)) return `${path} must be an object`;
  for (const [key, check] of Object.entries(spec)) {
    const problem = check(obj[key], `${path}.${key}`);
    if (problem) return problem;
  }
  return null;
}

const selectorCheck: Check = (v, p) => {
  if (!isObj(v)) return `${p} must be an object`;
  if (v.type === 'TextQuoteSelector') return fields(v, p, { exact: str, prefix: str, suffix: str });
  if (v.type === 'TextPositionSelector') return fields(v, p, { start: num, end: num });
  return `${p}.type is not a known selector`;
};

const targetCheck: Check = (v, p) => {
  if (!isObj(v)) return `${p} must be an object`;
  switch (v.kind) {
    case 'page':
      return null;
    case 'quote': {
      const problem = fields(v, p, { quote: str, selectors: arr });
      if (problem) return problem;
      if (v.sectionId !== undefined && v.sectionId !== null && typeof v.sectionId !== 'string') return `${p}.sectionId must be text`;
      return (v.selectors as unknown[]).map((s, i) => selectorCheck(s, `${p}.selectors[${i}]`)).find(Boolean) ?? null;
    }
    case 'section':
      return fields(v, p, { sectionId: str, sectionText: str });
    case 'entry':
      return fields(v, p, { entryId: str, fingerprint: str, entryText: str });
    default:
      return `${p}.kind is not a known note target`;
  }
};

const bool: Check = (v, p) => (typeof v === 'boolean' ? null : `${p} must be true or false`);
/** A list whose every item passes `item`. */
const listOf = (item: Check): Check => (v, p) => arr(v, p) ?? (v as unknown[]).map((x, i) => item(x, `${p}[${i}]`)).find(Boolean) ?? null;
/** Text of at most `max` characters (what the app itself accepts). */
const textUpTo = (max: number): Check => (v, p) => str(v, p) ?? ((v as string).length > max ? `${p} holds more than ${max} characters (a note holds at most ${max})` : null);

const noteCheck: Check = (v, p) => fields(v, p, { id: str, pageUrl: str, target: targetCheck, body: textUpTo(MAX_BODY_CHARS), tags: strArray, createdAt: num, updatedAt: num });
/**
 * A saved page's outline and reference lists are read by the library and every export, so they are checked as far as
 * those read them: a backup with `referenceLists: [{}]` would otherwise import and then break the library page.
 */
const outlineItemCheck: Check = (v, p) => fields(v, p, { id: str, level: num, text: str });
const identifierCheck: Check = (v, p) => fields(v, p, { type: str, value: str });
const entryCheck: Check = (v, p) => fields(v, p, { id: str, text: str, links: strArray, identifiers: listOf(identifierCheck), hasLink: bool });
const listCheck: Check = (v, p) => fields(v, p, { id: str, heading: str, entries: listOf(entryCheck) });
const pageCheck: Check = (v, p) => fields(v, p, { url: str, title: str, site: str, firstSavedAt: num, updatedAt: num, outline: listOf(outlineItemCheck), referenceLists: listOf(listCheck), unlinked: num });
const checkCheck: Check = (v, p) => {
  const problem = fields(v, p, { id: str, pageUrl: str, fingerprint: str, entryId: str, entryText: str, note: str, updatedAt: num });
  if (problem) return problem;
  return (CHECK_STATUSES as readonly unknown[]).includes((v as Record<string, unknown>).status) ? null : `${p}.status is not a known check status`;
};

/** The file's JSON and header (format, version, lists), before the rows are checked. */
function readBackup(text: string): StoreResult<Record<string, unknown>> {
  if (text.length > MAX_BACKUP_BYTES) return failure('invalid', `the file is larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MB`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return failure('invalid', 'the file is not complete JSON (it may be cut off or not a Citelens backup)');
  }
  if (!isObj(data) || data.format !== BACKUP_FORMAT) return failure('invalid', 'this is not a Citelens backup (no "format": "citelens-backup")');
  if (typeof data.version !== 'number') return failure('invalid', 'the backup has no version number');
  if (data.version > BACKUP_VERSION) return failure('invalid', `the backup is version ${data.version}, made by a newer Citelens; update Citelens to import it`);
  if (data.version !== BACKUP_VERSION) return failure('invalid', `backup version ${data.version} is not supported`);
  const problem = str(data.exportedAt, 'exportedAt') ?? arr(data.pages, 'pages') ?? arr(data.notes, 'notes') ?? arr(data.checks, 'checks');
  return problem ? failure('invalid', problem) : { ok: true, value: data };
}

/** The row lists of a backup, each with the check of its rows, in the order they are checked and written. */
function rowLists(data: Record<string, unknown>): [name: 'pages' | 'notes' | 'checks', rows: unknown[], check: Check][] {
  return [['pages', data.pages as unknown[], pageCheck], ['notes', data.notes as unknown[], noteCheck], ['checks', data.checks as unknown[], checkCheck]];
}

/** Parse and validate a backup file's text. Every refusal says why, in words a reader can act on. */
export function parseBackup(text: string): StoreResult<Backup> {
  const read = readBackup(text);
  if (!read.ok) return read;
  for (const [name, rows, check] of rowLists(read.value)) {
    for (let i = 0; i < rows.length; i++) {
      const problem = check(rows[i], `${name}[${i}]`);
      if (problem) return failure('invalid', problem);
    }
  }
  return { ok: true, value: read.value as unknown as Backup };
}

/** Where an import is: reading the file, checking its rows, saving them. `done` of `total` rows in this phase. */
export interface ImportProgress {
  phase: 'reading' | 'checking' | 'saving';
  done: number;
  total: number;
}

export type OnImportProgress = (progress: ImportProgress) => void;

/**
 * Rows checked between two progress reports (each report also lets the page paint, before the saving starts): about
 * 50 ms of checking on the bench machine.
 */
const CHECK_CHUNK = 5_000;
/**
 * Pages and checks per bulk write inside the one import transaction; progress is reported after each (notes:
 * NoteBatch's WRITE_CHUNK_NOTES). Small enough for a bar that moves (5 steps for 10,000 pages).
 */
const WRITE_CHUNK = 2_000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Same content, ignoring derived fields and key order. */
function sameContent(a: object, b: object): boolean {
  const norm = (o: object) => JSON.stringify(o, (k, v) => (k === 'words' ? undefined : isObj(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v));
  return norm(a) === norm(b);
}

/** The Dexie table calls an import uses (pages, notes and checks all fit). */
interface ImportTable<T> {
  toCollection(): { primaryKeys(): Promise<unknown[]> };
  bulkGet(keys: string[]): Promise<(T | undefined)[]>;
  bulkPut(rows: T[]): Promise<unknown>;
}

/** The newest copy of each key within the file itself (older copies are counted as skipped). */
function newestByKey<T extends { updatedAt: number }>(rows: T[], keyOf: (row: T) => string, counts: MergeCounts): Map<string, T> {
  const seen = new Map<string, T>();
  for (const row of rows) {
    const prev = seen.get(keyOf(row));
    if (!prev || row.updatedAt > prev.updatedAt) seen.set(keyOf(row), row);
  }
  counts.skipped += rows.length - seen.size;
  return seen;
}

/** Whether a row of the file is written over what is saved (new, or newer and different), counted either way. */
function takes<T extends { updatedAt: number }>(old: T | undefined, row: T, counts: MergeCounts): boolean {
  if (!old) {
    counts.added += 1;
    return true;
  }
  if (sameContent(old, row) || row.updatedAt <= old.updatedAt) {
    counts.skipped += 1;
    return false;
  }
  counts.updated += 1;
  return true;
}

/** What to write for one table: new rows and newer copies, counted. */
async function planRows<T extends { updatedAt: number }>(rows: T[], keyOf: (row: T) => string, table: ImportTable<T>): Promise<{ counts: MergeCounts; toPut: T[] }> {
  const counts: MergeCounts = { added: 0, updated: 0, skipped: 0 };
  const seen = newestByKey(rows, keyOf, counts);
  // Which keys are already saved: one read of every key (9 ms for an empty table, 60 ms for 10,000 notes in
  // Chromium), then only those rows are read. A bulkGet of every key in the file was one request per key: 1.3 s per
  // 10,000 notes, even into an empty database (bench/, issue #5).
  const saved = new Set(await table.toCollection().primaryKeys());
  const present = [...seen.keys()].filter((key) => saved.has(key));
  const olds = new Map<string, T | undefined>();
  if (present.length) (await table.bulkGet(present)).forEach((old, i) => olds.set(present[i], old));
  const toPut = [...seen].filter(([key, row]) => takes(olds.get(key), row, counts)).map(([, row]) => row);
  return { counts, toPut };
}

/**
 * The notes of the file merged into a NoteBatch (written by its flush): read the saved notes with the file's ids and
 * the groups of its pages, then put each new or newer note, oldest first (slots then follow time, which search walks).
 */
async function planNotes(db: CitelensDb, rows: Note[], words: Map<Note, string[]>): Promise<{ counts: MergeCounts; batch: NoteBatch; puts: number }> {
  const counts: MergeCounts = { added: 0, updated: 0, skipped: 0 };
  const seen = newestByKey(rows, (n) => n.id, counts);
  const kept = [...seen.values()].sort((a, b) => a.updatedAt - b.updatedAt);
  const batch = await NoteBatch.open(noteTables(db), [...seen.keys()], kept.map((n) => groupKey(n.pageUrl)));
  let puts = 0;
  for (const row of kept) {
    if (!takes(batch.get(row.id), row, counts)) continue;
    batch.put(row, words.get(row));
    puts += 1;
  }
  return { counts, batch, puts };
}

/**
 * Import a backup file's text: merge without duplicates (by note id; same id with different content → newer
 * updatedAt wins), pages by URL, checks by id. Refusals and failures leave the database as it was: every row is
 * checked before anything is written, and everything is written in ONE transaction (in chunks, so `onProgress` can
 * report; a failure in any chunk, a full disk included, rolls all of them back).
 */
export async function importBackup(db: CitelensDb, text: string, onProgress?: OnImportProgress): Promise<StoreResult<ImportReport>> {
  onProgress?.({ phase: 'reading', done: 0, total: text.length });
  const read = readBackup(text);
  if (!read.ok) return read;
  const lists = rowLists(read.value);
  const total = lists.reduce((n, [, rows]) => n + rows.length, 0);
  let done = 0;
  // Each note's search words, worked out while checking (the pauses between chunks let the page paint and collect
  // the garbage). Working them out while the browser stores each chunk was not faster: 5.7–6.7 s for the bench's
  // import against 6.4–6.9 s, alternating in one browser (bench/out probe).
  const words = new Map<Note, string[]>();
  onProgress?.({ phase: 'checking', done, total });
  // Checked in chunks with a pause between them, so the page paints the progress and stays responsive.
  for (const [name, rows, check] of lists) {
    for (let start = 0; start < rows.length; start += CHECK_CHUNK) {
      const end = Math.min(rows.length, start + CHECK_CHUNK);
      for (let i = start; i < end; i++) {
        const problem = check(rows[i], `${name}[${i}]`);
        if (problem) return failure('invalid', problem);
      }
      if (name === 'notes') for (let i = start; i < end; i++) words.set(rows[i] as Note, wordsForNote(rows[i]));
      done += end - start;
      onProgress?.({ phase: 'checking', done, total });
      if (onProgress) await nextTask();
    }
  }
  const backup = read.value as unknown as Backup;
  return attempt(() =>
    db.transaction('rw', [db.pages, db.checks, ...noteScope(db)], async () => {
      const pages = await planRows<PageRecord>(backup.pages, (p) => p.url, db.pages);
      const notes = await planNotes(db, backup.notes, words);
      const checks = await planRows<CheckRecord>(backup.checks, (c) => c.id, db.checks);
      const toWrite = pages.toPut.length + notes.puts + checks.toPut.length;
      let written = 0;
      const saved = (rows: number) => {
        written += rows;
        onProgress?.({ phase: 'saving', done: written, total: toWrite });
      };
      saved(0);
      const writeChunks = async <T>(table: ImportTable<T>, rows: T[]) => {
        for (let start = 0; start < rows.length; start += WRITE_CHUNK) {
          const chunk = rows.slice(start, start + WRITE_CHUNK);
          await table.bulkPut(chunk);
          saved(chunk.length);
        }
      };
      await writeChunks(db.pages, pages.toPut);
      // The notes' word index first, then their pages' groups, reported after each chunk.
      await notes.batch.flush(saved);
      await writeChunks(db.checks, checks.toPut);
      return { ...notes.counts, pages: pages.counts, checks: checks.counts };
    }),
  );
}

export function backupToJson(backup: Backup): string {
  return JSON.stringify(backup, null, 1);
}

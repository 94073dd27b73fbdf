/**
 * JSON backup of everything and its import. Import validates the whole file by hand first (format, version, types,
 * size), then merges in ONE Dexie transaction: a refusal or a failure part-way changes nothing.
 */
import type { CitelensDb } from '../store/db';
import { attempt, failure, type StoreResult } from '../store/errors';
import { CHECK_STATUSES, type CheckRecord, type Note, type PageRecord } from '../store/types';
import { MAX_BODY_CHARS } from '../store/notes';
import { wordsForNote } from '../store/words';

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

/** Everything, without derived fields (the word index is rebuilt on import). */
export async function exportBackup(db: CitelensDb, now: Date = new Date()): Promise<Backup> {
  return db.transaction('r', db.pages, db.notes, db.checks, async () => {
    const [pages, notes, checks] = await Promise.all([db.pages.toArray(), db.notes.toArray(), db.checks.toArray()]);
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now.toISOString(),
      pages,
      notes: notes.map(({ words: _words, ...rest }) => rest),
      checks,
    };
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

/** Parse and validate a backup file's text. Every refusal says why, in words a reader can act on. */
export function parseBackup(text: string): StoreResult<Backup> {
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
  const problem =
    str(data.exportedAt, 'exportedAt') ??
    arr(data.pages, 'pages') ??
    arr(data.notes, 'notes') ??
    arr(data.checks, 'checks') ??
    (data.pages as unknown[]).map((x, i) => pageCheck(x, `pages[${i}]`)).find(Boolean) ??
    (data.notes as unknown[]).map((x, i) => noteCheck(x, `notes[${i}]`)).find(Boolean) ??
    (data.checks as unknown[]).map((x, i) => checkCheck(x, `checks[${i}]`)).find(Boolean) ??
    null;
  if (problem) return failure('invalid', problem);
  return { ok: true, value: data as unknown as Backup };
}

/** Same content, ignoring derived fields and key order. */
function sameContent(a: object, b: object): boolean {
  const norm = (o: object) => JSON.stringify(o, (k, v) => (k === 'words' ? undefined : isObj(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v));
  return norm(a) === norm(b);
}

async function mergeRows<T extends { updatedAt: number }>(
  rows: T[],
  keyOf: (row: T) => string,
  table: { bulkGet(keys: string[]): Promise<(T | undefined)[]>; bulkPut(rows: T[]): Promise<unknown> },
  prepare: (row: T) => T = (row) => row,
): Promise<MergeCounts> {
  const counts: MergeCounts = { added: 0, updated: 0, skipped: 0 };
  const seen = new Map<string, T>();
  // The newest copy of each key within the file itself wins too.
  for (const row of rows) {
    const prev = seen.get(keyOf(row));
    if (!prev || row.updatedAt > prev.updatedAt) seen.set(keyOf(row), row);
  }
  counts.skipped += rows.length - seen.size;
  const keys = [...seen.keys()];
  // One bulk read and one bulk write: 10,000 single get/put pairs took 5.6 s in fake-indexeddb, the bulk form far less.
  const olds = await table.bulkGet(keys);
  const toPut: T[] = [];
  keys.forEach((key, i) => {
    const row = seen.get(key)!;
    const old = olds[i];
    if (!old) {
      toPut.push(prepare(row));
      counts.added += 1;
    } else if (sameContent(old, row) || row.updatedAt <= old.updatedAt) {
      counts.skipped += 1;
    } else {
      toPut.push(prepare(row));
      counts.updated += 1;
    }
  });
  if (toPut.length) await table.bulkPut(toPut);
  return counts;
}

/**
 * Import a backup file's text: merge without duplicates (by note id; same id with different content → newer
 * updatedAt wins), pages by URL, checks by id. Refusals and failures leave the database as it was.
 */
export async function importBackup(db: CitelensDb, text: string): Promise<StoreResult<ImportReport>> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  const backup = parsed.value;
  return attempt(() =>
    db.transaction('rw', db.pages, db.notes, db.checks, async () => {
      const pages = await mergeRows<PageRecord>(backup.pages, (p) => p.url, db.pages);
      const notes = await mergeRows<Note>(backup.notes, (n) => n.id, db.notes, (row) => ({ ...row, words: wordsForNote(row) }));
      const checks = await mergeRows<CheckRecord>(backup.checks, (c) => c.id, db.checks);
      return { ...notes, pages, checks };
    }),
  );
}

export function backupToJson(backup: Backup): string {
  return JSON.stringify(backup, null, 1);
}

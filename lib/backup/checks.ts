/**
 * The checks every row of a backup passes before anything is written. Each refusal says where the file is wrong
 * ("notes[3].body must be text"), in words a reader can act on.
 */
import { failure, type StoreResult } from '../store/errors';
import { CHECK_STATUSES, type OnlineMatchRecord } from '../store/types';
import { MAX_BODY_CHARS } from '../store/notes';
import { arr, bool, isObj, listOf, nullable, num, oneOf, optional, problemAt, shape, str, strArray, variant, where, type Check } from '../check';
import { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_BYTES, READABLE_VERSIONS, type Backup } from './format';

// ---- the rows: checked as far as the library and every export read them ----

const selector = variant('type', {
  TextQuoteSelector: shape({ exact: str, prefix: str, suffix: str }),
  TextPositionSelector: shape({ start: num, end: num }),
}, 'is not a known selector');

const target = variant('kind', {
  page: () => null,
  quote: shape({ quote: str, selectors: listOf(selector), sectionId: optional(nullable(str)) }),
  section: shape({ sectionId: str, sectionText: str }),
  entry: shape({ entryId: str, fingerprint: str, entryText: str }),
}, 'is not a known note target');

/** Text of at most `max` characters (what the app itself accepts). */
const noteBody = where(str, (v: string) => v.length <= MAX_BODY_CHARS, `holds more than ${MAX_BODY_CHARS} characters (a note holds at most ${MAX_BODY_CHARS})`);

const noteRow = shape({ id: str, pageUrl: str, target, body: noteBody, tags: strArray, createdAt: num, updatedAt: num });
/** A backup with `referenceLists: [{}]` would otherwise import and then break the library page. */
const outlineItem = shape({ id: str, level: num, text: str });
const identifier = shape({ type: str, value: str });
const entry = shape({ id: str, text: str, links: strArray, identifiers: listOf(identifier), hasLink: bool });
const referenceList = shape({ id: str, heading: str, entries: listOf(entry) });
const pageRow = shape({ url: str, title: str, site: str, firstSavedAt: num, updatedAt: num, outline: listOf(outlineItem), referenceLists: listOf(referenceList), unlinked: num });
const knownStatus: Check = (v) => ((CHECK_STATUSES as readonly unknown[]).includes(v) ? null : ' is not a known check status');
const checkRow = shape({ id: str, pageUrl: str, fingerprint: str, entryId: str, entryText: str, note: str, updatedAt: num, status: knownStatus });
const candidate = shape({ doi: str, title: str, score: num });
const matchRow = shape({ id: str, pageUrl: str, fingerprint: str, entryId: str, entryText: str, candidate, decision: oneOf('accepted', 'rejected'), decidedAt: num });

export type RowListName = 'pages' | 'notes' | 'checks' | 'matches';

/** The file's JSON and header (format, version, lists), before the rows are checked. */
export function readBackup(text: string): StoreResult<Record<string, unknown>> {
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
  if (!READABLE_VERSIONS.includes(data.version)) return failure('invalid', `backup version ${data.version} is not supported`);
  const header = shape({ exportedAt: str, pages: arr, notes: arr, checks: arr, ...(data.version >= 2 ? { matches: arr } : {}) });
  const problem = problemAt(header, data, 'the backup');
  return problem ? failure('invalid', problem.replace(/^the backup\./, '')) : { ok: true, value: data };
}

/** The row lists of a read backup, each with the check of its rows, in the order they are checked and written. */
export function rowLists(data: Record<string, unknown>): [name: RowListName, rows: unknown[], check: Check][] {
  return [
    ['pages', data.pages as unknown[], pageRow],
    ['notes', data.notes as unknown[], noteRow],
    ['checks', data.checks as unknown[], checkRow],
    ['matches', (data.matches as unknown[] | undefined) ?? [], matchRow],
  ];
}

/** Parse and validate a backup file's text. */
export function parseBackup(text: string): StoreResult<Backup> {
  const read = readBackup(text);
  if (!read.ok) return read;
  for (const [name, rows, check] of rowLists(read.value)) {
    for (let i = 0; i < rows.length; i++) {
      const problem = problemAt(check, rows[i], `${name}[${i}]`);
      if (problem) return failure('invalid', problem);
    }
  }
  return { ok: true, value: { ...read.value, matches: (read.value.matches as OnlineMatchRecord[] | undefined) ?? [] } as unknown as Backup };
}


/**
 * Every version of the database schema, kept (Dexie needs the old ones to upgrade from them). Add a version by
 * appending: never edit an old one. Each upgrade is a named function, tested on malformed rows (tests/store/schema.test.ts).
 */
import type Dexie from 'dexie';
import type { Transaction } from 'dexie';
import { wordsForNote } from './words';
import { putNotes, upgradeTables } from './note-index';
import type { Note } from './types';

export const DB_NAME = 'citelens';

/** v1: pages by normalised URL; notes by id with page and tags; reference checks by page + entry fingerprint; meta. */
export const SCHEMA_V1 = {
  pages: 'url, updatedAt, site',
  notes: 'id, pageUrl, updatedAt, *tags',
  checks: 'id, pageUrl, status',
  meta: 'key',
} as const;

/** v2: a multi-entry word index on notes for full-text (prefix) search. */
export const SCHEMA_V2 = {
  notes: 'id, pageUrl, updatedAt, *tags, *words',
} as const;

/**
 * v3: the same indexes; `words` no longer holds one-letter words and stop words (lib/store/words.ts), which cut the
 * index entries written per note (most of a large import's time, bench/ issue #5).
 */
export const SCHEMA_V3 = SCHEMA_V2;

/**
 * v4: notes grouped per page, with the word index as posting lists (lib/store/note-index.ts). A 100,000-note import
 * wrote 100,000 records and 3 million index entries (63 s in Chromium); now about 11,000 records. The `notes` table
 * is deleted once its rows are moved.
 */
export const SCHEMA_V4 = {
  notes: null,
  noteGroups: 'no, &pageUrl',
  notePostings: '[prefix+part]',
  noteIds: 'shard',
  noteSlots: 'block',
} as const;

/**
 * v5: the opt-in online checks (issue 24). `lookups`: what a service said about a DOI, an address or a search, with
 * the date asked and, for addresses, every check (lib/online/links.ts' dead-link rule needs the history); it is a
 * cache, shared by every page. `onlineResults`: each entry's last results, per page and entry fingerprint (as
 * `checks`), so the panel shows them after a reload. `onlineMatches`: the reader's accept or reject of a candidate
 * for an unlinked entry. Consent per service is a `meta` row. New tables only: no row of v4 is touched.
 */
export const SCHEMA_V5 = {
  lookups: 'key, kind, checkedAt',
  onlineResults: 'id, pageUrl',
  onlineMatches: 'id, pageUrl',
} as const;

export const LATEST_VERSION = 5;

/** v1 → v2: fill `words` for every note (with the current rule: a v1 database goes through v3's upgrade next anyway). Malformed rows get `[]` (or what can be read), never removed. */
export async function fillNoteWords(tx: Transaction): Promise<void> {
  await tx
    .table('notes')
    .toCollection()
    .modify((row: Record<string, unknown>) => {
      row.words = wordsForNote(row);
    });
}

/** v2 → v3: recompute `words` with the v3 rule (drops one-letter and stop words). Every row kept, as in v1 → v2. */
export async function refillNoteWords(tx: Transaction): Promise<void> {
  await fillNoteWords(tx);
}

/**
 * v3 → v4: move every note row into its page's group and index it. Rows are kept as they were (malformed fields
 * too; rows without a text pageUrl go to the group ''), without the stored `words`, which are now derived.
 */
export async function groupNotes(tx: Transaction): Promise<void> {
  await putNotes(upgradeTables(tx), (await tx.table('notes').toArray()) as Note[]);
}

/** Declare versions 1..upTo on a Dexie instance (tests pass an older `upTo` to build an old database). Dexie runs every
 * upgrade above the database's version in turn; v4 derives every note's words again and drops the `notes` table, so
 * when the schema goes up to v4 the v2 and v3 steps, which rewrite every row with its words, are left out (a v1 or v2
 * database would otherwise pay one to two full rewrites of its notes for nothing). */
export function applySchema(db: Dexie, upTo: number = LATEST_VERSION): void {
  db.version(1).stores(SCHEMA_V1);
  const words = upTo < 4;
  if (upTo >= 2) {
    const v2 = db.version(2).stores(SCHEMA_V2);
    if (words) v2.upgrade(fillNoteWords);
  }
  if (upTo >= 3) {
    const v3 = db.version(3).stores(SCHEMA_V3);
    if (words) v3.upgrade(refillNoteWords);
  }
  if (upTo >= 4) db.version(4).stores(SCHEMA_V4).upgrade(groupNotes);
  if (upTo >= 5) db.version(5).stores(SCHEMA_V5);
}

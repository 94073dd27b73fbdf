/**
 * Import a backup: the whole file is checked first (lib/backup/checks.ts), then merged in one transaction
 * (lib/store/bulk.ts), so a refusal or a failure part-way changes nothing. The file holds note rows whatever the
 * stored layout (schema v4 groups them per page): backups of every version import alike.
 */
import type { CitelensDb } from '../store/db';
import { attempt, failure, type StoreResult } from '../store/errors';
import { mergeEverything, type MergeReport } from '../store/bulk';
import type { Note } from '../store/types';
import { wordsForNote } from '../store/words';
import { problemAt } from '../check';
import { readBackup, rowLists } from './checks';

export type ImportReport = MergeReport;

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

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Import a backup file's text: merge without duplicates (by note id; same id with different content → newer
 * updatedAt wins), pages by URL, checks and matches by id. Refusals and failures leave the database as it was.
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
  for (const [name, rows, check] of lists) {
    for (let start = 0; start < rows.length; start += CHECK_CHUNK) {
      const end = Math.min(rows.length, start + CHECK_CHUNK);
      for (let i = start; i < end; i++) {
        const problem = problemAt(check, rows[i], `${name}[${i}]`);
        if (problem) return failure('invalid', problem);
      }
      if (name === 'notes') for (let i = start; i < end; i++) words.set(rows[i] as Note, wordsForNote(rows[i]));
      done += end - start;
      onProgress?.({ phase: 'checking', done, total });
      if (onProgress) await nextTask();
    }
  }
  const [[, pages], [, notes], [, checks], [, matches]] = lists;
  const rows = { pages, notes, checks, matches } as unknown as Parameters<typeof mergeEverything>[1];
  return attempt(() => mergeEverything(db, rows, words, (written, toWrite) => onProgress?.({ phase: 'saving', done: written, total: toWrite })));
}

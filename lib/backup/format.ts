/**
 * The JSON backup file: its format, versions and rows (the checks are lib/backup/checks.ts). Version 2 adds the
 * reader's accepted and rejected online matches; version 1 files (without them) import alike.
 */
import type { CheckRecord, Note, OnlineMatchRecord, PageRecord } from '../store/types';

export const BACKUP_FORMAT = 'citelens-backup';
export const BACKUP_VERSION = 2;
/** Versions this Citelens reads: 1 (pages, notes, checks) and 2 (also matches). */
export const READABLE_VERSIONS: readonly number[] = [1, 2];
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
  matches: OnlineMatchRecord[];
}

export function backupToJson(backup: Backup): string {
  return JSON.stringify(backup, null, 1);
}

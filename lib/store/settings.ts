/**
 * The reader's settings and Citelens' own marks: one `meta` row each, every key named here. Reads never throw (a
 * missing or unreadable row is `undefined`); writes are results.
 */
import type { CitelensDb } from './tables';
import { attempt, type StoreResult } from './errors';

/** Whether the weekly backup to the Downloads folder is on (lib/backup/auto.ts): true or false. */
export const AUTO_BACKUP_KEY = 'autoBackup';
/** When the last backup, manual or automatic, was saved: a time in ms. */
export const LAST_BACKUP_KEY = 'lastBackupAt';
/** When Citelens asked the browser to keep its data (navigator.storage.persist()); asked once, on the first note. */
export const PERSIST_ASKED_KEY = 'persistAskedAt';
/** When the reader dismissed the panel's first-run help: a time in ms. */
export const WELCOMED_KEY = 'welcomedAt';
/** Consent per online service and the reader's e-mail address for the registries (lib/store/online.ts). */
export const ONLINE_SETTINGS_KEY = 'online.settings';

export async function readSetting(db: CitelensDb, key: string): Promise<unknown> {
  return (await db.meta.get(key).catch(() => undefined))?.value;
}

export function writeSetting<T>(db: CitelensDb, key: string, value: T): Promise<StoreResult<T>> {
  return attempt(async () => {
    await db.meta.put({ key, value });
    return value;
  });
}

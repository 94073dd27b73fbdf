/** Storage status for the library page: usage, quota, persistence, last backup. Takes navigator as a parameter. */
import type { CitelensDb } from './tables';
import type { StoreResult } from './errors';
import { LAST_BACKUP_KEY, PERSIST_ASKED_KEY, readSetting, writeSetting } from './settings';

export interface StorageStatus {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
  lastBackupAt: number | null;
}

export type StorageNavigator = { storage?: Partial<Pick<StorageManager, 'estimate' | 'persisted' | 'persist'>> };

export async function storageStatus(db: CitelensDb, nav: StorageNavigator): Promise<StorageStatus> {
  const estimate = nav.storage?.estimate ? await nav.storage.estimate().catch(() => null) : null;
  const persisted = nav.storage?.persisted ? await nav.storage.persisted().catch(() => null) : null;
  const last = await readSetting(db, LAST_BACKUP_KEY);
  return {
    usage: estimate?.usage ?? null,
    quota: estimate?.quota ?? null,
    persisted,
    lastBackupAt: typeof last === 'number' ? last : null,
  };
}

/** Ask the browser not to evict our data under storage pressure. Resolves to what the browser granted. */
export async function requestPersist(nav: StorageNavigator): Promise<boolean> {
  return nav.storage?.persist ? nav.storage.persist().catch(() => false) : false;
}

export function recordBackup(db: CitelensDb, now: number = Date.now()): Promise<StoreResult<number>> {
  return writeSetting(db, LAST_BACKUP_KEY, now);
}

/** What the browser answered when asked to keep Citelens' data; `unsupported` when it has no such request. */
export type PersistOutcome = 'granted' | 'refused' | 'unsupported';

/**
 * Ask the browser to keep Citelens' data, once: when the first note is saved. Null when it was asked before (the
 * library page has a button to ask again). Already persisted counts as granted, without asking.
 */
export async function askPersistOnce(db: CitelensDb, nav: StorageNavigator, now: number = Date.now()): Promise<PersistOutcome | null> {
  if (await readSetting(db, PERSIST_ASKED_KEY)) return null;
  let outcome: PersistOutcome;
  if (!nav.storage?.persist) outcome = 'unsupported';
  else if (nav.storage.persisted && (await nav.storage.persisted().catch(() => false))) outcome = 'granted';
  else outcome = (await requestPersist(nav)) ? 'granted' : 'refused';
  await writeSetting(db, PERSIST_ASKED_KEY, now);
  return outcome;
}

/** Storage status for the library page: usage, quota, persistence, last backup. Takes navigator as a parameter. */
import type { CitelensDb } from './db';
import { attempt, type StoreResult } from './errors';

export const LAST_BACKUP_KEY = 'lastBackupAt';

export interface StorageStatus {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
  lastBackupAt: number | null;
}

type StorageNavigator = { storage?: Partial<Pick<StorageManager, 'estimate' | 'persisted' | 'persist'>> };

export async function storageStatus(db: CitelensDb, nav: StorageNavigator): Promise<StorageStatus> {
  const estimate = nav.storage?.estimate ? await nav.storage.estimate().catch(() => null) : null;
  const persisted = nav.storage?.persisted ? await nav.storage.persisted().catch(() => null) : null;
  const last = await db.meta.get(LAST_BACKUP_KEY).catch(() => undefined);
  return {
    usage: estimate?.usage ?? null,
    quota: estimate?.quota ?? null,
    persisted,
    lastBackupAt: typeof last?.value === 'number' ? last.value : null,
  };
}

/** Ask the browser not to evict our data under storage pressure. Resolves to what the browser granted. */
export async function requestPersist(nav: StorageNavigator): Promise<boolean> {
  return nav.storage?.persist ? nav.storage.persist().catch(() => false) : false;
}

export function recordBackup(db: CitelensDb, now: number = Date.now()): Promise<StoreResult<number>> {
  return attempt(async () => {
    await db.meta.put({ key: LAST_BACKUP_KEY, value: now });
    return now;
  });
}

/** The notes database: one Dexie instance per context (panel, library), in the extension's origin only. */
import Dexie from 'dexie';
import { applySchema, DB_NAME } from './schema';
import { failure, type StoreResult } from './errors';

export type { CitelensDb } from './tables';
import type { CitelensDb } from './tables';

export interface DbOptions {
  /** For tests: fake-indexeddb's factory and key range (otherwise the browser's globals). */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

/** A fresh Dexie instance on the latest schema; not opened yet (Dexie opens on first use, or call openDb). */
export function createDb(name: string = DB_NAME, options: DbOptions = {}): CitelensDb {
  const db = new Dexie(name, options) as CitelensDb;
  applySchema(db);
  return db;
}

/**
 * Open the database, reporting an upgrade blocked by an older open tab as a value right away (the open carries on and
 * finishes when that tab closes). `onVersionChange` runs when another tab upgrades: this instance closes itself so it
 * does not block them, and the UI should ask for a reload.
 */
export function openDb(db: CitelensDb, onVersionChange?: () => void): Promise<StoreResult<true>> {
  return new Promise((resolve) => {
    const onBlocked = () => resolve(failure('blocked'));
    db.on('blocked', onBlocked);
    db.on('versionchange', () => {
      db.close();
      onVersionChange?.();
      return false;
    });
    db.open().then(
      () => {
        db.on('blocked').unsubscribe(onBlocked);
        resolve({ ok: true, value: true });
      },
      (error: unknown) => resolve(failure('closed', error instanceof Error ? error.message : String(error))),
    );
  });
}

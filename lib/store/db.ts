/** The notes database: one Dexie instance per context (panel, library), in the extension's origin only. */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { CheckRecord, IdShard, MetaRecord, NoteGroup, OnlineMatchRecord, OnlineResultRecord, PageRecord, PostingPart, SlotBlock } from './types';
import type { LookupRecord } from '../online/types';
import { applySchema, DB_NAME } from './schema';
import { failure, type StoreResult } from './errors';

export type CitelensDb = Dexie & {
  pages: EntityTable<PageRecord, 'url'>;
  /** Notes, grouped per page (schema v4); read and written through lib/store/note-index.ts. */
  noteGroups: Table<NoteGroup, number>;
  notePostings: Table<PostingPart, [string, number]>;
  noteIds: Table<IdShard, number>;
  noteSlots: Table<SlotBlock, number>;
  checks: EntityTable<CheckRecord, 'id'>;
  meta: EntityTable<MetaRecord, 'key'>;
  /** Online checks (schema v5): answers per DOI, address and search; each entry's last results; accepted matches. */
  lookups: EntityTable<LookupRecord, 'key'>;
  onlineResults: EntityTable<OnlineResultRecord, 'id'>;
  onlineMatches: EntityTable<OnlineMatchRecord, 'id'>;
};

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

/** The database's tables, as a type: what every store module works on (lib/store/db.ts opens it). */
import type Dexie from 'dexie';
import type { EntityTable, Table } from 'dexie';
import type { CheckRecord, IdShard, MetaRecord, NoteGroup, OnlineMatchRecord, OnlineResultRecord, PageRecord, PostingPart, SlotBlock } from './types';
import type { LookupRecord } from '../online/types';

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


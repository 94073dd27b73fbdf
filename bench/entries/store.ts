/** Bundled by bench/run.ts into an IIFE that sets `window.__store`: the Dexie store and the backup import, unchanged. */
import { createDb } from '../../lib/store/db';
import { notesForPage } from '../../lib/store/notes';
import { searchNotes, searchNotesPaged } from '../../lib/store/search';
import { queryTerms, wordsForNote } from '../../lib/store/words';
import { backupToJson, importBackup } from '../../lib/backup/backup';

const api = { createDb, notesForPage, searchNotes, searchNotesPaged, importBackup, backupToJson, queryTerms, wordsForNote };
export type StoreBenchApi = typeof api;
(globalThis as unknown as { __store: StoreBenchApi }).__store = api;

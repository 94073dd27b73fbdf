import 'fake-indexeddb/auto';
import { createDb, type CitelensDb } from '../../lib/store/db';
import { allNotes, noteScope, noteTables, putNotes as putInTables } from '../../lib/store/note-index';
import type { Note } from '../../lib/store/types';

let counter = 0;
/** A fresh database with a unique name (fake-indexeddb keeps databases for the whole file). */
export function freshDb(): CitelensDb {
  counter += 1;
  return createDb(`test-${counter}-${Math.random().toString(36).slice(2)}`);
}

export function unwrap<T>(r: { ok: true; value: T } | { ok: false; reason: string }): T {
  if (!r.ok) throw new Error(`expected ok, got: ${r.reason}`);
  return r.value;
}

/** Store notes as they are (ids and dates kept), in one transaction: a fast way to fill a test database. */
export async function putNotes(db: CitelensDb, notes: Note[]): Promise<void> {
  await db.transaction('rw', noteScope(db), () => putInTables(noteTables(db), notes));
}

/** Every stored note, by id (the order export and comparisons use). */
export async function notesById(db: CitelensDb): Promise<Note[]> {
  return (await allNotes(noteTables(db))).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

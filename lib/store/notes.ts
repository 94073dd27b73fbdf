/** Notes: create, edit, delete with undo, list, tags. Every write returns a StoreResult (never throws). */
import type { CitelensDb } from './db';
import { attempt, failure, type StoreResult } from './errors';
import type { Note, NoteTarget } from './types';
import { normalizeUrl, siteOf } from './url';
import { countNotes, liveSlots, NoteBatch, noteScope, noteTables, putNotes, readSlots, tagSlots } from './note-index';

/** A note body this long is a pasted book, not a note; refused with a message rather than slowing every search. */
export const MAX_BODY_CHARS = 100_000;
/** Tags: trimmed, lower-cased, at most this long, no commas (the tag box splits on commas). */
const MAX_TAG_CHARS = 40;

export interface NoteDraft {
  pageUrl: string;
  /** The page's title, to create its row the first time a note is saved on it. */
  pageTitle?: string;
  target: NoteTarget;
  body: string;
  tags?: string[];
}

export function cleanTags(tags: unknown): string[] {
  if (!Array.isArray(tags)) return [];
  const out = tags
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/,/g, ' ').trim().replace(/\s+/g, ' ').toLowerCase().slice(0, MAX_TAG_CHARS))
    .filter(Boolean);
  return [...new Set(out)];
}

/** Split what was typed in a tag box ("a, b ,c") into clean tags. */
export function parseTags(text: string): string[] {
  return cleanTags(text.split(','));
}

export async function saveNote(db: CitelensDb, draft: NoteDraft, now: number = Date.now()): Promise<StoreResult<Note>> {
  if (typeof draft.body !== 'string' || draft.body.length > MAX_BODY_CHARS) return failure('invalid', `a note holds at most ${MAX_BODY_CHARS} characters`);
  const pageUrl = normalizeUrl(draft.pageUrl);
  const note: Note = {
    id: crypto.randomUUID(),
    pageUrl,
    target: draft.target,
    body: draft.body,
    tags: cleanTags(draft.tags ?? []),
    createdAt: now,
    updatedAt: now,
  };
  return attempt(() =>
    db.transaction('rw', [db.pages, ...noteScope(db)], async () => {
      const page = await db.pages.get(pageUrl);
      if (!page) {
        await db.pages.add({ url: pageUrl, title: draft.pageTitle ?? '', site: siteOf(pageUrl), firstSavedAt: now, updatedAt: now, outline: [], referenceLists: [], unlinked: 0 });
      } else {
        await db.pages.update(pageUrl, { updatedAt: now });
      }
      await putNotes(noteTables(db), [note]);
      return note;
    }),
  );
}

export interface NotePatch {
  body?: string;
  tags?: string[];
  target?: NoteTarget;
}

/** Change a note (read-modify-write in one transaction, so two panels editing never lose a note). */
export async function updateNote(db: CitelensDb, id: string, patch: NotePatch, now: number = Date.now()): Promise<StoreResult<Note>> {
  if (patch.body !== undefined && (typeof patch.body !== 'string' || patch.body.length > MAX_BODY_CHARS)) {
    return failure('invalid', `a note holds at most ${MAX_BODY_CHARS} characters`);
  }
  const result = await attempt(() =>
    db.transaction('rw', noteScope(db), async () => {
      const batch = await NoteBatch.open(noteTables(db), [id], []);
      const old = batch.get(id);
      if (!old) return null;
      const next: Note = {
        ...old,
        ...(patch.body !== undefined ? { body: patch.body } : {}),
        ...(patch.tags !== undefined ? { tags: cleanTags(patch.tags) } : {}),
        ...(patch.target !== undefined ? { target: patch.target } : {}),
        updatedAt: Math.max(now, old.updatedAt + 1),
      };
      batch.put(next);
      await batch.flush();
      return next;
    }),
  );
  if (result.ok && result.value === null) return failure('not-found');
  return result as StoreResult<Note>;
}

/** Delete a note; the removed note is returned so the UI can offer undo (restoreNote). */
export async function deleteNote(db: CitelensDb, id: string): Promise<StoreResult<Note>> {
  const result = await attempt(() =>
    db.transaction('rw', noteScope(db), async () => {
      const batch = await NoteBatch.open(noteTables(db), [id], []);
      const old = batch.remove(id);
      if (old) await batch.flush();
      return old ?? null;
    }),
  );
  if (result.ok && result.value === null) return failure('not-found');
  return result as StoreResult<Note>;
}

/** Undo a delete: put the note back as it was (same id, same dates). */
export function restoreNote(db: CitelensDb, note: Note): Promise<StoreResult<Note>> {
  return attempt(() =>
    db.transaction('rw', noteScope(db), async () => {
      await putNotes(noteTables(db), [note]);
      return note;
    }),
  );
}

/** The notes of one page, oldest first: one record. A liveQuery-safe function (only Dexie calls). */
export async function notesForPage(db: CitelensDb, pageUrl: string): Promise<Note[]> {
  const group = await db.noteGroups.where('pageUrl').equals(normalizeUrl(pageUrl)).first();
  return (group?.notes ?? []).sort((a, b) => a.createdAt - b.createdAt);
}

/** One note by id, or undefined. */
export function getNote(db: CitelensDb, id: string): Promise<Note | undefined> {
  return db.transaction('r', noteScope(db), async () => (await NoteBatch.open(noteTables(db), [id], [])).get(id));
}

/** How many notes are saved. */
export function noteCount(db: CitelensDb): Promise<number> {
  return countNotes(noteTables(db));
}

export interface TagCount {
  tag: string;
  count: number;
}

/** Every tag with how many notes carry it, most used first: the tag postings, counted over the live slots. */
export async function allTags(db: CitelensDb): Promise<TagCount[]> {
  const tables = noteTables(db);
  const [byTag, slots] = await db.transaction('r', noteScope(db), () => Promise.all([tagSlots(tables), readSlots(tables)]));
  return [...byTag]
    .map(([tag, lists]) => ({ tag, count: liveSlots(lists, slots).length }))
    .filter((t) => t.count > 0)
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

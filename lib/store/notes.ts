/** Notes: create, edit, delete with undo, list, tags. Every write returns a StoreResult (never throws). */
import type { CitelensDb } from './db';
import { attempt, failure, type StoreResult } from './errors';
import type { Note, NoteTarget } from './types';
import { normalizeUrl, siteOf } from './url';
import { wordsForNote } from './words';

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

function withWords(note: Note): Note {
  return { ...note, words: wordsForNote(note) };
}

export async function saveNote(db: CitelensDb, draft: NoteDraft, now: number = Date.now()): Promise<StoreResult<Note>> {
  if (typeof draft.body !== 'string' || draft.body.length > MAX_BODY_CHARS) return failure('invalid', `a note holds at most ${MAX_BODY_CHARS} characters`);
  const pageUrl = normalizeUrl(draft.pageUrl);
  const note = withWords({
    id: crypto.randomUUID(),
    pageUrl,
    target: draft.target,
    body: draft.body,
    tags: cleanTags(draft.tags ?? []),
    createdAt: now,
    updatedAt: now,
  });
  return attempt(() =>
    db.transaction('rw', db.notes, db.pages, async () => {
      const page = await db.pages.get(pageUrl);
      if (!page) {
        await db.pages.add({ url: pageUrl, title: draft.pageTitle ?? '', site: siteOf(pageUrl), firstSavedAt: now, updatedAt: now, outline: [], referenceLists: [], unlinked: 0 });
      } else {
        await db.pages.update(pageUrl, { updatedAt: now });
      }
      await db.notes.add(note);
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
    db.transaction('rw', db.notes, async () => {
      const old = await db.notes.get(id);
      if (!old) return null;
      const next = withWords({
        ...old,
        ...(patch.body !== undefined ? { body: patch.body } : {}),
        ...(patch.tags !== undefined ? { tags: cleanTags(patch.tags) } : {}),
        ...(patch.target !== undefined ? { target: patch.target } : {}),
        updatedAt: Math.max(now, old.updatedAt + 1),
      });
      await db.notes.put(next);
      return next;
    }),
  );
  if (result.ok && result.value === null) return failure('not-found');
  return result as StoreResult<Note>;
}

/** Delete a note; the removed note is returned so the UI can offer undo (restoreNote). */
export async function deleteNote(db: CitelensDb, id: string): Promise<StoreResult<Note>> {
  const result = await attempt(() =>
    db.transaction('rw', db.notes, async () => {
      const old = await db.notes.get(id);
      if (old) await db.notes.delete(id);
      return old ?? null;
    }),
  );
  if (result.ok && result.value === null) return failure('not-found');
  return result as StoreResult<Note>;
}

/** Undo a delete: put the note back as it was (same id, same dates). */
export function restoreNote(db: CitelensDb, note: Note): Promise<StoreResult<Note>> {
  return attempt(async () => {
    await db.notes.put(withWords(note));
    return note;
  });
}

/** The notes of one page, oldest first. A liveQuery-safe function (only Dexie calls). */
export async function notesForPage(db: CitelensDb, pageUrl: string): Promise<Note[]> {
  const notes = await db.notes.where('pageUrl').equals(normalizeUrl(pageUrl)).toArray();
  return notes.sort((a, b) => a.createdAt - b.createdAt);
}

export interface TagCount {
  tag: string;
  count: number;
}

/** Every tag with how many notes carry it, most used first. One pass over the tags index. */
export async function allTags(db: CitelensDb): Promise<TagCount[]> {
  const keys = await db.notes.orderBy('tags').keys();
  const counts = new Map<string, number>();
  for (const k of keys) if (typeof k === 'string') counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

export function notesWithTag(db: CitelensDb, tag: string): Promise<Note[]> {
  return db.notes.where('tags').equals(tag).toArray();
}

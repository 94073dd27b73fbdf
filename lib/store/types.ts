/** Rows of the notes database (IndexedDB in the extension's origin). Plain JSON, so a backup is the rows themselves. */
import type { Selector } from '../anchor/types';
import type { OutlineItem, ReferenceList } from '../extract/types';
import type { EntryOnline, MatchCandidate } from '../online/types';

/** What a note is about. */
export type NoteTarget =
  | { kind: 'page' }
  /** A selected passage. `sectionId` is the outline item it sits in, when known (for export under its section). */
  | { kind: 'quote'; quote: string; selectors: Selector[]; sectionId?: string | null }
  /** An outline item; its text is kept so the note still reads well if the outline changes. */
  | { kind: 'section'; sectionId: string; sectionText: string }
  /** A reference entry, by the fingerprint of its text (survives re-extraction), with the id it had then. */
  | { kind: 'entry'; entryId: string; fingerprint: string; entryText: string };

export interface Note {
  /** crypto.randomUUID(), so notes from two devices merge without clashes. */
  id: string;
  /** normalizeUrl() of the page. */
  pageUrl: string;
  target: NoteTarget;
  /** Plain text with light Markdown (rendered as Preact nodes, never as HTML). */
  body: string;
  tags: string[];
  createdAt: number;
  updatedAt: number;
}

export interface PageRecord {
  url: string;
  title: string;
  /** Host without "www.", for display and grouping. */
  site: string;
  firstSavedAt: number;
  updatedAt: number;
  /** Snapshot of the report's outline and references when last seen (for export and the library). */
  outline: OutlineItem[];
  referenceLists: ReferenceList[];
  unlinked: number;
}

export const CHECK_STATUSES = ['unchecked', 'verified', 'disputed', 'not-found'] as const;
export type CheckStatusValue = (typeof CHECK_STATUSES)[number];

export interface CheckRecord {
  /** `${pageUrl} ${fingerprint}`: one status per page and entry text. */
  id: string;
  pageUrl: string;
  fingerprint: string;
  /** The entry's id when it was last checked (ids change when the extractor changes; fingerprints do not). */
  entryId: string;
  entryText: string;
  status: CheckStatusValue;
  note: string;
  updatedAt: number;
}

/** An entry's last online results on a page (schema v5), keyed like CheckRecord. */
export interface OnlineResultRecord {
  /** `${pageUrl} ${fingerprint}`. */
  id: string;
  pageUrl: string;
  fingerprint: string;
  entryId: string;
  result: EntryOnline;
}

/** The reader's decision on a candidate for an unlinked entry (schema v5): shown as "linked: found online" when accepted. */
export interface OnlineMatchRecord {
  id: string;
  pageUrl: string;
  fingerprint: string;
  entryId: string;
  entryText: string;
  candidate: MatchCandidate;
  decision: 'accepted' | 'rejected';
  decidedAt: number;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

// ---- the stored layout of notes since schema v4 (lib/store/note-index.ts) ----

/**
 * The notes of one page, in one record: the page's notes load in one read, and an import writes one record per page
 * instead of one per note (each IndexedDB record cost 120–250 µs in Chromium: bench/out probe, issue #5).
 */
export interface NoteGroup {
  /** Group number, referred to by the slot blocks. */
  no: number;
  /** normalizeUrl() of the page ('' for rows without a text pageUrl, kept from older versions). */
  pageUrl: string;
  /** The notes, as saved (rows from older versions are kept as they were, malformed fields included). */
  notes: Note[];
  /** The slot number of each note (same order as `notes`): what the posting lists refer to. */
  slots: number[];
}

/**
 * Part of the word index: for the words starting with `prefix`, the slots of the notes holding each word. A prefix's
 * parts are numbered from 0; new slots go into the last part, a new part starts when it is full. Tags are filed the
 * same way under TAG_PREFIX + tag.
 */
export interface PostingPart {
  prefix: string;
  part: number;
  /** Slots in this part, all words together. */
  count: number;
  words: Map<string, number[]>;
}

/** Which slot holds each note id, for the ids whose hash falls in this shard. */
export interface IdShard {
  shard: number;
  ids: Map<string, number>;
}

/**
 * A block of consecutive slots: each slot is one saved version of a note (a new slot on every save, so the postings
 * of a note's old words never need removing: they point to a freed slot). `group` is -1 for a freed slot.
 */
export interface SlotBlock {
  block: number;
  /** Slots handed out so far in this block. */
  used: number;
  updatedAt: Float64Array;
  group: Int32Array;
}

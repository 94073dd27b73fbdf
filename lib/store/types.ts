/** Rows of the notes database (IndexedDB in the extension's origin). Plain JSON, so a backup is the rows themselves. */
import type { Selector } from '../anchor/types';
import type { OutlineItem, ReferenceList } from '../extract/types';

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
  /** Search words (schema v2): folded words of body, quote, tags and target text. Filled by the store. */
  words?: string[];
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

export interface MetaRecord {
  key: string;
  value: unknown;
}

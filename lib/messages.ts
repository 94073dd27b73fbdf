/**
 * The protocol between the extension's contexts: one typed map per direction (Hypothesis' port-rpc-calls style).
 * Expected failures are values (`{ ok: false, reason }`), never thrown strings. The content script holds no notes:
 * it reads the page and paints; the panel owns the database.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PageReport } from './extract/types';
import type { Selector } from './anchor/types';
import type { NoteSpan, Result } from './types';

export type { NoteSpan, Result } from './types';
export { TEXT_CHANGED } from './types';

export type JumpTarget = { kind: 'heading' | 'entry' | 'marker'; id: string } | { kind: 'note'; noteId: string };

export interface NoteAnchorRequest {
  noteId: string;
  selectors: Selector[];
}

/** Calls the side panel (or library page, or background) makes to the content script of one tab. */
export interface ToContent {
  /** The page's report. `force` runs the full report even where the page does not look like an article. */
  getReport(req: { force?: boolean }): Result<PageReport>;
  /** Scroll the page to a heading, entry, marker or note's quote, below any sticky header, and mark it briefly. */
  jumpTo(target: JumpTarget): Result<true>;
  /** Describe the reader's current selection as Web Annotation selectors. */
  describeSelection(): Result<{ selectors: Selector[]; quote: string }>;
  /** The page's text as notes count positions in it (the panel finds the notes' quotes in it: lib/anchor/place.ts). */
  pageText(): Result<{ text: string }>;
  /** Paint these spans of the text pageText last gave as highlights (replacing earlier ones); fails if it changed. */
  paintNotes(req: { spans: NoteSpan[] }): Result<{ painted: number }>;
}

/** Calls the content script makes to the extension (background relays to the panel via runtime messaging). */
export interface FromContent {
  /** The page changed enough (navigation without reload, large DOM change) that its report should be fetched again. */
  pageChanged(info: { url: string }): void;
  /** The section being read changed (scroll-spy); id of the outline item, or null. */
  sectionChanged(info: { url: string; outlineId: string | null }): void;
  /** Unlinked-entry count for the toolbar badge; null on pages that are not articles. */
  badge(info: { unlinked: number | null }): void;
  /** A highlighted quote was clicked on the page. */
  noteClicked(info: { noteId: string }): void;
  /**
   * The page looks like an article (the always-on script's cheap check): inject the reader into the sending frame
   * (lib/background/reader.ts). Answers once the reader runs there.
   */
  loadReader(): Result<true>;
}

const silent = { logger: { debug() {}, log() {}, warn() {}, error() {} } };
export const toContent = defineExtensionMessaging<ToContent>(silent);
export const fromContent = defineExtensionMessaging<FromContent>(silent);

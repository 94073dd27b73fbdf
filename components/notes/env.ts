/**
 * What the notes components need from the outside: the database and two calls to the tab's content script. Built
 * once per panel/page with createNotesEnv() and passed down through NotesProvider, so tests build their own (no
 * module-level state). NotesView also provides its env to its own children.
 */
import { createContext } from 'preact';
import { useContext, useState } from 'preact/hooks';
import { placeNotes } from '../../lib/anchor/place';
import type { AnchorResult, Selector } from '../../lib/anchor/types';
import { toContent, type NoteAnchorRequest, type Result } from '../../lib/messages';
import { createDb, type CitelensDb } from '../../lib/store/db';
import type { StorageNavigator } from '../../lib/store/status';

export interface NotesEnv {
  db: CitelensDb;
  /** The reader's selection in the tab, as selectors; ok with an empty quote when nothing is selected. */
  describeSelection(tabId: number | null): Promise<Result<{ selectors: Selector[]; quote: string }>>;
  /** Find these notes in the tab's text and paint them there; learn which were found. */
  anchorNotes(tabId: number | null, notes: NoteAnchorRequest[]): Promise<Result<AnchorResult[]>>;
  now(): number;
  /** The browser's storage manager, asked to keep the data when the first note is saved; absent in most tests. */
  nav?: StorageNavigator;
}

const NO_TAB: { ok: false; reason: string } = { ok: false, reason: 'No page is open in this tab.' };

function messageOf(error: unknown): string {
  return `The page did not answer (${error instanceof Error ? error.message : String(error)}). Reload the page and try again.`;
}

/** The real environment: the extension's database and the typed messages of lib/messages.ts. */
export function createNotesEnv(db: CitelensDb = createDb(), nav: StorageNavigator = globalThis.navigator): NotesEnv {
  return {
    db,
    nav,
    async describeSelection(tabId) {
      if (tabId === null) return NO_TAB;
      try {
        return await toContent.sendMessage('describeSelection', undefined, tabId);
      } catch (error) {
        return { ok: false, reason: messageOf(error) };
      }
    },
    async anchorNotes(tabId, notes) {
      if (tabId === null) return NO_TAB;
      try {
        return await placeNotes(
          {
            pageText: () => toContent.sendMessage('pageText', undefined, tabId),
            paintNotes: (spans) => toContent.sendMessage('paintNotes', { spans }, tabId),
          },
          notes,
        );
      } catch (error) {
        return { ok: false, reason: messageOf(error) };
      }
    },
    now: () => Date.now(),
  };
}

export const NotesEnvContext = createContext<NotesEnv | null>(null);
export const NotesProvider = NotesEnvContext.Provider;

/**
 * The env from the nearest NotesProvider. Without one (a host that mounts NotesView or CheckStatus directly), the
 * component builds its own real env once, kept in its state: it works, at the cost of one database connection per
 * such component, so hosts should provide one env for the whole panel.
 */
export function useNotesEnv(): NotesEnv {
  const env = useContext(NotesEnvContext);
  const [fallback] = useState<NotesEnv | null>(() => (env ? null : createNotesEnv()));
  return env ?? fallback!;
}

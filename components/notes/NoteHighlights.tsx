/**
 * The page's notes painted on it as soon as the panel shows the page, whichever tab is open (a reader sees their
 * highlights, and can click one to see its note, without opening the Notes tab first). Renders nothing; tells the
 * panel which quotes were found, for the Notes tab.
 */
import { useEffect } from 'preact/hooks';
import type { PageReport } from '../../lib/extract/types';
import { notesForPage } from '../../lib/store/notes';
import type { Note } from '../../lib/store/types';
import { useNotesEnv } from './env';
import { useLiveQuery } from './useLiveQuery';
import { useNoteAnchors, type Anchors } from './useNoteAnchors';

export interface NoteHighlightsProps {
  pageUrl: string;
  tabId: number | null;
  report: PageReport;
  onAnchors(anchors: Anchors): void;
}

export function NoteHighlights({ pageUrl, tabId, report, onAnchors }: NoteHighlightsProps) {
  const env = useNotesEnv();
  const { value: notes } = useLiveQuery(() => notesForPage(env.db, pageUrl), [env.db, pageUrl], null as Note[] | null);
  const anchors = useNoteAnchors(env, notes, tabId, report);
  useEffect(() => onAnchors(anchors), [anchors]);
  return null;
}

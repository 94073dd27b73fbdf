/**
 * Paint a page's quote notes on it and learn which were found (exact, fuzzy) and which are orphaned, whenever the
 * quote notes change or the page is read again (a reload or a large change brings a new report, and a reloaded page
 * has lost its highlights). Nothing is painted before the notes are read, so a slow database never clears them.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AnchorStatus } from '../../lib/anchor/types';
import type { PageReport } from '../../lib/extract/types';
import type { Note } from '../../lib/store/types';
import type { NotesEnv } from './env';

export type Anchors = Map<string, AnchorStatus>;

export function useNoteAnchors(env: NotesEnv, notes: Note[] | null, tabId: number | null, report: PageReport | null, enabled = true): Anchors {
  const [anchors, setAnchors] = useState<Anchors>(() => new Map());
  const quoteNotes = (notes ?? []).filter((n) => n.target.kind === 'quote');
  const key = notes === null ? null : quoteNotes.map((n) => `${n.id}:${n.updatedAt}`).join(',');
  useEffect(() => {
    if (!enabled || key === null) return;
    let live = true;
    const requests = quoteNotes.map((n) => ({ noteId: n.id, selectors: n.target.kind === 'quote' ? n.target.selectors : [] }));
    void env.anchorNotes(tabId, requests).then((r) => {
      if (live && r.ok) setAnchors(new Map(r.value.map((a) => [a.noteId, a.status])));
    });
    return () => {
      live = false;
    };
  }, [enabled, key, tabId, report]);
  return anchors;
}

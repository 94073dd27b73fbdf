import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { PageReport } from '@/lib/extract/types';

/** The props the notes feature's `NotesView` takes (components/notes/NotesView.tsx, owned by the notes engineer). */
export interface NotesViewProps {
  pageUrl: string;
  title: string;
  report: PageReport | null;
  tabId: number | null;
}

type NotesModule = { NotesView: ComponentType<NotesViewProps> };

/**
 * The notes view, loaded lazily. `import.meta.glob` matches nothing (instead of failing the build) while
 * components/notes/NotesView.tsx does not exist yet, so the panel builds either way.
 */
const notesModules = import.meta.glob<NotesModule>('../notes/NotesView.tsx');

export function NotesSlot(props: NotesViewProps) {
  const [View, setView] = useState<ComponentType<NotesViewProps> | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const load = Object.values(notesModules)[0];
  useEffect(() => {
    if (!load) return;
    load()
      .then((m) => setView(() => m.NotesView))
      .catch((err: unknown) => setFailed(err instanceof Error ? err.message : String(err)));
  }, [load]);
  if (!load) return <p class="empty">Notes are not available in this build yet.</p>;
  if (failed) return <p role="alert">Notes could not be loaded: {failed}</p>;
  if (!View) return <p aria-busy="true">Loading notes…</p>;
  return <View {...props} />;
}

import { useState } from 'preact/hooks';
import { createNotesEnv, NotesProvider } from '@/components/notes/env';
import { NotesView, type NotesViewProps } from '@/components/notes/NotesView';

/** The Notes tab: the notes feature's view (components/notes/, owned there), with one database env per panel. */
export function NotesSlot(props: NotesViewProps) {
  const [env] = useState(createNotesEnv);
  return (
    <NotesProvider value={env}>
      <NotesView {...props} />
    </NotesProvider>
  );
}

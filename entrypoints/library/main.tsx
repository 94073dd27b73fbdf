// The library page (an extension page: chrome-extension://…/library.html). Thin: builds the environment and mounts.
import { render } from 'preact';
import { LibraryView } from '../../components/notes/LibraryView';
import { createNotesEnv, NotesProvider } from '../../components/notes/env';

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

render(
  <NotesProvider value={createNotesEnv()}>
    <LibraryView nav={navigator} download={download} />
  </NotesProvider>,
  document.getElementById('app')!,
);

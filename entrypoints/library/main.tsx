// The library page (an extension page: chrome-extension://…/library.html). Thin: builds the environment and mounts.
import { render } from 'preact';
import { LibraryView, type AutoBackupHost } from '../../components/notes/LibraryView';
import { createNotesEnv, NotesProvider } from '../../components/notes/env';
import { runAutoBackup, type BackupBrowser } from '../../lib/backup/auto';
import { jsonBlobUrl, revokeBlobUrl } from '../../lib/export/blob-url';
import '../../components/ui/theme.css';
import '../../components/notes/library.css';

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

const env = createNotesEnv();
const autoBackup: AutoBackupHost = { api: browser as unknown as BackupBrowser, toUrl: jsonBlobUrl, revoke: revokeBlobUrl };
// The weekly backup, when the reader turned it on and it is due.
void runAutoBackup(env.db, autoBackup.api, jsonBlobUrl, revokeBlobUrl);

render(
  <NotesProvider value={env}>
    <LibraryView nav={navigator} download={download} autoBackup={autoBackup} />
  </NotesProvider>,
  document.getElementById('app')!,
);

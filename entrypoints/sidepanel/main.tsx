import { render } from 'preact';
import { PanelApp } from '@/components/panel/PanelApp';
import { createNotesEnv, NotesProvider } from '@/components/notes/env';
import '@/components/ui/theme.css';
import '@/components/panel/panel.css';
import { runAutoBackup, type BackupBrowser } from '@/lib/backup/auto';
import { jsonBlobUrl, revokeBlobUrl } from '@/lib/export/blob-url';
import { createPanelController, type PanelBrowser } from '@/lib/panel/controller';
import { openLibrary, type LibraryBrowser } from '@/lib/panel/library';
import { parseTarget } from '@/lib/panel/target';
import type { FindingsBrowser } from '@/lib/panel/show-findings';

// Thin: the controller follows the tab named by ?tabId=, else the active tab of this window. One notes env
// (one database connection) for the whole panel: the References check statuses and the Notes tab share it.
const controller = createPanelController(browser as unknown as PanelBrowser, parseTarget(location.search));
const env = createNotesEnv();
// The weekly backup, when the reader turned it on in the library page and it is due (a no-op otherwise).
void runAutoBackup(env.db, browser as unknown as BackupBrowser, jsonBlobUrl, revokeBlobUrl);
/** The shortcuts as the browser has them now (the reader may have changed or cleared them). */
async function shortcuts() {
  const commands = await browser.commands.getAll();
  const key = (name: string) => commands.find((c) => c.name === name)?.shortcut || undefined;
  return { openPanel: key('_execute_action') ?? key('_execute_sidebar_action'), addNote: key('add-note') };
}
render(
  <NotesProvider value={env}>
    <PanelApp controller={controller} openLibrary={() => openLibrary(browser as unknown as LibraryBrowser)} shortcuts={shortcuts} onFindings={(tabId, report, findings) => void import('@/lib/panel/show-findings').then((m) => m.showFindings(browser as unknown as FindingsBrowser, tabId, report, findings))} />
  </NotesProvider>,
  document.getElementById('app')!,
);

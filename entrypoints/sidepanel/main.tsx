import { render } from 'preact';
import { PanelApp } from '@/components/panel/PanelApp';
import { createNotesEnv, NotesProvider } from '@/components/notes/env';
import '@/components/panel/panel.css';
import { createPanelController, type PanelBrowser } from '@/lib/panel/controller';
import { openLibrary, type LibraryBrowser } from '@/lib/panel/library';
import { parseTarget } from '@/lib/panel/target';

// Thin: the controller follows the tab named by ?tabId=, else the active tab of this window. One notes env
// (one database connection) for the whole panel: the References check statuses and the Notes tab share it.
const controller = createPanelController(browser as unknown as PanelBrowser, parseTarget(location.search));
render(
  <NotesProvider value={createNotesEnv()}>
    <PanelApp controller={controller} openLibrary={() => openLibrary(browser as unknown as LibraryBrowser)} />
  </NotesProvider>,
  document.getElementById('app')!,
);

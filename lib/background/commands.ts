/**
 * "Add note in Citelens": an entry in the context menu of a selection, and a keyboard command (Alt+Shift+K by
 * default). Both open the panel on the tab, within the click or key press (browsers open a side panel only in
 * response to the reader's gesture, so nothing is awaited first), then leave a compose request the panel takes
 * (lib/panel/requests.ts). The panel reads the selection itself, through the content script.
 */
import { postCompose, type RequestStorage } from '../panel/requests';

export const ADD_NOTE_MENU_ID = 'citelens-add-note';
/** The command's name in the manifest's `commands` (wxt.config.ts). */
export const ADD_NOTE_COMMAND = 'add-note';

type Tab = { id?: number; windowId?: number };

export interface CommandsBrowser {
  contextMenus?: {
    create(props: { id: string; title: string; contexts: string[] }): unknown;
    removeAll(): Promise<void>;
    onClicked: { addListener(cb: (info: { menuItemId: string | number }, tab?: Tab) => void): void };
  };
  commands?: { onCommand: { addListener(cb: (command: string, tab?: Tab) => void): void } };
  /** Chrome. */
  sidePanel?: { open(options: { tabId: number }): Promise<void> };
  /** Firefox. */
  sidebarAction?: { open(): Promise<void> };
  storage: { session?: RequestStorage; local: RequestStorage };
}

/** Open the panel for the tab and ask it to start a note on the selection. Errors are swallowed: nothing to tell. */
export function addNoteOn(api: CommandsBrowser, tab: Tab | undefined, now: number = Date.now()): Promise<void> {
  const tabId = tab?.id;
  if (tabId === undefined || tabId < 0) return Promise.resolve();
  // Opened first and synchronously: a browser refuses to open the panel once the gesture has passed.
  const opening = api.sidePanel ? api.sidePanel.open({ tabId }) : api.sidebarAction?.open();
  const posted = postCompose(api.storage.session ?? api.storage.local, tabId, now);
  return Promise.all([opening, posted]).then(() => {}, () => {});
}

export async function wireNoteCommands(api: CommandsBrowser): Promise<void> {
  api.commands?.onCommand.addListener((command, tab) => {
    if (command === ADD_NOTE_COMMAND) void addNoteOn(api, tab);
  });
  const menus = api.contextMenus;
  if (!menus) return;
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === ADD_NOTE_MENU_ID) void addNoteOn(api, tab);
  });
  // Menu entries outlive a restart of the background in Chrome and not in every Firefox: made afresh each start.
  await menus.removeAll();
  menus.create({ id: ADD_NOTE_MENU_ID, title: 'Add note in Citelens', contexts: ['selection'] });
}

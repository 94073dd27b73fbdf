// "Add note in Citelens" (the selection's context menu and Alt+Shift+K): the panel must be opened inside the
// reader's gesture, before anything is awaited, and left a request the panel of that tab takes.
import { describe, expect, it } from 'vitest';
import { ADD_NOTE_COMMAND, ADD_NOTE_MENU_ID, addNoteOn, wireNoteCommands, type CommandsBrowser } from '@/lib/background/commands';
import { PANEL_REQUEST_KEY } from '@/lib/panel/requests';
import { memoryStorage } from '../support/memory-storage';


function fakeApi(kind: 'chrome' | 'firefox') {
  const log: string[] = [];
  const session = memoryStorage();
  const listeners: { menu?: (info: { menuItemId: string | number }, tab?: { id?: number }) => void; command?: (c: string, tab?: { id?: number }) => void } = {};
  const menus: unknown[] = [];
  const api: CommandsBrowser = {
    storage: { session, local: memoryStorage() },
    contextMenus: {
      create: (props) => menus.push(props),
      removeAll: async () => void menus.splice(0),
      onClicked: { addListener: (cb) => void (listeners.menu = cb) },
    },
    commands: { onCommand: { addListener: (cb) => void (listeners.command = cb) } },
    ...(kind === 'chrome'
      ? { sidePanel: { open: async (o: { tabId: number }) => void log.push(`sidePanel.open ${o.tabId}`) } }
      : { sidebarAction: { open: async () => void log.push('sidebarAction.open') } }),
  };
  return { api, log, session, listeners, menus };
}

describe('Add note in Citelens', () => {
  it('opens the side panel on the tab synchronously, then leaves a compose request for it (Chrome)', async () => {
    const { api, log, session } = fakeApi('chrome');
    const done = addNoteOn(api, { id: 4 }, 1_000);
    expect(log).toEqual(['sidePanel.open 4']); // Called before the first await: still inside the gesture.
    await done;
    expect(session.items[PANEL_REQUEST_KEY]).toEqual({ kind: 'compose', tabId: 4, at: 1_000 });
  });

  it('opens the sidebar in Firefox', async () => {
    const { api, log, session } = fakeApi('firefox');
    await addNoteOn(api, { id: 9 }, 5);
    expect(log).toEqual(['sidebarAction.open']);
    expect(session.items[PANEL_REQUEST_KEY]).toMatchObject({ tabId: 9 });
  });

  it('does nothing without a tab (a menu click on a page of the browser itself)', async () => {
    const { api, log, session } = fakeApi('chrome');
    await addNoteOn(api, undefined);
    await addNoteOn(api, { id: -1 });
    expect(log).toEqual([]);
    expect(session.items).toEqual({});
  });

  it('puts one entry on the selection menu and answers its click and the command, not others', async () => {
    const { api, log, listeners, menus } = fakeApi('chrome');
    await wireNoteCommands(api);
    await wireNoteCommands(api); // A restarted background makes it afresh, without a duplicate.
    expect(menus).toEqual([{ id: ADD_NOTE_MENU_ID, title: 'Add note in Citelens', contexts: ['selection'] }]);
    listeners.menu!({ menuItemId: 'something-else' }, { id: 1 });
    listeners.command!('other-command', { id: 1 });
    expect(log).toEqual([]);
    listeners.menu!({ menuItemId: ADD_NOTE_MENU_ID }, { id: 2 });
    listeners.command!(ADD_NOTE_COMMAND, { id: 3 });
    expect(log).toEqual(['sidePanel.open 2', 'sidePanel.open 3']);
  });
});

// The panel asks the tab's reader for its report. Pages that did not look like articles never got the reader (only
// the small content script): the panel injects it and asks again. Pages the extension may not script, and pages
// still loading, must not end up with a report (or an injection) they cannot have.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromContent, toContent } from '@/lib/messages';
import { createPanelController, type PanelBrowser } from '@/lib/panel/controller';
import { READER_FILE } from '@/lib/background/reader';
import { report } from '../components/report-fixture';
import { memoryStorage } from '../support/memory-storage';

const NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';

afterEach(() => {
  vi.restoreAllMocks();
});

/** A tab with the small content script only; `executeScript` adds the reader unless `refuse` says the page is off limits. */
function tab(options: { status?: string; url?: string; refuse?: string } = {}) {
  let reader = false;
  const injections: unknown[] = [];
  const never = { addListener() {}, removeListener() {} };
  const api: PanelBrowser = {
    tabs: {
      query: async () => [{ id: 7, windowId: 1 }],
      get: async () => ({ id: 7, url: options.url ?? 'https://news.example/story', status: options.status ?? 'complete' }),
      onActivated: never,
      onUpdated: never,
    },
    windows: { getCurrent: async () => ({ id: 1 }) },
    scripting: {
      async executeScript(injection) {
        injections.push(injection);
        if (options.refuse) throw new Error(options.refuse);
        reader = true;
        return [];
      },
    },
  };
  vi.spyOn(toContent, 'sendMessage').mockImplementation((async (type: string) => {
    if (!reader) throw new Error(NO_RECEIVER);
    if (type !== 'getReport') throw new Error(`unexpected ${type}`);
    return { ok: true, value: report({ title: 'Shown after injection' }) };
  }) as never);
  return { api, injections };
}

async function shown(api: PanelBrowser) {
  const controller = createPanelController(api, { kind: 'tab', tabId: 7 });
  await controller.start();
  const state = controller.get().state;
  controller.stop();
  return state;
}

describe('panel controller: the reader on demand', () => {
  it('injects the reader into a page without it, then shows its report', async () => {
    const { api, injections } = tab();
    const state = await shown(api);
    expect(state.kind).toBe('report');
    expect(state.kind === 'report' && state.report.title).toBe('Shown after injection');
    expect(injections).toEqual([{ target: { tabId: 7, frameIds: [0] }, files: [READER_FILE] }]);
  });

  it('says the page cannot be read when the browser refuses the injection', async () => {
    const { api } = tab({ url: 'https://chromewebstore.google.com/detail/x', refuse: 'Cannot access contents of the page.' });
    const state = await shown(api);
    expect(state.kind).toBe('unavailable');
  });

  it('waits for a page that is still loading instead of injecting into it', async () => {
    const { api, injections } = tab({ status: 'loading' });
    const state = await shown(api);
    expect(state.kind).toBe('loading');
    expect(injections).toEqual([]);
  });
});

describe('panel controller: requests from outside the panel', () => {
  function storageWith(items: Record<string, unknown>) {
    const area = memoryStorage();
    Object.assign(area.items, items);
    return { session: area, local: area, onChanged: area.onChanged, items: area.items };
  }

  it('takes a compose request left for its tab before it opened, and reads a non-article page for it', async () => {
    const { api } = tab();
    vi.spyOn(toContent, 'sendMessage').mockImplementation((async (_type: string, data: { force?: boolean }) => ({ ok: true, value: report({ isArticle: data?.force === true }) })) as never);
    const storage = storageWith({ 'citelens.panelRequest': { kind: 'compose', tabId: 7, at: Date.now() } });
    const controller = createPanelController({ ...api, storage }, { kind: 'tab', tabId: 7 });
    await controller.start();
    const { request, state } = controller.get();
    expect(request).toMatchObject({ kind: 'compose' });
    expect(state.kind === 'report' && state.forced).toBe(true); // The Notes tab is there even on a page that is not an article.
    expect(storage.items).toEqual({});
    controller.stop();
  });

  it('takes one posted while it is open, and a click on a highlight in its tab, not in another', async () => {
    const { api } = tab();
    vi.spyOn(toContent, 'sendMessage').mockImplementation((async () => ({ ok: true, value: report() })) as never);
    const handlers: Record<string, (m: { data: unknown; sender: { tab?: { id?: number } } }) => void> = {};
    vi.spyOn(fromContent, 'onMessage').mockImplementation(((type: string, handler: never) => {
      handlers[type] = handler;
      return () => {};
    }) as never);
    const storage = storageWith({});
    const controller = createPanelController({ ...api, storage }, { kind: 'tab', tabId: 7 });
    await controller.start();
    expect(controller.get().request).toBeNull();
    await storage.session.set({ 'citelens.panelRequest': { kind: 'compose', tabId: 7, at: Date.now() } });
    await vi.waitFor(() => expect(controller.get().request).toMatchObject({ kind: 'compose', seq: 1 }));
    handlers.noteClicked({ data: { noteId: 'n1' }, sender: { tab: { id: 8 } } });
    handlers.noteClicked({ data: { noteId: 5 }, sender: { tab: { id: 7 } } });
    expect(controller.get().request).toMatchObject({ kind: 'compose' });
    handlers.noteClicked({ data: { noteId: 'n1' }, sender: { tab: { id: 7 } } });
    expect(controller.get().request).toEqual({ kind: 'note', noteId: 'n1', seq: 2 });
    controller.stop();
  });
});

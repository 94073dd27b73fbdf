/**
 * The panel's controller: which tab it shows, that tab's report, the section being read. It listens to tab
 * switches and navigations (tabs.onActivated / tabs.onUpdated) and to the content script's `pageChanged` and
 * `sectionChanged`, and asks the content script for the report. The UI subscribes; the controller holds no DOM.
 */
import { isNoteClick, isPageReport, isSectionInfo } from '../validate';
import type { JumpTarget } from '../messages';
import { fromContent, toContent } from '../messages';
import type { PanelTarget } from './target';
import { unavailableMessage, type PanelState } from './state';
import { injectReader, type ScriptingApi } from '../background/reader';
import { PANEL_REQUEST_KEY, takeCompose, type PanelRequest, type RequestStorage } from './requests';

/** The extension APIs the controller uses (the real `browser`, or fake-browser in tests). */
export interface PanelBrowser extends ScriptingApi {
  tabs: {
    query(q: { active?: boolean; currentWindow?: boolean }): Promise<Array<{ id?: number; url?: string; windowId?: number }>>;
    get(tabId: number): Promise<{ id?: number; url?: string; status?: string }>;
    onActivated: { addListener(cb: (info: { tabId: number; windowId: number }) => void): void; removeListener(cb: (info: { tabId: number; windowId: number }) => void): void };
    onUpdated: {
      addListener(cb: (tabId: number, change: { status?: string; url?: string }) => void): void;
      removeListener(cb: (tabId: number, change: { status?: string; url?: string }) => void): void;
    };
  };
  windows: { getCurrent(): Promise<{ id?: number }> };
  /** Where compose requests wait (lib/panel/requests.ts); absent, the panel takes none. */
  storage?: {
    session?: RequestStorage;
    local: RequestStorage;
    onChanged: {
      addListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
      removeListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
    };
  };
}

export interface PanelSnapshot {
  tabId: number | null;
  state: PanelState;
  /** Outline id of the section being read, or null. */
  section: string | null;
  /** The last jump's failure, shown in a status line; null when the last jump worked. */
  jumpError: string | null;
  /** The latest request from outside the panel (start a note, show a clicked note), acted on once per seq. */
  request: PanelRequest | null;
}

export interface PanelController {
  get(): PanelSnapshot;
  subscribe(listener: (snapshot: PanelSnapshot) => void): () => void;
  /** Ask again; `force` reads pages that do not look like articles. */
  reload(force?: boolean): Promise<void>;
  jumpTo(target: JumpTarget): Promise<void>;
  start(): Promise<void>;
  stop(): void;
}

export function createPanelController(api: PanelBrowser, target: PanelTarget): PanelController {
  let snapshot: PanelSnapshot = { tabId: null, state: { kind: 'loading' }, section: null, jumpError: null, request: null };
  let requests = 0;
  const listeners = new Set<(s: PanelSnapshot) => void>();
  const cleanups: Array<() => void> = [];
  let windowId: number | undefined;
  /** Requests overtaken by newer ones are dropped when they answer. */
  let requestSeq = 0;
  /** Whether the reader asked to read this page anyway; kept until the tab shows another page. */
  let forced = false;

  const set = (patch: Partial<PanelSnapshot>) => {
    snapshot = { ...snapshot, ...patch };
    for (const l of listeners) l(snapshot);
  };

  async function findTab(): Promise<number | null> {
    if (target.kind === 'tab') return target.tabId;
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  }

  /**
   * The tab's report. A page without the reader (it did not look like an article, or was open before Citelens was
   * installed) gets it injected first; a page still loading gets nothing yet ('loading'): its content script comes
   * at document_idle and says hello with pageChanged. Throws when the page cannot be read at all.
   */
  async function askForReport(tabId: number, force: boolean) {
    try {
      return await toContent.sendMessage('getReport', { force }, tabId);
    } catch (err) {
      const tab = await api.tabs.get(tabId).catch(() => undefined);
      if (tab?.status === 'loading') return 'loading' as const;
      if (!(await injectReader(api, tabId)).ok) throw err;
      return await toContent.sendMessage('getReport', { force }, tabId);
    }
  }

  async function load(tabId: number, force: boolean): Promise<void> {
    const seq = ++requestSeq;
    const switching = tabId !== snapshot.tabId;
    // Keep showing the old report while the same tab refreshes, so the panel does not flash.
    if (switching || snapshot.state.kind !== 'report') set({ tabId, state: { kind: 'loading' }, section: null, jumpError: null });
    let state: PanelState;
    try {
      const result = await askForReport(tabId, force);
      if (result === 'loading') return;
      if (!result || typeof result !== 'object') throw new Error('No answer');
      if (result.ok && !isPageReport(result.value)) state = { kind: 'error', message: 'The page sent a report Citelens could not read.' };
      else state = result.ok ? { kind: 'report', report: result.value, forced: force } : { kind: 'error', message: String(result.reason) };
    } catch {
      const tab = await api.tabs.get(tabId).catch(() => undefined);
      state = { kind: 'unavailable', message: unavailableMessage(tab?.url) };
    }
    if (seq !== requestSeq) return;
    set({ tabId, state, ...(switching ? { section: null } : {}) });
  }

  async function follow(tabId: number | null): Promise<void> {
    if (tabId === null) {
      requestSeq++;
      set({ tabId: null, state: { kind: 'no-tab', message: 'There is no tab to show. Open an article and then this panel.' } });
      return;
    }
    if (tabId !== snapshot.tabId) forced = false;
    await load(tabId, forced);
  }

  /** Act on a compose request waiting for this tab: read the page even if it does not look like an article. */
  async function takeRequest(): Promise<void> {
    const area = api.storage && (api.storage.session ?? api.storage.local);
    const tabId = snapshot.tabId;
    if (!area || tabId === null || !(await takeCompose(area, tabId, Date.now()))) return;
    const { state } = snapshot;
    if (state.kind === 'report' && !state.report.isArticle && !state.forced) {
      forced = true;
      await load(tabId, true);
    }
    set({ request: { kind: 'compose', seq: ++requests } });
  }

  const onStorage = (changes: Record<string, { newValue?: unknown }>) => {
    if (changes[PANEL_REQUEST_KEY]?.newValue !== undefined) void takeRequest();
  };

  const onActivated = (info: { tabId: number; windowId: number }) => {
    if (target.kind !== 'active' || (windowId !== undefined && info.windowId !== windowId)) return;
    void follow(info.tabId).then(takeRequest);
  };
  const onUpdated = (tabId: number, change: { status?: string; url?: string }) => {
    if (tabId !== snapshot.tabId) return;
    if (change.url !== undefined) forced = false;
    if (change.status === 'complete') void load(tabId, forced);
    else if (change.status === 'loading' && change.url !== undefined) set({ state: { kind: 'loading' }, section: null });
  };

  return {
    get: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async reload(force = false) {
      if (snapshot.tabId === null) return;
      forced = force;
      await load(snapshot.tabId, force);
    },
    async jumpTo(jump) {
      if (snapshot.tabId === null) return;
      try {
        const result = await toContent.sendMessage('jumpTo', jump, snapshot.tabId);
        set({ jumpError: result.ok ? null : result.reason });
      } catch {
        set({ jumpError: 'The page did not answer. Reload it and try again.' });
      }
    },
    async start() {
      windowId = (await api.windows.getCurrent().catch(() => ({ id: undefined }))).id;
      api.tabs.onActivated.addListener(onActivated);
      api.tabs.onUpdated.addListener(onUpdated);
      cleanups.push(
        () => api.tabs.onActivated.removeListener(onActivated),
        () => api.tabs.onUpdated.removeListener(onUpdated),
        fromContent.onMessage('pageChanged', ({ sender }) => {
          if (sender.tab?.id === snapshot.tabId && snapshot.tabId !== null) void load(snapshot.tabId, forced);
        }),
        fromContent.onMessage('sectionChanged', ({ data, sender }) => {
          if (sender.tab?.id === snapshot.tabId && isSectionInfo(data)) set({ section: data.outlineId });
        }),
        // A painted quote was clicked on the page: show that note.
        fromContent.onMessage('noteClicked', ({ data, sender }) => {
          if (sender.tab?.id === snapshot.tabId && isNoteClick(data)) set({ request: { kind: 'note', noteId: data.noteId, seq: ++requests } });
        }),
      );
      if (api.storage) {
        api.storage.onChanged.addListener(onStorage);
        cleanups.push(() => api.storage?.onChanged.removeListener(onStorage));
      }
      await follow(await findTab());
      await takeRequest();
    },
    stop() {
      for (const c of cleanups.splice(0)) c();
      listeners.clear();
    },
  };
}

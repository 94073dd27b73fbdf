/**
 * What the panel is asked to do from outside it: start a note on the reader's selection (the "Add note in Citelens"
 * menu entry and keyboard command, lib/background/commands.ts), or show a note whose highlight was clicked on the
 * page. The background cannot talk to a panel that is still opening, so a compose request waits in session storage
 * (gone when the browser closes) until the panel showing that tab takes it.
 */
export const PANEL_REQUEST_KEY = 'citelens.panelRequest';
/**
 * A request older than this is dropped, not acted on: it was meant for a panel that never opened (the side panel
 * takes about 0.3–1 s to open; a minute leaves room for a slow machine without surprising a reader much later).
 */
export const REQUEST_FRESH_MS = 60_000;

export interface ComposeRequest {
  kind: 'compose';
  tabId: number;
  at: number;
}

/** What the panel's view acts on, once per `seq`. */
export type PanelRequest = { kind: 'compose'; seq: number } | { kind: 'note'; noteId: string; seq: number };

/** The storage the requests pass through (storage.session where the browser has it, else storage.local). */
export interface RequestStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export function isComposeRequest(v: unknown): v is ComposeRequest {
  const r = v as Partial<ComposeRequest> | null;
  return typeof r === 'object' && r !== null && r.kind === 'compose' && Number.isInteger(r.tabId) && typeof r.at === 'number';
}

/** Leave a compose request for the panel of `tabId`. */
export function postCompose(area: RequestStorage, tabId: number, now: number): Promise<void> {
  const request: ComposeRequest = { kind: 'compose', tabId, at: now };
  return area.set({ [PANEL_REQUEST_KEY]: request });
}

/** Take the waiting compose request for `tabId`, once: true when there was a fresh one (it is removed either way). */
export async function takeCompose(area: RequestStorage, tabId: number, now: number): Promise<boolean> {
  const stored = (await area.get(PANEL_REQUEST_KEY).catch(() => ({}) as Record<string, unknown>))[PANEL_REQUEST_KEY];
  if (!isComposeRequest(stored)) return false;
  if (stored.tabId !== tabId && now - stored.at < REQUEST_FRESH_MS) return false; // Another window's panel takes it.
  await area.remove(PANEL_REQUEST_KEY).catch(() => {});
  return stored.tabId === tabId && now - stored.at < REQUEST_FRESH_MS;
}

/**
 * The toolbar button and its badge, for both browsers. Chrome MV3 has `action` and `sidePanel`; Firefox MV2 has
 * `browserAction` and `sidebarAction`. The background keeps no per-tab state: the badge text lives in the browser.
 */

/** The part of `action` / `browserAction` used here. */
export interface ActionApi {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void> | void;
  setBadgeBackgroundColor?(details: { tabId?: number; color: string }): Promise<void> | void;
  onClicked: { addListener(cb: (tab: { id?: number }) => void): void };
}

/** The extension APIs this module touches, typed loosely enough for Chrome, Firefox and the fake browser. */
export interface ToolbarBrowser {
  action?: ActionApi;
  browserAction?: ActionApi;
  sidePanel?: { setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void> };
  sidebarAction?: { toggle(): Promise<void> };
}

/** Badge colour: a muted amber, readable with the white text both browsers draw. */
export const BADGE_COLOUR = '#8a5a00';

/** Firefox MV2 calls it browserAction; WXT's `browser.action` is undefined there. */
export function actionOf(api: ToolbarBrowser): ActionApi | undefined {
  return api.action ?? api.browserAction;
}

/** Make the toolbar button open the panel: Chrome does it itself; Firefox needs the click to toggle the sidebar. */
export async function wirePanelButton(api: ToolbarBrowser): Promise<void> {
  if (api.sidePanel) {
    await api.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
    return;
  }
  const sidebar = api.sidebarAction;
  const action = actionOf(api);
  if (sidebar && action) action.onClicked.addListener(() => void sidebar.toggle());
}

/** Badge text for an unlinked count: the number on articles with unlinked entries, nothing otherwise. */
export function badgeText(unlinked: number | null): string {
  if (unlinked === null || unlinked <= 0) return '';
  return unlinked > 999 ? '999+' : String(unlinked);
}

export async function setBadge(api: ToolbarBrowser, tabId: number, unlinked: number | null): Promise<void> {
  const action = actionOf(api);
  if (!action) return;
  await action.setBadgeBackgroundColor?.({ tabId, color: BADGE_COLOUR });
  await action.setBadgeText({ tabId, text: badgeText(unlinked) });
}

/**
 * The toolbar button and its badge, for both browsers. Chrome MV3 has `action` and `sidePanel`; Firefox MV2 has
 * `browserAction` and `sidebarAction`. The background keeps no per-tab state: the badge text lives in the browser.
 */

/** The part of `action` / `browserAction` used here. */
export interface ActionApi {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void> | void;
  setBadgeBackgroundColor?(details: { tabId?: number; color: string }): Promise<void> | void;
  setTitle?(details: { tabId?: number; title: string }): Promise<void> | void;
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
/** Badge colour once an online check found a retracted work or a dead cited link: the panel's retraction red. */
export const BADGE_FINDINGS_COLOUR = '#b3261e';
/** The toolbar button's title without findings (the manifest's default_title). */
export const DEFAULT_TITLE = 'Citelens: outline and references';

/** What the last online check of the tab's page found that the badge shows (lib/panel/findings.ts). */
export interface BadgeFindings {
  retracted: number;
  dead: number;
}

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

/** The button's title: what the badge counts, in words. */
export function badgeTitle(unlinked: number | null, findings?: BadgeFindings): string {
  const parts: string[] = [];
  if (unlinked) parts.push(`${unlinked} ${unlinked === 1 ? 'reference' : 'references'} without a link`);
  if (findings?.retracted) parts.push(`${findings.retracted} retracted`);
  if (findings?.dead) parts.push(`${findings.dead} dead ${findings.dead === 1 ? 'link' : 'links'}`);
  return parts.length ? `Citelens: ${parts.join(' · ')}` : DEFAULT_TITLE;
}

/**
 * The tab's badge: the unlinked count, in red when an online check found retracted works or dead cited links (then
 * "!" if nothing is unlinked), and the counts in the title.
 */
export async function setBadge(api: ToolbarBrowser, tabId: number, unlinked: number | null, findings?: BadgeFindings): Promise<void> {
  const action = actionOf(api);
  if (!action) return;
  const flagged = Boolean(findings && (findings.retracted || findings.dead));
  await action.setBadgeBackgroundColor?.({ tabId, color: flagged ? BADGE_FINDINGS_COLOUR : BADGE_COLOUR });
  await action.setBadgeText({ tabId, text: badgeText(unlinked) || (flagged ? '!' : '') });
  await action.setTitle?.({ tabId, title: badgeTitle(unlinked, findings) });
}

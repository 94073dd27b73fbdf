/**
 * Which tab the panel shows. As a side panel / sidebar it follows the active tab of its window. Opened as an ordinary
 * page (tests, or a view pinned to one tab) it takes `?tabId=N` and follows that tab through its navigations.
 * (No `?url=` form: one address may be open in several tabs, and browsers show an extension a tab's address only where
 * it has host access, so a tab id is the one exact handle.)
 */
export type PanelTarget = { kind: 'active' } | { kind: 'tab'; tabId: number };

export function parseTarget(search: string): PanelTarget {
  const tabId = Number.parseInt(new URLSearchParams(search).get('tabId') ?? '', 10);
  return Number.isInteger(tabId) && tabId >= 0 ? { kind: 'tab', tabId } : { kind: 'active' };
}

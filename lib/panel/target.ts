/**
 * Which tab the panel shows. As a side panel / sidebar it follows the active tab of its window. Opened as an ordinary
 * page (tests, or a view pinned to one tab) it takes `?tabId=N` and follows that tab through its navigations.
 * (A `?url=` form would need the "tabs" permission: without it neither Chromium nor Firefox shows tab URLs to the
 * extension, so it is not offered.)
 */
export type PanelTarget = { kind: 'active' } | { kind: 'tab'; tabId: number };

export function parseTarget(search: string): PanelTarget {
  const tabId = Number.parseInt(new URLSearchParams(search).get('tabId') ?? '', 10);
  return Number.isInteger(tabId) && tabId >= 0 ? { kind: 'tab', tabId } : { kind: 'active' };
}

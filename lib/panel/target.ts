/**
 * Which tab the panel shows. As a side panel / sidebar it follows the active tab of its window. Opened as an ordinary
 * page (tests, or a pinned view) it takes `?tabId=N`, or `?url=<page address>` to find the tab showing that page.
 */
export type PanelTarget = { kind: 'active' } | { kind: 'tab'; tabId: number } | { kind: 'url'; url: string };

export function parseTarget(search: string): PanelTarget {
  const params = new URLSearchParams(search);
  const tabId = Number.parseInt(params.get('tabId') ?? '', 10);
  if (Number.isInteger(tabId) && tabId >= 0) return { kind: 'tab', tabId };
  const url = params.get('url');
  if (url) return { kind: 'url', url };
  return { kind: 'active' };
}

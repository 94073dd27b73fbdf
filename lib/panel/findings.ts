/**
 * What the last online check found on a tab's page, for the toolbar badge (lib/background/toolbar.ts). The panel
 * writes it when results are shown; the background reads it whenever the content script sends a new unlinked count, so
 * the badge keeps the findings until the tab shows another page. Session storage: gone when the browser closes.
 */
import type { BadgeFindings } from '../background/toolbar';
import type { RequestStorage } from './requests';

export const FINDINGS_KEY_PREFIX = 'citelens.findings.';

interface StoredFindings extends BadgeFindings {
  url: string;
}

/** The page an address shows: a jump within it (#fragment) is the same page. */
const pageOf = (url: string | undefined) => url?.split('#')[0];

export function findingsKey(tabId: number): string {
  return `${FINDINGS_KEY_PREFIX}${tabId}`;
}

export function saveFindings(area: RequestStorage, tabId: number, url: string, findings: BadgeFindings): Promise<void> {
  const value: StoredFindings = { url: pageOf(url)!, retracted: findings.retracted, dead: findings.dead };
  return area.set({ [findingsKey(tabId)]: value });
}

/** The findings for the page the tab shows now; none when they were for another page (or are malformed). */
export async function findingsFor(area: RequestStorage, tabId: number, url: string | undefined): Promise<BadgeFindings | undefined> {
  const stored = (await area.get(findingsKey(tabId)).catch(() => ({}) as Record<string, unknown>))[findingsKey(tabId)] as Partial<StoredFindings> | undefined;
  if (!stored || stored.url !== pageOf(url) || !Number.isInteger(stored.retracted) || !Number.isInteger(stored.dead)) return undefined;
  return { retracted: stored.retracted!, dead: stored.dead! };
}

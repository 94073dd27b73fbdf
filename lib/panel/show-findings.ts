/** Put an online check's findings on the tab's badge now, and keep them for the background's later re-badging. */
import type { PageReport } from '../extract/types';
import { setBadge, type BadgeFindings, type ToolbarBrowser } from '../background/toolbar';
import { saveFindings } from './findings';
import type { RequestStorage } from './requests';

export interface FindingsBrowser extends ToolbarBrowser {
  storage: { session?: RequestStorage; local: RequestStorage };
}

export async function showFindings(api: FindingsBrowser, tabId: number, report: PageReport, findings: BadgeFindings): Promise<void> {
  await saveFindings(api.storage.session ?? api.storage.local, tabId, report.url, findings).catch(() => {});
  await setBadge(api, tabId, report.isArticle ? report.stats.unlinked : null, findings).catch(() => {});
}

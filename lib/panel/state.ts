/** What the panel shows for one tab: one of a few honest states, never an empty panel. */
import type { PageReport } from '../extract/types';

export type PanelState =
  | { kind: 'loading' }
  /** No tab to show. */
  | { kind: 'no-tab'; message: string }
  /** The tab's page is one where extensions cannot run, or no content script answered. */
  | { kind: 'unavailable'; message: string }
  /** The content script answered with an expected failure. */
  | { kind: 'error'; message: string }
  | { kind: 'report'; report: PageReport; forced: boolean };

/** Address schemes and hosts where browsers never run extension content scripts. */
const RESTRICTED_URL = /^(chrome|chrome-extension|edge|about|moz-extension|view-source|devtools|resource|file):|^https:\/\/(chrome\.google\.com\/webstore|chromewebstore\.google\.com|addons\.mozilla\.org)\//;

export const MESSAGE_RESTRICTED = 'Browsers do not let extensions read this page (browser pages, extension stores, built-in viewers such as the PDF viewer).';
export const MESSAGE_NO_ANSWER = 'Citelens cannot read this page: nothing answered on it. If the page was open before Citelens was installed or updated, reload it. Browser pages, extension stores and the PDF viewer cannot be read at all.';

/** The message for a tab whose content script did not answer, using its URL when the browser told us. */
export function unavailableMessage(url: string | undefined): string {
  if (url && RESTRICTED_URL.test(url)) return MESSAGE_RESTRICTED;
  if (url && /\.pdf([?#]|$)/i.test(url)) return MESSAGE_RESTRICTED;
  return MESSAGE_NO_ANSWER;
}

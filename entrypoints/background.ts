import { fromContent } from '@/lib/messages';
import { isBadgeInfo } from '@/lib/validate';
import { injectReader, type ScriptingApi } from '@/lib/background/reader';
import { setBadge, wirePanelButton, type ToolbarBrowser } from '@/lib/background/toolbar';
import { wireNoteCommands, type CommandsBrowser } from '@/lib/background/commands';
import { findingsFor } from '@/lib/panel/findings';

// No per-tab state here: an MV3 worker can be stopped at any moment. The badge text is stored by the browser per tab.
export default defineBackground(() => {
  const api = browser as unknown as ToolbarBrowser & ScriptingApi;
  void wirePanelButton(api).catch(() => {});
  void wireNoteCommands(browser as unknown as CommandsBrowser).catch(() => {});
  fromContent.onMessage('badge', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || !isBadgeInfo(data)) return;
    // What an online check found on this page stays on the badge (lib/panel/findings.ts).
    const findings = await findingsFor(browser.storage.session ?? browser.storage.local, tabId, sender.tab?.url).catch(() => undefined);
    await setBadge(api, tabId, data.unlinked, findings).catch(() => {});
  });
  fromContent.onMessage('loadReader', async ({ sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return { ok: false, reason: 'Not sent from a tab.' };
    return injectReader(api, tabId, sender.frameId ?? 0);
  });
});

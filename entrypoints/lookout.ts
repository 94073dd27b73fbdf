import { quickDetect } from '@/lib/extract/detect';
import { fromContent } from '@/lib/messages';
import { FIRST_LOOK_TIMEOUT_MS } from '@/lib/page/constants';
import { startLookout } from '@/lib/page/lookout';

// The content script on every page (declared in wxt.config.ts): the cheap check, and a request for the reader
// (entrypoints/reader.ts) when the page looks like an article. Every page load pays its start-up (issue #5: 2 ms), so
// at load it only asks for an idle moment. An unlisted script, not a WXT content script: WXT makes a content script's
// context before main() runs, and that context was most of the start-up; this script needs none (lib/page/lookout.ts).
export default defineUnlistedScript(() => {
  const alive = () => chrome.runtime?.id !== undefined;
  requestIdleCallback(
    () => {
      if (!alive()) return;
      startLookout(document, window, {
        quickDetect,
        loadReader: async () => (await fromContent.sendMessage('loadReader', undefined))?.ok === true,
        alive,
      });
    },
    { timeout: FIRST_LOOK_TIMEOUT_MS },
  );
});

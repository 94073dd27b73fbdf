import { quickDetect } from '@/lib/extract/detect';
import { fromContent } from '@/lib/messages';
import { stopForgedStartEvents } from '@/lib/page/guard';
import { startLookout } from '@/lib/page/lookout';

// The always-on part, on every page: the cheap check, and a request for the reader (entrypoints/reader.ts) when the
// page looks like an article. Kept small: every page the reader opens parses it (issue #5). Logic in lib/page/.
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // WXT would announce the script to the page with window.postMessage, naming the extension id: the page need not know.
  noScriptStartedPostMessage: true,
  main(ctx) {
    stopForgedStartEvents(window, chrome.runtime.id, import.meta.env.ENTRYPOINT);
    startLookout(ctx, document, window, {
      quickDetect,
      loadReader: async () => (await fromContent.sendMessage('loadReader', undefined))?.ok === true,
    });
  },
});

import { createNoteAnchoring } from '@/lib/anchor/session';
import { quickDetect } from '@/lib/extract/detect';
import { buildReportSliced } from '@/lib/extract/report';
import { startContent } from '@/lib/page/content-main';
import { pauseFor } from '@/lib/page/pause';

// Thin on purpose: all logic is in lib/page/ (testable with a JSDOM window).
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // WXT would announce the script to the page with window.postMessage, naming the extension id: the page need not know.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // WXT switches a content script off when a "content script started" event reaches `document` (meant for a newer
    // copy of the script after an update). A page can dispatch that event itself and switch Citelens off on itself
    // (tests/e2e/privacy.e2e.ts). Manifest content scripts are injected once per page load, so no real newer copy
    // sends it: every such event is stopped at the window before it reaches document.
    // The name is WXT's ContentScriptContext.SCRIPT_STARTED_MESSAGE_TYPE (private): getUniqueEventName() in wxt 0.20.
    addEventListener(`${chrome.runtime.id}:content:wxt:content-script-started`, (e) => e.stopImmediatePropagation(), true);
    const pause = pauseFor(window);
    const build = (doc: Document, url: string, options: { force?: boolean }) => buildReportSliced(doc, url, { ...options, pause });
    startContent(ctx, document, window, { build, quickDetect, notes: createNoteAnchoring(window) });
  },
});

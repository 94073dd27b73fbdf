import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createNoteAnchoring } from '@/lib/anchor/session';
import { quickDetect } from '@/lib/extract/detect';
import { buildReportSliced } from '@/lib/extract/report';
import { startContent } from '@/lib/page/content-main';
import { stopForgedStartEvents } from '@/lib/page/guard';
import { pauseFor } from '@/lib/page/pause';

/** Where the running reader keeps its context, on the extension's own isolated world (the page cannot see it). */
const RUNNING = '__citelensReader';

// Injected on demand (lib/background/reader.ts), possibly twice (the content script and the panel asking at once):
// it starts once per page, and again only if the one before lost its extension (an update or reload).
export default defineUnlistedScript(() => {
  const holder = globalThis as unknown as Record<typeof RUNNING, ContentScriptContext | undefined>;
  if (holder[RUNNING]?.isValid) return;
  stopForgedStartEvents(window, chrome.runtime.id, import.meta.env.ENTRYPOINT);
  // WXT gives manifest content scripts their context; an injected script makes its own, named like its entrypoint.
  const ctx = new ContentScriptContext(import.meta.env.ENTRYPOINT, { noScriptStartedPostMessage: true });
  holder[RUNNING] = ctx;
  const pause = pauseFor(window);
  const build = (doc: Document, url: string, options: { force?: boolean }) => buildReportSliced(doc, url, { ...options, pause });
  startContent(ctx, document, window, { build, quickDetect, notes: createNoteAnchoring(window) });
});

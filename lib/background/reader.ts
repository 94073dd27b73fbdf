/**
 * The reader (entrypoints/reader.ts: the extractor, the page session, the notes' painting) is injected on demand: by
 * the background when the always-on content script finds an article-like page, and by the panel when it is opened on
 * a page without it. Pages that are not articles never parse it (issue #5: content-script size and start-up).
 */
import type { Result } from '../messages';

/** The built reader, from the extension's root (WXT writes unlisted scripts there). */
export const READER_FILE = '/reader.js';

/** The part of `scripting` used here (Chrome MV3, and Firefox MV2 since 102). */
export interface ScriptingApi {
  scripting?: {
    executeScript(injection: { target: { tabId: number; frameIds?: number[] }; files: string[] }): Promise<unknown>;
  };
}

/**
 * Inject the reader into one frame of a tab (the top frame unless told). Running it twice is harmless: the reader
 * starts once per page (entrypoints/reader.ts). A page the extension may not script (the browser's own pages, the web
 * store) gives a failure value.
 */
export async function injectReader(api: ScriptingApi, tabId: number, frameId = 0): Promise<Result<true>> {
  if (!api.scripting) return { ok: false, reason: 'This browser cannot add Citelens to the page.' };
  try {
    await api.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [READER_FILE] });
    return { ok: true, value: true };
  } catch (err) {
    return { ok: false, reason: `Citelens cannot read this page: ${err instanceof Error ? err.message : String(err)}` };
  }
}

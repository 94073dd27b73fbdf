/**
 * WXT switches a content script's context off when a "content script started" event for the same script reaches
 * `document` (meant for a newer copy of the script after an update). A page can dispatch that event itself and switch
 * Citelens off on itself (tests/e2e/privacy.e2e.ts). The reader, the one script with a WXT context, starts once per
 * page (entrypoints/reader.ts), so no real newer copy sends it: every such event is stopped at the window, before it
 * reaches document.
 */

/**
 * The event's name is WXT's ContentScriptContext.SCRIPT_STARTED_MESSAGE_TYPE (private), made by getUniqueEventName()
 * in wxt 0.20 from the extension id and the entrypoint's name.
 */
export function stopForgedStartEvents(win: Window, extensionId: string, entrypoint: string): void {
  win.addEventListener(`${extensionId}:${entrypoint}:wxt:content-script-started`, (e) => e.stopImmediatePropagation(), true);
}

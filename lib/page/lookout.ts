/**
 * The always-on part of the content script: the cheap check, at load and after large changes and navigations, until
 * the page looks like an article; then it asks the background to inject the reader (entrypoints/reader.ts, the
 * extractor, the page session and the notes' painting) and stops. Pages that never look like articles load nothing
 * more, unless the panel asks for them (lib/panel/controller.ts injects the reader itself then).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchLargeChanges } from './changes';
import { FIRST_LOOK_TIMEOUT_MS } from './constants';
import { watchNavigations } from './navigation';
import type { QuickDetect } from './session';
import type { PageWindow } from './text';

export interface LookoutParts {
  quickDetect: QuickDetect;
  /** Ask for the reader; resolves true once it runs in this page, false when the extension could not inject it. */
  loadReader(): Promise<boolean>;
}

export function startLookout(ctx: ContentScriptContext, doc: Document, win: PageWindow, { quickDetect, loadReader }: LookoutParts): void {
  let asking = false;
  let done = false;
  let stopWatching = () => {};
  const finish = () => {
    done = true;
    stopWatching();
  };
  ctx.onInvalidated(finish);

  function look(): void {
    if (done || asking || ctx.isInvalid || !quickDetect(doc, win.location.href).likely) return;
    asking = true;
    loadReader().then(
      (loaded) => {
        asking = false;
        // Not loaded (the background was restarting, say): the next large change or navigation asks again.
        if (loaded) finish();
      },
      () => {
        asking = false;
      },
    );
  }

  // Nothing but this at start-up, which every page load pays for (issue #5: ≤ 2 ms): the watchers are set up at the
  // first idle moment, with the first look.
  ctx.requestIdleCallback(
    () => {
      look();
      if (done || ctx.isInvalid) return;
      stopWatching = watchLargeChanges(win, doc, win, look);
      watchNavigations(ctx, win, { settled: look });
    },
    { timeout: FIRST_LOOK_TIMEOUT_MS },
  );
}

/**
 * The content script on every page: the cheap check, at the first idle moment and after large changes (a single-page
 * site rendering late, or swapping its view on a navigation), until the page looks like an article; then it asks the
 * background to inject the reader (entrypoints/reader.ts: the extractor, the page session and the notes' painting) and
 * stops. Pages that never look like articles load nothing more, unless the panel asks for them (lib/panel/controller.ts
 * injects the reader itself then).
 *
 * It takes no WXT context: making one (an Event subclass, the Navigation API, a start-up event and its listeners) was
 * most of the script's start-up on every page (issue #5: 2 ms). Navigations without a large change are the reader's
 * to follow once it runs.
 */
import { watchLargeChanges } from './changes';
import type { QuickDetect } from './session';
import type { PageWindow } from './text';

export interface LookoutParts {
  quickDetect: QuickDetect;
  /** Ask for the reader; resolves true once it runs in this page, false when the extension could not inject it. */
  loadReader(): Promise<boolean>;
  /** False once the extension is gone (removed, or updated: the new one injects its own scripts): the lookout stops. */
  alive(): boolean;
}

/** Call at an idle moment after load (entrypoints/lookout.ts): it looks at once, then after every large change. */
export function startLookout(doc: Document, win: PageWindow, { quickDetect, loadReader, alive }: LookoutParts): void {
  let asking = false;
  let done = false;
  let stopWatching = () => {};
  const finish = () => {
    done = true;
    stopWatching();
  };

  function look(): void {
    if (done || asking) return;
    if (!alive()) return finish();
    if (!quickDetect(doc, win.location.href).likely) return;
    asking = true;
    loadReader().then(
      (loaded) => {
        asking = false;
        // Not loaded (the background was restarting, say): the next large change asks again.
        if (loaded) finish();
      },
      () => {
        asking = false;
      },
    );
  }

  look();
  if (!done) stopWatching = watchLargeChanges(win, doc, win, look);
}

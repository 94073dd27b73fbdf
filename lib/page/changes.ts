/**
 * Notices large DOM changes (a single-page site swapping its article) and ignores small ones (a comment, an ad).
 * Added element nodes are counted per burst; a burst ends after a quiet spell or a maximum wait, whichever comes first.
 */
import { CHANGE_MAX_WAIT_MS, CHANGE_QUIET_MS, LARGE_CHANGE_ADDED_ELEMENTS } from './constants';
import type { PageWindow } from './text';

/** Timers (the page's window). Every timer is cleared by the function watchLargeChanges returns. */
export interface TimerHost {
  setTimeout(handler: () => void, timeout?: number): number;
}

export interface ChangeWatchOptions {
  threshold?: number;
  quietMs?: number;
  maxWaitMs?: number;
}

/** Count an added node and its element descendants, up to `enough` of them (a million-element insertion is not
 * counted element by element: item(enough) walks only that far, where an index, all[enough], makes Chromium count
 * the whole list first). */
function elementCount(node: Node, enough: number): number {
  if (node.nodeType !== 1) return 0;
  const all = (node as Element).getElementsByTagName('*');
  return 1 + (all.item(enough) !== null ? enough : all.length);
}

export function watchLargeChanges(win: PageWindow, doc: Document, timers: TimerHost, onLargeChange: () => void, options: ChangeWatchOptions = {}): () => void {
  const threshold = options.threshold ?? LARGE_CHANGE_ADDED_ELEMENTS;
  const quietMs = options.quietMs ?? CHANGE_QUIET_MS;
  const maxWaitMs = options.maxWaitMs ?? CHANGE_MAX_WAIT_MS;
  let added = 0;
  let inBurst = false;
  let quietTimer: number | undefined;
  let maxTimer: number | undefined;
  let lastChange = 0;

  const judge = () => {
    win.clearTimeout(quietTimer);
    win.clearTimeout(maxTimer);
    quietTimer = maxTimer = undefined;
    const large = added >= threshold;
    added = 0;
    inBurst = false;
    if (large) onLargeChange();
  };

  // The quiet spell is measured from the last change when the timer fires, not by re-arming a timer per change: a
  // page that changes every frame would otherwise set and clear a timer 60 times a second (and each timer of WXT's
  // context adds a listener that stays until the script ends, which grew without bound on such a page).
  const quietCheck = () => {
    const idle = Date.now() - lastChange;
    if (idle >= quietMs) judge();
    else quietTimer = timers.setTimeout(quietCheck, quietMs - idle);
  };

  const observer = new win.MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) added += elementCount(node, threshold);
    if (added === 0) return;
    lastChange = Date.now();
    if (!inBurst) {
      inBurst = true;
      maxTimer = timers.setTimeout(judge, maxWaitMs);
      quietTimer = timers.setTimeout(quietCheck, quietMs);
    }
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    win.clearTimeout(quietTimer);
    win.clearTimeout(maxTimer);
  };
}

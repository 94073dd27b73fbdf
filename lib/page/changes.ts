/**
 * Notices large DOM changes (a single-page site swapping its article) and ignores small ones (a comment, an ad).
 * Added element nodes are counted per burst; a burst ends after a quiet spell or a maximum wait, whichever comes first.
 */
import { CHANGE_MAX_WAIT_MS, CHANGE_QUIET_MS, LARGE_CHANGE_ADDED_ELEMENTS } from './constants';
import type { PageWindow } from './text';

/** The part of WXT's ContentScriptContext this needs (timers that die with the content script). */
export interface TimerHost {
  setTimeout(handler: () => void, timeout?: number): number;
}

export interface ChangeWatchOptions {
  threshold?: number;
  quietMs?: number;
  maxWaitMs?: number;
}

/** Count an added node and its element descendants. */
function elementCount(node: Node): number {
  if (node.nodeType !== 1) return 0;
  return 1 + (node as Element).getElementsByTagName('*').length;
}

export function watchLargeChanges(win: PageWindow, doc: Document, timers: TimerHost, onLargeChange: () => void, options: ChangeWatchOptions = {}): () => void {
  const threshold = options.threshold ?? LARGE_CHANGE_ADDED_ELEMENTS;
  const quietMs = options.quietMs ?? CHANGE_QUIET_MS;
  const maxWaitMs = options.maxWaitMs ?? CHANGE_MAX_WAIT_MS;
  let added = 0;
  let inBurst = false;
  let quietTimer: number | undefined;
  let maxTimer: number | undefined;

  const judge = () => {
    win.clearTimeout(quietTimer);
    win.clearTimeout(maxTimer);
    quietTimer = maxTimer = undefined;
    const large = added >= threshold;
    added = 0;
    inBurst = false;
    if (large) onLargeChange();
  };

  const observer = new win.MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) added += elementCount(node);
    if (added === 0) return;
    if (!inBurst) {
      inBurst = true;
      maxTimer = timers.setTimeout(judge, maxWaitMs);
    }
    win.clearTimeout(quietTimer);
    quietTimer = timers.setTimeout(judge, quietMs);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    win.clearTimeout(quietTimer);
    win.clearTimeout(maxTimer);
  };
}

import { useEffect, useState } from 'preact/hooks';

/**
 * Items drawn at once when a list appears: several screenfuls of the side panel (an entry is about five lines at the
 * panel's 360 px), so what the reader sees first is complete. Drawing the 200 entries of a page in one go took
 * 25-40 ms of script before the panel could paint (bench/run.ts, panel section).
 */
export const FIRST_PAINT_ITEMS = 40;
/** Items added per idle callback after the first paint (a few milliseconds of script each). */
export const IDLE_CHUNK = 80;
/** An idle callback still runs after this long when the panel is never idle, so the list always completes. */
const IDLE_TIMEOUT_MS = 200;

/** Run `fn` when the browser is idle (the next task where there is no requestIdleCallback, as in jsdom). */
function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 0);
  return () => clearTimeout(id);
}

/**
 * How many of `total` items to render now: the first `first` at once, then `chunk` more per idle callback until all
 * are drawn. It only grows while `resetKey` stays the same (a refreshed report keeps what is drawn and the reader's
 * scroll position); a new `resetKey` (another filter) starts again from `first`. Pending work stops on unmount.
 */
export function useProgressive(total: number, resetKey: unknown, first = FIRST_PAINT_ITEMS, chunk = IDLE_CHUNK): number {
  const [drawn, setDrawn] = useState({ key: resetKey, count: first });
  const count = drawn.key === resetKey ? drawn.count : first;
  useEffect(() => {
    if (count >= total) return;
    return whenIdle(() => setDrawn({ key: resetKey, count: count + chunk }));
  }, [count, total, resetKey, chunk]);
  return Math.min(count, total);
}

/** Hand the thread back to the page between slices of a report. */

interface Scheduler {
  yield(): Promise<void>;
}

/**
 * One task's pause: scheduler.yield() where the browser has it (Chromium 129+: the continuation runs ahead of other
 * queued tasks), else a message-channel task (setTimeout would be clamped to 4 ms after five nested pauses).
 */
export function pauseFor(win: Window & typeof globalThis): () => Promise<void> {
  const scheduler = (win as unknown as { scheduler?: Scheduler }).scheduler;
  if (scheduler && typeof scheduler.yield === 'function') return () => scheduler.yield();
  return () =>
    new Promise<void>((resolve) => {
      const channel = new win.MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
}

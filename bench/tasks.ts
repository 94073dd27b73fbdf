/**
 * The page's main-thread tasks over 50 ms, from a CDP trace of the browser's scheduler. The Long Tasks API (which the
 * harness also reads) reports a task only when it ran the page's script: a task of the collector's own is not
 * reported, though it blocks the page as long. On a copy of the 1M-element page that had sat idle for 10 s, the
 * sliced report left V8 close to its old generation's limit, and V8 started marking in a task of its own right after
 * the answer: it first finished the sweep of the page's DOM heap left from the page's load, 233–308 ms in one task
 * that the Long Tasks API did not see (bench/out scratch traces, 2026-11-29).
 */
import type { CDPSession, Page } from 'playwright-core';

export const LONG_TASK_MS = 50;
/** The scheduler's tasks (RunTask) and the page's performance marks, which say which thread is the page's. */
const CATEGORIES = ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'blink.user_timing'];
const START = 'bench-window-start';
const END = 'bench-window-end';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
}

/** Run `work` with the browser tracing and `afterMs` more (a collection the work set off may start after it), and
 * return the durations (ms) of the page's main-thread tasks over LONG_TASK_MS in that window, in order. */
export async function withMainThreadTasks<T>(page: Page, cdp: CDPSession, work: () => Promise<T>, afterMs: number): Promise<{ value: T; tasksMs: number[] }> {
  const events: TraceEvent[] = [];
  // The protocol types trace events as string maps; they are JSON objects with numbers.
  const onData = (data: { value: object[] }) => {
    for (const e of data.value as TraceEvent[]) if ((e.name === 'RunTask' && (e.dur ?? 0) > LONG_TASK_MS * 1000) || e.name === START || e.name === END) events.push(e);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' } as never);
  let value: T;
  try {
    await page.evaluate(`performance.mark(${JSON.stringify(START)})`);
    value = await work();
    await page.waitForTimeout(afterMs);
    await page.evaluate(`performance.mark(${JSON.stringify(END)})`);
  } finally {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
  }
  const start = events.find((e) => e.name === START);
  const end = events.find((e) => e.name === END);
  if (!start || !end) throw new Error('the trace holds no marks of the measured window');
  const tasksMs = events
    .filter((e) => e.name === 'RunTask' && e.pid === start.pid && e.tid === start.tid && e.ts + e.dur! >= start.ts && e.ts <= end.ts)
    .sort((a, b) => a.ts - b.ts)
    .map((e) => e.dur! / 1000);
  return { value, tasksMs };
}

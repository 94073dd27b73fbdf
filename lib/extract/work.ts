/**
 * Resumable work. Each stage of the report is a generator that yields at its clock checkpoints, so one algorithm runs
 * two ways: to the end at once (the CLI, tests, the benchmark) or in slices with the page's own tasks in between (the
 * content script: a long article must not freeze the page it is reading).
 */
import { CLOCK_CHECK_EVERY } from './rules';

/** A stage: yields (nothing) whenever it may be paused, returns its result. */
export type Work<T> = Generator<void, T, void>;

/** A loop's clock checkpoint (iteration i): every CLOCK_CHECK_EVERY iterations. */
export const checkpoint = (i: number) => (i & (CLOCK_CHECK_EVERY - 1)) === CLOCK_CHECK_EVERY - 1;

/** Run to the end now. */
export function finishNow<T>(work: Work<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

export interface SliceOptions {
  /** Longest run between pauses, in ms. */
  sliceMs: number;
  /** Hand the thread back to the page; resolves when the work may go on. */
  pause: () => Promise<void>;
  clock: () => number;
  /** Told how long each pause lasted (the report's budget counts its own working time, not the page's). */
  onPaused?: (ms: number) => void;
}

/**
 * Run in slices of at most about `sliceMs` (a slice ends at the first checkpoint after it), pausing between them. The
 * first slice, too, runs in a task of its own: the caller's task (the content script's first look, which has just
 * run the cheap check) is not made longer.
 */
export async function inSlices<T>(work: Work<T>, { sliceMs, pause, clock, onPaused }: SliceOptions): Promise<T> {
  const before = clock();
  await pause();
  let sliceStart = clock();
  onPaused?.(sliceStart - before);
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (clock() - sliceStart < sliceMs) continue;
    const pausedAt = clock();
    await pause();
    sliceStart = clock();
    onPaused?.(sliceStart - pausedAt);
  }
}

// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchLargeChanges } from '@/lib/page/changes';
import type { PageWindow } from '@/lib/page/text';

const timers = { setTimeout: (fn: () => void, ms?: number) => window.setTimeout(fn, ms) };
const tick = () => new Promise((r) => queueMicrotask(() => r(undefined)));

function addElements(n: number) {
  const box = document.createElement('div');
  for (let i = 1; i < n; i++) box.appendChild(document.createElement('span'));
  document.body.appendChild(box);
}

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('watchLargeChanges', () => {
  it('reports one large burst once, after it goes quiet', async () => {
    vi.useFakeTimers();
    const onLarge = vi.fn();
    const stop = watchLargeChanges(window as PageWindow, document, timers, onLarge, { threshold: 50, quietMs: 100, maxWaitMs: 1000 });
    addElements(30);
    await tick();
    addElements(30);
    await tick();
    vi.advanceTimersByTime(99);
    expect(onLarge).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onLarge).toHaveBeenCalledTimes(1);
    stop();
  });

  it('ignores small changes and a slow trickle', async () => {
    vi.useFakeTimers();
    const onLarge = vi.fn();
    const stop = watchLargeChanges(window as PageWindow, document, timers, onLarge, { threshold: 50, quietMs: 100, maxWaitMs: 1000 });
    for (let i = 0; i < 30; i++) {
      addElements(1);
      await tick();
      vi.advanceTimersByTime(90);
    }
    vi.advanceTimersByTime(2000);
    expect(onLarge).not.toHaveBeenCalled();
    stop();
  });
});

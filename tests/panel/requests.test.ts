// A compose request waits for the panel of its tab, is taken once, and a stale one is dropped, not acted on later.
import { describe, expect, it } from 'vitest';
import { PANEL_REQUEST_KEY, postCompose, REQUEST_FRESH_MS, takeCompose } from '@/lib/panel/requests';
import { memoryStorage } from '../support/memory-storage';


describe('panel requests', () => {
  it('is taken once, by the panel of its tab', async () => {
    const s = memoryStorage();
    await postCompose(s, 4, 1_000);
    expect(await takeCompose(s, 5, 1_500)).toBe(false); // Another window's panel leaves it.
    expect(s.items[PANEL_REQUEST_KEY]).toBeDefined();
    expect(await takeCompose(s, 4, 1_500)).toBe(true);
    expect(await takeCompose(s, 4, 1_600)).toBe(false);
  });

  it('drops a request no panel took in time', async () => {
    const s = memoryStorage();
    await postCompose(s, 4, 1_000);
    expect(await takeCompose(s, 4, 1_000 + REQUEST_FRESH_MS)).toBe(false);
    expect(s.items).toEqual({});
  });

  it('ignores what is not a request', async () => {
    const s = memoryStorage();
    await s.set({ [PANEL_REQUEST_KEY]: { kind: 'compose', tabId: '4', at: 1 } });
    expect(await takeCompose(s, 4, 2)).toBe(false);
  });
});

// The background (and the panel) inject the reader into one frame; a page the browser will not let extensions script
// gives a failure value with the browser's reason, never a throw.
import { describe, expect, it } from 'vitest';
import { injectReader, READER_FILE } from '@/lib/background/reader';

describe('injectReader', () => {
  it('injects the built reader into the asking frame', async () => {
    const calls: unknown[] = [];
    const result = await injectReader({ scripting: { executeScript: async (i) => void calls.push(i) } }, 3, 2);
    expect(result).toEqual({ ok: true, value: true });
    expect(calls).toEqual([{ target: { tabId: 3, frameIds: [2] }, files: [READER_FILE] }]);
  });

  it('turns a refusal into a failure value', async () => {
    const refuse = async () => {
      throw new Error('Cannot access a chrome:// URL');
    };
    const result = await injectReader({ scripting: { executeScript: refuse } }, 3);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('Cannot access a chrome:// URL');
  });

  it('fails plainly where the browser has no scripting API', async () => {
    expect((await injectReader({}, 3)).ok).toBe(false);
  });
});

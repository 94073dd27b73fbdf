import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { LIBRARY_PATH, openLibrary, type LibraryBrowser } from '@/lib/panel/library';

beforeEach(() => fakeBrowser.reset());

describe('openLibrary', () => {
  it('opens the extension’s library page in a new tab', async () => {
    const api = fakeBrowser as unknown as LibraryBrowser;
    await openLibrary(api);
    const url = fakeBrowser.runtime.getURL(LIBRARY_PATH);
    expect(url).toMatch(/^chrome-extension:\/\/[^/]+\/library\.html$/);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.filter((t) => t.url === url)).toHaveLength(1);
  });
});

/** Open the library page (every saved page and note) in a new tab. Takes the extension API as a parameter. */

/** The library page's path inside the extension (entrypoints/library → library.html). */
export const LIBRARY_PATH = '/library.html';

/** The two extension calls this needs; `tabs.create` works without the "tabs" permission. */
export interface LibraryBrowser {
  tabs: { create(props: { url: string; active?: boolean }): Promise<unknown> };
  runtime: { getURL(path: typeof LIBRARY_PATH): string };
}

export async function openLibrary(api: LibraryBrowser): Promise<void> {
  await api.tabs.create({ url: api.runtime.getURL(LIBRARY_PATH), active: true });
}

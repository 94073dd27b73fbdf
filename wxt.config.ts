import { defineConfig } from 'wxt';

// One codebase, two browsers: `wxt build` makes .output/chrome-mv3, `wxt build -b firefox` makes .output/firefox-mv2.
/** webextension-polyfill's module path, which @wxt-dev/webextension-polyfill aliases `wxt/browser` to. */
const POLYFILL_BROWSER = '@wxt-dev/webextension-polyfill/browser';

/** The icons (public/icon/, rendered from assets/*.svg by scripts/icons.ts). */
const ICONS = { 16: 'icon/icon-16.png', 32: 'icon/icon-32.png', 48: 'icon/icon-48.png', 128: 'icon/icon-128.png' };
/** Firefox's toolbar icons by theme (browser_action.theme_icons): `light` is shown on toolbars with light text (dark
 * themes), `dark` on those with dark text (Firefox bug 1484840 names them so). */
const THEME_ICONS = [16, 32].map((size) => ({ light: `icon/icon-dark-toolbar-${size}.png`, dark: `icon/icon-${size}.png`, size }));

/** Point `wxt/browser` at webextension-polyfill in one Vite config (what @wxt-dev/webextension-polyfill does). */
function usePolyfill(config: { resolve?: { alias?: unknown } }) {
  config.resolve ??= {};
  const alias = config.resolve.alias;
  const entry = { find: 'wxt/browser', replacement: POLYFILL_BROWSER };
  if (Array.isArray(alias)) alias.push(entry);
  else config.resolve.alias = { ...(alias as Record<string, string> | undefined), 'wxt/browser': POLYFILL_BROWSER };
}

export default defineConfig({
  hooks: {
    // Extension pages and the background use webextension-polyfill's promise-based `browser`. Scripts that run in
    // pages (the content script, and the reader injected into article pages) use the browser's own (WXT's default):
    // their only API use is messaging, and the polyfill would add 3 KB gzip to each (issue #5's size budget).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.every((e) => e.type !== 'content-script' && e.type !== 'unlisted-script')) usePolyfill(config);
    },
    'vite:devServer:extendConfig': (config) => usePolyfill(config),
    // Firefox's sidebar gets the same icon as the toolbar button (WXT writes sidebar_action from entrypoints/sidepanel).
    'build:manifestGenerated': (_wxt, manifest) => {
      const sidebar = (manifest as { sidebar_action?: { default_icon?: unknown } }).sidebar_action;
      if (sidebar) sidebar.default_icon = ICONS;
    },
  },
  vite: () => ({
    // Preact's automatic JSX runtime; no React compat layer is needed.
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
  manifest: ({ browser }) => ({
    name: 'Citelens',
    description: 'See an article’s outline and its references, with every entry that carries no link flagged; keep anchored reading notes.',
    // `scripting` injects the reader (entrypoints/reader.ts) only into pages that look like articles, or that the panel
    // is opened on (lib/background/reader.ts); the always-on content script stays small (issue #5).
    // Injecting needs host access to the page (content-script matches do not count for it in Chrome). It adds no
    // install warning: the content script's <all_urls> already asks to read every site.
    // `contextMenus` puts "Add note in Citelens" on a selection's menu; neither browser warns about it at install.
    permissions: ['storage', 'scripting', 'contextMenus', ...(browser === 'chrome' ? ['sidePanel'] : [])],
    host_permissions: ['<all_urls>'],
    // The content script on every page is an unlisted script (entrypoints/lookout.ts says why), declared here.
    content_scripts: [{ matches: ['<all_urls>'], run_at: 'document_idle', js: ['lookout.js'] }],
    // Asked for only when the reader turns on the weekly backup in the library page (lib/backup/auto.ts).
    optional_permissions: ['downloads'],
    // The toolbar button: opens the side panel (Chrome) or toggles the sidebar (Firefox); carries the unlinked badge.
    // WXT writes it as browser_action for Firefox MV2.
    icons: ICONS,
    action: {
      default_title: 'Citelens: outline and references',
      default_icon: ICONS,
      ...(browser === 'firefox' ? { theme_icons: THEME_ICONS } : {}),
    },
    // A keyboard shortcut that opens the panel: the toolbar button's action in Chrome (it opens the side panel), the
    // sidebar's own command in Firefox. Users can change it (chrome://extensions/shortcuts, about:addons).
    // A second one starts a note on the selection (lib/background/commands.ts).
    commands: {
      ...(browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+L' }, description: 'Open the Citelens sidebar' } }
        : { _execute_action: { suggested_key: { default: 'Alt+Shift+L' }, description: 'Open the Citelens side panel' } }),
      'add-note': { suggested_key: { default: 'Alt+Shift+K' }, description: 'Add a note on the selection in Citelens' },
    },
    browser_specific_settings:
      browser === 'firefox'
        ? {
            // 140 (ESR) is the first desktop version that knows data_collection_permissions; Android got it in 142.
            gecko: { id: 'citelens@citelens.invalid', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          }
        : undefined,
  }),
});

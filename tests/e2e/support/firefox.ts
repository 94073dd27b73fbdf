/// <reference types="chrome" />
/**
 * Firefox ESR with the built extension (.output/firefox-mv2), through puppeteer-core over WebDriver BiDi. The
 * extension is installed temporarily (webExtension.install); its moz-extension UUID is fixed by a preference so the
 * panel page has a known address.
 */
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT } from './server';

export const FIREFOX_PATH = '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION = path.resolve(ROOT, '.output/firefox-mv2');
/** The gecko id in wxt.config.ts. */
export const GECKO_ID = 'citelens@citelens.invalid';
/** Any fixed UUID: moz-extension://<this>/ becomes the extension's origin. */
export const EXTENSION_UUID = '6d1f3c2a-9b7e-4c1d-8e2f-5a4b3c2d1e0f';

/** Puppeteer's own wait for a moz-extension navigation (it never sees it finish), in milliseconds. */
const EXTENSION_NAV_WAIT_MS = 1500;
/** How long clickButton waits for its button to appear (parts of the panel load when first shown), in ms. */
const BUTTON_WAIT_MS = 15_000;
/** How long an extension page may take to load after that, in milliseconds. */
const EXTENSION_PAGE_READY_MS = 15_000;

/** `prefs`: more Firefox preferences; `acceptInsecureCerts` for a test's own TLS front (the online-check test). */
export async function launchFirefox(options: { prefs?: Record<string, string | number | boolean>; acceptInsecureCerts?: boolean } = {}): Promise<{ browser: Browser; base: string }> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    protocol: 'webDriverBiDi',
    headless: true,
    acceptInsecureCerts: options.acceptInsecureCerts ?? false,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // Keep the browser quiet on the network: no update checks, telemetry or remote settings.
      'app.update.enabled': false,
      'extensions.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      ...options.prefs,
    },
  });
  const id = await browser.installExtension(FIREFOX_EXTENSION);
  if (id !== GECKO_ID) throw new Error(`Installed ${id}, expected ${GECKO_ID}`);
  return { browser, base: `moz-extension://${EXTENSION_UUID}` };
}

/**
 * Open an extension page in a tab. Firefox does not report navigations to moz-extension pages over BiDi the way
 * Puppeteer waits for them, so the wait is short and the page is then polled until its document is the one asked for.
 */
export async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  await page.goto(url, { timeout: EXTENSION_NAV_WAIT_MS }).catch(() => {});
  const deadline = Date.now() + EXTENSION_PAGE_READY_MS;
  while (Date.now() < deadline) {
    const href = await page.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
    if (href === url) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not open`);
}

/**
 * The newest tab showing `url`, asked from an extension page. The extension's host access (granted for injecting the
 * reader) lets it see the addresses of http(s) tabs; it has no "tabs" permission.
 */
export async function tabIdByUrl(extensionPage: Page, url: string): Promise<number> {
  const id = await extensionPage.evaluate(async (wanted: string) => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    // Newest first: a page opened again in a new tab is the one wanted.
    const tab = (await api.tabs.query({})).reverse().find((t) => t.url === wanted);
    return tab?.id ?? null;
  }, url);
  if (id === null) throw new Error(`No tab shows ${url}`);
  return id;
}

/** Click the button (or tab) whose visible text is exactly `text`, as a user would (real pointer input). */
export async function clickButton(page: Page, text: string | RegExp): Promise<void> {
  // Parts of the panel load when first shown (the Notes tab): wait for the button as a user would.
  const until = Date.now() + BUTTON_WAIT_MS;
  do {
    for (const handle of await page.$$('button')) {
      const label = await handle.evaluate((el) => el.textContent?.trim() ?? '');
      if (typeof text === 'string' ? label === text : text.test(label)) {
        await handle.click();
        return;
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  } while (Date.now() < until);
  throw new Error(`No button ${String(text)}`);
}


/// <reference types="chrome" />
/**
 * Debian's Chromium with the built extension (.output/chrome-mv3), through playwright-core. The extension id comes
 * from its service worker's URL (wxt-dev/examples, playwright-e2e-testing/e2e/fixtures.ts).
 */
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { ROOT } from './server';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROME_EXTENSION = path.resolve(ROOT, '.output/chrome-mv3');

export interface ChromiumWithExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

export async function launchChromium(): Promise<ChromiumWithExtension> {
  const ext = CHROME_EXTENSION;
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId };
}

/**
 * The browser's id of the tab a Playwright page shows. Without the "tabs" permission Chromium hides tab URLs from the
 * extension (content-script hosts do not count), so the page is brought to the front and the active tab is read.
 */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? null;
  });
  if (id === null) throw new Error(`No active tab for ${page.url()}`);
  return id;
}

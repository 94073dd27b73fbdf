/// <reference types="chrome" />
/**
 * Debian's Chromium with the built extension (.output/chrome-mv3), through playwright-core. The extension id comes
 * from its service worker's URL (wxt-dev/examples, playwright-e2e-testing/e2e/fixtures.ts).
 */
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { ROOT } from './server';
import { onQuote } from './quote';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROME_EXTENSION = path.resolve(ROOT, '.output/chrome-mv3');

export interface ChromiumWithExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

/**
 * `userDataDir` '' (the default) is a fresh temporary profile; pass a directory to keep the profile (and the
 * extension's IndexedDB) across launches. An unpacked extension's id comes from its path, so it stays the same.
 */
/** `extraArgs`: more Chromium switches (the online-check test maps service host names to fakes on 127.0.0.1). */
export async function launchChromium(userDataDir = '', extraArgs: string[] = []): Promise<ChromiumWithExtension> {
  const ext = CHROME_EXTENSION;
  const context = await chromium.launchPersistentContext(userDataDir, {
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
      ...extraArgs,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId };
}

/**
 * The browser's id of the tab a Playwright page shows: the page is brought to the front and the active tab is read
 * (the same page may be open in several tabs, so its address would not tell them apart).
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

/**
 * Open the real side panel. `chrome.sidePanel.open()` needs a user gesture, which a call from the service worker
 * lacks ("may only be called in response to a user gesture"), so a button is added to an extension page and clicked
 * with real (trusted) input. The helper page is closed afterwards; the panel stays open in the window.
 */
export async function openSidePanel(context: BrowserContext, extensionId: string): Promise<void> {
  const helper = await context.newPage();
  await helper.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=0`);
  await helper.evaluate(() => {
    const button = document.createElement('button');
    button.id = 'test-open-side-panel';
    button.textContent = 'Open the side panel';
    button.addEventListener('click', () => {
      void chrome.windows.getCurrent().then((w) => chrome.sidePanel.open({ windowId: w.id! }));
    });
    document.body.prepend(button);
  });
  await helper.click('#test-open-side-panel');
  await helper.close();
}

/**
 * Evaluate an expression in the side panel's document. Playwright does not list side panels as pages, so this goes
 * through the browser's CDP target list and the (non-flat) Target.sendMessageToTarget channel.
 */
export async function evaluateInSidePanel(context: BrowserContext, extensionId: string, expression: string): Promise<unknown> {
  const browser = context.browser();
  if (!browser) throw new Error('No browser behind this context');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; url: string }> };
    const panel = targetInfos.find((t) => t.url === `chrome-extension://${extensionId}/sidepanel.html`);
    if (!panel) throw new Error('The side panel is not open');
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: panel.targetId, flatten: false })) as { sessionId: string };
    const answer = new Promise<unknown>((resolve, reject) => {
      cdp.on('Target.receivedMessageFromTarget' as never, ((event: { message: string }) => {
        const message = JSON.parse(event.message) as { id: number; result?: { result?: { value?: unknown } }; error?: unknown };
        if (message.id !== 1) return;
        if (message.error) reject(new Error(JSON.stringify(message.error)));
        else resolve(message.result?.result?.value);
      }) as never);
    });
    const request = { id: 1, method: 'Runtime.evaluate', params: { expression, returnByValue: true } };
    await cdp.send('Target.sendMessageToTarget' as never, { sessionId, message: JSON.stringify(request) } as never);
    return await answer;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Select `text` on the page as a reader would leave it: one Range in the document's selection. */
export async function selectText(article: Page, text: string): Promise<void> {
  await article.evaluate(onQuote, [text, true] as [string, boolean]);
}

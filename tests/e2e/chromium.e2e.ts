/// <reference types="chrome" />
/**
 * The built Chrome extension (.output/chrome-mv3) in Debian's Chromium: panel, badge, jumps, navigation, hostile
 * page text, and no network traffic beyond the local test server. Run `npm run build` first.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION, evaluateInSidePanel, launchChromium, openSidePanel, tabIdOf } from './support/chromium';
import { FIRST_LOOK_TIMEOUT_MS } from '../../lib/page/constants';
import { PanelPage } from './support/panel';
import { startServer, type PageServer } from './support/server';

/** How long to wait for the panel, badge or page to catch up, in milliseconds. */
const SETTLE_MS = 15_000;

const SEED_HEADINGS = [
  'Ukraine–U.S. Talks Show “Progress” as Trump Pushes for a Swift Peace',
  'A Shift Toward Urgency',
  'What “Progress” Means—And What It Doesn’t',
  'Trump’s Calculated Gamble',
  'What Comes Next',
  'Bottom Line',
  'References',
];

let server: PageServer;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
/** Requests to anything but the local test server or the extension itself. */
const outside: string[] = [];

function isLocal(url: string): boolean {
  const u = new URL(url);
  return (u.protocol === 'http:' && u.hostname === '127.0.0.1') || u.protocol === 'chrome-extension:' || u.protocol === 'data:' || url === 'about:blank';
}

beforeAll(async () => {
  if (!existsSync(path.join(CHROME_EXTENSION, 'manifest.json'))) throw new Error('No build in .output/chrome-mv3: run `npm run build` first.');
  server = await startServer();
  ({ context, worker, extensionId } = await launchChromium());
  context.on('request', (req) => {
    if (!isLocal(req.url())) outside.push(req.url());
  });
  await context.route(/^https?:/, async (route) => {
    if (!isLocal(route.request().url())) outside.push(route.request().url());
    await route.continue();
  });
});

/** Pages opened by the current test, closed after it so tabs do not pile up. */
const opened: Array<{ close(): Promise<unknown> }> = [];
afterEach(async () => {
  for (const page of opened.splice(0)) await page.close().catch(() => {});
});

afterAll(async () => {
  await context?.close();
  await server?.close();
});

/** Open a page in a new tab, and the panel for that tab in another. */
async function openWithPanel(page: string): Promise<{ article: Page; tabId: number; panel: PanelPage }> {
  const article = await context.newPage();
  await article.goto(server.url(page));
  const tabId = await tabIdOf(worker, article);
  const panelPage = await context.newPage();
  opened.push(article, panelPage);
  await panelPage.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  return { article, tabId, panel: new PanelPage(panelPage) };
}

const badgeOf = (tabId: number) => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

describe('Citelens in Chromium', () => {
  it('shows the seed article: title, six sections, five unlinked references, badge 5', async () => {
    const { tabId, panel } = await openWithPanel('/seed-article.html');
    await expect.poll(() => panel.outlineTexts(), { timeout: SETTLE_MS }).toEqual(SEED_HEADINGS);
    // The h1 title holds the six h2 sections.
    await expect(panel.outline().locator(':scope > ul > li').count()).resolves.toBe(1);
    await expect(panel.outline().locator(':scope > ul > li > ul > li').count()).resolves.toBe(6);
    await panel.openTab(/References/);
    await expect.poll(() => panel.linkStates(), { timeout: SETTLE_MS }).toEqual(['none', 'none', 'none', 'none', 'none']);
    await expect(panel.page.getByText('5 entries · 5 without a link').isVisible()).resolves.toBe(true);
    await expect(panel.entries().first().getByText('No link').isVisible()).resolves.toBe(true);
    await expect(panel.entries().first().getByRole('link', { name: /Google Scholar/ }).getAttribute('href')).resolves.toMatch(/^https:\/\/scholar\.google\.com\/scholar\?q=PBS/);
    await expect.poll(() => badgeOf(tabId), { timeout: SETTLE_MS }).toBe('5');
  });

  it('scrolls the page to a heading clicked in the panel', async () => {
    const { article, panel } = await openWithPanel('/seed-article.html');
    await expect.poll(() => panel.outlineTexts(), { timeout: SETTLE_MS }).toEqual(SEED_HEADINGS);
    expect(await article.evaluate(() => window.scrollY)).toBe(0);
    await panel.outline().getByRole('button', { name: 'Bottom Line' }).click();
    await expect.poll(() => article.evaluate(() => window.scrollY), { timeout: SETTLE_MS }).toBeGreaterThan(0);
    const top = () => article.evaluate(() => [...document.querySelectorAll('h2')].find((h) => h.textContent === 'Bottom Line')!.getBoundingClientRect().top);
    await expect.poll(top, { timeout: SETTLE_MS }).toBeLessThan(60);
    expect(await top()).toBeGreaterThanOrEqual(0);
  });

  it('marks the section being read as the page scrolls', async () => {
    const { article, panel } = await openWithPanel('/seed-article.html');
    await expect.poll(() => panel.outlineTexts(), { timeout: SETTLE_MS }).toEqual(SEED_HEADINGS);
    const current = () => panel.outline().locator('[aria-current="location"] .outline-text').allInnerTexts();
    await article.evaluate(() => document.getElementById('Trumps_Calculated_Gamble')!.scrollIntoView({ block: 'start' }));
    await expect.poll(current, { timeout: SETTLE_MS }).toEqual(['Trump’s Calculated Gamble']);
    // Back at the top the title sits below the reading line: no section is being read yet.
    await article.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(current, { timeout: SETTLE_MS }).toEqual([]);
  });

  it('lands below a sticky site header', async () => {
    const { article, panel } = await openWithPanel('/news-article.html');
    await panel.outline().getByRole('button', { name: 'The money' }).click();
    const heading = () => article.evaluate(() => document.getElementById('the-money')!.getBoundingClientRect().top);
    const header = await article.evaluate(() => document.querySelector('.masthead')!.getBoundingClientRect().height);
    await expect.poll(heading, { timeout: SETTLE_MS }).toBeLessThan(header + 40);
    expect(await heading()).toBeGreaterThanOrEqual(header);
  });

  it('scrolls to a reference entry clicked in the panel', async () => {
    const { article, panel } = await openWithPanel('/seed-article.html');
    await panel.openTab(/References/);
    await panel.page.getByRole('button', { name: /The Guardian/ }).click();
    // The last entry sits near the page's end, so it cannot reach the top: it must be scrolled fully into view.
    const inView = () =>
      article.evaluate(() => {
        const rect = [...document.querySelectorAll('li')].find((li) => li.textContent!.startsWith('The Guardian'))!.getBoundingClientRect();
        return window.scrollY > 0 && rect.top >= 0 && rect.bottom <= window.innerHeight;
      });
    await expect.poll(inView, { timeout: SETTLE_MS }).toBe(true);
  });

  it('follows its tab to another page: the wiki demo with identifiers and a citation audit', async () => {
    const { article, tabId, panel } = await openWithPanel('/seed-article.html');
    await expect.poll(() => panel.outlineTexts(), { timeout: SETTLE_MS }).toEqual(SEED_HEADINGS);
    await article.goto(server.url('/wiki-article.html'));
    await expect.poll(() => panel.page.getByRole('heading', { level: 1 }).innerText(), { timeout: SETTLE_MS }).toBe('Cool roof');
    await expect(panel.outlineTexts()).resolves.toEqual(['Cool roof', 'History', 'Measurement', 'Solar reflectance index', 'Effects', 'See also', 'References', 'External links']);
    await panel.openTab(/References/);
    await expect.poll(() => panel.linkStates(), { timeout: SETTLE_MS }).toEqual(['linked', 'linked', 'linked', 'none', 'linked', 'linked', 'linked', 'linked']);
    await expect(panel.page.getByRole('link', { name: '10.5555/12345678' }).getAttribute('href')).resolves.toBe('https://doi.org/10.5555/12345678');
    await expect(panel.page.getByRole('link', { name: '2103.04512' }).getAttribute('href')).resolves.toBe('https://arxiv.org/abs/2103.04512');
    await expect(panel.page.getByRole('link', { name: '9783161484100' }).getAttribute('href')).resolves.toBe('https://search.worldcat.org/isbn/9783161484100');
    await panel.page.getByRole('checkbox', { name: 'Only flagged' }).check();
    await expect.poll(() => panel.linkStates()).toEqual(['none']);
    await panel.openTab('Citations');
    await expect(panel.page.getByRole('button', { name: /Lindqvist/ }).isVisible()).resolves.toBe(true);
    await expect(panel.page.getByRole('button', { name: /\[9\] in “Effects”/ }).isVisible()).resolves.toBe(true);
    await expect.poll(() => badgeOf(tabId), { timeout: SETTLE_MS }).toBe('1');
  });

  it('follows a single-page-site navigation (pushState and a large DOM swap) without a reload', async () => {
    const { article, panel } = await openWithPanel('/seed-article.html');
    await expect.poll(() => panel.outlineTexts(), { timeout: SETTLE_MS }).toEqual(SEED_HEADINGS);
    await article.evaluate(async () => {
      (window as unknown as { __samePage?: boolean }).__samePage = true;
      const html = await (await fetch('/wiki-article.html')).text();
      history.pushState({}, '', '/wiki-article.html?spa=1');
      document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
    });
    await expect.poll(() => panel.page.getByRole('heading', { level: 1 }).innerText(), { timeout: SETTLE_MS }).toBe('Cool roof');
    // Not a reload: the page's JavaScript state survived.
    expect(await article.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
  });

  it('loads the reader into article pages only: other pages keep just the small content script', async () => {
    const readerIn = (page: Page) =>
      tabIdOf(worker, page).then((tabId) =>
        worker.evaluate(async (id) => {
          // The content scripts' isolated world, where the reader keeps its running context (entrypoints/reader.ts).
          const [frame] = await chrome.scripting.executeScript({ target: { tabId: id }, func: () => typeof (globalThis as Record<string, unknown>).__citelensReader === 'object' });
          return frame?.result;
        }, tabId),
      );
    const other = await context.newPage();
    const article = await context.newPage();
    opened.push(other, article);
    await other.goto(server.url('/not-article.html'));
    await article.goto(server.url('/seed-article.html'));
    await expect.poll(() => readerIn(article), { timeout: SETTLE_MS }).toBe(true);
    // The content script looks at the first idle moment, at the latest FIRST_LOOK_TIMEOUT_MS after load.
    await other.waitForTimeout(FIRST_LOOK_TIMEOUT_MS + 500);
    expect(await readerIn(other)).toBe(false);
  });

  it('says honestly when a page is not an article, and reads it anyway on request', async () => {
    const { tabId, panel } = await openWithPanel('/not-article.html');
    await expect.poll(() => panel.page.getByRole('heading', { name: 'This page does not look like an article' }).isVisible(), { timeout: SETTLE_MS }).toBe(true);
    await panel.page.getByRole('button', { name: 'Read it anyway' }).click();
    await expect.poll(() => panel.page.getByText('Read anyway: this page did not look like an article.').isVisible(), { timeout: SETTLE_MS }).toBe(true);
    expect(await badgeOf(tabId)).toBe('');
  });

  it('shows hostile page text literally and runs none of it', async () => {
    const { article, panel } = await openWithPanel('/hostile.html');
    const dialogs: string[] = [];
    panel.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await expect.poll(() => panel.outlineTexts(), { timeout: SETTLE_MS }).toContain(`</script><script>window.__citelensPwned='h2';alert('h2')</script>`);
    await panel.openTab(/References/);
    await expect.poll(() => panel.entries().count(), { timeout: SETTLE_MS }).toBe(3);
    await expect(panel.page.getByText(`<img src=x onerror="window.__citelensPwned='entry';alert('entry')"> Doe, J.`, { exact: false }).isVisible()).resolves.toBe(true);
    await panel.openTab(/Outline/);
    // The page's own handler ran in the page; nothing of it ran in the panel.
    expect(await article.evaluate(() => (window as unknown as { __pageCanary?: string }).__pageCanary)).toBe('page onerror ran');
    expect(await panel.page.evaluate(() => (window as unknown as { __citelensPwned?: unknown }).__citelensPwned)).toBeUndefined();
    expect(await panel.page.locator('img, svg, script:not([src])').count()).toBe(0);
    for (const href of await panel.hrefs()) expect(href).toMatch(/^https?:\/\//);
    expect(dialogs).toEqual([]);
  });

  it('opens the real side panel, which follows the active tab', async () => {
    const seed = await context.newPage();
    const wiki = await context.newPage();
    opened.push(seed, wiki);
    await seed.goto(server.url('/seed-article.html'));
    await wiki.goto(server.url('/wiki-article.html'));
    await openSidePanel(context, extensionId);
    const panelHeading = () => evaluateInSidePanel(context, extensionId, `document.querySelector('h1')?.textContent ?? ''`);
    await seed.bringToFront();
    await expect.poll(panelHeading, { timeout: SETTLE_MS }).toBe(SEED_HEADINGS[0]);
    await wiki.bringToFront();
    await expect.poll(panelHeading, { timeout: SETTLE_MS }).toBe('Cool roof');
  });

  it('configures the toolbar button to open the side panel', async () => {
    const behavior = await worker.evaluate(() => chrome.sidePanel.getPanelBehavior());
    expect(behavior.openPanelOnActionClick).toBe(true);
    const options = await worker.evaluate(() => chrome.sidePanel.getOptions({}));
    expect(options.path).toBe('sidepanel.html');
  });

  it('sent no request anywhere but the local test server', () => {
    expect(outside).toEqual([]);
  });
});

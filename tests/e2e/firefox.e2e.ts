/// <reference types="chrome" />
/**
 * The built Firefox extension (.output/firefox-mv2) in Debian's Firefox ESR over WebDriver BiDi: the same seed checks
 * as in Chromium, a jump, a page that is not an article, navigation, a note that outlives a panel reload, the library
 * listing and searching it, and hostile page text. Run `npm run build`
 * first.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clickButton, FIREFOX_EXTENSION, gotoExtensionPage, launchFirefox, tabIdByUrl } from './support/firefox';
import { onQuote } from './support/quote';
import { startServer, type PageServer } from './support/server';

/** How long to wait for the panel, badge or page to catch up, in milliseconds. */
const SETTLE_MS = 15_000;

let server: PageServer;
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (!existsSync(path.join(FIREFOX_EXTENSION, 'manifest.json'))) throw new Error('No build in .output/firefox-mv2: run `npm run build` first.');
  server = await startServer();
  ({ browser, base } = await launchFirefox());
});

/** Pages opened by the current test, closed after it so tabs do not pile up. */
const opened: Array<{ close(): Promise<unknown> }> = [];
afterEach(async () => {
  for (const page of opened.splice(0)) await page.close().catch(() => {});
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openWithPanel(page: string): Promise<{ article: Page; tabId: number; panel: Page }> {
  const article = await browser.newPage();
  await article.goto(server.url(page));
  const panel = await browser.newPage();
  opened.push(article, panel);
  await gotoExtensionPage(panel, `${base}/sidepanel.html`);
  const tabId = await tabIdByUrl(panel, server.url(page));
  await gotoExtensionPage(panel, `${base}/sidepanel.html?tabId=${tabId}`);
  return { article, tabId, panel };
}

const outlineTexts = (panel: Page) => panel.$$eval('nav[aria-label="Outline"] .outline-text', (els) => els.map((el) => el.textContent ?? ''));
const linkStates = (panel: Page) => panel.$$eval('li[data-link-state]', (els) => els.map((el) => el.getAttribute('data-link-state') ?? ''));
const bodyText = (panel: Page) => panel.evaluate(() => document.body.innerText);

const SEED_HEADINGS = [
  'Ukraine–U.S. Talks Show “Progress” as Trump Pushes for a Swift Peace',
  'A Shift Toward Urgency',
  'What “Progress” Means—And What It Doesn’t',
  'Trump’s Calculated Gamble',
  'What Comes Next',
  'Bottom Line',
  'References',
];

describe('Citelens in Firefox', () => {
  it('shows the seed article: title, six sections, five unlinked references, badge 5', async () => {
    const { tabId, panel } = await openWithPanel('/seed-article.html');
    await expect.poll(() => outlineTexts(panel), { timeout: SETTLE_MS }).toEqual(SEED_HEADINGS);
    expect(await panel.$$eval('nav[aria-label="Outline"] > ul > li > ul > li', (els) => els.length)).toBe(6);
    await clickButton(panel, /^References/);
    await expect.poll(() => linkStates(panel), { timeout: SETTLE_MS }).toEqual(['none', 'none', 'none', 'none', 'none']);
    expect(await bodyText(panel)).toContain('5 entries · 5 without a link');
    const badge = () => panel.evaluate((id: number) => (globalThis as unknown as { browser: { browserAction: typeof chrome.action } }).browser.browserAction.getBadgeText({ tabId: id }), tabId);
    await expect.poll(badge, { timeout: SETTLE_MS }).toBe('5');
  });

  it('scrolls the page to a heading clicked in the panel', async () => {
    const { article, panel } = await openWithPanel('/seed-article.html');
    await expect.poll(() => outlineTexts(panel), { timeout: SETTLE_MS }).toEqual(SEED_HEADINGS);
    await clickButton(panel, 'Bottom Line');
    const top = () => article.evaluate(() => [...document.querySelectorAll('h2')].find((h) => h.textContent === 'Bottom Line')!.getBoundingClientRect().top);
    await expect.poll(top, { timeout: SETTLE_MS }).toBeLessThan(60);
    expect(await article.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });

  it('marks the section being read as the page scrolls', async () => {
    const { article, panel } = await openWithPanel('/seed-article.html');
    await expect.poll(() => outlineTexts(panel), { timeout: SETTLE_MS }).toEqual(SEED_HEADINGS);
    const current = () => panel.$$eval('nav[aria-label="Outline"] [aria-current="location"] .outline-text', (els) => els.map((el) => el.textContent));
    await article.evaluate(() => document.getElementById('Trumps_Calculated_Gamble')!.scrollIntoView({ block: 'start' }));
    await expect.poll(current, { timeout: SETTLE_MS }).toEqual(['Trump’s Calculated Gamble']);
  });

  it('reads a page that is not an article when asked: the panel injects the reader there itself', async () => {
    // The content script never asks for the reader on this page; the panel injects it (browser.scripting in MV2).
    const { panel } = await openWithPanel('/not-article.html');
    await expect.poll(() => bodyText(panel), { timeout: SETTLE_MS }).toContain('This page does not look like an article');
    await clickButton(panel, 'Read it anyway');
    await expect.poll(() => bodyText(panel), { timeout: SETTLE_MS }).toContain('Read anyway: this page did not look like an article.');
  });

  it('follows its tab to the wiki demo', async () => {
    const { article, panel } = await openWithPanel('/seed-article.html');
    await expect.poll(() => outlineTexts(panel), { timeout: SETTLE_MS }).toEqual(SEED_HEADINGS);
    await article.goto(server.url('/wiki-article.html'));
    await expect.poll(() => panel.$eval('h1', (h) => h.textContent), { timeout: SETTLE_MS }).toBe('Cool roof');
    await clickButton(panel, /^References/);
    await expect.poll(() => linkStates(panel), { timeout: SETTLE_MS }).toEqual(['linked', 'linked', 'linked', 'none', 'linked', 'linked', 'linked', 'linked']);
  });

  it('adds a note in the sidebar page and still lists it after the panel is reloaded', async () => {
    const { panel } = await openWithPanel('/seed-article.html');
    await expect.poll(() => outlineTexts(panel), { timeout: SETTLE_MS }).toEqual(SEED_HEADINGS);
    await clickButton(panel, 'Notes');
    await clickButton(panel, 'Add note');
    // Nothing is selected on the page, so the note is about the whole page.
    const box = await panel.waitForSelector('.notes-composer textarea', { timeout: SETTLE_MS });
    await box!.type('A page note from Firefox');
    await clickButton(panel, 'Save note');
    const notes = () => panel.$$eval('[data-note-id] .note-text', (els) => els.map((el) => el.textContent ?? ''));
    await expect.poll(notes, { timeout: SETTLE_MS }).toEqual(['A page note from Firefox']);
    const id = await panel.$eval('[data-note-id]', (el) => el.getAttribute('data-note-id'));

    // Reload the panel (Puppeteer's own reload waits for a navigation Firefox does not report on extension pages):
    // a marker on the old document tells the reloaded one apart.
    await panel.evaluate(() => {
      (window as unknown as { __beforeReload?: boolean }).__beforeReload = true;
      setTimeout(() => location.reload(), 0);
    });
    const reloaded = () => panel.evaluate(() => document.readyState === 'complete' && !(window as unknown as { __beforeReload?: boolean }).__beforeReload).catch(() => false);
    await expect.poll(reloaded, { timeout: SETTLE_MS }).toBe(true);
    await expect.poll(() => outlineTexts(panel), { timeout: SETTLE_MS }).toEqual(SEED_HEADINGS);
    await clickButton(panel, 'Notes');
    await expect.poll(notes, { timeout: SETTLE_MS }).toEqual(['A page note from Firefox']);
    expect(await panel.$eval('[data-note-id]', (el) => el.getAttribute('data-note-id'))).toBe(id);
  });

  it('lists the page with its note in the library, and finds the note by a word of it', async () => {
    const library = await browser.newPage();
    opened.push(library);
    await gotoExtensionPage(library, `${base}/library.html`);
    await expect.poll(() => bodyText(library), { timeout: SETTLE_MS }).toContain(SEED_HEADINGS[0]);
    expect(await bodyText(library)).toMatch(/1 note\b/);
    const search = await library.waitForSelector('input[type="search"]', { timeout: SETTLE_MS });
    await search!.type('Firefox');
    await expect.poll(() => library.$$eval('mark', (els) => els.map((el) => el.textContent ?? '')), { timeout: SETTLE_MS }).toContain('Firefox');
  });

  it('starts a note on the selection when asked from outside the sidebar, and shows a note when its highlight is clicked', async () => {
    const QUOTE = 'Core issues remain unresolved';
    const { article, tabId, panel } = await openWithPanel('/seed-article.html');
    await expect.poll(() => outlineTexts(panel), { timeout: SETTLE_MS }).toEqual(SEED_HEADINGS);
    await article.evaluate(onQuote, [QUOTE, true] as [string, boolean]);
    // The menu entry and the command leave this request (tests/background/commands.test.ts); WebDriver cannot click
    // a context menu, so it is left here the same way, through Firefox's storage.session.
    await panel.evaluate((id) => (globalThis as unknown as { browser: typeof chrome }).browser.storage.session.set({ 'citelens.panelRequest': { kind: 'compose', tabId: id, at: Date.now() } }), tabId);
    const quote = await panel.waitForSelector('.notes-composer blockquote', { timeout: SETTLE_MS });
    expect(await quote!.evaluate((el) => el.textContent)).toBe(QUOTE);
    const box = await panel.waitForSelector('.notes-composer textarea', { timeout: SETTLE_MS });
    await box!.type('Which core issues?');
    await clickButton(panel, 'Save note');
    const id = await (await panel.waitForSelector('[data-note-id][data-anchor="exact"]', { timeout: SETTLE_MS }))!.evaluate((el) => el.getAttribute('data-note-id'));
    await clickButton(panel, /^Outline/);
    const point = await article.evaluate(onQuote, [QUOTE, false] as [string, boolean]);
    await article.mouse.click(point!.x, point!.y);
    const focused = () => panel.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.noteId ?? null);
    await expect.poll(focused, { timeout: SETTLE_MS }).toBe(id);
  });

  it('shows hostile page text literally and runs none of it', async () => {
    const { article, panel } = await openWithPanel('/hostile.html');
    await expect.poll(() => outlineTexts(panel), { timeout: SETTLE_MS }).toContain(`</script><script>window.__citelensPwned='h2';alert('h2')</script>`);
    expect(await article.evaluate(() => (window as unknown as { __pageCanary?: string }).__pageCanary)).toBe('page onerror ran');
    expect(await panel.evaluate(() => (window as unknown as { __citelensPwned?: unknown }).__citelensPwned ?? null)).toBeNull();
    expect(await panel.$$eval('img, svg, script:not([src])', (els) => els.length)).toBe(0);
    await clickButton(panel, /^References/);
    await expect.poll(() => linkStates(panel), { timeout: SETTLE_MS }).toHaveLength(3);
    const hrefs = await panel.$$eval('a[href]', (els) => els.map((el) => el.getAttribute('href') ?? ''));
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
  });
});

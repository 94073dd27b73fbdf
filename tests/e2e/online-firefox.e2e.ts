/// <reference types="chrome" />
/**
 * "Check online" in the built Firefox extension, against the fake services behind the real service host names:
 * Firefox's proxy preferences send api.crossref.org, archive.org and the cited site to the test's proxy
 * (tests/e2e/support/online-front.ts), which refuses every other host; the front's certificate, made for the run, is
 * accepted through WebDriver's acceptInsecureCerts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickButton, FIREFOX_EXTENSION, gotoExtensionPage, launchFirefox, tabIdByUrl } from './support/firefox';
import { startServer, type PageServer } from './support/server';
import { ARTICLE, CITED, OA_COPY, startOnlineFront, type OnlineFront } from './support/online-front';

const SETTLE_MS = 20_000;

let online: OnlineFront;
let pages: PageServer;
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (!existsSync(path.join(FIREFOX_EXTENSION, 'manifest.json'))) throw new Error('No build in .output/firefox-mv2: run `npm run build` first.');
  online = await startOnlineFront();
  pages = await startServer({ '/seabirds.html': ARTICLE });
  ({ browser, base } = await launchFirefox({ prefs: online.firefoxPrefs, acceptInsecureCerts: true }));
});

afterAll(async () => {
  await browser?.close();
  await pages?.close();
  await online?.close();
});

const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '').catch(() => '');

describe('Check online in Firefox, against fake services', () => {
  it('asks first and sends nothing before; then flags the retraction and archives the dead link; kept after a reload; the open-access copy only with the address', async () => {
    const article = await browser.newPage();
    await article.goto(pages.url('/seabirds.html'));
    const panel = await browser.newPage();
    await gotoExtensionPage(panel, `${base}/sidepanel.html`);
    const tabId = await tabIdByUrl(panel, pages.url('/seabirds.html'));
    await gotoExtensionPage(panel, `${base}/sidepanel.html?tabId=${tabId}`);
    await clickButton(panel, /^References/);
    await clickButton(panel, 'Check online');
    await panel.waitForSelector('[role="dialog"]', { timeout: SETTLE_MS });
    expect(online.svc.requests, 'nothing is sent before the reader agrees').toEqual([]);
    await clickButton(panel, 'Allow and check');

    await expect.poll(() => text(panel, '.online-summary'), { timeout: SETTLE_MS }).toBe('1 retracted · 1 dead link · 1 found online');
    const archived = await panel.$$eval('a', (links) => links.filter((a) => a.textContent?.startsWith('archived copy')).map((a) => a.getAttribute('href')));
    expect(archived).toEqual([`https://web.archive.org/web/20190501000000/http://${CITED}/gone-404`]);
    expect(await panel.$$eval('.badge-retracted', (els) => els.map((el) => el.textContent))).toEqual(['Retraction']);
    const paths = online.svc.requests.map((r) => r.path);
    expect(paths).toContain('/crossref/works/10.5555/retracted');
    expect(paths).toContain('/gone-404');

    // Reload the panel (as firefox.e2e.ts does): the results come from the database, and nothing is sent.
    const sent = online.svc.requests.length;
    await panel.evaluate(() => {
      (window as unknown as { __beforeReload?: boolean }).__beforeReload = true;
      setTimeout(() => location.reload(), 0);
    });
    const reloaded = () => panel.evaluate(() => document.readyState === 'complete' && !(window as unknown as { __beforeReload?: boolean }).__beforeReload).catch(() => false);
    await expect.poll(reloaded, { timeout: SETTLE_MS }).toBe(true);
    await clickButton(panel, /^References/);
    await expect.poll(() => text(panel, '.online-summary'), { timeout: SETTLE_MS }).toBe('1 retracted · 1 dead link · 1 found online');
    expect(online.svc.requests.length).toBe(sent);

    // The open-access copy: Unpaywall was not ticked, so it was never asked; given the address in the settings, it is.
    const toOa = () => online.svc.requests.filter((r) => r.path.startsWith('/unpaywall/') || r.path.startsWith('/openalex/'));
    expect(toOa()).toEqual([]);
    expect(await panel.$$('.open-access a')).toHaveLength(0);
    await panel.click('details.online-settings summary');
    const email = (await panel.waitForSelector('details.online-settings input[type="email"]', { timeout: SETTLE_MS }))!;
    await email.type('reader@example.org');
    await email.press('Enter');
    await panel.$$eval('details.online-settings label', (labels) => {
      const box = labels.find((l) => l.textContent?.trim().startsWith('Unpaywall'))?.querySelector('input');
      box?.click();
    });
    await clickButton(panel, 'Check again');
    const hrefs = () => panel.$$eval('.open-access a', (links) => links.map((a) => a.getAttribute('href'))).catch(() => []);
    await expect.poll(hrefs, { timeout: SETTLE_MS }).toEqual([OA_COPY]);
    expect(toOa().map((r) => `${r.path}?email=${r.query.get('email')}`)).toEqual(['/unpaywall/v2/10.5555/retracted?email=reader@example.org']);
  });
});

/// <reference types="chrome" />
/**
 * "Check online" in the built Chrome extension, against fake services: Chromium resolves api.crossref.org,
 * archive.org and a cited site to the fakes (tests/e2e/support/online-front.ts; --ignore-certificate-errors for the
 * front's certificate made for the run). The extension's code is the shipped code, with its real service addresses.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { CHROME_EXTENSION, launchChromium, tabIdOf } from './support/chromium';
import { PanelPage } from './support/panel';
import { startServer, type PageServer } from './support/server';
import { ARTICLE, CITED, OA_COPY, startOnlineFront, type OnlineFront } from './support/online-front';

const SETTLE_MS = 20_000;

let online: OnlineFront;
let pages: PageServer;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;

beforeAll(async () => {
  if (!existsSync(path.join(CHROME_EXTENSION, 'manifest.json'))) throw new Error('No build in .output/chrome-mv3: run `npm run build` first.');
  online = await startOnlineFront();
  pages = await startServer({ '/seabirds.html': ARTICLE });
  ({ context, worker, extensionId } = await launchChromium('', online.chromiumArgs));
});

afterAll(async () => {
  await context?.close();
  await pages?.close();
  await online?.close();
});
async function openWithPanel(): Promise<{ article: Page; tabId: number; panel: PanelPage }> {
  const article = await context.newPage();
  await article.goto(pages.url('/seabirds.html'));
  const tabId = await tabIdOf(worker, article);
  const page = await context.newPage();
  // What the panel's page reported, printed when a test fails (a CI run once found no "Check online" and said no more).
  const said: string[] = [];
  page.on('console', (m) => m.type() === 'error' || m.type() === 'warning' ? said.push(`console.${m.type()}: ${m.text()}`) : undefined);
  page.on('pageerror', (e) => said.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => said.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? ''})`));
  onTestFailed(async () => {
    console.log(`[online] the panel's page said:\n${said.join('\n') || '(nothing)'}\n[online] its text:\n${await page.locator('body').innerText().catch((e: unknown) => String(e))}`);
  });
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  const panel = new PanelPage(page);
  await page.getByRole('heading', { level: 1, name: 'Seabirds and the sources behind them' }).waitFor({ timeout: SETTLE_MS });
  return { article, tabId, panel };
}

describe('Check online in Chromium, against fake services', () => {
  it('asks first and sends nothing before; then flags the retraction, archives the dead link, proposes the unlinked work; kept after a reload', async () => {
    const { tabId, panel } = await openWithPanel();
    const { page } = panel;
    await panel.openTab(/^References/);
    const check = page.getByRole('button', { name: 'Check online' });
    await check.waitFor({ timeout: SETTLE_MS });
    expect(online.svc.requests, 'nothing is sent before the reader asks').toEqual([]);
    await check.click();
    const dialog = page.getByRole('dialog', { name: 'Check online: what is sent' });
    await dialog.waitFor({ timeout: SETTLE_MS });
    expect(online.svc.requests).toEqual([]);
    await dialog.getByRole('button', { name: 'Allow and check' }).click();

    await expect.poll(() => page.locator('.online-summary').textContent(), { timeout: SETTLE_MS }).toBe('1 retracted · 1 dead link · 1 found online');
    const first = page.getByRole('listitem', { name: 'Online results for entry 1' });
    await expect(first.getByText('Retraction').isVisible()).resolves.toBe(true);
    const second = page.getByRole('listitem', { name: 'Online results for entry 2' });
    await expect(second.getByRole('link', { name: /archived copy/ }).getAttribute('href')).resolves.toBe(`https://web.archive.org/web/20190501000000/http://${CITED}/gone-404`);
    const third = page.getByRole('listitem', { name: 'Online results for entry 3' });
    await expect(third.textContent()).resolves.toMatch(/Candidate: Seasonal migration of the arctic tern across the Atlantic \(confidence \d+%\)/);
    // The report with no registry record gets no candidate at all.
    await expect(page.getByRole('listitem', { name: 'Online results for entry 4' }).textContent()).resolves.not.toMatch(/Candidate/);
    // What was asked, and of whom: the registry for the DOI and the searches, the cited site, the archive.
    const paths = online.svc.requests.map((r) => r.path);
    expect(paths).toContain('/crossref/works/10.5555/retracted');
    expect(paths).toContain('/gone-404');
    expect(paths).toContain('/wayback/available');
    // The toolbar badge: red, and its title says what was found.
    await expect.poll(() => worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId), { timeout: SETTLE_MS }).toBe('Citelens: 2 references without a link · 1 retracted · 1 dead link');
    expect(await worker.evaluate((id) => chrome.action.getBadgeBackgroundColor({ tabId: id }), tabId)).toEqual([179, 38, 30, 255]);

    await third.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => third.textContent(), { timeout: SETTLE_MS }).toMatch(/linked: found online/);

    // Reload the panel: the results and the decision come from the database, and nothing is sent.
    const sent = online.svc.requests.length;
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Seabirds and the sources behind them' }).waitFor({ timeout: SETTLE_MS });
    await panel.openTab(/^References/);
    await expect.poll(() => page.locator('.online-summary').textContent(), { timeout: SETTLE_MS }).toBe('1 retracted · 1 dead link · 1 found online');
    await expect(page.getByText(/checked today/).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('listitem', { name: 'Online results for entry 3' }).textContent()).resolves.toMatch(/linked: found online/);
    expect(online.svc.requests.length).toBe(sent);
  });

  it('the open-access copy: nothing goes to Unpaywall without the e-mail address; with it given in the settings, the copy is a link', async () => {
    const { panel } = await openWithPanel();
    const { page } = panel;
    await panel.openTab(/^References/);
    await expect.poll(() => page.locator('.online-summary').textContent(), { timeout: SETTLE_MS }).toBe('1 retracted · 1 dead link · 1 found online');
    // The first check (above) was allowed without ticking Unpaywall: it was never asked, and no copy is shown.
    const toOa = () => online.svc.requests.filter((r) => r.path.startsWith('/unpaywall/') || r.path.startsWith('/openalex/'));
    expect(toOa()).toEqual([]);
    expect(await page.getByRole('link', { name: 'Open-access copy' }).count()).toBe(0);

    const settings = page.locator('details.online-settings');
    await settings.locator('summary').click();
    await settings.getByLabel('Your e-mail address, for Unpaywall').fill('reader@example.org');
    await settings.getByLabel('Your e-mail address, for Unpaywall').press('Enter');
    await settings.getByRole('checkbox', { name: /^Unpaywall \(api\.unpaywall\.org\)/ }).check();
    await page.getByRole('button', { name: 'Check again' }).click();

    const first = page.getByRole('listitem', { name: 'Online results for entry 1' });
    await expect.poll(() => first.getByRole('link', { name: 'Open-access copy' }).getAttribute('href'), { timeout: SETTLE_MS }).toBe(OA_COPY);
    await expect(first.textContent()).resolves.toContain('Open-access copy (PDF, acceptedVersion, via Unpaywall)');
    // Only the resolved DOI went, with the address; the unlinked entries' candidates are not asked about.
    expect(toOa().map((r) => `${r.path}?email=${r.query.get('email')}`)).toEqual(['/unpaywall/v2/10.5555/retracted?email=reader@example.org']);
  });
});

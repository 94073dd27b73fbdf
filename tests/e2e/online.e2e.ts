/// <reference types="chrome" />
/**
 * "Check online" in the built Chrome extension, against fake services: Chromium resolves api.crossref.org,
 * archive.org and a cited site to 127.0.0.1 (--host-resolver-rules), where a TLS front (a certificate made for the
 * run; --ignore-certificate-errors) passes the requests to tests/online/fake-services.ts. The extension's code is
 * the shipped code, with its real service addresses. Nothing leaves the machine: every other host fails to resolve.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttps, type Server } from 'node:https';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION, launchChromium, tabIdOf } from './support/chromium';
import { PanelPage } from './support/panel';
import { startServer, type PageServer } from './support/server';
import { record, startFakeServices, type FakeServices } from '../online/fake-services';

const SETTLE_MS = 20_000;
/** The cited site, a name the guard does not take for a local one (it is mapped to the fakes' port). */
const CITED = 'cited-site.test';

/** An article whose four references are one retracted DOI, one dead cited page, one unlinked work the registry has,
 * and one unlinked report it has not. */
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Seabirds and the sources behind them</title>
<meta property="og:type" content="article"></head><body><main><article>
<h1>Seabirds and the sources behind them</h1>
${Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of a long article about seabird migration, vaccine scares and how reporters cite their sources. Arctic terns fly from pole to pole every year, and the studies that measured it are cited below, together with an older paper that was later retracted and a report that is no longer online.</p>`).join('\n')}
<h2>References</h2>
<ol class="references">
<li>Wakefield A, Murch S (1998). Ileal-lymphoid-nodular hyperplasia and pervasive developmental disorder in children. Lancet. doi:10.5555/retracted</li>
<li>Harbour Office (2019). <a href="http://${CITED}/gone-404">A vanished report on harbour seabirds</a>.</li>
<li>Egevang C, Stenhouse IJ (2010). Seasonal migration of the arctic tern across the Atlantic. PNAS.</li>
<li>Northern Seabird Trust (2021). Annual colony count, printed edition.</li>
</ol></article></main></body></html>`;

let svc: FakeServices;
let front: Server;
let pages: PageServer;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let certDir: string;

/** A TLS front for the fake services: api.crossref.org/works… → /crossref/works…, archive.org/wayback… as it is. */
async function startFront(): Promise<number> {
  certDir = mkdtempSync(path.join(os.tmpdir(), 'citelens-tls-'));
  const key = path.join(certDir, 'key.pem');
  const cert = path.join(certDir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=api.crossref.org'], { stdio: 'ignore' });
  front = createHttps({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const host = (req.headers.host ?? '').split(':')[0];
    const target = host === 'api.crossref.org' ? `/crossref${req.url}` : (req.url ?? '/');
    const upstream = request(`${svc.base}${target}`, { method: req.method, headers: { ...req.headers, host: '127.0.0.1' } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  return (front.address() as AddressInfo).port;
}

beforeAll(async () => {
  if (!existsSync(path.join(CHROME_EXTENSION, 'manifest.json'))) throw new Error('No build in .output/chrome-mv3: run `npm run build` first.');
  svc = await startFakeServices();
  svc.works.set(
    '10.5555/retracted',
    record('10.5555/retracted', 'Ileal-lymphoid-nodular hyperplasia and pervasive developmental disorder in children', ['Wakefield', 'Murch'], 1998, {
      'updated-by': [{ DOI: '10.5555/notice', type: 'retraction', label: 'Retraction', source: 'retraction-watch', updated: { 'date-parts': [[2010, 2, 6]] } }],
    }),
  );
  svc.works.set('10.5555/tern', record('10.5555/tern', 'Seasonal migration of the arctic tern across the Atlantic', ['Egevang', 'Stenhouse'], 2010));
  svc.snapshots.set(`http://${CITED}/gone-404`, { url: `https://web.archive.org/web/20190501000000/http://${CITED}/gone-404`, timestamp: '20190501000000' });
  const tlsPort = await startFront();
  const fakePort = new URL(svc.base).port;
  pages = await startServer({ '/seabirds.html': ARTICLE });
  const rules = [`MAP api.crossref.org:443 127.0.0.1:${tlsPort}`, `MAP archive.org:443 127.0.0.1:${tlsPort}`, `MAP ${CITED}:80 127.0.0.1:${fakePort}`, 'EXCLUDE 127.0.0.1'].join(', ');
  ({ context, worker, extensionId } = await launchChromium('', [`--host-resolver-rules=${rules}`, '--ignore-certificate-errors']));
});

afterAll(async () => {
  await context?.close();
  await pages?.close();
  await new Promise<void>((resolve) => (front ? front.close(() => resolve()) : resolve()));
  await svc?.close();
  if (certDir) rmSync(certDir, { recursive: true, force: true });
});

async function openWithPanel(): Promise<{ article: Page; tabId: number; panel: PanelPage }> {
  const article = await context.newPage();
  await article.goto(pages.url('/seabirds.html'));
  const tabId = await tabIdOf(worker, article);
  const page = await context.newPage();
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
    expect(svc.requests, 'nothing is sent before the reader asks').toEqual([]);
    await check.click();
    const dialog = page.getByRole('dialog', { name: 'Check online: what is sent' });
    await dialog.waitFor({ timeout: SETTLE_MS });
    expect(svc.requests).toEqual([]);
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
    const paths = svc.requests.map((r) => r.path);
    expect(paths).toContain('/crossref/works/10.5555/retracted');
    expect(paths).toContain('/gone-404');
    expect(paths).toContain('/wayback/available');
    // The toolbar badge: red, and its title says what was found.
    await expect.poll(() => worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId), { timeout: SETTLE_MS }).toBe('Citelens: 2 references without a link · 1 retracted · 1 dead link');
    expect(await worker.evaluate((id) => chrome.action.getBadgeBackgroundColor({ tabId: id }), tabId)).toEqual([179, 38, 30, 255]);

    await third.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => third.textContent(), { timeout: SETTLE_MS }).toMatch(/linked: found online/);

    // Reload the panel: the results and the decision come from the database, and nothing is sent.
    const sent = svc.requests.length;
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Seabirds and the sources behind them' }).waitFor({ timeout: SETTLE_MS });
    await panel.openTab(/^References/);
    await expect.poll(() => page.locator('.online-summary').textContent(), { timeout: SETTLE_MS }).toBe('1 retracted · 1 dead link · 1 found online');
    await expect(page.getByText(/checked today/).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('listitem', { name: 'Online results for entry 3' }).textContent()).resolves.toMatch(/linked: found online/);
    expect(svc.requests.length).toBe(sent);
  });
});

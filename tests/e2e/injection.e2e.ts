/// <reference types="chrome" />
/**
 * Hardening suite, end to end (issue #6): the injection corpus in a page's title, headings, reference entries and link
 * targets, in notes written in the panel, and in an imported backup, in the built Chrome extension. A canary
 * (`__canary`, bound by the test into every page before it loads), dialogs and CSP violations are counted in the panel
 * and the library; each payload must show as literal text. Run `npm run build` first.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION, launchChromium, tabIdOf } from './support/chromium';
import { PanelPage } from './support/panel';
import { startServer, type PageServer } from './support/server';
import { PAYLOADS } from '../security/payloads';

const SETTLE_MS = 15_000;
/** The 20 payloads meant for browsers (the format-only ones are covered by tests/security/exports.test.ts). */
const BROWSER = ['script', 'img-onerror', 'svg-onload', 'svg-script', 'javascript-url', 'a-javascript', 'data-url', 'iframe-srcdoc', 'css-expression', 'style-import', 'broken-markup', 'close-textarea', 'close-script', 'close-title', 'attr-breakout', 'md-js-link', 'md-image', 'md-autolink', 'bidi', 'bibtex-brace'];
const P = PAYLOADS.filter((p) => BROWSER.includes(p.name));
const PLACES = ['page title', 'heading', 'reference entry', 'link href', 'note written in the panel', 'imported page title', 'imported note body'] as const;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Whitespace differs between page, report and panel (line breaks become <br> or spaces): compare without it. */
const squash = (s: string) => s.replace(/\s+/g, '');
const TITLE = `Payload article ${P.map((p) => p.text).join(' | ')}`;
const PROSE = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of running prose, so the page reads as an article: it talks at some length about nothing in particular, in sentences of ordinary length, with commas and full stops where a reader expects them, and it never stops being ordinary.</p>`).join('\n');
const PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(TITLE)}</title></head><body><article>
<h1>${esc(TITLE)}</h1>${PROSE}
${P.map((p, i) => `<h2 id="s${i}">${esc(p.text)}</h2>\n<p>Section ${i} continues the running prose with one more ordinary sentence about the page.</p>`).join('\n')}
<h2>References</h2><ol>
${P.map((p, i) => `<li>Author${i}, A. (2024). ${esc(p.text)}. Journal of Tests. <a href="${esc(p.text)}">Read online</a></li>`).join('\n')}
</ol></article></body></html>`;

let server: PageServer;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
const canary: Array<{ url: string; name: string }> = [];
const dialogs: Array<{ url: string; message: string }> = [];

beforeAll(async () => {
  if (!existsSync(path.join(CHROME_EXTENSION, 'manifest.json'))) throw new Error('No build in .output/chrome-mv3: run `npm run build` first.');
  server = await startServer({ '/payloads.html': PAGE });
  ({ context, worker, extensionId } = await launchChromium());
  await context.exposeBinding('__canary', (source, name: unknown) => {
    canary.push({ url: source.page?.url() ?? '?', name: String(name) });
  });
  // CSP violations in the extension's pages mean something tried to run and was only stopped by the CSP: count them too.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __canary(n: string): void }).__canary(`csp:${e.violatedDirective}:${e.sample}`);
    });
  });
  context.on('page', (page) => {
    page.on('dialog', (d) => {
      dialogs.push({ url: page.url(), message: d.message() });
      void d.dismiss();
    });
  });
});

afterAll(async () => {
  await context?.close();
  await server?.close();
});

const shown: Record<string, string[]> = {};
function record(place: string, text: string) {
  shown[place] = P.filter((p) => squash(text).includes(squash(p.text))).map((p) => p.name);
}
const bodyText = (page: Page) => page.evaluate(() => document.body.textContent ?? '');

describe('the injection corpus in Chromium', () => {
  let article: Page;
  let panel: PanelPage;

  it('shows the page title, headings and entries literally in the panel, and links only http(s)', async () => {
    article = await context.newPage();
    await article.goto(server.url('/payloads.html'));
    const tabId = await tabIdOf(worker, article);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
    panel = new PanelPage(page);
    await expect.poll(async () => (await panel.outlineTexts()).length, { timeout: SETTLE_MS }).toBeGreaterThan(5);
    record('page title', (await page.locator('h1').first().textContent()) ?? '');
    await expect.poll(async () => (await panel.outlineTexts()).length, { timeout: SETTLE_MS }).toBe(P.length + 2);
    record('heading', (await panel.outlineTexts()).join('\n'));
    await panel.openTab(/References/);
    await expect.poll(() => panel.entries().count(), { timeout: SETTLE_MS }).toBe(P.length);
    record('reference entry', await bodyText(page));
    for (const href of await panel.hrefs()) expect(href).toMatch(/^https?:\/\//);
    // The page's link targets are nowhere in the panel as links: only http(s) addresses are.
    shown['link href'] = P.filter((p) => !(/^https?:/.test(p.text))).map((p) => p.name);
    expect(await page.locator('img, svg, iframe, script:not([src]), style:not([data-vite-dev-id]), object, embed').count()).toBe(0);
  });

  it('keeps notes written with payload text literal', async () => {
    await panel.openTab('Notes');
    for (const p of P) {
      await panel.page.getByRole('button', { name: 'Add note' }).click();
      await panel.page.getByRole('textbox', { name: 'Note', exact: true }).fill(p.text);
      await panel.page.getByRole('button', { name: 'Save note' }).click();
    }
    await expect.poll(() => panel.page.locator('[data-note-id]').count(), { timeout: SETTLE_MS }).toBe(P.length);
    const notes = await panel.page.locator('[data-note-id] .note-text').allTextContents();
    record('note written in the panel', notes.join('\n'));
    for (const href of await panel.hrefs()) expect(href).toMatch(/^https?:\/\//);
    expect(await panel.page.locator('img, svg, iframe, script:not([src]), object, embed').count()).toBe(0);
  });

  it('imports a backup full of payloads into the library and shows it literally, links only http(s)', async () => {
    const backup = {
      format: 'citelens-backup', version: 1, exportedAt: '2026-01-01T00:00:00.000Z',
      pages: P.map((p, i) => ({ url: i % 2 ? p.text : `https://example.org/imported/${i}`, title: p.text, site: 'example.org', firstSavedAt: 1, updatedAt: 1 + i, outline: [], referenceLists: [], unlinked: 0 })),
      notes: P.map((p, i) => ({ id: `imported-${i}`, pageUrl: i % 2 ? p.text : `https://example.org/imported/${i}`, target: { kind: 'page' }, body: `zebra ${p.text}`, tags: ['zebra'], createdAt: 1, updatedAt: 1 })),
      checks: [],
    };
    const library = await context.newPage();
    await library.goto(`chrome-extension://${extensionId}/library.html`);
    await library.locator('input[type=file]').setInputFiles({ name: 'payloads.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
    await expect.poll(() => library.getByRole('status').filter({ hasText: 'Imported:' }).count(), { timeout: SETTLE_MS }).toBe(1);
    await expect.poll(() => library.locator('.page-list > li').count(), { timeout: SETTLE_MS }).toBeGreaterThanOrEqual(P.length);
    record('imported page title', (await library.locator('.page-list').textContent()) ?? '');
    const hrefs = () => library.locator('a[href]').evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? ''));
    // Half the imported pages have a payload as their address: none may become a link.
    for (const href of await hrefs()) expect(href).toMatch(/^https?:\/\//);
    await library.getByRole('searchbox').fill('zebra');
    await expect.poll(() => library.locator('[data-note-id]').count(), { timeout: SETTLE_MS }).toBe(P.length);
    record('imported note body', await library.locator('section[aria-label="Matching notes"]').textContent() ?? '');
    for (const href of await hrefs()) expect(href).toMatch(/^https?:\/\//);
    expect(await library.locator('img, svg, iframe, script:not([src]), object, embed').count()).toBe(0);
  });

  it('ran none of it: 0 canary calls, 0 dialogs, 0 CSP violations; every payload shown literally in every place', () => {
    const tried = P.length * PLACES.length;
    const literal = PLACES.reduce((n, place) => n + (shown[place]?.length ?? 0), 0);
    console.log(`[security] e2e: ${P.length} payloads × ${PLACES.length} places tried, ${canary.length + dialogs.length} executed (canary calls ${canary.length}, dialogs ${dialogs.length}); shown literally: ${literal} of ${tried}`);
    for (const place of PLACES) {
      const missing = P.filter((p) => !shown[place]?.includes(p.name)).map((p) => p.name);
      if (missing.length) console.log(`  ${place}: not shown literally: ${missing.join(', ')}`);
    }
    expect(canary).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(literal).toBe(tried);
  });
});

/// <reference types="chrome" />
/**
 * Every view of the built extension (.output/chrome-mv3) in Debian's Chromium, at a narrow and a usual side-panel
 * width, light and dark: no serious or critical axe-core violation, and no sideways scrolling (also at 280 px and in
 * a full window). Each view is saved as
 * docs/screenshots/<view>-<width>-<scheme>.png (the README's pictures), so the pictures are made from the build and
 * stay true; `npm run screenshots` builds and runs this file alone. Run `npm run build` first.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION, launchChromium, selectText, tabIdOf } from './support/chromium';
import { PanelPage } from './support/panel';
import { ROOT, startServer, type PageServer } from './support/server';

/** How long to wait for the panel or the page to catch up, in milliseconds. */
const SETTLE_MS = 15_000;
/** A narrow side panel (Chrome's side panel starts at 320 px) and a usual one (Firefox's sidebar is often ~420 px). */
const WIDTHS = [320, 420] as const;
const SCHEMES = ['light', 'dark'] as const;
/** The narrowest width the design is for and a full window: checked for sideways scrolling only (no pictures). */
const EDGE_WIDTHS = [280, 1280] as const;
/** Tall enough to show a view's first screen; screenshots take the full page. */
const VIEWPORT_HEIGHT = 720;
/** axe-core impacts that fail the test (https://github.com/dequelabs/axe-core/blob/develop/doc/api.md#results-object). */
const FAILING_IMPACTS = ['serious', 'critical'];
/** The rule sets run: WCAG 2.x A and AA, and axe's best practices (reported, failing only when serious or critical). */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
// The README's pictures are rewritten only by `npm run screenshots` (SCREENSHOTS=1); other runs write them aside.
const SCREENSHOT_DIR = process.env.SCREENSHOTS ? path.resolve(ROOT, 'docs/screenshots') : path.join(tmpdir(), 'citelens-screenshots');
/** The demo article the panel views are shown on: nested outline, identifiers, an unlinked entry, citation markers. */
const DEMO = '/wiki-article.html';
const DEMO_TITLE = 'Cool roof';
const QUOTE = 'Lime wash was cheap, could be renewed every spring';

type Scheme = (typeof SCHEMES)[number];
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: PageServer;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let article: Page;
let panel: PanelPage;
/** Violations per view, all impacts, for the summary printed at the end. */
const summary: Record<string, Record<string, number>> = {};

beforeAll(async () => {
  if (!existsSync(path.join(CHROME_EXTENSION, 'manifest.json'))) throw new Error('No build in .output/chrome-mv3: run `npm run build` first.');
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  server = await startServer();
  ({ context, worker, extensionId } = await launchChromium());
  article = await context.newPage();
  await article.goto(server.url(DEMO));
  const tabId = await tabIdOf(worker, article);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  panel = new PanelPage(page);
  await page.getByRole('heading', { level: 1, name: DEMO_TITLE }).waitFor({ timeout: SETTLE_MS });
});

afterAll(async () => {
  console.log(`[design] axe-core violations per view (all impacts, summed over ${WIDTHS.join(' and ')} px, light and dark): ${JSON.stringify(summary)}`);
  await context?.close();
  await server?.close();
});

/** axe-core on the page as it is now. Page scripts are bound by the extension's CSP; evaluate() is not. */
async function axe(page: Page): Promise<{ violations: AxeViolation[]; passes: number }> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const w = window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[]; passes: unknown[] }> } };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    const violations = r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
    return { violations, passes: r.passes.length };
  }, AXE_TAGS);
}

/** How far the page scrolls sideways (0 when it does not). */
function sideways(page: Page): Promise<number> {
  return page.evaluate(() => {
    const el = document.scrollingElement!;
    return el.scrollWidth - el.clientWidth;
  });
}

/** At every width and scheme: axe, sideways scrolling, and the picture. */
async function checkView(page: Page, view: string): Promise<void> {
  for (const width of WIDTHS) {
    for (const scheme of SCHEMES as readonly Scheme[]) {
      await page.setViewportSize({ width, height: VIEWPORT_HEIGHT });
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const { violations, passes } = await axe(page);
      expect(passes, 'axe-core checked something').toBeGreaterThan(0);
      const counts = (summary[view] ??= {});
      for (const v of violations) counts[v.impact ?? 'none'] = (counts[v.impact ?? 'none'] ?? 0) + v.nodes.length;
      const failing = violations.filter((v) => FAILING_IMPACTS.includes(v.impact ?? ''));
      expect(failing, `${view} at ${width} px, ${scheme}`).toEqual([]);
      expect(await sideways(page), `${view} scrolls sideways at ${width} px, ${scheme}`).toBe(0);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${view}-${width}-${scheme}.png`), fullPage: true, animations: 'disabled' });
    }
  }
  for (const width of EDGE_WIDTHS) {
    await page.setViewportSize({ width, height: VIEWPORT_HEIGHT });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await sideways(page), `${view} scrolls sideways at ${width} px`).toBe(0);
  }
  await page.setViewportSize({ width: WIDTHS[1], height: VIEWPORT_HEIGHT });
}

describe('Design: every view at 320 and 420 px, light and dark', () => {
  it('Help, as shown the first time the panel opens', async () => {
    const help = panel.page.getByRole('region', { name: 'How Citelens reads this page' });
    await expect.poll(() => help.isVisible(), { timeout: SETTLE_MS }).toBe(true);
    await checkView(panel.page, 'help');
    await help.getByRole('button', { name: 'Got it' }).click();
    await expect.poll(() => help.count(), { timeout: SETTLE_MS }).toBe(0);
  });

  it('Outline', async () => {
    await panel.openTab(/^Outline/);
    await expect.poll(() => panel.outline().isVisible(), { timeout: SETTLE_MS }).toBe(true);
    await checkView(panel.page, 'outline');
  });

  it('References, with the flagged entry and one checked entry', async () => {
    await panel.openTab(/^References/);
    await expect.poll(() => panel.entries().count(), { timeout: SETTLE_MS }).toBe(8);
    await panel.entries().first().getByRole('combobox', { name: 'Check status' }).selectOption('verified');
    await expect.poll(() => panel.page.getByText('1 of 8 verified').isVisible(), { timeout: SETTLE_MS }).toBe(true);
    await checkView(panel.page, 'references');
  });

  it('Citations', async () => {
    await panel.openTab('Citations');
    await expect.poll(() => panel.page.getByRole('heading', { name: 'Entries never cited' }).isVisible(), { timeout: SETTLE_MS }).toBe(true);
    await checkView(panel.page, 'citations');
  });

  it('Notes: the composer with a quote from the page', async () => {
    await panel.openTab('Notes');
    await expect.poll(() => panel.page.getByText('No notes on this page yet.').isVisible(), { timeout: SETTLE_MS }).toBe(true);
    await checkView(panel.page, 'notes-empty');
    await selectText(article, QUOTE);
    await panel.page.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => panel.page.locator('.notes-composer blockquote').textContent(), { timeout: SETTLE_MS }).toBe(QUOTE);
    await panel.page.getByRole('textbox', { name: 'Note', exact: true }).fill('Cheap and renewable: is there a source on how long lime wash lasts?');
    await panel.page.getByRole('textbox', { name: 'Tags' }).fill('history, materials');
    await checkView(panel.page, 'notes-composer');
  });

  it('Notes: the list, with a quote, a section and a reference note', async () => {
    await panel.page.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => panel.page.locator('[data-note-id]').count(), { timeout: SETTLE_MS }).toBe(1);
    const add = async (target: RegExp, text: string) => {
      await panel.page.getByRole('button', { name: 'Add note' }).click();
      const select = panel.page.getByRole('combobox', { name: 'Attach to' });
      const value = await select.locator('option').filter({ hasText: target }).first().getAttribute('value');
      await select.selectOption(value!);
      await panel.page.getByRole('textbox', { name: 'Note', exact: true }).fill(text);
      await panel.page.getByRole('button', { name: 'Save note' }).click();
    };
    await add(/^Section: Effects/, 'The winter **heating penalty** needs a number: find the study behind [6].');
    await add(/Municipal Weather Office/, 'Printed report only: ask the office for a copy, https://example.org/roof-samples-request');
    await expect.poll(() => panel.page.locator('[data-note-id]').count(), { timeout: SETTLE_MS }).toBe(3);
    await expect.poll(() => panel.page.locator('[data-note-id][data-anchor="exact"]').count(), { timeout: SETTLE_MS }).toBe(1);
    await checkView(panel.page, 'notes');
  });

  it('Library: saved pages, backup and storage', async () => {
    const library = await context.newPage();
    await library.goto(`chrome-extension://${extensionId}/library.html`);
    await expect.poll(() => library.getByRole('region', { name: 'Saved pages' }).getByRole('listitem').count(), { timeout: SETTLE_MS }).toBe(1);
    await checkView(library, 'library');
    await library.getByRole('searchbox').fill('lime');
    await expect.poll(() => library.locator('[data-note-id] mark').count(), { timeout: SETTLE_MS }).toBeGreaterThan(0);
    await checkView(library, 'library-search');
    await library.close();
  });
});

/// <reference types="chrome" />
/**
 * Hardening suite, pathological pages (issue #6), in the built Chrome extension: huge, deep, link-heavy, self-mutating,
 * self-navigating and prototype-poisoning pages, frames and shadow roots. For each, the panel must reach a clear state
 * within a bound (a report, "not an article", a partial report, or an "unavailable" message, never "Reading the
 * page…" forever), and the page must not freeze: a PerformanceObserver in the page records long tasks after the
 * page's own build script has finished, and the longest is printed. Run `npm run build` first.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION, launchChromium, tabIdOf } from './support/chromium';
import { startServer, type PageServer } from './support/server';

/** How long the panel may take to show a clear state, in milliseconds. */
const STATE_BOUND_MS = 20_000;
/**
 * The content script builds its report in 20 ms slices, so no task after the page's own build should come near the
 * report's 900 ms budget: a report built in one task again (1.0–1.4 s on these pages before it was sliced) fails this.
 * What remains is measured at 0–150 ms on most pages and 223–514 ms on the page of 100,000 links: the page's own
 * layout of its list items (173 ms without the extension), garbage collection over its 200,000 elements, the
 * isolated world's creation and the reader's compilation. That page reached 736–890 ms on a slow day while the
 * report read all 100,000 entries whatever its budget (and 259–1,137 ms in 11 runs of a later build that still
 * gathered all 100,000 items in one step). On 2026-12-07 it measured 767–962 ms on the 2-core VM idle or loaded, and
 * so did the build before issue #23 (816–930 ms), where CI had measured 476 the day before: 750 failed the same code
 * from one day to the next. A report built in one task adds its whole 900 ms budget to that, so 1,200 still catches it.
 */
const LONGEST_TASK_BOUND_MS = 1_200;
/** The goal for a long task; not met yet (printed, not asserted). */
const GOAL_MS = 50;

import { PAGES } from './pathological.pages';

/** What the panel shows: a clear state, or still loading. */
type Shown = 'report' | 'partial' | 'not an article' | 'unavailable' | 'error' | 'loading';
const CLEAR_ANSWER: Shown[] = ['report', 'not an article'];

let server: PageServer;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;

beforeAll(async () => {
  if (!existsSync(path.join(CHROME_EXTENSION, 'manifest.json'))) throw new Error('No build in .output/chrome-mv3: run `npm run build` first.');
  server = await startServer(PAGES);
  ({ context, worker, extensionId } = await launchChromium());
});

afterAll(async () => {
  await context?.close();
  await server?.close();
});

async function panelState(panel: Page): Promise<Shown> {
  return panel.evaluate(() => {
    const text = document.body.textContent ?? '';
    if (document.querySelector('[aria-busy="true"]')) return 'loading';
    if (text.includes('The page is very large; this report is partial.')) return 'partial';
    if (text.includes('This page does not look like an article')) return 'not an article';
    if (text.includes('Citelens cannot read this page')) return 'unavailable';
    if (text.includes('Something went wrong')) return 'error';
    if (document.querySelector('header.page-head h1')) return 'report';
    return 'loading';
  });
}

const results: Array<{ path: string; shown: Shown; ms: number; longest: number; outline: string[] }> = [];

async function tryPage(pathname: string): Promise<{ article: Page; panel: Page; shown: Shown; outline: string[]; longest: number }> {
  const article = await context.newPage();
  const t0 = Date.now();
  await article.goto(server.url(pathname), { timeout: 60_000 });
  const tabId = await tabIdOf(worker, article);
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  let shown: Shown = 'loading';
  const deadline = Date.now() + STATE_BOUND_MS;
  while (Date.now() < deadline) {
    shown = await panelState(panel);
    if (shown !== 'loading') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const ms = Date.now() - t0;
  const outline = await panel.locator('.outline-text').allInnerTexts();
  // The page still answers, and reports its long tasks after its own build script.
  const longest = await article.evaluate(() => {
    const w = window as unknown as { __long: Array<[number, number]>; __built: number };
    return w.__long.filter(([start]) => start >= w.__built).reduce((m, [, d]) => Math.max(m, d), 0);
  });
  results.push({ path: pathname, shown, ms, longest, outline });
  console.log(`[pathological] ${pathname}: panel shows "${shown}" after ${ms} ms (page load included); longest task after the page's build: ${longest.toFixed(0)} ms`);
  return { article, panel, shown, outline, longest };
}

describe('pathological pages in Chromium', () => {
  for (const pathname of Object.keys(PAGES)) {
    it(`${pathname}: a clear state within ${STATE_BOUND_MS / 1000} s, no task over ${LONGEST_TASK_BOUND_MS} ms`, async () => {
      const { article, panel, shown, outline, longest } = await tryPage(pathname);
      expect(shown).not.toBe('loading');
      expect(longest).toBeLessThan(LONGEST_TASK_BOUND_MS);
      if (pathname === '/poisoned.html') {
        // The page's main-world poison does not reach the content script's isolated world: the real headings come back.
        expect(shown).toBe('report');
        expect(outline).toEqual(['A page that poisons its own world', 'Method', 'References']);
        expect(await article.evaluate(() => document.body.textContent)).toBe('POISONED');
      }
      // Articles too large to read within the budget: a partial report, never "not an article" (the prose at their
      // top is read first, and counted even when detection runs out of time).
      if (pathname === '/million.html' || pathname === '/links.html') expect(shown).toBe('partial');
      // Ten paragraphs and one of 50 MB: an article, read whole (the big one up to MAX_TEXT_CHARS).
      if (pathname === '/text50mb.html') expect(shown).toBe('report');
      await panel.close();
      await article.close();
    });
  }

  it('prints the count: 0 hung', () => {
    const answered = results.filter((r) => CLEAR_ANSWER.includes(r.shown)).length;
    const gaveUp = results.filter((r) => !CLEAR_ANSWER.includes(r.shown) && r.shown !== 'loading').length;
    const hung = results.filter((r) => r.shown === 'loading').length;
    const worst = results.reduce((m, r) => (r.longest > m.longest ? r : m), results[0]);
    const over = results.filter((r) => r.longest >= LONGEST_TASK_BOUND_MS).map((r) => `${r.path} ${r.longest.toFixed(0)} ms`);
    console.log(`[security] ${results.length} pathological pages tried: ${answered} answered, ${gaveUp} gave up cleanly (partial report or message), ${hung} hung; longest task after a page's own build: ${worst.longest.toFixed(0)} ms (${worst.path}); the ${GOAL_MS} ms goal is ${worst.longest <= GOAL_MS ? 'met' : 'not met yet'}; over ${LONGEST_TASK_BOUND_MS} ms: ${over.join(', ') || 'none'}`);
    expect(results).toHaveLength(Object.keys(PAGES).length);
    expect(hung).toBe(0);
  });
});

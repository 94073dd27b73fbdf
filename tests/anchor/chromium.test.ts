/**
 * 500 notes on a 1 MB page, anchored again in a real browser's DOM (jsdom's Range differs, and is ~15 ms per setStart
 * on this page): bundle lib/anchor with esbuild, open wp-new-zealand in Debian's Chromium with its scripts stripped and
 * the network blocked, describe 500 seeded random quotes, then anchor them all again. Every one must come back exact.
 * How long that takes is the bench's to say (`npm run bench`, "anchoring"), beside its budget, not a timed assertion
 * here. Debian's Chromium is required, as for the end-to-end tests: .ci/run installs it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { expect, it } from 'vitest';
import { readPage } from './corpus-helpers';

const CHROMIUM = '/usr/bin/chromium';

it('anchors 500 notes again, every one exact, on a 1 MB page in Chromium', async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Debian's Chromium is missing at ${CHROMIUM}: apt-get install -y chromium`);
  const bundle = await build({
    entryPoints: [path.resolve(__dirname, '../../lib/anchor/anchor.ts')],
    bundle: true, write: false, format: 'iife', globalName: 'CitelensAnchor',
  });
  const html = readPage('wp-new-zealand').replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'domcontentloaded' });
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    const result = await page.evaluate(() => {
      // Runs in the page: the bundle's global.
      const A = (globalThis as unknown as { CitelensAnchor: typeof import('../../lib/anchor/anchor') }).CitelensAnchor;
      const root = document.body;
      let seed = 1;
      const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
      const text = root.textContent ?? '';
      const notes = Array.from({ length: 500 }, (_, i) => {
        const start = Math.floor(rand() * (text.length - 200));
        const found = A.anchor(root, [{ type: 'TextPositionSelector', start, end: start + 20 + Math.floor(rand() * 100) }])!;
        return { noteId: `n${i}`, selectors: A.describeRange(root, found.range) };
      });
      const { results } = A.anchorMany(root, notes);
      return { exact: results.filter((r) => r.status === 'exact').length, chars: text.length };
    });
    expect(result.chars).toBeGreaterThan(100_000);
    expect(result.exact).toBe(500);
  } finally {
    await browser.close();
  }
});

/**
 * The reader keeps each report's element look-ups (to jump to a heading, an entry or a marker) as long as the page's
 * report is current. They must hold those elements only, not the scan behind the report, which holds every element
 * of the page: a page that removes part of itself must get that memory back. Checked in Chromium with its own
 * garbage collector (jsdom keeps removed elements alive by itself, so it cannot tell). lib/extract is bundled as the
 * reader bundles it.
 */
import path from 'node:path';
import * as esbuild from 'esbuild';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from './support/chromium';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PROSE = 'Prose long enough to count as a paragraph of an article, with a good number of ordinary words in it. ';
const PAGE = `<title>t</title><h1>t</h1>${`<p>${PROSE.repeat(4)}<sup><a href="#n1">[1]</a></sup></p>`.repeat(5)}
  <div class="filler">${'<span>x</span>'.repeat(2000)}</div><h2>References</h2><ol><li id="n1">A. Work, 2001.</li><li id="n2">B. Work, 2002.</li></ol>`;

let browser: Browser;
let bundle: string;

beforeAll(async () => {
  bundle = (await esbuild.build({
    stdin: { contents: "import { buildReportWithElements } from './lib/extract/report'; (globalThis as any).__report = buildReportWithElements;", resolveDir: ROOT, loader: 'ts' },
    bundle: true, format: 'iife', write: false, logLevel: 'error',
  })).outputFiles[0].text;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless=new', '--no-sandbox'] });
});

afterAll(async () => {
  await browser?.close();
});

/** Build a report, keep what the reader keeps (and `alsoKeep` more), remove a part of the page no report element is
 * in, collect garbage, and say whether an element of the removed part is still alive. */
async function removedPartAlive(alsoKeepIt: boolean): Promise<{ alive: boolean; entry: string | undefined; marker: string | undefined }> {
  const page: Page = await browser.newPage();
  try {
    await page.setContent(PAGE);
    await page.addScriptTag({ content: bundle });
    await page.evaluate((keep) => {
      const g = globalThis as any;
      g.__kept = g.__report(document, 'https://example.org/2024/article', { force: true }).elements;
      const filler = document.querySelector('.filler')!;
      g.__ref = new WeakRef(filler.lastElementChild!);
      if (keep) g.__hold = filler;
      filler.remove();
    }, alsoKeepIt);
    const cdp = await page.context().newCDPSession(page);
    for (let i = 0; i < 4; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      await new Promise((r) => setTimeout(r, 20));
    }
    return await page.evaluate(() => {
      const g = globalThis as any;
      return { alive: g.__ref.deref() !== undefined, entry: g.__kept.entries.get('r1-e1')?.id, marker: g.__kept.markers.get('c1')?.getAttribute('href') };
    });
  } finally {
    await page.close();
  }
}

describe('element look-ups kept with a report', () => {
  it('hold the report\'s elements, not the page: a removed part is collected', async () => {
    const kept = await removedPartAlive(false);
    expect(kept.alive).toBe(false);
    // The look-ups still answer after the collection.
    expect(kept.entry).toBe('n1');
    expect(kept.marker).toBe('#n1');
  });

  it('(the check itself sees an element that something does hold)', async () => {
    expect((await removedPartAlive(true)).alive).toBe(true);
  });
});

/**
 * A/B of the warm report in one Chromium page: lib/extract of this tree against lib/extract of another checkout
 * (a git worktree of the baseline commit), on every corpus page, alternating which runs first in each round.
 * Prints per page the median of the rounds' ratios (this / baseline). Usage:
 *   git worktree add --detach /tmp/base COMMIT && tsx bench/ab.ts /tmp/base [page…]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..');
const CORPUS = path.join(ROOT, 'tests/corpus');
const WARMUP = 3;
const ROUNDS = 15;

async function bundle(root: string, global: string): Promise<string> {
  const r = await esbuild.build({
    stdin: { contents: `import { buildReport } from './lib/extract/report'; globalThis.${global} = buildReport;`, resolveDir: root, loader: 'ts' },
    bundle: true, format: 'iife', platform: 'browser', target: 'es2022', write: false, logLevel: 'error',
  });
  return r.outputFiles[0].text;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const [baseRoot, ...only] = process.argv.slice(2);
if (!baseRoot) throw new Error('usage: tsx bench/ab.ts BASELINE_CHECKOUT [page…]');
const [mine, base] = await Promise.all([bundle(ROOT, '__mine'), bundle(path.resolve(baseRoot), '__base')]);
const ids = only.length ? only : readdirSync(CORPUS).filter((d) => !d.includes('.')).sort();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext();
await context.route('**/*', (route) => {
  const m = /^http:\/\/127\.0\.0\.1:9\/corpus\/([\w-]+)\.html$/.exec(route.request().url());
  if (!m) return route.abort('blockedbyclient');
  return route.fulfill({ body: readFileSync(path.join(CORPUS, m[1], 'source.html')), contentType: 'text/html', headers: { 'content-security-policy': "script-src 'none'" } });
});
const rows: [string, number, number, number][] = [];
for (const id of ids) {
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:9/corpus/${id}.html`, { waitUntil: 'load' });
  await page.evaluate(mine);
  await page.evaluate(base);
  // A string, not a function: tsx's keepNames would make a function refer to a helper the page lacks.
  const { ratios, mineMs, baseMs, stages } = (await page.evaluate(`(() => {
    const stages = { __mine: {}, __base: {} };
    const time = (f) => { const t = performance.now(); const r = globalThis[f](document, location.href, {}); const ms = performance.now() - t; for (const [k, v] of Object.entries(r.timings)) (stages[f][k] ??= []).push(v); return ms; };
    for (let i = 0; i < ${WARMUP}; i++) { time('__mine'); time('__base'); }
    const ratios = [], mineMs = [], baseMs = [];
    for (let r = 0; r < ${ROUNDS}; r++) {
      let a, b;
      if (r % 2) { b = time('__base'); a = time('__mine'); } else { a = time('__mine'); b = time('__base'); }
      mineMs.push(a); baseMs.push(b); ratios.push(a / b);
    }
    return { ratios, mineMs, baseMs, stages };
  })()`)) as { ratios: number[]; mineMs: number[]; baseMs: number[]; stages: Record<string, Record<string, number[]>> };
  await page.close();
  rows.push([id, median(ratios), median(mineMs), median(baseMs)]);
  console.log(`${id.padEnd(36)} ${median(ratios).toFixed(2)}  (${median(mineMs).toFixed(2)} ms vs ${median(baseMs).toFixed(2)} ms)`);
  if (process.env.STAGES) {
    const line = (k: '__mine' | '__base') => Object.entries(stages[k]).map(([s, v]) => `${s} ${median(v).toFixed(2)}`).join(' · ');
    console.log(`    this: ${line('__mine')}\n    base: ${line('__base')}`);
  }
}
await browser.close();
const worst = rows.reduce((m, r) => (r[1] > m[1] ? r : m));
console.log(`median ratio ${median(rows.map((r) => r[1])).toFixed(2)}; worst ${worst[0]} ${worst[1].toFixed(2)}`);

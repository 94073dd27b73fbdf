/**
 * Dev loop for extractor speed: `node --import tsx bench/quick.ts [page-id...]` bundles lib/extract, opens each corpus
 * page in Debian's Chromium (served from 127.0.0.1, outside requests blocked) and prints the median report time and
 * its stage timings over 7 runs, beside a bare TreeWalker pass. The full benchmark is bench/run.ts (npm run bench).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { millionPage, referencesPage } from './generate';

const ROOT = path.resolve(import.meta.dirname, '..');
const CORPUS = path.resolve(ROOT, 'tests/corpus');
const pages = process.argv.slice(2).length ? process.argv.slice(2) : ['wp-new-zealand', 'wp-hermitian-matrix', 'nytimes-sudan-sanctions', 'bbc-obama-guns', 'seed-article'];

const bundle = (await esbuild.build({
  stdin: { contents: "import { buildReport } from './lib/extract/report'; (globalThis as any).__cl = { buildReport };", resolveDir: ROOT, loader: 'ts' },
  bundle: true, format: 'iife', write: false, minify: !process.env.PROFILE,
})).outputFiles[0].text;

/** Generated stress pages, by name (bench/generate.ts). */
const generated: Record<string, () => string> = { 'refs-3000': () => referencesPage(), 'million-elements': () => millionPage().html };
const server = createServer((req, res) => {
  const id = (req.url ?? '/').slice(1);
  let body: Buffer | string;
  try {
    body = generated[id] ? generated[id]() : readFileSync(path.join(CORPUS, id, 'source.html'));
  } catch {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" });
  res.end(body);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as AddressInfo).port;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ bypassCSP: true });
await page.route('**', (route) => (route.request().url().startsWith(`http://127.0.0.1:${port}/`) ? route.continue() : route.abort()));
for (const id of pages) {
  await page.goto(`http://127.0.0.1:${port}/${id}`, { waitUntil: 'domcontentloaded', timeout: 180_000 });
  // tsx compiles this file with esbuild's keepNames, whose __name helper the evaluated function refers to.
  await page.addScriptTag({ content: bundle + ';globalThis.__name = (f) => f;' });
  const r = await page.evaluate(() => {
    const med = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1];
    const floorRuns: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
      while (w.nextNode());
      floorRuns.push(performance.now() - t);
    }
    const runs: { total: number; timings: Record<string, number> }[] = [];
    (globalThis as any).__cl.buildReport(document, location.href, { force: true });
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      const rep = (globalThis as any).__cl.buildReport(document, location.href, { force: true });
      runs.push({ total: performance.now() - t, timings: rep.timings });
    }
    runs.sort((a, b) => a.total - b.total);
    const mid = runs[3];
    return { floor: med(floorRuns), total: mid.total, timings: mid.timings };
  });
  if (process.env.PROFILE) {
    // Self time per function over 20 reports, from Chromium's sampling profiler.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.evaluate(() => { for (let i = 0; i < 20; i++) (globalThis as any).__cl.buildReport(document, location.href, { force: true }); });
    const { profile } = await cdp.send('Profiler.stop');
    const self = new Map<string, number>();
    const dt = new Map<number, number>();
    profile.samples?.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)));
    for (const n of profile.nodes) {
      const key = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
      self.set(key, (self.get(key) ?? 0) + (dt.get(n.id) ?? 0));
    }
    if (process.env.INCLUSIVE) {
      // Inclusive time: a node's own samples plus its descendants', summed per function (recursion counted once).
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const total = new Map<string, number>();
      const walk = (id: number, onStack: Set<string>): number => {
        const n = byId.get(id)!;
        const key = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
        const fresh = !onStack.has(key);
        if (fresh) onStack.add(key);
        let t = dt.get(id) ?? 0;
        for (const c of n.children ?? []) t += walk(c, onStack);
        if (fresh) {
          onStack.delete(key);
          total.set(key, (total.get(key) ?? 0) + t);
        }
        return t;
      };
      walk(profile.nodes[0].id, new Set());
      self.clear();
      for (const [k, v] of total) self.set(k, v);
    }
    const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 15));
    for (const [k, v] of top) console.log(`   ${(v / 1000 / 20).toFixed(2)} ms/report  ${k}`);
  }
  const stages = Object.entries(r.timings).map(([k, v]) => `${k} ${(v as number).toFixed(1)}`).join(' · ');
  console.log(`${id.padEnd(26)} report ${r.total.toFixed(1)} ms (floor ${r.floor.toFixed(2)}, ×${(r.total / r.floor).toFixed(0)})  ${stages}`);
}
await browser.close();
server.close();

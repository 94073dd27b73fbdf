/**
 * `npm start`: try Citelens on our demo articles.
 * 1. Builds the Chrome extension when .output/chrome-mv3 is missing or older than the sources.
 * 2. Serves demo/ on 127.0.0.1.
 * 3. With a display ($DISPLAY or $WAYLAND_DISPLAY): launches /usr/bin/chromium with the extension loaded, in a
 *    throw-away profile, on the news demo. Without one: says what to do and runs the CLI audit on the demo instead.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUTPUT = path.join(ROOT, '.output/chrome-mv3');
const DEMO_DIR = path.join(ROOT, 'demo');
const CHROMIUM = '/usr/bin/chromium';
/** Source folders whose changes make the build stale. */
const SOURCES = ['entrypoints', 'lib', 'components', 'public', 'wxt.config.ts'];
/** Fixed so the address can be bookmarked; 0 (any free port) when it is taken. */
const PREFERRED_PORT = 8737;

function newestMtime(p: string): number {
  const full = path.join(ROOT, p);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(full).map((name) => newestMtime(path.join(p, name))));
}

function buildIfNeeded(): void {
  const manifest = path.join(OUTPUT, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  if (built >= Math.max(...SOURCES.map(newestMtime))) return;
  console.log('Building the extension (npx wxt build)…');
  const result = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function serveDemo(): Promise<{ origin: string; close(): void }> {
  const server = createServer((req, res) => {
    const name = path.basename((req.url ?? '/').split('?')[0]) || 'index.html';
    const file = path.join(DEMO_DIR, name);
    if (name === 'index.html') {
      const links = readdirSync(DEMO_DIR)
        .filter((f) => f.endsWith('.html'))
        .map((f) => `<li><a href="/${f}">${f}</a></li>`)
        .join('');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>Citelens demos</title><ul>${links}</ul>`);
    } else if (name.endsWith('.html') && existsSync(file)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(file));
    } else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => {
    server.once('error', () => server.listen(0, '127.0.0.1', resolve));
    server.listen(PREFERRED_PORT, '127.0.0.1', resolve);
  });
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

function runAudit(): number {
  const result = spawnSync('npm', ['run', '-s', 'audit', '--', 'demo/news-article.html'], { cwd: ROOT, stdio: 'inherit' });
  return result.status ?? 1;
}

async function main(): Promise<void> {
  buildIfNeeded();
  const demo = await serveDemo();
  const article = `${demo.origin}/news-article.html`;
  console.log(`Demo articles: ${demo.origin}/  (news: ${article}, wiki: ${demo.origin}/wiki-article.html)`);

  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!hasDisplay || !existsSync(CHROMIUM)) {
    console.log(
      [
        '',
        hasDisplay ? `No Chromium at ${CHROMIUM}.` : 'No display ($DISPLAY / $WAYLAND_DISPLAY unset), so no browser window can open.',
        'To try the extension by hand on a machine with a display:',
        `  ${CHROMIUM} --user-data-dir=$(mktemp -d) --load-extension=${OUTPUT} ${article}`,
        '  (Firefox: npx web-ext run -s .output/firefox-mv2 after `npm run build`.)',
        'Meanwhile, here is the command-line audit of the news demo (npm run audit -- demo/news-article.html):',
        '',
      ].join('\n'),
    );
    const status = runAudit();
    demo.close();
    process.exit(status);
  }

  const profile = mkdtempSync(path.join(tmpdir(), 'citelens-profile-'));
  console.log(`Starting Chromium with the extension (profile ${profile}). Close the browser to stop.`);
  const browser = spawn(CHROMIUM, [`--user-data-dir=${profile}`, '--no-first-run', `--disable-extensions-except=${OUTPUT}`, `--load-extension=${OUTPUT}`, article], { stdio: 'inherit' });
  browser.on('exit', (code) => {
    demo.close();
    process.exit(code ?? 0);
  });
}

void main();

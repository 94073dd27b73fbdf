/**
 * Renders the extension's icons (assets/icon.svg, and assets/icon-dark-toolbar.svg for Firefox's dark toolbars) to
 * PNGs in public/icon/ at 16, 32, 48 and 128 px with Debian's Chromium. Run after changing an SVG:
 *   npx tsx scripts/icons.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..');
const SIZES = [16, 32, 48, 128];
const SOURCES = { icon: 'assets/icon.svg', 'icon-dark-toolbar': 'assets/icon-dark-toolbar.svg' };

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox'] });
const page = await browser.newPage();
for (const [name, file] of Object.entries(SOURCES)) {
  const svg = readFileSync(path.join(ROOT, file), 'utf8');
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    await page.screenshot({ path: path.join(ROOT, 'public/icon', `${name}-${size}.png`), omitBackground: true });
  }
}
await browser.close();

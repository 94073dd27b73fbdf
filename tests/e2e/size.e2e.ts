/**
 * Size budgets of the BUILT extension (bytes are deterministic, so unlike timings they can be asserted): the content
 * script runs on every page, the panel's initial JS on every open. Runs with the e2e config, after `npm run build`.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtSizes, CONTENT_SCRIPT_GZIP_BUDGET, CONTENT_SCRIPT_GZIP_CEILING, PANEL_INITIAL_JS_GZIP_BUDGET } from '../../bench/sizes';

const OUT = path.resolve(import.meta.dirname, '../../.output/chrome-mv3');

describe('built size budgets (gzip -9)', () => {
  // builtSizes throws "No built extension … run `npm run build` first" when .output is missing.
  const sizes = builtSizes(OUT);

  // The budget (CONTENT_SCRIPT_GZIP_BUDGET, 15,000 B) is not met yet: `npm run bench` reports it as FAIL. This test
  // holds today's size as a ceiling that only comes down, so no change makes every page load heavier unnoticed.
  it(`content script does not grow past ${CONTENT_SCRIPT_GZIP_CEILING} bytes gzipped (budget ${CONTENT_SCRIPT_GZIP_BUDGET}, not met yet)`, () => {
    expect(sizes.contentScript.gzip, `content.js is ${sizes.contentScript.gzip} B gzipped`).toBeLessThanOrEqual(CONTENT_SCRIPT_GZIP_CEILING);
  });

  it(`panel initial JS is at most ${PANEL_INITIAL_JS_GZIP_BUDGET} bytes gzipped`, () => {
    const files = sizes.panel.files.map((f) => `${f.file} ${f.gzip} B`).join(', ');
    expect(sizes.panel.gzip, `panel initial JS: ${files}`).toBeLessThanOrEqual(PANEL_INITIAL_JS_GZIP_BUDGET);
  });
});

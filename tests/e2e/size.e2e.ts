/**
 * Size budgets of the BUILT extension (bytes are deterministic, so unlike timings they can be asserted): the content
 * script runs on every page, the panel's initial JS on every open. Runs with the e2e config, after `npm run build`.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtSizes, CONTENT_SCRIPT_GZIP_BUDGET, PANEL_INITIAL_JS_GZIP_BUDGET, READER_GZIP_CEILING } from '../../bench/sizes';

const OUT = path.resolve(import.meta.dirname, '../../.output/chrome-mv3');

describe('built size budgets (gzip -9)', () => {
  // builtSizes throws "No built extension … run `npm run build` first" when .output is missing.
  const sizes = builtSizes(OUT);

  it(`content script (on every page) is at most ${CONTENT_SCRIPT_GZIP_BUDGET} bytes gzipped`, () => {
    expect(sizes.contentScript.gzip, `lookout.js is ${sizes.contentScript.gzip} B gzipped`).toBeLessThanOrEqual(CONTENT_SCRIPT_GZIP_BUDGET);
  });

  // The reader has no budget of its own; the ceiling is a margin over its size (docs/speed.md has its history).
  it(`reader (injected into articles) does not grow past ${READER_GZIP_CEILING} bytes gzipped`, () => {
    expect(sizes.reader.gzip, `reader.js is ${sizes.reader.gzip} B gzipped`).toBeLessThanOrEqual(READER_GZIP_CEILING);
  });

  it(`panel initial JS is at most ${PANEL_INITIAL_JS_GZIP_BUDGET} bytes gzipped`, () => {
    const files = sizes.panel.files.map((f) => `${f.file} ${f.gzip} B`).join(', ');
    expect(sizes.panel.gzip, `panel initial JS: ${files}`).toBeLessThanOrEqual(PANEL_INITIAL_JS_GZIP_BUDGET);
  });
});

/**
 * Gzip sizes of the built extension (.output/chrome-mv3), for the benchmark and for tests/e2e/size.e2e.ts. Bytes are
 * deterministic, so these are the one measure that can be asserted. Level 9, as `gzip -9` and size-limit report.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The budgets, in bytes (1 KB = 1,000 bytes, the stricter reading). */
export const CONTENT_SCRIPT_GZIP_BUDGET = 15_000;
/**
 * The reader (entrypoints/reader.ts), injected only into pages that look like articles or that the panel is opened on.
 * It has no budget of its own (issue #5); the ceiling is a margin over the measured size, so that a change that makes
 * every article markedly heavier fails, and an ordinary change does not. Its history is in docs/speed.md.
 */
export const READER_GZIP_CEILING = 37_000;
export const PANEL_INITIAL_JS_GZIP_BUDGET = 60_000;

export interface BuiltSizes {
  contentScript: { file: string; bytes: number; gzip: number };
  reader: { file: string; bytes: number; gzip: number };
  /** The side panel's initial JS: sidepanel.html's module script and its modulepreload chunks (not lazy chunks). */
  panel: { files: { file: string; bytes: number; gzip: number }[]; bytes: number; gzip: number };
}

export const gzipSize = (buf: Buffer | string) => gzipSync(buf, { level: 9 }).length;

/** Throws with a message that says what to run when there is no build. */
export function builtSizes(outDir: string): BuiltSizes {
  const contentFile = path.join(outDir, 'lookout.js');
  const readerFile = path.join(outDir, 'reader.js');
  const panelHtml = path.join(outDir, 'sidepanel.html');
  if (![contentFile, readerFile, panelHtml].every(existsSync)) {
    throw new Error(`No built extension in ${outDir} (lookout.js, reader.js, sidepanel.html): run \`npm run build\` first.`);
  }
  const measure = (file: string) => {
    const buf = readFileSync(file);
    return { file: path.relative(outDir, file), bytes: buf.length, gzip: gzipSize(buf) };
  };
  const html = readFileSync(panelHtml, 'utf8');
  const srcs = [
    ...[...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]),
  ];
  const files = [...new Set(srcs)].map((src) => measure(path.join(outDir, src.replace(/^\//, ''))));
  if (files.length === 0) throw new Error(`${panelHtml} loads no script: is it a WXT build?`);
  return {
    contentScript: measure(contentFile),
    reader: measure(readerFile),
    panel: { files, bytes: files.reduce((n, f) => n + f.bytes, 0), gzip: files.reduce((n, f) => n + f.gzip, 0) },
  };
}

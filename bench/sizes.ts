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
 * It has no budget of its own in issue #5, so the size test holds it as a ceiling that only comes down: no change makes
 * every article heavier unnoticed. History (gzipSize): it was the whole content script until 2026-11-28 (18,230 B,
 * budget 15,000). It was split off that day, leaving a content script on every page of about 4.0 KB (3,495 B once the
 * reference labels were made droppable, 2,445 B without WXT's content-script context) and a reader of about 18.4 KB.
 * The same day's report speed-ups (stages reading the scan's index tables, with their DOM fallbacks; refs-3000 about
 * 330 → 150–170 ms) brought the reader to 20,257 B. The next session's changes brought it to 20,656 B (+399): the
 * entries' deadline (a 100,000-entry list was read to its end whatever the budget), lazy element look-ups (made so
 * they do not keep the scan alive), one text read per entry, the links of an element found by a walk instead of a
 * live list the page kept, and detection's fixes for huge pages. The session after brought it to 20,847 B (+197): the
 * label search composed from children's texts, ids kept by the scan (entries and citations no longer ask each entry
 * element again), claimed lists marked by scan position, and own text skipped before collapsing (the report 0.85–0.98
 * of before on the corpus's largest pages, A/B in one Chromium page). Then 20,906 B (+59): a huge list's items gathered
 * between pauses and up to the deadline (a 290–490 ms stretch without a pause on the page of 100,000 links); 20,923 B
 * with own text measured before it is copied. Then 21,049 B (+126): the scan's numeric tables in typed arrays grown by
 * doubling (less for the young generation's collections to copy: the 1M-element page's longest stretch between
 * pauses, collections included, went from a median of 69 to 53 ms); 21,023 B with the element id read by one helper.
 * Then 21,386 B (+335): the scan's map from element to position leaves a paragraph's inline elements out, and indexOf
 * finds them from their parent (the map kept 3.7 of the scan's 10.8 MB on the 1M-element page, now 0.11 MB).
 * Then 21,877 B (+491): the scan keeps neither those elements (elementAt finds them again) nor a string per element
 * (tag codes, hrefs and fragment targets without a slot each), 7.25 → 1.31 MB after 190,464 elements of the
 * 1M-element page, and the sliced report's wall-clock deadline; 21,889 B with the cap on a report's entries.
 * Then 22,067 B (+178): the scan shares one string per distinct href and keeps its fragment links' positions in a
 * typed array, and detection its prose blocks in one (what the report moves to V8's old generation on the 1M-element
 * page, 7.3 → 4.0 MB a report: on copies idle for 10 s, the tasks of 590–1,036 ms after the answer are gone).
 * 22,130 B with the label search's line-start test. Then 22,232 B (+102): a list is gathered no further than twice what a
 * report carries, and marked partial (a report of a list of 100,000 links: 194–237 ms, was 313–330, A/B in one page).
 * Then 22,623 B (+391): detection leaves a paragraph's spans to the paragraph, the scan grows its tables one per
 * checkpoint, and keeps containers and one element child in 32 (what a report moves to V8's old generation on the
 * 1M-element page, 2.4 → 1.2 MB; three reports in a row on each of three fresh copies, no task over 45 ms, where V8's
 * finalisation pauses had made 55–78 ms).
 */
export const READER_GZIP_CEILING = 22_650;
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

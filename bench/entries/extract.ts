/**
 * Bundled by bench/run.ts into an IIFE that sets `window.__citelens`: the extractor and the anchoring code, exactly as
 * the content script uses them. `detect` is the report's own detection phase (scan + locateArticle, what
 * buildReport(force: false) costs on a non-article); `quickDetect` is the cheap check when lib/extract exports one.
 */
import { buildReport, buildReportSliced } from '../../lib/extract/report';
import { pauseFor } from '../../lib/page/pause';
import { scanDocument } from '../../lib/extract/index';
import * as detectModule from '../../lib/extract/detect';
import { headingText } from '../../lib/extract/outline';
import { anchorMany, describeWithIndex } from '../../lib/anchor/anchor';
import { buildTextIndex, rangeFromOffsets } from '../../lib/anchor/text-index';

type QuickDetect = (doc: Document, url: string) => unknown;
const quickDetect = (detectModule as unknown as { quickDetect?: QuickDetect }).quickDetect ?? null;

/** The report's detection phase alone: one scan, then locateArticle (no budget: it is measured whole). */
function detect(doc: Document, url: string) {
  const root = doc.body ?? doc.documentElement;
  const scan = scanDocument(root, () => 0, Infinity);
  return detectModule.locateArticle(doc, url, root, scan, headingText).isArticle;
}

/** The content script's report: in slices, pausing as the content script does (entrypoints/reader.ts). */
const pause = pauseFor(window);
/** With the time spent in its pauses: the report's own clock counts them too once it has worked a third of its budget
 * (WALL_CLOCK_AFTER_SHARE), so its timings.total is not its working time. */
async function buildReportInSlices(doc: Document, url: string, options: { force?: boolean; budgetMs?: number }) {
  let pausedMs = 0;
  const timedPause = async () => {
    const t = performance.now();
    await pause();
    pausedMs += performance.now() - t;
  };
  return { ...(await buildReportSliced(doc, url, { ...options, pause: timedPause })), pausedMs };
}

const api = { buildReport, buildReportInSlices, detect, quickDetect, anchorMany, describeWithIndex, buildTextIndex, rangeFromOffsets };
export type CitelensBenchApi = typeof api;
(globalThis as unknown as { __citelens: CitelensBenchApi }).__citelens = api;

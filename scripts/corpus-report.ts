/**
 * Dev aid: one line per corpus page with the detector's verdict and reasons, in one process (fast).
 *   node --import tsx scripts/corpus-report.ts [--out DIR] [id...]
 * With --out, writes DIR/<id>.json reports, to score without a process per page:
 *   node ../shared/eval/score.mjs --cmd 'cat DIR/$(basename $(dirname {})).json'
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildReport } from '../lib/extract/report';
import { NODE_BUDGET_MS, decodeHtml, parseHtml } from '../cli/load';

const corpus = resolve(import.meta.dirname, '../../shared/corpus');
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const outDir = outAt >= 0 ? args.splice(outAt, 2)[1] : '';
if (outDir) mkdirSync(outDir, { recursive: true });
const only = args;
for (const id of readdirSync(corpus).sort()) {
  if (only.length && !only.includes(id)) continue;
  let truth: { isArticle: boolean };
  try { truth = JSON.parse(readFileSync(join(corpus, id, 'truth.json'), 'utf8')); } catch { continue; }
  const file = join(corpus, id, 'source.html');
  const dom = parseHtml(decodeHtml(readFileSync(file)), 'file://' + file);
  const r = buildReport(dom.window.document, 'file://' + file, { budgetMs: NODE_BUDGET_MS });
  dom.window.close();
  if (outDir) writeFileSync(join(outDir, `${id}.json`), JSON.stringify(r));
  console.log(`${r.isArticle === truth.isArticle ? 'ok ' : 'BAD'} ${id.padEnd(32)} ${String(truth.isArticle).padEnd(5)} ${r.detection.reasons.join('; ')} (${Math.round(r.timings.total)} ms)`);
}

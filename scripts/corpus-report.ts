/**
 * Dev aid: the corpus (tests/corpus) through buildReport in one process, scored by eval/score.mjs.
 *   node --import tsx scripts/corpus-report.ts [--dir CORPUS] [--out DIR] [--by-site] [--without-site a,b] [--verbose] [id...]
 * One line per page (score, detector's reasons, the finder of each list), then how many pages and sites each finder
 * and each detection signal fired on, then the totals; --without-site scores
 * with those sites left out (leave-one-site-out); --out writes DIR/<id>.json reports.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport } from '../lib/extract/report';
import { NODE_BUDGET_MS, decodeHtml, parseHtml } from '../cli/load';
// @ts-expect-error plain ES module without types
import { corpusPages, pageLine, scorePage, total, totalLine } from '../eval/score.mjs';

const args = process.argv.slice(2);
const take = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : '';
};
const flag = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? Boolean(args.splice(at, 1)) : false;
};
const outDir = take('--out');
const dir = take('--dir');
const without = take('--without-site').split(',').filter(Boolean);
const bySite = flag('--by-site');
const verbose = flag('--verbose');
if (outDir) mkdirSync(outDir, { recursive: true });
type Scored = { id: string; site: string; s: { exact: boolean } };
const scored: Scored[] = [];
const finders = new Map<string, Set<string>>();
/** Detection's reasons, numbers and parenthesised details dropped: which signals fire on how many pages and sites. */
const signals = new Map<string, Set<string>>();
const signalOf = (reason: string) => {
  let r = reason;
  while (/\([^()]*\)/.test(r)) r = r.replace(/\s*\([^()]*\)/g, '');
  return r.replace(/\d[\d,.]*/g, 'N').trim();
};
for (const p of corpusPages(...(dir ? [dir] : [])) as { id: string; file: string; site: string; truth: unknown }[]) {
  if ((args.length && !args.includes(p.id)) || without.includes(p.site)) continue;
  const url = 'file://' + p.file;
  const dom = parseHtml(decodeHtml(readFileSync(p.file)), url);
  const r = buildReport(dom.window.document, url, { budgetMs: NODE_BUDGET_MS });
  dom.window.close();
  if (outDir) writeFileSync(join(outDir, `${p.id}.json`), JSON.stringify(r));
  const s = scorePage(p.truth, r);
  scored.push({ id: p.id, site: p.site, s });
  for (const l of r.referenceLists) {
    const name = l.finder ?? "?";
    if (!finders.has(name)) finders.set(name, new Set());
    finders.get(name)!.add(`${p.site}/${p.id}`);
  }
  for (const reason of r.detection.reasons) {
    const name = signalOf(reason);
    if (!signals.has(name)) signals.set(name, new Set());
    signals.get(name)!.add(`${p.site}/${p.id}`);
  }
  if (verbose || !s.exact) console.log(pageLine(p.id, s) + `\n    ${r.detection.reasons.join('; ')} · lists: ${r.referenceLists.map((l) => `${l.finder ?? "?"}(${l.entries.length})`).join(' ') || '-'}`);
}
if (bySite) {
  for (const site of [...new Set(scored.map((p) => p.site))]) console.log(`  site ${site}: ${totalLine(total(scored.filter((p) => p.site === site).map((p) => p.s)))}`);
}
for (const [name, pages] of finders) console.log(`  finder ${name}: ${pages.size} pages, ${new Set([...pages].map((p) => p.split('/')[0])).size} sites`);
for (const [name, pages] of [...signals].sort((a, b) => b[1].size - a[1].size)) console.log(`  signal ${name}: ${pages.size} pages, ${new Set([...pages].map((p) => p.split('/')[0])).size} sites`);
console.log(`pages ${scored.length}, sites ${new Set(scored.map((p) => p.site)).size}${without.length ? ` (without ${without.join(',')})` : ''}`);
console.log(totalLine(total(scored.map((p) => p.s))));

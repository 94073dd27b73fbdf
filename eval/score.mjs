#!/usr/bin/env node
// The project's own corpus scorer: the same rules as ../shared/eval/score.mjs (see tests/corpus/SHARED-README.md),
// usable in-process (scorePage, total) so the corpus test needs no process per page, and as a CLI:
//   node eval/score.mjs --cmd 'COMMAND {}' [--corpus DIR] [--only id,id] [--by-site] [--without-site a,b]
// --by-site prints the totals per site; --without-site scores with those sites left out (leave-one-site-out).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { execSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const corpusDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'corpus');

export const norm = (s) => String(s ?? '').normalize('NFKC').toLowerCase()
  .replace(/\[(edit|bearbeiten|modifier)\]/g, '').replace(/[¶#]\s*$/g, '')
  .replace(/^\s*[\^↑↩]\s*(?:[a-z]{1,2}\s)*/u, '') // a leading back-link, with Wikipedia's jump letters "^ a b c"
  .replace(/^\s*\[?\d{1,4}[\].):]?\s*/u, '') // a leading number
  .replace(/[^\p{L}\p{N}]/gu, ''); // spacing and punctuation differ between DOM libraries: compare letters and digits
const same = (a, b) => { const n = Math.min(20, a.length, b.length); return n >= 4 ? a.slice(0, n) === b.slice(0, n) : a === b; };
const f1 = (p, r) => (p + r ? (2 * p * r) / (p + r) : 0);
const ratio = (a, b) => (b ? a / b : 1);

/** The pages of a corpus folder that have a truth, sorted, each with its site (truth.site, else the id's prefix). */
export function corpusPages(dir = corpusDir) {
  return readdirSync(dir).filter((d) => existsSync(join(dir, d, 'truth.json'))).sort().map((id) => {
    const truth = JSON.parse(readFileSync(join(dir, id, 'truth.json'), 'utf8'));
    return { id, file: join(dir, id, 'source.html'), truth, site: truth.site ?? id.split('-')[0] };
  });
}

/** Counts for one page: a report (isArticle, outline, referenceLists) against its truth. */
export function scorePage(truth, rep) {
  const detectOk = Boolean(rep.isArticle) === Boolean(truth.isArticle);
  const want = truth.headings.map((h) => norm(h.text));
  const got = (rep.outline ?? []).map((h) => norm(h.text));
  const left = [...want]; let hTp = 0;
  for (const g of got) { const k = left.findIndex((w) => same(w, g)); if (k >= 0) { left.splice(k, 1); hTp++; } }

  // Reference lists: match each truth list to the predicted list sharing the most entries.
  const predLists = (rep.referenceLists ?? []).map((l) => (l.entries ?? []).map((e) => ({ t: norm(e.text), linked: Boolean(e.hasLink) })));
  const usedList = new Set();
  let eTp = 0, uTp = 0, uPred = 0, uTrue = 0;
  const optional = (truth.optionalLists ?? []).map((l) => (l.entryTextStarts ?? [l.firstItemTextStart]).map(norm));
  for (const tl of truth.referenceLists) {
    const texts = tl.entryTextStarts?.map(norm);
    const unl = new Set(tl.looseUnlinkedIndexes ?? tl.unlinkedIndexes);
    const skip = new Set(tl.searchLinkOnlyIndexes ?? []);
    let best = -1, bestPairs = [];
    predLists.forEach((pl, li) => {
      if (usedList.has(li)) return;
      const pairs = [];
      if (texts) { let j = 0; texts.forEach((w, i) => { for (let k = j; k < pl.length; k++) if (same(w, pl[k].t)) { pairs.push([i + 1, k]); j = k + 1; break; } }); }
      else if (pl.length && same(norm(tl.firstItemTextStart), pl[0].t)) for (let i = 0; i < Math.min(tl.count, pl.length); i++) pairs.push([i + 1, i]);
      if (pairs.length > bestPairs.length) { best = li; bestPairs = pairs; }
    });
    if (best >= 0) usedList.add(best);
    eTp += bestPairs.length;
    for (const [i, k] of bestPairs) {
      if (skip.has(i)) continue;
      const isUnl = unl.has(i), flagged = !predLists[best][k].linked;
      uTrue += isUnl; uPred += flagged; uTp += isUnl && flagged;
    }
    for (const i of unl) if (!bestPairs.some(([t]) => t === i)) uTrue++; // missed entries count as missed flags
  }
  let ePred = 0;
  predLists.forEach((pl, li) => {
    const isOptional = !usedList.has(li) && optional.some((o) => o.some((w) => pl.some((e) => same(w, e.t))));
    if (isOptional) return;
    ePred += pl.length;
    if (!usedList.has(li)) uPred += pl.filter((e) => !e.linked).length;
  });
  const eTrue = truth.referenceLists.reduce((s, l) => s + l.count, 0);
  const exact = detectOk && hTp === want.length && got.length === want.length && eTp === eTrue && ePred === eTrue && uTp === uTrue && uPred === uTrue;
  return { detectOk, exact, hTp, hPred: got.length, hTrue: want.length, eTp, ePred, eTrue, uTp, uPred, uTrue };
}

/** Totals over page scores: the four figures of the issue and the count of exactly right pages. */
export function total(scores) {
  const t = { pages: 0, exact: 0, detectOk: 0, hTp: 0, hPred: 0, hTrue: 0, eTp: 0, ePred: 0, eTrue: 0, uTp: 0, uPred: 0, uTrue: 0 };
  for (const s of scores) { t.pages++; for (const k of Object.keys(t)) if (k !== 'pages') t[k] += Number(s[k]); }
  const P = (tp, pred, tru) => { const p = ratio(tp, pred), r = ratio(tp, tru); return { p, r, f: f1(p, r) }; };
  const h = P(t.hTp, t.hPred, t.hTrue), e = P(t.eTp, t.ePred, t.eTrue), u = P(t.uTp, t.uPred, t.uTrue);
  return { pages: t.pages, exact: t.exact, detect: ratio(t.detectOk, t.pages), outline: h, entries: e, unlinked: u };
}

export const pageLine = (id, s) =>
  `${s.exact ? '✓' : '✗'} ${id}: detect ${s.detectOk ? 'ok' : 'WRONG'} · headings ${s.hTp}/${s.hTrue} (+${s.hPred - s.hTp} extra) · entries ${s.eTp}/${s.eTrue} (+${s.ePred - s.eTp} extra) · unlinked ${s.uTp}/${s.uTrue} (+${s.uPred - s.uTp} wrong)`;
const fx = (x) => x.toFixed(3);
export const totalLine = (t) => `detect ${fx(t.detect)} · outline F1 ${fx(t.outline.f)} · entries F1 ${fx(t.entries.f)} · unlinked F1 ${fx(t.unlinked.f)} · exact ${t.exact}/${t.pages}`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
  const cmd = opt('cmd');
  if (!cmd) { console.error("usage: eval/score.mjs --cmd 'COMMAND {}' [--corpus DIR] [--only a,b] [--by-site] [--without-site a,b]"); process.exit(2); }
  const only = opt('only')?.split(','), without = opt('without-site')?.split(',') ?? [];
  const pages = corpusPages(resolve(opt('corpus', corpusDir))).filter((p) => (!only || only.includes(p.id)) && !without.includes(p.site));
  const scored = [];
  let failed = 0;
  for (const p of pages) {
    try {
      const out = execSync(cmd.replaceAll('{}', JSON.stringify(p.file)), { encoding: 'utf8', timeout: 60_000, maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
      const s = scorePage(p.truth, JSON.parse(out.slice(out.indexOf('{'))));
      scored.push({ ...p, s });
      console.log(pageLine(p.id, s));
    } catch (e) { failed++; console.log(`${p.id}: FAILED ${String(e.message).split('\n')[0]}`); }
  }
  if (args.includes('--by-site')) {
    const sites = [...new Set(scored.map((p) => p.site))];
    for (const site of sites) console.log(`  site ${site}: ${totalLine(total(scored.filter((p) => p.site === site).map((p) => p.s)))}`);
  }
  const t = total(scored.map((p) => p.s));
  console.log(`pages ${t.pages}, failed ${failed}, sites ${new Set(scored.map((p) => p.site)).size}`);
  console.log(totalLine(t));
  process.exit(failed ? 1 : 0);
}

// Every page of ../shared/corpus through buildReport, scored by the corpus' own scorer (../shared/eval/score.mjs) so
// that the rules are the scorer's, not a second copy of them. Pages that come out exactly right are listed below and
// must stay right: the list only grows (a ratchet). The totals must stay at or above the bars of issue 2.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, existsSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir, corpusFile, repoRoot, reportForFile } from './helpers';

const EXACT_PAGES = [
  'acp-influenza-vaccination', 'anarcat-cdpath', 'anwalt-niemeyer-home', 'bbc-obama-guns', 'blogger-greenpak4',
  'fandom-water-making-spell', 'firefox-customize-landing', 'givewell-evidence-action-beta', 'gmw-astronaut-alcohol',
  'hakibenita-anomaly-sql', 'hummelschutz-linden', 'lemonde-loi-renseignement', 'mercurial-evolve-sharing',
  'nytimes-es-front', 'nytimes-sudan-sanctions', 'oekonomenstimme-keynes', 'onmeda-paxlovid', 'pastebin-paste',
  'physorg-neanderthal-tar', 'pronats-kinderarbeit', 'publikum-hpv-japan', 'quanta-hidden-heroines', 'seed-article',
  'snopes-yovanovitch', 'sre-book-monitoring', 'stardew-penny', 'v8-standalone-wasm', 'vox-delhi-pollution',
  'wp-hermitian-matrix', 'wp-mozilla', 'wp-new-zealand', 'youtube-watch',
];
const BARS = { detect: 0.97, outline: 0.95, entries: 0.97, unlinked: 0.95, exact: 30 };

describe('corpus', () => {
  let out = '';
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'citelens-corpus-'));
    for (const id of readdirSync(corpusDir)) {
      if (!existsSync(join(corpusDir, id, 'truth.json'))) continue;
      writeFileSync(join(dir, `${id}.json`), JSON.stringify(reportForFile(corpusFile(id))));
    }
    const scorer = resolve(repoRoot, '../shared/eval/score.mjs');
    out = execFileSync(process.execPath, [scorer, '--cmd', `cat ${dir}/$(basename $(dirname {})).json`], { encoding: 'utf8' });
    console.log(out);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every page listed as exactly right exactly right', () => {
    const exact = new Set([...out.matchAll(/^✓ (\S+):/gm)].map((m) => m[1]));
    expect(EXACT_PAGES.filter((id) => !exact.has(id))).toEqual([]);
  });

  it('reaches the bars of issue 2 on the totals', () => {
    const last = out.trim().split('\n').at(-1)!;
    const m = /detect ([\d.]+) · outline F1 ([\d.]+) · entries F1 ([\d.]+) · unlinked F1 ([\d.]+)/.exec(last)!;
    const exact = Number(/exactly right (\d+)/.exec(out)![1]);
    expect({ detect: +m[1] >= BARS.detect, outline: +m[2] >= BARS.outline, entries: +m[3] >= BARS.entries, unlinked: +m[4] >= BARS.unlinked, exact: exact >= BARS.exact })
      .toEqual({ detect: true, outline: true, entries: true, unlinked: true, exact: true });
  });
});

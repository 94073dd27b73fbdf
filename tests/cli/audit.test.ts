// `citelens audit` as a user runs it (node --import tsx cli/audit.ts, from the repo root): one JSON line per page with
// --json, a readable audit without, one line on stderr and exit code 1 for a bad input while the good ones still print.
// Each spawn costs 1–2 s, so there are four.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusFile, repoRoot } from '../extract/helpers';

const audit = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'cli/audit.ts', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
const SEED = corpusFile('seed-article');

describe('citelens audit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'citelens-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--json prints exactly one JSON line: the seed article, five entries', () => {
    const r = audit(SEED, '--json');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('');
    const report = JSON.parse(lines[0]);
    expect([report.isArticle, report.stats.entries, report.stats.unlinked, report.referenceLists[0].heading]).toEqual([true, 5, 5, 'References']);
  });

  it('prints a readable audit that counts the entries without a link', () => {
    const r = audit(SEED);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('# Ukraine–U.S. Talks Show “Progress” as Trump Pushes for a Swift Peace');
    expect(r.stdout).toContain('\n## References — 5 entries · 5 without a link\n');
  });

  it('refuses a missing file and a binary file with one line each on stderr, and still reports the good input', () => {
    const missing = join(dir, 'missing.html');
    const binary = join(dir, 'image.png');
    let x = 7;
    writeFileSync(binary, new Uint8Array(4096).map(() => ((x = (x * 1103515245 + 12345) >>> 0) >>> 24)));
    const r = audit(missing, SEED, binary, '--json');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`citelens: ${missing}: no such file\ncitelens: ${binary}: not an HTML page (binary content)\n`);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]).stats.entries).toBe(5);
  });

  it('prints nothing on stdout for a missing file alone', () => {
    const missing = join(dir, 'nope.html');
    const r = audit(missing);
    expect([r.status, r.stdout, r.stderr]).toEqual([1, '', `citelens: ${missing}: no such file\n`]);
  });
});

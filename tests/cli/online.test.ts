// `citelens audit --online` as a user runs it, against the fake Crossref, Wayback and cited sites of
// tests/online/fake-services.ts on 127.0.0.1 (CITELENS_ALLOW_PRIVATE_HOSTS=1 lets the CLI fetch them). The CLI is
// spawned asynchronously: the fake services answer from this process, which a synchronous spawn would block.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { plainText } from '../../lib/online/text';
import { record, startFakeServices, type FakeServices, type Mode } from '../online/fake-services';
import { repoRoot } from '../extract/helpers';

type Run = { status: number | null; stdout: string; stderr: string };

function audit(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/audit.ts', ...args], { cwd: repoRoot, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill(), 50_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Paragraphs of prose a page needs to count as an article (lib/extract/detect.ts), one citing each entry. */
const MIN_PARAGRAPHS = 5;

/** A small article with a numbered reference list, its entries written like a journal's. */
function page(title: string, entries: string[]): string {
  const para = (n: number) => `<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua; ut enim ad minim veniam, quis nostrud exercitation.${n <= entries.length ? `<sup><a href="#ref${n}">${n}</a></sup>` : ''}</p>`;
  return `<!doctype html><html><head><title>${title}</title><meta property="og:type" content="article"></head><body><article><h1>${title}</h1>
${Array.from({ length: Math.max(entries.length, MIN_PARAGRAPHS) }, (_, i) => para(i + 1)).join('\n')}
<h2>References</h2><ol>${entries.map((e, i) => `<li id="ref${i + 1}">${e}</li>`).join('\n')}</ol></article></body></html>`;
}

const RETRACTION = { DOI: '10.5555/notice', type: 'retraction', label: 'Retraction', source: 'retraction-watch', updated: { 'date-parts': [[2010, 2, 6]] }, 'record-id': 9143 };
const CORRECTION = { DOI: '10.5555/erratum', type: 'correction', label: 'Correction', source: 'publisher', updated: { 'date-parts': [[2004, 6]] } };
const HOSTILE_TITLE = '<script>alert(1)</script>Glacial lakes &lt;script&gt;x&lt;/script&gt; \u001b[2J of the south';

let svc: FakeServices;
let dir: string;
let file: string;
let hostileFile: string;
let env: Record<string, string>;

beforeAll(async () => {
  svc = await startFakeServices();
  dir = mkdtempSync(join(tmpdir(), 'citelens-online-'));
  file = join(dir, 'article.html');
  writeFileSync(
    file,
    page('On terns and retractions', [
      'Wakefield A, Murch S (1998). Ileal-lymphoid-nodular hyperplasia and pervasive developmental disorder in children. Lancet. <a href="https://doi.org/10.5555/retracted">doi:10.5555/retracted</a>',
      'Okafor B (2003). Tidal marsh hydrology of the northern estuaries. Journal of Tests. <a href="https://doi.org/10.5555/corrected">doi:10.5555/corrected</a>',
      `Harbour Board (2019). A vanished report on the harbour. <a href="${svc.base}/gone-404">Report</a>`,
      'Egevang C, Stenhouse IJ (2010). Seasonal migration of the arctic tern across the Atlantic. PNAS.',
      'Nobody N (1999). Seasonal migration of the arctic fox across the tundra. Journal of Foxes.',
    ]),
  );
  hostileFile = join(dir, 'hostile.html');
  writeFileSync(
    hostileFile,
    page('Hostile answers', [
      'Okafor B (2003). Wrong paper for this DOI: the keeping of bees in winter. <a href="https://doi.org/10.5555/hostile">doi:10.5555/hostile</a>',
      `Harbour Board (2019). Another vanished report. <a href="${svc.base}/gone-410">Report</a>`,
    ]),
  );
  // Every service's address is the fakes', Unpaywall's and OpenAlex's too: set, they are still used only with an address or key.
  env = { CITELENS_CROSSREF_API: svc.crossrefBase, CITELENS_WAYBACK_API: svc.waybackBase, CITELENS_UNPAYWALL_API: svc.unpaywallBase, CITELENS_OPENALEX_API: svc.openalexBase, CITELENS_ALLOW_PRIVATE_HOSTS: '1', CITELENS_OPENALEX_KEY: '' };
});

afterAll(async () => {
  await svc.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  svc.requests.length = 0;
  svc.mode.crossref = 'normal';
  svc.mode.wayback = 'normal';
  svc.mode.unpaywall = 'normal';
  svc.mode.openalex = 'normal';
  svc.works.clear();
  svc.snapshots.clear();
  svc.oa.clear();
  svc.works.set('10.5555/retracted', record('10.5555/retracted', 'Ileal-lymphoid-nodular hyperplasia and pervasive developmental disorder in children', ['Wakefield', 'Murch'], 1998, { 'updated-by': [RETRACTION] }));
  svc.works.set('10.5555/corrected', record('10.5555/corrected', 'Tidal marsh hydrology of the northern estuaries', ['Okafor'], 2003, { 'updated-by': [CORRECTION] }));
  svc.works.set('10.5555/tern', record('10.5555/tern', 'Seasonal migration of the arctic tern across the Atlantic', ['Egevang', 'Stenhouse'], 2010));
  svc.works.set('10.5555/hostile', record('10.5555/hostile', HOSTILE_TITLE, ['Okafor'], 2003));
  svc.snapshots.set(`${svc.base}/gone-404`, { url: 'https://web.archive.org/web/20190501000000/x', timestamp: '20190501000000' });
  svc.snapshots.set(`${svc.base}/gone-410`, { url: 'javascript:alert(1)', timestamp: '20190501000000' });
});

const entriesOf = (report: { referenceLists: Array<{ entries: Array<Record<string, any>> }> }) => report.referenceLists.flatMap((l) => l.entries);
const sent = (prefix: string) => svc.requests.filter((q) => q.path.startsWith(prefix)).length;

describe('citelens audit --online', () => {
  it('--json: a retraction, a correction kept as a correction, a dead link with its archived copy, the right DOI for an unlinked entry and none for a look-alike', async () => {
    const r = await audit([file, '--online', '--json'], env);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    const [retracted, corrected, vanished, tern, fox] = entriesOf(report);
    expect(retracted.online.retraction).toEqual({ status: 'retracted', notice: 'https://doi.org/10.5555/notice', date: '2010-02-06', updates: [expect.objectContaining({ type: 'retraction', source: 'retraction-watch', recordId: '9143' })] });
    expect(retracted.online.doi).toMatchObject({ value: '10.5555/retracted', status: 'resolved', year: 1998, agrees: true, authors: ['A Wakefield', 'B Murch'] });
    expect(corrected.online.retraction).toMatchObject({ status: 'corrected', date: '2004-06', updates: [expect.objectContaining({ type: 'correction' })] });
    expect(vanished.online.links).toEqual([{ url: `${svc.base}/gone-404`, status: 'gone', code: 404, dead: true, archived: 'https://web.archive.org/web/20190501000000/x', archivedAt: '20190501000000' }]);
    expect(tern.online.match).toMatchObject({ doi: '10.5555/tern', title: 'Seasonal migration of the arctic tern across the Atlantic' });
    expect(tern.online.match.score).toBeGreaterThanOrEqual(0.85);
    // The search did answer for the fox (the tern shares most of its title's words), and the look-alike is not proposed.
    expect(fox.online).toEqual({});
    expect(svc.requests.filter((q) => q.path === '/crossref/works').map((q) => q.query.get('query.bibliographic'))).toHaveLength(2);
    // The report's counts are the requests the services saw.
    expect(report.online.requests).toEqual({ crossref: sent('/crossref/'), wayback: sent('/wayback/'), sites: svc.requests.length - sent('/crossref/') - sent('/wayback/'), unpaywall: 0, openalex: 0 });
    expect(report.online.requests.sites).toBeGreaterThan(0);
    expect(report.online.errors).toEqual([]);
    expect(Date.parse(report.online.checkedAt)).not.toBeNaN();
    expect(r.stderr).toContain('5 of 5 checked');
  });

  it('the readable audit gains the findings, each under its entry', async () => {
    const r = await audit([file, '--online', '--mailto', 'tests@example.org'], env);
    expect(r.status).toBe(0);
    // The address given goes to Crossref (its polite pool) and to Unpaywall (which requires one), and nowhere else.
    expect(svc.requests.filter((q) => q.query.get('mailto') === 'tests@example.org').length).toBe(sent('/crossref/'));
    expect(svc.requests.filter((q) => q.query.get('email') === 'tests@example.org').length).toBe(sent('/unpaywall/'));
    expect(sent('/unpaywall/')).toBe(2); // the two DOIs the registry resolved
    expect(svc.requests.filter((q) => !q.path.startsWith('/crossref/') && !q.path.startsWith('/unpaywall/')).every((q) => ![...q.query.values()].includes('tests@example.org'))).toBe(true);
    const lines = r.stdout.split('\n');
    const under = (start: string) => {
      const i = lines.findIndex((l) => l.includes(start));
      expect(i).toBeGreaterThanOrEqual(0);
      const out: string[] = [];
      for (let j = i + 1; j < lines.length && lines[j].startsWith('     ↳ '); j++) out.push(lines[j].slice('     ↳ '.length));
      return out;
    };
    expect(under('Wakefield A, Murch S')).toContain('RETRACTED (retraction, 2010-02-06): https://doi.org/10.5555/notice');
    expect(under('Okafor B (2003)')).toContain('corrected (correction, 2004-06): https://doi.org/10.5555/erratum');
    expect(under('Okafor B (2003)').join(' ')).not.toMatch(/retract/i);
    expect(under('Harbour Board')).toContain(`dead link (404): ${svc.base}/gone-404; archived copy: https://web.archive.org/web/20190501000000/x`);
    const tern = under('Egevang C');
    expect(tern).toHaveLength(2);
    expect(tern[1]).toMatch(/^found online: DOI 10\.5555\/tern "Seasonal migration of the arctic tern across the Atlantic" \(score (0\.(8[5-9]|9\d)|1\.00)\)$/);
    expect(under('Nobody N').filter((l) => l.startsWith('found online'))).toEqual([]);
    expect(r.stdout).toContain('Online checks (');
    expect(r.stdout).toContain('1 retracted · 1 corrected · 1 dead link · 1 found online');
  });

  it('open-access copies: none asked without an address; with --mailto the resolved DOIs go to Unpaywall and the copy is shown', async () => {
    svc.oa.set('10.5555/corrected', { pdf: 'https://europepmc.org/articles/pmc1234567?pdf=render', version: 'acceptedVersion', hostType: 'repository' });
    svc.oa.set('10.5555/retracted', null);
    const without = await audit([file, '--online', '--json'], env);
    expect(without.status).toBe(0);
    expect(sent('/unpaywall/')).toBe(0);
    expect(sent('/openalex/')).toBe(0);
    const plain = JSON.parse(without.stdout);
    expect(entriesOf(plain).filter((e) => e.online?.openAccess)).toEqual([]);
    expect(plain.online.requests).toMatchObject({ unpaywall: 0, openalex: 0 });
    expect(without.stderr).toContain('CITELENS_UNPAYWALL_API is set, but Unpaywall is asked only with --mailto ADDR: not used');

    svc.requests.length = 0;
    const r = await audit([file, '--online', '--json', '--mailto', 'tests@example.org'], env);
    const report = JSON.parse(r.stdout);
    const [retracted, corrected, , tern] = entriesOf(report);
    expect(corrected.online.openAccess).toBe('https://europepmc.org/articles/pmc1234567?pdf=render');
    expect(corrected.online.openAccessFrom).toEqual({ source: 'unpaywall', pdf: true, version: 'acceptedVersion', hostType: 'repository' });
    expect(retracted.online.openAccess).toBeUndefined(); // known to Unpaywall, not open access
    expect(tern.online.openAccess).toBeUndefined(); // a candidate is not asked about until the reader accepts it
    expect(report.online.requests).toMatchObject({ unpaywall: 2, openalex: 0 });
    expect(report.online.requests.unpaywall).toBe(sent('/unpaywall/'));
    expect(report.online.summary.openAccess).toBe(1);

    const readable = await audit([file, '--online', '--mailto', 'tests@example.org'], env);
    expect(readable.stdout).toContain('     ↳ open-access copy (PDF, acceptedVersion): https://europepmc.org/articles/pmc1234567?pdf=render [Unpaywall]');
    expect(readable.stdout).toMatch(/· \d+ Crossref, \d+ Wayback, 2 Unpaywall, \d+ site requests/);

    // --no-unpaywall keeps the address for Crossref only.
    svc.requests.length = 0;
    await audit([file, '--online', '--json', '--mailto', 'tests@example.org', '--no-unpaywall'], env);
    expect(sent('/unpaywall/')).toBe(0);
    expect(sent('/crossref/')).toBeGreaterThan(0);
  });

  it('OpenAlex is asked with a key (CITELENS_OPENALEX_KEY or --openalex-key), only for what Unpaywall has no copy of', async () => {
    svc.oa.set('10.5555/corrected', { landing: 'https://eprints.example.ac.uk/1234/', version: 'submittedVersion' });
    svc.oa.set('10.5555/retracted', null);
    const r = await audit([file, '--online', '--json'], { ...env, CITELENS_OPENALEX_KEY: 'test-openalex-key-0123' });
    const report = JSON.parse(r.stdout);
    const [, corrected] = entriesOf(report);
    expect(corrected.online.openAccess).toBe('https://eprints.example.ac.uk/1234/');
    expect(corrected.online.openAccessFrom).toMatchObject({ source: 'openalex', pdf: false });
    expect(svc.requests.filter((q) => q.path.startsWith('/openalex/')).every((q) => q.query.get('api_key') === 'test-openalex-key-0123')).toBe(true);
    expect(report.online.requests).toMatchObject({ unpaywall: 0, openalex: 2 });

    svc.requests.length = 0;
    svc.oa.set('10.5555/corrected', { pdf: 'https://europepmc.org/x.pdf' });
    await audit([file, '--online', '--json', '--mailto', 'tests@example.org', '--openalex-key', 'test-openalex-key-0123'], env);
    // Unpaywall had a copy of one DOI and none of the other: OpenAlex is asked about the other only.
    expect(svc.requests.filter((q) => q.path.startsWith('/openalex/')).map((q) => q.path)).toEqual(['/openalex/works/doi:10.5555/retracted']);
  });

  it('a hostile open-access answer (javascript:, data:) is never printed as a copy; an Unpaywall error is an error value', async () => {
    svc.oa.set('10.5555/corrected', { pdf: 'https://europepmc.org/x.pdf' });
    svc.mode.unpaywall = 'hostile';
    const r = await audit([file, '--online', '--mailto', 'tests@example.org'], env);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('javascript:');
    expect(r.stdout).not.toContain('data:text');
    expect(r.stdout).not.toContain('open-access copy');
    expect(r.stdout).toContain('online check failed: Unpaywall: the open-access location has no http(s) address');
    svc.mode.unpaywall = '500';
    const json = JSON.parse((await audit([file, '--online', '--json', '--mailto', 'tests@example.org'], env)).stdout);
    const [, corrected] = entriesOf(json);
    expect(corrected.online.openAccess).toBeUndefined();
    expect(corrected.online.error).toBe('Unpaywall: HTTP 500');
    expect(corrected.online.retraction.status).toBe('corrected'); // the other checks stand
  });

  it('sends nothing without --online, even with every service address set', async () => {
    const plain = await audit([file, '--json'], { ...env, CITELENS_OPENALEX_KEY: 'test-openalex-key-0123' });
    const readable = await audit([file], { ...env, CITELENS_OPENALEX_KEY: 'test-openalex-key-0123' });
    expect([plain.status, readable.status]).toEqual([0, 0]);
    expect(svc.requests).toEqual([]);
    const report = JSON.parse(plain.stdout);
    expect(report.online).toBeUndefined();
    expect(entriesOf(report).filter((e) => 'online' in e)).toEqual([]);
    expect(readable.stdout).not.toContain('Online checks');
  });

  it('a hostile registry title is printed as plain text, and a javascript: archive address is never given', async () => {
    const r = await audit([hostileFile, '--online'], env);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).not.toContain('alert(1)');
    expect(r.stdout).toContain(`DOI 10.5555/hostile points to another work: "${plainText(HOSTILE_TITLE)}"`);
    expect(plainText(HOSTILE_TITLE)).toContain('<script>x</script>'); // the escaped tag is text, shown as written
    expect(r.stdout).toContain(`dead link (410): ${svc.base}/gone-410\n`);
    const json = JSON.parse((await audit([hostileFile, '--online', '--json'], env)).stdout);
    const [, vanished] = entriesOf(json);
    expect(vanished.online.links[0].archived).toBeUndefined();
    expect(vanished.online.error).toBe('Wayback Machine: the snapshot address is not an archive.org link');
  });

  for (const [mode, error] of [
    ['429', 'Crossref: HTTP 429 (too many requests)'],
    ['500', 'Crossref: HTTP 500'],
    ['garbage', 'Crossref: the answer is not JSON'],
  ] as Array<[Mode, string]>) {
    it(`a registry answering ${mode} gives error values, not a crash`, async () => {
      svc.mode.crossref = mode;
      svc.mode.wayback = mode;
      const r = await audit([file, '--online', '--json'], env);
      expect(r.status).toBe(0);
      const report = JSON.parse(r.stdout);
      const [retracted, , vanished, tern] = entriesOf(report);
      expect(retracted.online.doi).toEqual({ value: '10.5555/retracted', status: 'error', error });
      expect(retracted.online.error).toBe(error);
      expect(tern.online).toEqual({ error });
      expect(vanished.online.links[0]).toMatchObject({ status: 'gone', dead: true });
      expect(vanished.online.error).toMatch(/^Wayback Machine: /);
      expect(report.online.errors).toContainEqual({ entry: retracted.id, error });
    });
  }

  it('cited addresses on 127.0.0.1 are not fetched unless CITELENS_ALLOW_PRIVATE_HOSTS=1', async () => {
    const r = await audit([file, '--online', '--json'], { ...env, CITELENS_ALLOW_PRIVATE_HOSTS: '' });
    const [, , vanished] = entriesOf(JSON.parse(r.stdout));
    expect(vanished.online.links).toEqual([{ url: `${svc.base}/gone-404`, status: 'unreachable', dead: false, skipped: true, reason: 'private address: loopback (RFC 1122)' }]);
    expect(svc.requests.every((q) => q.path.startsWith('/crossref/'))).toBe(true);
  });
});

/**
 * `npx tsx bench/online.ts`: the online checks' time and requests, against the fake services of
 * tests/online/fake-services.ts on 127.0.0.1 with LATENCY_MS added to every answer (nothing leaves the machine).
 *
 * 1. A 100-entry list built from the labelled real reference texts (tests/online/match-pairs*.ts): entries with a DOI
 *    (the registry holds their record, some retracted, some unknown), unlinked entries (the registry holds the cited
 *    work among the others, found by search), and entries citing a web page (alive, gone, moved home, failing).
 *    Checked as the CLI does (cli/online.ts: Crossref's public pool, 1 request at a time; with --mailto, 5).
 * 2. Real corpus pages, every service on: each cited address is answered by the fake site (200), DOIs and searches by
 *    the fake registry (which knows none of them): the requests a page costs.
 * Figures are written by hand in docs/online.md ("Measured").
 */
import { buildReport } from '../lib/extract/report';
import type { ReferenceEntry } from '../lib/extract/types';
import { checkEntries, summarize } from '../lib/online/check';
import { CROSSREF_CONCURRENCY_POLITE, CROSSREF_CONCURRENCY_PUBLIC, OnlineClient, type FetchLike } from '../lib/online/http';
import type { LookupCache, LookupRecord, Service } from '../lib/online/types';
import { NODE_BUDGET_MS, loadInput, parseHtml } from '../cli/load';
import { record, startFakeServices, type FakeServices } from '../tests/online/fake-services';
import { PAIRS } from '../tests/online/match-pairs';
import { CORPUS_PAIRS } from '../tests/online/match-pairs-corpus';

/** A round trip to a service on another continent, roughly (Crossref and archive.org answer in 50–500 ms). */
const LATENCY_MS = 50;
const LIST_SIZE = 100;
const PAGES = ['wp-tsne', 'peerj-state-of-oa', 'wp-new-zealand'];
/** Cited-site paths of the fake services, in turn: alive, gone, moved to the home page, failing. */
const SITE_PATHS = ['/ok', '/ok', '/gone-404', '/moved-home', '/error-500'];
const ALL: Record<Service, boolean> = { crossref: true, wayback: true, sites: true, unpaywall: false, openalex: false };

function memoryCache(): LookupCache {
  const rows = new Map<string, LookupRecord>();
  return { get: async (k) => rows.get(k), put: async (r) => void rows.set(r.key, r) };
}

function entry(i: number, text: string, extra: Partial<ReferenceEntry>): ReferenceEntry {
  return { id: `b${i}`, label: String(i + 1), text, links: [], identifiers: [], hasLink: false, linkState: 'none', citedBy: [], anchor: '', ...extra };
}

/** The 100 entries, and the registry records they need. */
function buildList(svc: FakeServices): ReferenceEntry[] {
  const truths = [...CORPUS_PAIRS, ...PAIRS].filter((p) => p.same);
  const out: ReferenceEntry[] = [];
  let sites = 0;
  for (let i = 0; i < LIST_SIZE; i++) {
    const p = truths[i % truths.length];
    // A prefix in letters keeps repeated texts distinct (entry fingerprints ignore numbers, searches keep the first 300
    // characters), so that the run's cache does not answer them.
    const text = i < truths.length ? p.entry : `Copy ${[...i.toString(26)].map((c) => String.fromCharCode(97 + parseInt(c, 26))).join('')}: ${p.entry}`;
    const doi = `10.5555/bench-${i}`;
    const rec = record(doi, p.work.title, p.work.families, p.work.years[0]);
    const role = i % 10;
    if (role <= 3) {
      if (role !== 3 || i % 20 !== 3) svc.works.set(doi, i % 10 === 0 ? { ...rec, 'updated-by': [{ DOI: `${doi}.notice`, type: 'retraction', source: 'retraction-watch', updated: { 'date-parts': [[2020, 1, 1]] } }] } : rec);
      out.push(entry(i, `${text} doi:${doi}`, { identifiers: [{ type: 'doi', value: doi, source: 'text' }], hasLink: true, linkState: 'linked' }));
    } else if (role <= 6) {
      svc.works.set(doi, rec);
      out.push(entry(i, text, {}));
    } else {
      const url = `${svc.base}${SITE_PATHS[sites++ % SITE_PATHS.length]}?n=${i}`;
      svc.snapshots.set(url, { url: `https://web.archive.org/web/20190101000000/${url}`, timestamp: '20190101000000' });
      out.push(entry(i, text, { links: [url], hasLink: true, linkState: 'linked' }));
    }
  }
  return out;
}

function client(svc: FakeServices, fetchFn: FetchLike, polite: boolean): OnlineClient {
  return new OnlineClient({ fetch: fetchFn, hostLimits: { [new URL(svc.crossrefBase).host]: polite ? CROSSREF_CONCURRENCY_POLITE : CROSSREF_CONCURRENCY_PUBLIC } });
}

async function run(svc: FakeServices, entries: ReferenceEntry[], fetchFn: FetchLike, polite: boolean) {
  const c = client(svc, fetchFn, polite);
  const t0 = performance.now();
  const r = await checkEntries(entries, {
    client: c,
    consent: ALL,
    crossref: { base: svc.crossrefBase, ...(polite ? { mailto: 'bench@example.org' } : {}) },
    waybackBase: svc.waybackBase,
    cache: memoryCache(),
    guard: { allowPrivate: true },
  });
  const ms = performance.now() - t0;
  const total = c.counts.crossref + c.counts.wayback + c.counts.sites;
  return { ms, counts: { ...c.counts }, total, perEntry: total / entries.length, summary: summarize(r.results.values()) };
}

const fmt = (x: Awaited<ReturnType<typeof run>>, n: number) =>
  `${n} entries: ${(x.ms / 1000).toFixed(2)} s · requests crossref ${x.counts.crossref}, wayback ${x.counts.wayback}, sites ${x.counts.sites} (total ${x.total}, ${x.perEntry.toFixed(2)} per entry)`;

async function main() {
  const svc = await startFakeServices();
  svc.latencyMs = LATENCY_MS;
  try {
    const list = buildList(svc);
    console.log(`# Online checks against the fake services, ${LATENCY_MS} ms per answer (Node ${process.version})\n`);
    for (const polite of [false, true]) {
      const x = await run(svc, list, fetch, polite);
      console.log(`100-entry list, ${polite ? 'polite pool (--mailto, 5 at a time)' : 'public pool (1 at a time)'}: ${fmt(x, list.length)}`);
      console.log(`  found: ${JSON.stringify(x.summary)}`);
    }
    // Corpus pages: every address that is not a fake service is answered by the fake site's /ok.
    const rewrite: FetchLike = (u, init) => (u.startsWith(svc.base) ? fetch(u, init) : fetch(`${svc.base}/ok?u=${encodeURIComponent(u)}`, init));
    svc.works.clear();
    console.log('');
    for (const id of PAGES) {
      const loaded = await loadInput(`tests/corpus/${id}/source.html`);
      if (!loaded.ok) throw new Error(loaded.reason);
      const dom = parseHtml(loaded.html, loaded.url);
      const report = buildReport(dom.window.document, loaded.url, { budgetMs: NODE_BUDGET_MS });
      dom.window.close();
      const entries = report.referenceLists.flatMap((l) => l.entries);
      const x = await run(svc, entries, rewrite, false);
      const dois = entries.filter((e) => e.identifiers.some((i) => i.type === 'doi')).length;
      const unlinked = entries.filter((e) => !e.hasLink).length;
      console.log(`${id} (${dois} with a DOI, ${unlinked} unlinked): ${fmt(x, entries.length)}`);
    }
  } finally {
    await svc.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

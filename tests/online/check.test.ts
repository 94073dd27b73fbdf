/**
 * The whole check of a reference list against fake services: a retracted DOI flagged, a dead address with its archived
 * copy, the right DOI proposed for an unlinked entry and none for a work the registry lacks, progress, cancel, the
 * day's cache, and no request to a service the user did not consent to.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkEntries, formatSummary, summarize } from '../../lib/online/check';
import { OnlineClient } from '../../lib/online/http';
import type { ReferenceEntry } from '../../lib/extract/types';
import type { LookupCache, LookupRecord, Service } from '../../lib/online/types';
import { record, startFakeServices, type FakeServices } from './fake-services';

let svc: FakeServices;
beforeAll(async () => {
  svc = await startFakeServices();
});
afterAll(() => svc.close());

const NOW = Date.parse('2026-12-01T12:00:00Z');
const ALL: Record<Service, boolean> = { crossref: true, wayback: true, sites: true, unpaywall: false, openalex: false };
const NONE: Record<Service, boolean> = { crossref: false, wayback: false, sites: false, unpaywall: false, openalex: false };

function entry(id: string, text: string, extra: Partial<ReferenceEntry> = {}): ReferenceEntry {
  return { id, label: '', text, links: [], identifiers: [], hasLink: false, linkState: 'none', citedBy: [], anchor: '', ...extra };
}

function memoryCache(): LookupCache & { rows: Map<string, LookupRecord> } {
  const rows = new Map<string, LookupRecord>();
  return { rows, get: async (k) => rows.get(k), put: async (r) => void rows.set(r.key, r) };
}

let entries: ReferenceEntry[];
beforeEach(() => {
  svc.requests.length = 0;
  svc.mode.crossref = 'normal';
  svc.works.clear();
  svc.snapshots.clear();
  svc.works.set(
    '10.5555/retracted',
    record('10.5555/retracted', 'Ileal-lymphoid-nodular hyperplasia and pervasive developmental disorder in children', ['Wakefield', 'Murch'], 1998, {
      'updated-by': [{ DOI: '10.5555/notice', type: 'retraction', label: 'Retraction', source: 'retraction-watch', updated: { 'date-parts': [[2010, 2, 6]] }, 'record-id': 9143 }],
    }),
  );
  svc.works.set('10.5555/corrected', record('10.5555/corrected', 'Tidal marsh hydrology of the northern estuaries', ['Okafor'], 2003, { 'updated-by': [{ DOI: '10.5555/erratum', type: 'erratum', source: 'publisher', updated: { 'date-parts': [[2004]] } }] }));
  svc.works.set('10.5555/unlinked', record('10.5555/unlinked', 'Seasonal migration of the arctic tern across the Atlantic', ['Egevang', 'Stenhouse'], 2010));
  svc.snapshots.set(`${svc.base}/gone-404`, { url: 'https://web.archive.org/web/20190501000000/x', timestamp: '20190501000000' });
  entries = [
    entry('e1', 'Wakefield A, Murch S (1998). Ileal-lymphoid-nodular hyperplasia and pervasive developmental disorder in children. Lancet. doi:10.5555/retracted', { identifiers: [{ type: 'doi', value: '10.5555/retracted', source: 'text' }], hasLink: true, linkState: 'linked' }),
    entry('e2', 'Okafor B (2003). Tidal marsh hydrology of the northern estuaries. Journal of Tests.', { identifiers: [{ type: 'doi', value: '10.5555/corrected', source: 'href' }], links: ['https://doi.org/10.5555/corrected'], hasLink: true, linkState: 'linked' }),
    entry('e3', 'A vanished report (2019).', { links: [`${svc.base}/gone-404`], hasLink: true, linkState: 'linked' }),
    entry('e4', 'Egevang C, Stenhouse IJ (2010). Seasonal migration of the arctic tern across the Atlantic. PNAS.'),
    entry('e5', 'Nobody N (1999). A treatise the registry has never heard of, on the keeping of bees.'),
    entry('e6', 'Okafor B (2003). Wrong paper for this DOI: glacial lakes of the south. doi:10.5555/corrected', { identifiers: [{ type: 'doi', value: '10.5555/corrected', source: 'text' }], hasLink: true, linkState: 'linked' }),
  ];
});

const options = (extra = {}) => ({
  client: new OnlineClient({ fetch, timeoutMs: 500 }),
  consent: ALL,
  crossref: { base: svc.crossrefBase },
  waybackBase: svc.waybackBase,
  guard: { allowHosts: ['127.0.0.1'] },
  now: () => NOW,
  articleDate: '2019-05-01',
  ...extra,
});

describe('checkEntries', () => {
  it('flags the retraction, the correction, the dead link with its archived copy, and finds the unlinked work', async () => {
    const progress: string[] = [];
    const run = await checkEntries(entries, options({ onResult: (_id: string, _r: unknown, done: number, total: number) => progress.push(`${done} of ${total} checked`) }));
    expect(run.cancelled).toBe(false);
    const r = run.results;
    expect(r.get('e1')?.doi).toMatchObject({ status: 'resolved', agrees: true, year: 1998 });
    expect(r.get('e1')?.retraction).toMatchObject({ status: 'retracted', notice: 'https://doi.org/10.5555/notice', date: '2010-02-06' });
    expect(r.get('e1')?.retraction?.updates).toEqual([{ type: 'retraction', label: 'Retraction', source: 'retraction-watch', updated: '2010-02-06', recordId: '9143', doi: '10.5555/notice', notice: 'https://doi.org/10.5555/notice' }]);
    expect(r.get('e2')?.retraction?.status).toBe('corrected');
    expect(r.get('e2')?.links).toBeUndefined(); // the doi.org link is checked through the registry, not fetched
    expect(r.get('e3')?.links).toEqual([{ url: `${svc.base}/gone-404`, status: 'gone', code: 404, dead: true, archived: 'https://web.archive.org/web/20190501000000/x', archivedAt: '20190501000000' }]);
    expect(r.get('e4')?.match).toMatchObject({ doi: '10.5555/unlinked', title: 'Seasonal migration of the arctic tern across the Atlantic' });
    expect(r.get('e4')!.match!.score).toBeGreaterThanOrEqual(0.85);
    expect(r.get('e5')?.match).toBeUndefined();
    expect(r.get('e6')?.doi).toMatchObject({ status: 'resolved', agrees: false });
    expect(progress).toEqual(['1 of 6 checked', '2 of 6 checked', '3 of 6 checked', '4 of 6 checked', '5 of 6 checked', '6 of 6 checked']);
    const wayback = svc.requests.find((q) => q.path === '/wayback/available')!;
    expect(wayback.query.get('timestamp')).toBe('20190501');
    expect(formatSummary(summarize(r.values()))).toBe('1 retracted · 2 corrected · 1 DOI pointing to another work · 1 dead link · 1 found online');
  });

  it('makes no request at all without consent', async () => {
    const run = await checkEntries(entries, options({ consent: NONE }));
    expect(svc.requests).toEqual([]);
    expect([...run.results.values()].every((r) => !r.doi && !r.links && !r.match)).toBe(true);
  });

  it('asks only the services consented to', async () => {
    await checkEntries(entries, options({ consent: { crossref: true, wayback: false, sites: false } }));
    expect(svc.requests.every((q) => q.path.startsWith('/crossref/'))).toBe(true);
    svc.requests.length = 0;
    await checkEntries(entries, options({ consent: { crossref: false, wayback: false, sites: true } }));
    expect(svc.requests.map((q) => q.path)).toEqual(['/gone-404']);
  });

  it('asks each DOI, address and search once a day: a second run the same day sends nothing', async () => {
    const cache = memoryCache();
    await checkEntries(entries, options({ cache }));
    const first = svc.requests.length;
    expect(first).toBeGreaterThan(0);
    expect(cache.rows.get(`url:${svc.base}/gone-404`)?.history).toEqual([{ at: NOW, status: 'gone', code: 404 }]);
    const again = await checkEntries(entries, options({ cache }));
    expect(svc.requests.length).toBe(first);
    expect(again.results.get('e1')?.retraction?.status).toBe('retracted');
    expect(again.results.get('e4')?.match?.doi).toBe('10.5555/unlinked');
    // The next day the addresses are asked again, and the history grows.
    await checkEntries(entries, options({ cache, now: () => NOW + 25 * 60 * 60 * 1000 }));
    expect(cache.rows.get(`url:${svc.base}/gone-404`)?.history).toHaveLength(2);
  });

  it('a failing registry gives errors per entry, never a throw, and caches nothing', async () => {
    svc.mode.crossref = '500';
    const cache = memoryCache();
    const run = await checkEntries(entries, options({ cache }));
    expect(run.results.get('e1')?.doi).toEqual({ value: '10.5555/retracted', status: 'error', error: 'Crossref: HTTP 500' });
    expect(run.results.get('e4')?.errors).toEqual(['Crossref: HTTP 500']);
    expect([...cache.rows.keys()].some((k) => k.startsWith('doi:') || k.startsWith('search:'))).toBe(false);
  });

  it('cancel stops the run and keeps the entries already checked', async () => {
    const o = options();
    const many = Array.from({ length: 40 }, (_, i) => entry(`h${i}`, `Hanging site ${i}`, { links: [`${svc.base}/hang?${i}`], hasLink: true }));
    const seen: string[] = [];
    const run = checkEntries([...entries.slice(0, 2), ...many], { ...o, onResult: (id) => seen.push(id) });
    await new Promise((r) => setTimeout(r, 300));
    o.client.cancel();
    const done = await run;
    expect(done.cancelled).toBe(true);
    expect(done.results.size).toBe(seen.length);
    expect(done.results.size).toBeLessThan(42);
    expect([...done.results.values()].every((r) => !r.links?.some((l) => l.reason === 'cancelled'))).toBe(true);
  });
});

/**
 * The open-access look-ups (lib/online/unpaywall.ts, openalex.ts) against fake Unpaywall and OpenAlex services in their
 * documented shapes: the copy from `best_oa_location`, none for a closed or unknown work, error values for 429, 5xx,
 * malformed, huge and wrong answers, and a hostile address never kept. And in checkEntries: asked only with the
 * reader's address or key, only for resolved DOIs, cached a day, OpenAlex only when Unpaywall has no copy.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ReferenceEntry } from '../../lib/extract/types';
import { checkEntries, formatSummary, summarize } from '../../lib/online/check';
import { OnlineClient } from '../../lib/online/http';
import { safeOaUrl } from '../../lib/online/oa';
import { findOpenAlexCopy } from '../../lib/online/openalex';
import { entryOnlineJson } from '../../lib/online/shape';
import { findUnpaywallCopy, parseUnpaywallLocation } from '../../lib/online/unpaywall';
import type { LookupCache, LookupRecord, Service } from '../../lib/online/types';
import { record, startFakeServices, type FakeServices, type Mode } from './fake-services';

let svc: FakeServices;
beforeAll(async () => {
  svc = await startFakeServices();
});
afterAll(() => svc.close());

const EMAIL = 'reader@example.org';
const KEY = 'test-openalex-key-0123';
const PMC = 'https://europepmc.org/articles/pmc1234567?pdf=render';
const LANDING = 'https://eprints.example.ac.uk/1234/';
const client = () => new OnlineClient({ fetch, timeoutMs: 400, maxBytes: 256 * 1024 });
const unpaywall = () => ({ base: svc.unpaywallBase, email: EMAIL });
const openalex = () => ({ base: svc.openalexBase, key: KEY });

beforeEach(() => {
  svc.requests.length = 0;
  svc.mode.unpaywall = 'normal';
  svc.mode.openalex = 'normal';
  svc.mode.crossref = 'normal';
  svc.oa.clear();
  svc.works.clear();
  svc.oa.set('10.5555/open', { pdf: PMC, landing: LANDING, version: 'publishedVersion', hostType: 'repository' });
  svc.oa.set('10.5555/landing-only', { landing: LANDING });
  svc.oa.set('10.5555/closed', null);
});

describe('safeOaUrl', () => {
  it('keeps http(s) addresses on public hosts, and drops script, data, credentials and the reader\'s own network', () => {
    expect(safeOaUrl(PMC)).toBe(PMC);
    expect(safeOaUrl('http://arxiv.org/pdf/1201.0490')).toBe('http://arxiv.org/pdf/1201.0490');
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>x</script>', 'https://user:pw@example.org/x', 'http://127.0.0.1/admin', 'http://192.168.1.1/', 'http://[::1]/', 'http://router/', '/relative.pdf', 'ftp://example.org/x.pdf', 'https://example.org/' + 'x'.repeat(2100), 42, null, undefined]) {
      expect(safeOaUrl(bad), String(bad)).toBeNull();
    }
  });

  it('a location whose PDF address is hostile falls back to its safe landing page, and one with none gives nothing', () => {
    expect(parseUnpaywallLocation({ url_for_pdf: 'javascript:alert(1)', url_for_landing_page: LANDING, url: 'javascript:alert(1)' })).toEqual({ url: LANDING, source: 'unpaywall', pdf: false });
    expect(parseUnpaywallLocation({ url_for_pdf: 'javascript:alert(1)', url: 'javascript:alert(1)' })).toBeNull();
    expect(parseUnpaywallLocation('https://example.org')).toBeNull();
  });
});

describe('findUnpaywallCopy (GET /v2/{doi}?email=)', () => {
  it('gives best_oa_location\'s PDF, with its version and host type, and sends the DOI and the address only', async () => {
    expect(await findUnpaywallCopy(client(), '10.5555/open', unpaywall())).toEqual({ status: 'found', copy: { url: PMC, source: 'unpaywall', pdf: true, version: 'publishedVersion', hostType: 'repository' } });
    expect(svc.requests).toHaveLength(1);
    expect(svc.requests[0].path).toBe('/unpaywall/v2/10.5555/open');
    expect([...svc.requests[0].query.keys()]).toEqual(['email']);
    expect(svc.requests[0].query.get('email')).toBe(EMAIL);
  });

  it('gives the landing page when there is no PDF; none for a closed work and for a DOI Unpaywall does not know (404)', async () => {
    expect(await findUnpaywallCopy(client(), '10.5555/landing-only', unpaywall())).toMatchObject({ status: 'found', copy: { url: LANDING, pdf: false } });
    expect(await findUnpaywallCopy(client(), '10.5555/closed', unpaywall())).toEqual({ status: 'none' });
    expect(await findUnpaywallCopy(client(), '10.5555/unknown', unpaywall())).toEqual({ status: 'none' });
  });

  it('sends nothing without a valid address', async () => {
    expect(await findUnpaywallCopy(client(), '10.5555/open', { base: svc.unpaywallBase, email: 'not an address' })).toEqual({ status: 'error', error: 'Unpaywall: no valid e-mail address given' });
    expect(svc.requests).toEqual([]);
  });

  it('drops a javascript: or data: address from a hostile answer: an error value, never a link', async () => {
    svc.mode.unpaywall = 'hostile';
    expect(await findUnpaywallCopy(client(), '10.5555/open', unpaywall())).toEqual({ status: 'error', error: 'Unpaywall: the open-access location has no http(s) address' });
  });

  it('an answer for another DOI is not this DOI\'s copy', async () => {
    // The fake answers with the DOI asked for; a service that answers with another record is played by a fetch of its own.
    const r = await findUnpaywallCopy(new OnlineClient({ fetch: async () => new Response(JSON.stringify({ doi: '10.9999/other', is_oa: true, best_oa_location: { url_for_pdf: PMC } })) }), '10.5555/open', unpaywall());
    expect(r).toEqual({ status: 'error', error: 'Unpaywall: asked for 10.5555/open, answered with 10.9999/other' });
  });

  for (const [mode, error] of [
    ['429', 'Unpaywall: HTTP 429 (too many requests)'],
    ['500', 'Unpaywall: HTTP 500'],
    ['garbage', 'Unpaywall: the answer is not JSON'],
    ['huge', 'Unpaywall: answer larger than 256 KB, not read'],
    ['not-object', 'Unpaywall: the answer is not a DOI record'],
    ['slow', 'Unpaywall: no answer within 0.4 s'],
  ] as Array<[Mode, string]>) {
    it(`an Unpaywall answering ${mode} gives an error value, not a throw`, async () => {
      svc.mode.unpaywall = mode;
      expect(await findUnpaywallCopy(client(), '10.5555/open', unpaywall())).toEqual({ status: 'error', error });
    });
  }
});

describe('findOpenAlexCopy (GET /works/doi:{doi}?api_key=)', () => {
  it('gives best_oa_location\'s PDF, sends the key and asks for the few fields it reads', async () => {
    expect(await findOpenAlexCopy(client(), '10.5555/open', openalex())).toEqual({ status: 'found', copy: { url: PMC, source: 'openalex', pdf: true, version: 'publishedVersion', hostType: 'repository' } });
    expect(svc.requests[0].path).toBe('/openalex/works/doi:10.5555/open');
    expect(svc.requests[0].query.get('api_key')).toBe(KEY);
    expect(svc.requests[0].query.get('select')).toBe('id,doi,open_access,best_oa_location');
  });

  it('none for a closed work and an unknown DOI; nothing sent without a key; a hostile address dropped', async () => {
    expect(await findOpenAlexCopy(client(), '10.5555/closed', openalex())).toEqual({ status: 'none' });
    expect(await findOpenAlexCopy(client(), '10.5555/unknown', openalex())).toEqual({ status: 'none' });
    const sent = svc.requests.length;
    expect(await findOpenAlexCopy(client(), '10.5555/open', { base: svc.openalexBase, key: '' })).toEqual({ status: 'error', error: 'OpenAlex: no valid API key given' });
    expect(svc.requests.length).toBe(sent);
    svc.mode.openalex = 'hostile';
    expect(await findOpenAlexCopy(client(), '10.5555/open', openalex())).toEqual({ status: 'error', error: 'OpenAlex: the open-access location has no http(s) address' });
  });

  for (const [mode, error] of [
    ['429', 'OpenAlex: HTTP 429 (too many requests)'],
    ['500', 'OpenAlex: HTTP 500'],
    ['garbage', 'OpenAlex: the answer is not JSON'],
    ['huge', 'OpenAlex: answer larger than 256 KB, not read'],
    ['not-object', 'OpenAlex: the answer is not a work'],
  ] as Array<[Mode, string]>) {
    it(`an OpenAlex answering ${mode} gives an error value, not a throw`, async () => {
      svc.mode.openalex = mode;
      expect(await findOpenAlexCopy(client(), '10.5555/open', openalex())).toEqual({ status: 'error', error });
    });
  }
});

describe('open-access copies in checkEntries', () => {
  const NOW = Date.parse('2026-12-01T12:00:00Z');
  const ALL: Record<Service, boolean> = { crossref: true, wayback: true, sites: true, unpaywall: true, openalex: true };
  const withDoi = (id: string, doi: string, text: string): ReferenceEntry => ({
    id,
    label: '',
    text: `${text} doi:${doi}`,
    links: [],
    identifiers: [{ type: 'doi', value: doi, source: 'text' }],
    hasLink: true,
    linkState: 'linked',
    citedBy: [],
    anchor: '',
  });
  const entries = () => [
    withDoi('open', '10.5555/open', 'Egevang C, Stenhouse IJ (2010). Seasonal migration of the arctic tern across the Atlantic. PNAS.'),
    withDoi('closed', '10.5555/closed', 'Okafor B (2003). Tidal marsh hydrology of the northern estuaries. Journal of Tests.'),
    withDoi('unregistered', '10.5555/nowhere', 'Nobody N (1999). A treatise on the keeping of bees. Journal of Bees.'),
    withDoi('wrong', '10.5555/other', 'Okafor B (2003). Wrong paper for this DOI: glacial lakes of the south.'),
  ];
  function memoryCache(): LookupCache & { rows: Map<string, LookupRecord> } {
    const rows = new Map<string, LookupRecord>();
    return { rows, get: async (k) => rows.get(k), put: async (r) => void rows.set(r.key, r) };
  }
  beforeEach(() => {
    svc.works.set('10.5555/open', record('10.5555/open', 'Seasonal migration of the arctic tern across the Atlantic', ['Egevang', 'Stenhouse'], 2010));
    svc.works.set('10.5555/closed', record('10.5555/closed', 'Tidal marsh hydrology of the northern estuaries', ['Okafor'], 2003));
    svc.works.set('10.5555/other', record('10.5555/other', 'Bees in winter', ['Apis'], 1950));
    svc.oa.set('10.5555/other', { pdf: 'https://example.org/bees.pdf' });
    svc.oa.set('10.5555/nowhere', { pdf: 'https://example.org/nowhere.pdf' });
  });
  const sentTo = (prefix: string) => svc.requests.filter((q) => q.path.startsWith(prefix));
  const options = (extra = {}) => ({ client: client(), consent: ALL, crossref: { base: svc.crossrefBase }, now: () => NOW, ...extra });

  it('without an address or a key, consent alone sends nothing to Unpaywall or OpenAlex', async () => {
    const c = client();
    const run = await checkEntries(entries(), options({ client: c }));
    expect(sentTo('/unpaywall/')).toEqual([]);
    expect(sentTo('/openalex/')).toEqual([]);
    expect([c.counts.unpaywall, c.counts.openalex]).toEqual([0, 0]);
    expect([...run.results.values()].some((r) => r.openAccess)).toBe(false);
  });

  it('with an address: the copy for the resolved DOI that agrees, none asked for an unregistered DOI or one pointing to another work', async () => {
    const c = client();
    const run = await checkEntries(entries(), options({ client: c, openAccess: { unpaywall: unpaywall() } }));
    expect(run.results.get('open')?.openAccess).toEqual({ url: PMC, source: 'unpaywall', pdf: true, version: 'publishedVersion', hostType: 'repository' });
    expect(run.results.get('closed')?.openAccess).toBeUndefined();
    expect(run.results.get('wrong')?.doi?.agrees).toBe(false);
    expect(sentTo('/unpaywall/').map((q) => q.path).sort()).toEqual(['/unpaywall/v2/10.5555/closed', '/unpaywall/v2/10.5555/open']);
    expect(c.counts.unpaywall).toBe(2);
    expect(entryOnlineJson(run.results.get('open')!)).toMatchObject({ openAccess: PMC, openAccessFrom: { source: 'unpaywall', pdf: true, version: 'publishedVersion' } });
    expect(formatSummary(summarize(run.results.values()))).toBe('1 DOI pointing to another work · 1 open-access copy');
  });

  it('OpenAlex is asked only for what Unpaywall has no copy of, or when Unpaywall is not asked', async () => {
    svc.oa.set('10.5555/closed', null);
    await checkEntries(entries(), options({ openAccess: { unpaywall: unpaywall(), openalex: openalex() } }));
    expect(sentTo('/openalex/').map((q) => q.path)).toEqual(['/openalex/works/doi:10.5555/closed']);
    svc.requests.length = 0;
    const run = await checkEntries(entries(), options({ openAccess: { openalex: openalex() } }));
    expect(sentTo('/unpaywall/')).toEqual([]);
    expect(run.results.get('open')?.openAccess).toMatchObject({ url: PMC, source: 'openalex' });
  });

  it('the consent switch turns a service off even with its address given', async () => {
    await checkEntries(entries(), options({ consent: { ...ALL, unpaywall: false }, openAccess: { unpaywall: unpaywall() } }));
    expect(sentTo('/unpaywall/')).toEqual([]);
  });

  it('answers are cached a day (the copy and "none" alike); errors are not cached and do not stop the other checks', async () => {
    const cache = memoryCache();
    await checkEntries(entries(), options({ cache, openAccess: { unpaywall: unpaywall() } }));
    expect(cache.rows.get('oa:unpaywall:10.5555/open')?.result).toMatchObject({ url: PMC });
    expect(cache.rows.get('oa:unpaywall:10.5555/closed')?.result).toBeNull();
    expect(cache.rows.get('oa:unpaywall:10.5555/open')?.kind).toBe('oa');
    svc.requests.length = 0;
    const again = await checkEntries(entries(), options({ cache, openAccess: { unpaywall: unpaywall() } }));
    expect(sentTo('/unpaywall/')).toEqual([]);
    expect(again.results.get('open')?.openAccess?.url).toBe(PMC);

    svc.mode.unpaywall = '500';
    const fresh = memoryCache();
    const failed = await checkEntries(entries(), options({ cache: fresh, openAccess: { unpaywall: unpaywall() } }));
    expect(failed.results.get('open')?.errors).toEqual(['Unpaywall: HTTP 500']);
    expect(failed.results.get('open')?.doi?.status).toBe('resolved');
    expect([...fresh.rows.keys()].filter((k) => k.startsWith('oa:'))).toEqual([]);
  });
});

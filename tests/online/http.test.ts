/** The request scheduler against fake services on 127.0.0.1: failures are values, limits are kept, cancel stops. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getJson, OnlineClient, parseRetryAfter, rateLimitSpacing, type FetchLike } from '../../lib/online/http';
import { record, startFakeServices, type FakeServices } from './fake-services';

let svc: FakeServices;
beforeAll(async () => {
  svc = await startFakeServices();
});
afterAll(() => svc.close());
beforeEach(() => {
  svc.requests.length = 0;
  svc.mode.crossref = 'normal';
  svc.rateLimitFirst = 0;
  svc.works.clear();
  svc.works.set('10.1/a', record('10.1/a', 'A paper', ['Smith'], 2020));
});

const client = (extra: Partial<ConstructorParameters<typeof OnlineClient>[0]> = {}) => new OnlineClient({ fetch, timeoutMs: 400, ...extra });

describe('getJson', () => {
  it('reads a service answer and counts the request', async () => {
    const c = client();
    const a = await getJson(c, 'crossref', `${svc.crossrefBase}/works/10.1%2Fa`, 'Crossref');
    expect(a.ok && (a.json as { message: { DOI: string } }).message.DOI).toBe('10.1/a');
    expect(c.counts).toEqual({ crossref: 1, wayback: 0, sites: 0, unpaywall: 0, openalex: 0 });
  });

  it('gives a 500 as a value with its status', async () => {
    svc.mode.crossref = '500';
    expect(await getJson(client(), 'crossref', `${svc.crossrefBase}/works/10.1%2Fa`, 'Crossref')).toEqual({ ok: false, status: 500, reason: 'http', error: 'Crossref: HTTP 500' });
  });

  it('refuses text that is not JSON with a message', async () => {
    svc.mode.crossref = 'garbage';
    expect(await getJson(client(), 'crossref', `${svc.crossrefBase}/works/10.1%2Fa`, 'Crossref')).toMatchObject({ ok: false, reason: 'malformed', error: 'Crossref: the answer is not JSON' });
  });

  it('stops reading a huge answer at the byte cap', async () => {
    svc.mode.crossref = 'huge';
    const a = await getJson(client({ maxBytes: 256 * 1024 }), 'crossref', `${svc.crossrefBase}/works/10.1%2Fa`, 'Crossref');
    expect(a).toEqual({ ok: false, reason: 'too-large', error: 'Crossref: answer larger than 256 KB, not read' });
  });

  it('gives up on a service that does not answer within the time-out', async () => {
    svc.mode.crossref = 'slow';
    const started = Date.now();
    const a = await getJson(client({ timeoutMs: 300 }), 'crossref', `${svc.crossrefBase}/works/10.1%2Fa`, 'Crossref');
    expect(a).toEqual({ ok: false, reason: 'timeout', error: 'Crossref: no answer within 0.3 s' });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('a refused connection is a network failure, not a throw', async () => {
    const a = await getJson(client(), 'crossref', 'http://127.0.0.1:1/works/x', 'Crossref');
    expect(a).toMatchObject({ ok: false, reason: 'network' });
  });
});

describe('being a good client', () => {
  it('waits out a short Retry-After on 429 and then gets the answer', async () => {
    svc.rateLimitFirst = 2;
    const c = client();
    const a = await getJson(c, 'crossref', `${svc.crossrefBase}/works/10.1%2Fa`, 'Crossref');
    expect(a.ok).toBe(true);
    expect(c.counts.crossref).toBe(3);
  });

  it('does not wait an hour: a long Retry-After fails at once, and the host is not asked again', async () => {
    svc.mode.crossref = '429-long';
    const c = client();
    const first = await getJson(c, 'crossref', `${svc.crossrefBase}/works/10.1%2Fa`, 'Crossref');
    expect(first).toEqual({ ok: false, reason: 'rate-limited', error: 'Crossref: HTTP 429 (too many requests)' });
    const second = await getJson(c, 'crossref', `${svc.crossrefBase}/works/10.1%2Fa`, 'Crossref');
    expect(second).toMatchObject({ ok: false, reason: 'rate-limited' });
    expect(svc.requests).toHaveLength(1);
  });

  it('keeps to the concurrency limit of each host', async () => {
    let inFlight = 0;
    let most = 0;
    const counting: FetchLike = async (url, init) => {
      inFlight++;
      most = Math.max(most, inFlight);
      try {
        return await fetch(url, init);
      } finally {
        inFlight--;
      }
    };
    const c = new OnlineClient({ fetch: counting, perHost: 2, timeoutMs: 2_000 });
    await Promise.all(Array.from({ length: 8 }, () => c.request('sites', `${svc.base}/ok`, { method: 'GET' })));
    expect(most).toBe(2);
    expect(c.counts.sites).toBe(8);
  });

  it('sends no cookies or credentials, and JSON Accept only to services', async () => {
    const c = client();
    await c.request('sites', `${svc.base}/ok`, { method: 'HEAD' });
    await c.request('crossref', `${svc.crossrefBase}/works/10.1%2Fa`, { readBody: true });
    const [site, service] = svc.requests;
    expect(site.headers.cookie).toBeUndefined();
    expect(site.headers.authorization).toBeUndefined();
    expect(site.headers.referer).toBeUndefined();
    expect(site.headers.accept).not.toBe('application/json');
    expect(service.headers.accept).toBe('application/json');
  });

  it('cancel fails queued requests and stops the rest', async () => {
    const c = new OnlineClient({ fetch, perHost: 1, timeoutMs: 5_000 });
    const pending = Array.from({ length: 5 }, () => c.request('sites', `${svc.base}/hang`));
    await new Promise((r) => setTimeout(r, 100));
    c.cancel();
    const answers = await Promise.all(pending);
    expect(answers.every((a) => !a.ok && a.reason === 'cancelled')).toBe(true);
    expect(svc.requests).toHaveLength(1);
    expect(await c.request('sites', `${svc.base}/ok`)).toMatchObject({ ok: false, reason: 'cancelled' });
  });

  it('reads Retry-After and rate-limit headers as documented', () => {
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT'))).toBe(60_000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
    expect(rateLimitSpacing(new Headers({ 'x-rate-limit-limit': '50', 'x-rate-limit-interval': '1s' }))).toBe(20);
    expect(rateLimitSpacing(new Headers({ 'x-rate-limit-limit': '3000', 'x-rate-limit-interval': '60s' }))).toBe(20);
    expect(rateLimitSpacing(new Headers())).toBeNull();
  });
});

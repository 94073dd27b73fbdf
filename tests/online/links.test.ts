/** Link checks against fake cited sites, InternetArchiveBot's dead-link rule, the Wayback lookup and the private-address guard. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OnlineClient } from '../../lib/online/http';
import { checkFetchable, privateHostReason } from '../../lib/online/hosts';
import { checkLink, classifyRedirect, FAILURE_SPACING_MS, isDead } from '../../lib/online/links';
import { findSnapshot, safeSnapshotUrl, waybackTimestamp } from '../../lib/online/wayback';
import type { LinkAttempt } from '../../lib/online/types';
import { startFakeServices, type FakeServices } from './fake-services';

let svc: FakeServices;
beforeAll(async () => {
  svc = await startFakeServices();
});
afterAll(() => svc.close());
beforeEach(() => {
  svc.requests.length = 0;
  svc.mode.wayback = 'normal';
  svc.snapshots.clear();
});

const NOW = Date.parse('2026-12-01T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const ALLOW = { allowHosts: ['127.0.0.1'] }; // the fake sites are on 127.0.0.1, and nothing else private is allowed
const client = () => new OnlineClient({ fetch, timeoutMs: 500 });
const check = (path: string, history: LinkAttempt[] = []) => checkLink(client(), `${svc.base}${path}`, history, NOW, ALLOW);

describe('one check of a cited address', () => {
  it('a page that answers 200 is ok, asked with HEAD only', async () => {
    const { result, history } = await check('/ok');
    expect(result).toEqual({ url: `${svc.base}/ok`, status: 'ok', code: 200, dead: false });
    expect(history).toEqual([{ at: NOW, status: 'ok', code: 200 }]);
    expect(svc.requests.map((r) => r.method)).toEqual(['HEAD']);
  });

  it('a server that refuses HEAD is asked again with GET', async () => {
    expect((await check('/no-head')).result).toMatchObject({ status: 'ok', code: 200 });
    expect(svc.requests.map((r) => r.method)).toEqual(['HEAD', 'GET']);
  });

  it('a redirect to the home page is "moved", a likely soft 404', async () => {
    expect((await check('/moved-home')).result).toEqual({ url: `${svc.base}/moved-home`, status: 'moved', code: 200, finalUrl: `${svc.base}/`, softNotFound: true, dead: false });
  });

  it('a redirect to another page is "moved"; one that only adds a slash is not', async () => {
    expect((await check('/moved-page')).result).toMatchObject({ status: 'moved', finalUrl: `${svc.base}/ok` });
    expect((await check('/moved-page')).result.softNotFound).toBeUndefined();
    expect((await check('/slash')).result).toMatchObject({ status: 'moved' }); // /slash → /ok/: another path
    expect(classifyRedirect('http://a.org/x', 'https://www.a.org/x/')).toEqual({ moved: false, softNotFound: false });
  });

  it('404 and 410 are gone, and dead at once (a definite answer)', async () => {
    expect((await check('/gone-404')).result).toEqual({ url: `${svc.base}/gone-404`, status: 'gone', code: 404, dead: true });
    expect((await check('/gone-410')).result).toMatchObject({ status: 'gone', code: 410, dead: true });
  });

  it('a 500, a 403, a hang, a redirect loop and a refused connection are "unreachable now", never dead', async () => {
    expect((await check('/error-500')).result).toEqual({ url: `${svc.base}/error-500`, status: 'unreachable', code: 500, reason: 'HTTP 500', dead: false });
    expect((await check('/forbidden')).result).toMatchObject({ status: 'unreachable', code: 403, dead: false });
    expect((await check('/hang')).result).toMatchObject({ status: 'unreachable', reason: 'timeout', dead: false });
    expect((await check('/loop')).result).toMatchObject({ status: 'unreachable', dead: false });
    expect((await checkLink(client(), 'http://127.0.0.1:1/x', [], NOW, ALLOW)).result).toMatchObject({ status: 'unreachable', dead: false });
  });

  it('a redirect into a private network is never followed', async () => {
    const { result, history } = await check('/to-private');
    expect(result).toEqual({ url: `${svc.base}/to-private`, status: 'skipped', reason: 'redirects to private address: private (RFC 1918)', dead: false });
    expect(history).toBeUndefined();
    expect(svc.requests.map((r) => r.path)).toEqual(['/to-private']);
  });

  it('a redirect loop is unreachable with its reason', async () => {
    expect((await check('/loop')).result).toMatchObject({ status: 'unreachable', reason: 'redirect loop' });
  });
});

describe('dead only after repeated failures days apart (InternetArchiveBot)', () => {
  const fail = (daysAgo: number): LinkAttempt => ({ at: NOW - daysAgo * DAY, status: 'unreachable', code: 500 });

  it('one, two, or three failures too close together are not dead', () => {
    expect(isDead([fail(0)])).toBe(false);
    expect(isDead([fail(3), fail(0)])).toBe(false);
    expect(isDead([fail(2), fail(1), fail(0)])).toBe(false);
  });

  it('three failures each at least 3 days apart are dead', () => {
    expect(isDead([fail(6), fail(3), fail(0)])).toBe(true);
    // Counted from the newest: 0, then 3, then 7 (1 and 5 too close to the one counted before).
    expect(isDead([fail(7), fail(5), fail(3), fail(1), fail(0)])).toBe(true);
    expect(isDead([fail(5), fail(4), fail(2), fail(1), fail(0)])).toBe(false); // 0, 4: two spells of failure
  });

  it('a success in between starts the count again', () => {
    expect(isDead([fail(12), fail(9), { at: NOW - 6 * DAY, status: 'ok' }, fail(3), fail(0)])).toBe(false);
  });

  it('the third failure, days after the first two, makes a checked address dead', async () => {
    const history = [fail(6), fail(3)];
    const { result, history: next } = await check('/error-500', history);
    expect(result).toMatchObject({ status: 'unreachable', dead: true });
    expect(next).toHaveLength(3);
    expect(FAILURE_SPACING_MS).toBe(3 * DAY);
  });
});

describe('the private-address guard', () => {
  it.each(['http://localhost/', 'http://127.0.0.1:8080/', 'http://10.1.2.3/', 'http://172.16.0.1/', 'http://172.31.255.255/', 'http://192.168.1.1/', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/', 'http://[fc00::1]/', 'http://[fd12::1]/', 'http://2130706433/', 'http://0x7f.1/', 'http://router/', 'http://printer.local/'])(
    '%s is never fetched',
    async (url) => {
      expect(checkFetchable(url).ok).toBe(false);
      const { result } = await checkLink(client(), url, [], NOW);
      expect(result.status).toBe('skipped');
    },
  );

  it('public addresses, and non-http schemes refused', () => {
    expect(checkFetchable('https://example.org/a').ok).toBe(true);
    expect(checkFetchable('http://172.32.0.1/').ok).toBe(true);
    expect(checkFetchable('javascript:alert(1)')).toEqual({ ok: false, reason: 'not http(s) (javascript:)' });
    expect(checkFetchable('https://user:pw@example.org/').ok).toBe(false);
    expect(privateHostReason('8.8.8.8')).toBeNull();
  });

  it('no request is made for a skipped address', async () => {
    await checkLink(client(), 'http://192.168.0.1/', [], NOW);
    expect(svc.requests).toHaveLength(0);
  });
});

describe('the Wayback availability API', () => {
  it('asks for the snapshot nearest the article date and returns it', async () => {
    svc.snapshots.set('https://example.org/gone', { url: 'http://web.archive.org/web/20190502000000/https://example.org/gone', timestamp: '20190502000000' });
    const a = await findSnapshot(client(), 'https://example.org/gone', waybackTimestamp('2019-05-01T10:00:00Z'), svc.waybackBase);
    expect(a).toEqual({ ok: true, snapshot: { url: 'https://web.archive.org/web/20190502000000/https://example.org/gone', timestamp: '20190502000000' } });
    expect(svc.requests[0].query.get('url')).toBe('https://example.org/gone');
    expect(svc.requests[0].query.get('timestamp')).toBe('20190501');
  });

  it('no snapshot, or one of an error page, is no snapshot', async () => {
    expect(await findSnapshot(client(), 'https://example.org/none', undefined, svc.waybackBase)).toEqual({ ok: true, snapshot: null });
    svc.snapshots.set('https://example.org/404', { url: 'https://web.archive.org/web/2019/https://example.org/404', timestamp: '2019', status: '404' });
    expect(await findSnapshot(client(), 'https://example.org/404', undefined, svc.waybackBase)).toEqual({ ok: true, snapshot: null });
  });

  it('a javascript: or foreign snapshot address is refused, never linked', async () => {
    svc.snapshots.set('https://example.org/x', { url: 'javascript:alert(1)', timestamp: '2019' });
    expect(await findSnapshot(client(), 'https://example.org/x', undefined, svc.waybackBase)).toEqual({ ok: false, error: 'Wayback Machine: the snapshot address is not an archive.org link' });
    expect(safeSnapshotUrl('https://evil.example/web/2019/x')).toBeNull();
    expect(safeSnapshotUrl('https://web.archive.org.evil.example/x')).toBeNull();
    expect(safeSnapshotUrl('https://web.archive.org/web/2019/x')).toBe('https://web.archive.org/web/2019/x');
  });

  it('failing and malformed answers are errors with a message', async () => {
    svc.mode.wayback = '500';
    expect(await findSnapshot(client(), 'https://example.org/x', undefined, svc.waybackBase)).toEqual({ ok: false, error: 'Wayback Machine: HTTP 500' });
    svc.mode.wayback = 'garbage';
    expect(await findSnapshot(client(), 'https://example.org/x', undefined, svc.waybackBase)).toEqual({ ok: false, error: 'Wayback Machine: the answer is not JSON' });
    svc.mode.wayback = 'not-object';
    expect(await findSnapshot(client(), 'https://example.org/x', undefined, svc.waybackBase)).toEqual({ ok: false, error: 'Wayback Machine: the answer has no archived_snapshots' });
  });
});

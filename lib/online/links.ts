/**
 * Is a cited web page still there? InternetArchiveBot's rule
 * (https://meta.wikimedia.org/wiki/InternetArchiveBot/How_the_bot_fixes_broken_links): ask with HEAD, then GET when
 * HEAD gives no clear answer; one failed check is never "dead". A page is dead on a definite answer (404, 410) or
 * after DEAD_AFTER_FAILURES failed checks each at least FAILURE_SPACING_MS after the last counted one, with no success
 * in between; every check is kept in the address's history. Addresses on private networks are never fetched.
 */
import { checkFetchable, type HostGuardOptions } from './hosts';
import type { Answer, OnlineClient } from './http';
import type { LinkAttempt, LinkResult } from './types';

/** Failed checks that make an address dead: IABot's first check and "two more tries" (issue 24). */
export const DEAD_AFTER_FAILURES = 3;
/** Least time between two failed checks that both count: IABot waits at least 3 days. */
export const FAILURE_SPACING_MS = 3 * 24 * 60 * 60 * 1000;
/** Checks kept per address: enough for the rule above, and a little past it for the panel. */
export const MAX_HISTORY = 10;
/** Definite answers: the page is not there (RFC 9110 §15.5.5 Not Found, §15.5.11 Gone). */
const GONE_CODES: ReadonlySet<number> = new Set([404, 410]);
/**
 * HEAD answers that say nothing about the page: servers that refuse or mishandle HEAD (405 Method Not Allowed, 501,
 * 400, 403 from bot filters) are asked again with GET, as IABot does.
 */
function needsGet(a: Answer & { ok: true }): boolean {
  return (a.status >= 400 && !GONE_CODES.has(a.status)) || a.status === 0;
}

/** Path without a trailing slash, "" for the root; host without "www.". */
function pageKey(u: URL): { host: string; path: string } {
  return { host: u.hostname.replace(/^www\./, ''), path: (u.pathname.replace(/\/+$/, '') + u.search).toLowerCase() };
}

/**
 * A redirect within the same page (http → https, "www.", a trailing slash, case) is no move. A redirect to the site's
 * home page from a deeper address is the usual soft 404 (the page is gone and the site sends everyone home).
 */
export function classifyRedirect(from: string, to: string): { moved: boolean; softNotFound: boolean } {
  let a: URL, b: URL;
  try {
    a = new URL(from);
    b = new URL(to);
  } catch {
    return { moved: false, softNotFound: false };
  }
  const ka = pageKey(a);
  const kb = pageKey(b);
  if (ka.host === kb.host && ka.path === kb.path) return { moved: false, softNotFound: false };
  return { moved: true, softNotFound: kb.path === '' && ka.path !== '' };
}

/** One check's outcome from the answer. */
export function classifyAnswer(url: string, a: Answer): Omit<LinkResult, 'dead' | 'url'> {
  if (!a.ok) return { status: 'unreachable', reason: a.reason === 'network' ? a.detail : a.reason === 'timeout' ? 'timeout' : a.detail };
  if (GONE_CODES.has(a.status)) return { status: 'gone', code: a.status };
  if (a.status >= 200 && a.status < 300) {
    const r = a.redirected ? classifyRedirect(url, a.url) : { moved: false, softNotFound: false };
    if (r.moved) return { status: 'moved', code: a.status, finalUrl: a.url, ...(r.softNotFound ? { softNotFound: true } : {}) };
    return { status: 'ok', code: a.status, ...(a.redirected && a.url !== url ? { finalUrl: a.url } : {}) };
  }
  // 5xx, 429, 401/403 and the rest: the site answered, but not with the page. Not a verdict on the page.
  return { status: 'unreachable', code: a.status, reason: `HTTP ${a.status}` };
}

/** Whether an address's history makes it dead (see the module comment). The newest attempt is last. */
export function isDead(history: readonly LinkAttempt[]): boolean {
  const last = history[history.length - 1];
  if (!last) return false;
  if (last.status === 'gone') return true;
  let counted = 0;
  let lastCounted = Infinity;
  for (let i = history.length - 1; i >= 0; i--) {
    const h = history[i];
    if (h.status !== 'unreachable') break; // a success (or a move) since resets the count
    if (counted === 0 || lastCounted - h.at >= FAILURE_SPACING_MS) {
      counted++;
      lastCounted = h.at;
    }
  }
  return counted >= DEAD_AFTER_FAILURES;
}

/** The history with one more attempt, oldest dropped past MAX_HISTORY. */
export function appendAttempt(history: readonly LinkAttempt[], attempt: LinkAttempt): LinkAttempt[] {
  return [...history, attempt].slice(-MAX_HISTORY);
}

export interface LinkCheck {
  result: LinkResult;
  /** Undefined when the address was not fetched (skipped): nothing to remember. */
  history?: LinkAttempt[];
}

/** Redirect hops followed, at most (browsers stop at 20: https://fetch.spec.whatwg.org/#http-redirect-fetch). */
export const MAX_REDIRECTS = 10;
const REDIRECT_CODES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/**
 * One request to a cited site, following redirects by hand so that every hop passes the guard before it is fetched:
 * a public page redirecting into the reader's network is never followed. Where the Location header cannot be read
 * (a browser's opaque redirect), the browser follows it; the host-name rule then holds only for the first address.
 */
async function fetchSite(client: OnlineClient, url: string, method: 'HEAD' | 'GET', guard: HostGuardOptions): Promise<Answer | { ok: false; reason: 'refused'; detail: string }> {
  const seen = new Set<string>([url]);
  let current = url;
  for (let hop = 0; ; hop++) {
    const a = await client.request('sites', current, { method, retry: false, redirect: 'manual' });
    if (!a.ok) return a;
    if (a.type === 'opaqueredirect') {
      const followed = await client.request('sites', current, { method, retry: false, redirect: 'follow' });
      return followed.ok && current !== url ? { ...followed, redirected: true } : followed;
    }
    const location = a.headers.get('location');
    if (!REDIRECT_CODES.has(a.status) || !location) return current === url ? a : { ...a, url: current, redirected: true };
    let next: string;
    try {
      next = new URL(location, current).href;
    } catch {
      return { ok: false, reason: 'network', detail: 'redirect to an unreadable address' };
    }
    const verdict = checkFetchable(next, guard);
    if (!verdict.ok) return { ok: false, reason: 'refused', detail: `redirects to ${verdict.reason}` };
    if (seen.has(next)) return { ok: false, reason: 'network', detail: 'redirect loop' };
    if (hop + 1 >= MAX_REDIRECTS) return { ok: false, reason: 'network', detail: 'too many redirects' };
    seen.add(next);
    current = next;
  }
}

/** Check one cited address now, given its history so far; returns the result and the history to keep. */
export async function checkLink(client: OnlineClient, url: string, history: readonly LinkAttempt[], now: number, guard: HostGuardOptions = {}): Promise<LinkCheck> {
  const verdict = checkFetchable(url, guard);
  if (!verdict.ok) return { result: { url, status: 'skipped', reason: verdict.reason, dead: false } };
  const href = verdict.url.href;
  let answer = await fetchSite(client, href, 'HEAD', guard);
  if (!answer.ok && answer.reason === 'refused') return { result: { url, status: 'skipped', reason: answer.detail, dead: false } };
  if (answer.ok ? needsGet(answer) : answer.reason !== 'cancelled') answer = await fetchSite(client, href, 'GET', guard);
  if (!answer.ok && answer.reason === 'refused') return { result: { url, status: 'skipped', reason: answer.detail, dead: false } };
  if (!answer.ok && answer.reason === 'cancelled') return { result: { url, status: 'unreachable', reason: 'cancelled', dead: false } };
  const outcome = classifyAnswer(href, answer);
  const attempt: LinkAttempt = { at: now, status: outcome.status, ...(outcome.code !== undefined ? { code: outcome.code } : {}) };
  const next = appendAttempt(history, attempt);
  return { result: { url, ...outcome, dead: isDead(next) }, history: next };
}

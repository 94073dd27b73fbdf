/**
 * The one place online requests are made: a few concurrent requests per host, the spacing a service asks for in its
 * rate-limit headers, Retry-After on 429/503, timeouts of seconds, a byte cap on bodies, and cancel (queued requests
 * fail as "cancelled", answers already returned stay). `fetch` and the clock are parameters (no globals), so tests run
 * it against fake services on 127.0.0.1 with a fake clock. Every failure is a value, never a throw.
 */
import type { FetchFailure, Service } from './types';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal!.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/**
 * Concurrent requests per host. Crossref's public pool allows 1 at a time and its polite pool (with `mailto`) 5
 * (https://community.crossref.org/t/updates-to-rest-api-rate-limits/14872, limits since December 2025); the
 * Internet Archive and cited sites get 2, a browser tab's worth of politeness.
 */
export const CROSSREF_CONCURRENCY_PUBLIC = 1;
export const CROSSREF_CONCURRENCY_POLITE = 5;
export const DEFAULT_PER_HOST = 2;
/**
 * Requests per second Crossref allows before it answers 429: 5 public, 10 polite (same source). Used until the
 * answer's `x-rate-limit-limit` / `x-rate-limit-interval` headers say otherwise.
 */
export const CROSSREF_RATE_PUBLIC = 5;
export const CROSSREF_RATE_POLITE = 10;
/** Seconds, not minutes: a request that takes longer is "unreachable now" (issue 24: "timeouts of seconds"). */
export const DEFAULT_TIMEOUT_MS = 8_000;
/** A registry record is a few kilobytes (a search of 5 rows some tens); anything past this is refused, not parsed. */
export const DEFAULT_MAX_BYTES = 1024 * 1024;
/** Retries after 429 or 503, waiting the server's Retry-After, else RETRY_BASE_MS doubled each time. */
export const DEFAULT_MAX_RETRIES = 2;
export const RETRY_BASE_MS = 1_000;
/** A Retry-After longer than this is not waited for: the request fails as "rate-limited", and so do the host's next ones. */
export const MAX_RETRY_AFTER_MS = 60_000;

export interface ClientOptions {
  fetch: FetchLike;
  clock?: Clock;
  perHost?: number;
  /** Per-host overrides (host → concurrent requests, host → milliseconds between starts). */
  hostLimits?: Record<string, number>;
  hostSpacing?: Record<string, number>;
  timeoutMs?: number;
  maxBytes?: number;
  maxRetries?: number;
}

export interface RequestOptions {
  method?: 'GET' | 'HEAD';
  /** Read the body as text (services); cited sites' bodies are not read. */
  readBody?: boolean;
  /** 'manual' for cited sites, whose every redirect hop is checked against the private-address guard (links.ts). */
  redirect?: RequestRedirect;
  /** Retry on 429/503. On for services; off for cited sites, whose history does the retrying (links.ts). */
  retry?: boolean;
}

export type Answer =
  | { ok: true; status: number; headers: Headers; url: string; redirected: boolean; body: string; type: ResponseType }
  | { ok: false; reason: FetchFailure; detail: string };

interface HostState {
  active: number;
  waiting: Array<() => void>;
  /** Earliest time the next request may start (rate-limit spacing, Retry-After). */
  notBefore: number;
  /** Milliseconds between starts. */
  spacing: number;
  /** Set when a Retry-After was longer than MAX_RETRY_AFTER_MS: fail fast until then. */
  blockedUntil: number;
}

const CANCELLED: Answer = { ok: false, reason: 'cancelled', detail: 'cancelled' };

/** Seconds or an HTTP date (RFC 9110 §10.2.3), as milliseconds from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

/**
 * A service's advertised limit as milliseconds between starts: `x-rate-limit-limit: 50` with
 * `x-rate-limit-interval: 1s` is 20 ms (https://github.com/CrossRef/rest-api-doc#rate-limits). Null when absent.
 */
export function rateLimitSpacing(headers: Headers): number | null {
  const limit = Number(headers.get('x-rate-limit-limit'));
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m)?$/i.exec((headers.get('x-rate-limit-interval') ?? '').trim());
  if (!Number.isFinite(limit) || limit <= 0 || !m) return null;
  const unit = (m[2] ?? 's').toLowerCase();
  return (Number(m[1]) * (unit === 'ms' ? 1 : unit === 'm' ? 60_000 : 1000)) / limit;
}

/** At most `max` bytes of a body as UTF-8; null when it is longer (read no further). */
async function readCapped(res: Response, max: number): Promise<string | null> {
  const declared = Number(res.headers.get('content-length'));
  if (declared > max) {
    await res.body?.cancel().catch(() => {});
    return null;
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder('utf-8').decode(all);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

export class OnlineClient {
  /** Requests sent per service (cache hits are not requests). */
  readonly counts: Record<Service, number> = { crossref: 0, wayback: 0, sites: 0, unpaywall: 0, openalex: 0 };
  private readonly hosts = new Map<string, HostState>();
  private readonly master = new AbortController();
  private readonly fetchFn: FetchLike;
  private readonly clock: Clock;
  private readonly options: ClientOptions;

  constructor(options: ClientOptions) {
    this.fetchFn = options.fetch;
    this.clock = options.clock ?? systemClock;
    this.options = options;
  }

  get cancelled(): boolean {
    return this.master.signal.aborted;
  }

  /** Stop: in-flight requests are aborted, queued ones fail with "cancelled". */
  cancel(): void {
    if (this.cancelled) return;
    this.master.abort();
    for (const h of this.hosts.values()) for (const wake of h.waiting.splice(0)) wake();
  }

  async request(service: Service, url: string, options: RequestOptions = {}): Promise<Answer> {
    const host = hostOf(url);
    const h = this.state(host);
    const limit = this.options.hostLimits?.[host] ?? this.options.perHost ?? DEFAULT_PER_HOST;
    const retries = options.retry === false ? 0 : (this.options.maxRetries ?? DEFAULT_MAX_RETRIES);
    for (let attempt = 0; ; attempt++) {
      if (this.cancelled) return CANCELLED;
      if (h.blockedUntil > this.clock.now()) return { ok: false, reason: 'rate-limited', detail: 'the service asked to wait more than a minute' };
      if (!(await this.acquire(h, limit))) return CANCELLED;
      let answer: Answer;
      let waitMs: number | null = null;
      try {
        answer = await this.once(service, url, options);
        if (answer.ok) {
          const spacing = rateLimitSpacing(answer.headers);
          if (spacing !== null) h.spacing = Math.max(h.spacing, spacing);
          if (answer.status === 429 || answer.status === 503) {
            waitMs = parseRetryAfter(answer.headers.get('retry-after'), this.clock.now()) ?? RETRY_BASE_MS * 2 ** attempt;
            if (waitMs > MAX_RETRY_AFTER_MS) {
              h.blockedUntil = this.clock.now() + waitMs;
              waitMs = null;
            } else {
              h.notBefore = Math.max(h.notBefore, this.clock.now() + waitMs);
            }
          }
        }
      } finally {
        this.release(h);
      }
      if (waitMs === null || attempt >= retries) {
        if (answer.ok && answer.status === 429) return { ok: false, reason: 'rate-limited', detail: 'HTTP 429 (too many requests)' };
        return answer;
      }
    }
  }

  private state(host: string): HostState {
    let h = this.hosts.get(host);
    if (!h) {
      h = { active: 0, waiting: [], notBefore: 0, spacing: this.options.hostSpacing?.[host] ?? 0, blockedUntil: 0 };
      this.hosts.set(host, h);
    }
    return h;
  }

  /** Wait for a free slot on the host and its spacing; false when cancelled meanwhile. */
  private async acquire(h: HostState, limit: number): Promise<boolean> {
    while (h.active >= limit) {
      if (this.cancelled) return false;
      await new Promise<void>((wake) => h.waiting.push(wake));
    }
    if (this.cancelled) return false;
    h.active++;
    const now = this.clock.now();
    const start = Math.max(now, h.notBefore);
    h.notBefore = start + h.spacing;
    if (start > now) {
      try {
        await this.clock.sleep(start - now, this.master.signal);
      } catch {
        this.release(h);
        return false;
      }
    }
    return true;
  }

  private release(h: HostState): void {
    h.active--;
    h.waiting.shift()?.();
  }

  private async once(service: Service, url: string, options: RequestOptions): Promise<Answer> {
    const controller = new AbortController();
    const onCancel = () => controller.abort();
    this.master.signal.addEventListener('abort', onCancel, { once: true });
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const maxBytes = this.options.maxBytes ?? DEFAULT_MAX_BYTES;
    let timedOut = false;
    const timer = this.clock.sleep(timeoutMs, controller.signal).then(
      () => {
        timedOut = true;
        controller.abort();
      },
      () => {},
    );
    this.counts[service]++;
    try {
      const res = await this.fetchFn(url, {
        method: options.method ?? 'GET',
        redirect: options.redirect ?? 'follow',
        signal: controller.signal,
        // No cookies, no HTTP auth, no referrer: a cited site learns only that someone asked for the address.
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        headers: service === 'sites' ? undefined : { Accept: 'application/json' },
      });
      let body = '';
      if (options.readBody) {
        const text = await readCapped(res, maxBytes);
        if (text === null) return { ok: false, reason: 'too-large', detail: `answer larger than ${Math.round(maxBytes / 1024)} KB, not read` };
        body = text;
      } else {
        await res.body?.cancel().catch(() => {});
      }
      return { ok: true, status: res.status, headers: res.headers, url: res.url || url, redirected: res.redirected, body, type: res.type };
    } catch (err) {
      if (this.cancelled) return CANCELLED;
      if (timedOut) return { ok: false, reason: 'timeout', detail: `no answer within ${+(timeoutMs / 1000).toFixed(1)} s` };
      return { ok: false, reason: 'network', detail: networkDetail(err) };
    } finally {
      this.master.signal.removeEventListener('abort', onCancel);
      controller.abort(); // ends the timer
      await timer;
    }
  }
}

/** A short reason from a fetch error: Node's undici puts the cause (ENOTFOUND, "redirect count exceeded") in `cause`. */
function networkDetail(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause as { code?: unknown; message?: unknown } | undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message;
  return err.message;
}

export type JsonAnswer = { ok: true; status: number; json: unknown } | { ok: false; status?: number; reason: FetchFailure | 'http' | 'malformed'; error: string };

/**
 * GET a service's JSON. A non-2xx status, an oversized body and text that is not JSON are values with a message;
 * `notFoundOk` passes 404 through (a DOI the registry does not know is an answer, not an error).
 */
export async function getJson(client: OnlineClient, service: Service, url: string, name: string, notFoundOk = false): Promise<JsonAnswer> {
  const answer = await client.request(service, url, { readBody: true });
  if (!answer.ok) return { ok: false, reason: answer.reason, error: `${name}: ${answer.detail}` };
  if (answer.status === 404 && notFoundOk) return { ok: true, status: 404, json: null };
  if (answer.status < 200 || answer.status > 299) return { ok: false, status: answer.status, reason: 'http', error: `${name}: HTTP ${answer.status}` };
  try {
    return { ok: true, status: answer.status, json: JSON.parse(answer.body) };
  } catch {
    return { ok: false, status: answer.status, reason: 'malformed', error: `${name}: the answer is not JSON` };
  }
}

/** A client whose requests to Crossref keep to its pool's concurrency: the polite pool when the reader gave an address. */
export function crossrefClient(fetch: FetchLike, crossrefBase: string, polite: boolean): OnlineClient {
  const host = new URL(crossrefBase).host;
  return new OnlineClient({ fetch, hostLimits: { [host]: polite ? CROSSREF_CONCURRENCY_POLITE : CROSSREF_CONCURRENCY_PUBLIC } });
}

/** A service's base address without trailing slashes: the one given (an environment variable, a test's fake), else the default. */
export function serviceBase(given: string | undefined, fallback: string): string {
  return (given ?? fallback).replace(/\/+$/, '');
}

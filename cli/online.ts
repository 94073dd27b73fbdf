/**
 * `citelens audit --online`: the CLI's wiring of lib/online/check.ts (the same checks the panel runs). Service
 * addresses come from the environment, answers are kept in memory for the run (a DOI or address cited on two pages
 * is asked once), progress goes to stderr, and each entry of the report gains `online` (lib/online/shape.ts).
 * Nothing here runs without --online: audit.ts only imports this module when the flag is given.
 */
import { lookup } from 'node:dns/promises';
import type { PageReport, ReferenceEntry } from '../lib/extract/types';
import { checkEntries, summarize } from '../lib/online/check';
import { DEFAULT_CROSSREF_API } from '../lib/online/crossref';
import { checkResolved, type HostGuardOptions } from '../lib/online/hosts';
import { crossrefClient, type OnlineClient, type FetchLike } from '../lib/online/http';
import { entryOnlineJson, type OnlineEntryJson } from '../lib/online/shape';
import type { LookupCache, LookupRecord, OnlineSummary, Service } from '../lib/online/types';
import { DEFAULT_OPENALEX_API } from '../lib/online/openalex';
import { DEFAULT_UNPAYWALL_API } from '../lib/online/unpaywall';
import { DEFAULT_WAYBACK_API } from '../lib/online/wayback';

/** Service addresses and the guard, from the environment (issue 24's variable names). */
export interface OnlineSettings {
  crossref: string;
  wayback: string;
  mailto?: string;
  /** Only with an address (--mailto) and without --no-unpaywall: the base (CITELENS_UNPAYWALL_API) and the address. */
  unpaywall?: { base: string; email: string };
  /** Only with a key (--openalex-key or CITELENS_OPENALEX_KEY): the base (CITELENS_OPENALEX_API) and the key. */
  openalex?: { base: string; key: string };
  /** CITELENS_ALLOW_PRIVATE_HOSTS=1: cited addresses on 127.0.0.1 and other private hosts are fetched (tests only). */
  allowPrivate: boolean;
  /** Set variables that are not used, and why (a service base without the address or key it needs). */
  notes: string[];
}

export interface OnlineFlags {
  mailto?: string;
  noUnpaywall?: boolean;
  openalexKey?: string;
}

export function onlineSettings(env: NodeJS.ProcessEnv, flags: OnlineFlags = {}): OnlineSettings {
  const { mailto, noUnpaywall, openalexKey } = flags;
  const key = openalexKey || env.CITELENS_OPENALEX_KEY || undefined;
  const notes: string[] = [];
  const out: OnlineSettings = {
    crossref: env.CITELENS_CROSSREF_API || DEFAULT_CROSSREF_API,
    wayback: env.CITELENS_WAYBACK_API || DEFAULT_WAYBACK_API,
    ...(mailto ? { mailto } : {}),
    allowPrivate: env.CITELENS_ALLOW_PRIVATE_HOSTS === '1',
    notes,
  };
  if (mailto && !noUnpaywall) out.unpaywall = { base: env.CITELENS_UNPAYWALL_API || DEFAULT_UNPAYWALL_API, email: mailto };
  else if (env.CITELENS_UNPAYWALL_API) notes.push(`CITELENS_UNPAYWALL_API is set, but Unpaywall is asked only with --mailto ADDR${noUnpaywall ? ' and without --no-unpaywall' : ''}: not used`);
  if (key) out.openalex = { base: env.CITELENS_OPENALEX_API || DEFAULT_OPENALEX_API, key };
  else if (env.CITELENS_OPENALEX_API) notes.push('CITELENS_OPENALEX_API is set, but OpenAlex is asked only with --openalex-key KEY or CITELENS_OPENALEX_KEY: not used');
  return out;
}

/**
 * Every service the CLI checks: giving --online is the consent. Unpaywall and OpenAlex are asked only when their
 * address or key is in the settings (checkEntries' `openAccess`), so consent alone sends them nothing.
 */
const ALL: Record<Service, boolean> = { crossref: true, wayback: true, sites: true, unpaywall: true, openalex: true };

export interface OnlineReportJson {
  checkedAt: string;
  /** Requests sent for this page, per service (answers reused from earlier pages of the run are not requests). */
  requests: Record<Service, number>;
  summary: OnlineSummary;
  errors: Array<{ entry: string; error: string }>;
}

export type AuditEntry = ReferenceEntry & { online?: OnlineEntryJson };
export type AuditReport = Omit<PageReport, 'referenceLists'> & {
  referenceLists: Array<Omit<PageReport['referenceLists'][number], 'entries'> & { entries: AuditEntry[] }>;
  online?: OnlineReportJson;
};

function memoryCache(): LookupCache {
  const rows = new Map<string, LookupRecord>();
  return { get: async (k) => rows.get(k), put: async (r) => void rows.set(r.key, r) };
}

async function lookupAll(host: string): Promise<string[]> {
  return (await lookup(host, { all: true })).map((a) => a.address);
}

/**
 * Node can resolve names, so a cited host whose name resolves to a private address is refused before it is fetched
 * (hosts.ts' checkResolved). Service addresses are the user's own configuration and are not checked. The fetch
 * resolves the name again: a name that changes its answer in between (DNS rebinding) is not caught.
 */
export function guardedFetch(base: FetchLike, serviceOrigins: string[], guard: HostGuardOptions): FetchLike {
  return async (input, init) => {
    const url = new URL(input);
    if (!serviceOrigins.includes(url.origin)) {
      const verdict = await checkResolved(url, lookupAll, guard);
      if (!verdict.ok) throw new TypeError('fetch failed', { cause: { code: verdict.reason } });
    }
    return base(input, init);
  };
}

export interface OnlineSession {
  settings: OnlineSettings;
  client: OnlineClient;
  cache: LookupCache;
}

export function createSession(settings: OnlineSettings, fetchFn: FetchLike = (u, i) => fetch(u, i)): OnlineSession {
  const bases = [settings.crossref, settings.wayback, settings.unpaywall?.base, settings.openalex?.base].filter((b): b is string => Boolean(b));
  const origins = bases.map((b) => new URL(b).origin);
  const guard: HostGuardOptions = { allowPrivate: settings.allowPrivate };
  const client = crossrefClient(guardedFetch(fetchFn, origins, guard), settings.crossref, Boolean(settings.mailto));
  return { settings, client, cache: memoryCache() };
}

/** "checking online: 12 of 40 checked", overwritten on a terminal; on a pipe every PROGRESS_EVERY entries and the last. */
const PROGRESS_EVERY = 10;

function progress(stderr: NodeJS.WriteStream, label: string): (done: number, total: number) => void {
  return (done, total) => {
    const line = `citelens: ${label}: ${done} of ${total} checked`;
    if (stderr.isTTY) stderr.write(`\r${line}${done === total ? '\n' : ''}`);
    else if (done === total || done % PROGRESS_EVERY === 0) stderr.write(line + '\n');
  };
}

/** Check every entry of a report; returns the report with `online` on each checked entry and on the report. */
export async function checkReport(report: PageReport, session: OnlineSession, stderr: NodeJS.WriteStream = process.stderr, now: () => number = Date.now): Promise<AuditReport> {
  const entries = report.referenceLists.flatMap((l) => l.entries);
  const before = { ...session.client.counts };
  const checkedAt = now();
  const show = progress(stderr, `checking ${entries.length} entries online (${report.url})`);
  const run = await checkEntries(entries, {
    client: session.client,
    consent: ALL,
    crossref: { base: session.settings.crossref, mailto: session.settings.mailto },
    waybackBase: session.settings.wayback,
    openAccess: { unpaywall: session.settings.unpaywall, openalex: session.settings.openalex },
    cache: session.cache,
    guard: { allowPrivate: session.settings.allowPrivate },
    now,
    onResult: (_id, _r, done, total) => show(done, total),
  });
  const errors: OnlineReportJson['errors'] = [];
  const referenceLists = report.referenceLists.map((l) => ({
    ...l,
    entries: l.entries.map((e): AuditEntry => {
      const r = run.results.get(e.id);
      if (!r) return e;
      for (const error of r.errors ?? []) errors.push({ entry: e.id, error });
      return { ...e, online: entryOnlineJson(r) };
    }),
  }));
  const requests = Object.fromEntries((Object.keys(before) as Service[]).map((s) => [s, session.client.counts[s] - before[s]])) as Record<Service, number>;
  return { ...report, referenceLists, online: { checkedAt: new Date(checkedAt).toISOString(), requests, summary: summarize(run.results.values()), errors } };
}

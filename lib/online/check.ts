/**
 * The online checks of a list of reference entries, entry by entry, reporting each result as it arrives: a DOI's
 * record (and whether it agrees with the entry), its editorial updates, each cited address's state with an archived
 * copy when it is not alive, and for entries without a link the best candidate from a bibliographic search. Only the
 * services the user consented to are asked. Answers are reused from the cache for a day (one request per DOI per day).
 */
import type { ReferenceEntry } from '../extract/types';
import { entryFingerprint } from '../store/fingerprint';
import { fetchWork, searchQuery, searchWorks, summarizeUpdates, type CrossrefOptions, type WorkAnswer } from './crossref';
import type { HostGuardOptions } from './hosts';
import type { OnlineClient } from './http';
import { checkLink } from './links';
import { agrees, bestMatch, scoreWork } from './match';
import { normalizeDoi } from './text';
import { findOpenAlexCopy, type OpenAlexOptions } from './openalex';
import { findUnpaywallCopy, type UnpaywallOptions } from './unpaywall';
import { findSnapshot, waybackTimestamp, type Snapshot } from './wayback';
import { OPEN_ACCESS_SERVICES, type DoiResult, type EntryOnline, type LinkResult, type LookupCache, type OnlineSummary, type OpenAccessAnswer, type OpenAccessCopy, type Service, type Work } from './types';

/** An answer younger than this is reused, not asked again (issue 24: "one request per DOI per day at most"). */
export const CACHE_FRESH_MS = 24 * 60 * 60 * 1000;
/** Entries checked at once; each service's own limit per host applies below this (lib/online/http.ts). */
export const ENTRY_CONCURRENCY = 4;
/** Cited addresses checked per entry, at most: an entry is one work, a long list of links is a list of something else. */
export const MAX_LINKS_PER_ENTRY = 5;
/** Link statuses for which an archived copy is looked for. */
const NEEDS_ARCHIVE: ReadonlySet<string> = new Set(['gone', 'moved', 'unreachable']);
/** Resolver hosts: a DOI link is checked through the registry, not fetched as a web page. */
const RESOLVER_HOSTS = /^(dx\.)?doi\.org$/i;

export interface CheckOptions {
  client: OnlineClient;
  consent: Record<Service, boolean>;
  crossref?: CrossrefOptions;
  waybackBase?: string;
  cache?: LookupCache;
  now?: () => number;
  /** The article's date (ISO), for the archived copy nearest it; the check's date when unknown. */
  articleDate?: string;
  guard?: HostGuardOptions;
  /**
   * What the open-access services require, only when the reader gave it: Unpaywall's e-mail address, OpenAlex's key.
   * A service is asked only with both its consent and this; without them nothing is sent to it.
   */
  openAccess?: { unpaywall?: UnpaywallOptions; openalex?: OpenAlexOptions };
  onResult?(entryId: string, result: EntryOnline, done: number, total: number): void;
}

export interface CheckRun {
  results: Map<string, EntryOnline>;
  cancelled: boolean;
}

async function cached<T>(cache: LookupCache | undefined, key: string, now: number): Promise<T | undefined> {
  const hit = await cache?.get(key).catch(() => undefined);
  return hit && now - hit.checkedAt < CACHE_FRESH_MS ? (hit.result as T) : undefined;
}

function doiOf(entry: ReferenceEntry): string | null {
  for (const id of entry.identifiers) if (id.type === 'doi') return normalizeDoi(id.value);
  return null;
}

function doiResult(doi: string, answer: WorkAnswer, entryText: string): DoiResult {
  if (answer.status === 'not-found') return { value: doi, status: 'not-found' };
  if (answer.status === 'error') return { value: doi, status: 'error', error: answer.error };
  const w = answer.work;
  const s = scoreWork(w, entryText);
  const out: DoiResult = { value: doi, status: 'resolved', title: w.title, authors: w.authors, families: w.families, score: s.score };
  if (w.years[0]) out.year = w.years[0];
  if (w.venue) out.venue = w.venue;
  const a = agrees(s);
  if (a !== undefined) out.agrees = a;
  return out;
}

/** The entry's cited web addresses, without DOI resolver links, at most MAX_LINKS_PER_ENTRY. */
export function citedUrls(entry: ReferenceEntry): string[] {
  const out: string[] = [];
  for (const raw of entry.links) {
    try {
      if (RESOLVER_HOSTS.test(new URL(raw).hostname)) continue;
    } catch {
      continue;
    }
    if (!out.includes(raw)) out.push(raw);
    if (out.length === MAX_LINKS_PER_ENTRY) break;
  }
  return out;
}

/** The DOI's open-access copy from the first service that knows one; each answer (a copy, or none) cached a day. */
async function openAccessCopy(doi: string, o: CheckOptions, now: number, errors: string[]): Promise<OpenAccessCopy | undefined> {
  for (const s of OPEN_ACCESS_SERVICES) {
    const given = o.openAccess?.[s];
    if (!o.consent[s] || !given || o.client.cancelled) continue;
    const key = `oa:${s}:${doi}`;
    let copy = await cached<OpenAccessCopy | null>(o.cache, key, now);
    if (copy === undefined) {
      const answer: OpenAccessAnswer = s === 'unpaywall' ? await findUnpaywallCopy(o.client, doi, given as UnpaywallOptions) : await findOpenAlexCopy(o.client, doi, given as OpenAlexOptions);
      if (answer.status === 'error') {
        errors.push(answer.error);
        continue;
      }
      copy = answer.status === 'found' ? answer.copy : null;
      await o.cache?.put({ key, kind: 'oa', checkedAt: now, result: copy }).catch(() => {});
    }
    if (copy) return copy;
  }
  return undefined;
}

async function checkEntry(entry: ReferenceEntry, o: CheckOptions, now: number): Promise<EntryOnline> {
  const out: EntryOnline = { checkedAt: now };
  const errors: string[] = [];
  const doi = doiOf(entry);

  if (doi && o.consent.crossref) {
    const key = `doi:${doi}`;
    let answer = await cached<WorkAnswer>(o.cache, key, now);
    if (!answer) {
      answer = await fetchWork(o.client, doi, o.crossref);
      if (answer.status !== 'error') await o.cache?.put({ key, kind: 'doi', checkedAt: now, result: answer }).catch(() => {});
    }
    out.doi = doiResult(doi, answer, entry.text);
    if (answer.status === 'error') errors.push(answer.error);
    if (answer.status === 'resolved') out.retraction = summarizeUpdates(answer.work.updates);
    // Only for a DOI the registry resolved to the work the entry names: a copy of another work is no copy of this one.
    if (out.doi.status === 'resolved' && out.doi.agrees !== false) {
      const copy = await openAccessCopy(doi, o, now, errors);
      if (copy) out.openAccess = copy;
    }
  }

  const urls = citedUrls(entry);
  if (urls.length > 0 && o.consent.sites) {
    const links: LinkResult[] = [];
    for (const url of urls) {
      if (o.client.cancelled) break;
      const key = `url:${url}`;
      const stored = await o.cache?.get(key).catch(() => undefined);
      let result: LinkResult;
      if (stored && now - stored.checkedAt < CACHE_FRESH_MS) result = stored.result as LinkResult;
      else {
        const checked = await checkLink(o.client, url, stored?.history ?? [], now, o.guard);
        result = checked.result;
        if (checked.history && result.reason !== 'cancelled') {
          await o.cache?.put({ key, kind: 'url', checkedAt: now, result, history: checked.history }).catch(() => {});
        }
      }
      if (NEEDS_ARCHIVE.has(result.status) && o.consent.wayback && result.reason !== 'cancelled' && !result.archived) {
        const ts = waybackTimestamp(o.articleDate ?? now);
        const wkey = `wayback:${url} ${ts ?? ''}`;
        let snap = await cached<Snapshot | null>(o.cache, wkey, now);
        if (snap === undefined) {
          const found = await findSnapshot(o.client, url, ts, o.waybackBase);
          if (found.ok) {
            snap = found.snapshot;
            await o.cache?.put({ key: wkey, kind: 'wayback', checkedAt: now, result: snap }).catch(() => {});
          } else errors.push(found.error);
        }
        if (snap) result = { ...result, archived: snap.url, ...(snap.timestamp ? { archivedAt: snap.timestamp } : {}) };
      }
      links.push(result);
    }
    out.links = links;
  }

  if (!entry.hasLink && !doi && o.consent.crossref) {
    const key = `search:${entryFingerprint(searchQuery(entry.text))}`;
    let works = await cached<Work[]>(o.cache, key, now);
    if (!works) {
      const found = await searchWorks(o.client, entry.text, o.crossref);
      if (found.ok) {
        works = found.works;
        await o.cache?.put({ key, kind: 'search', checkedAt: now, result: works }).catch(() => {});
      } else errors.push(found.error);
    }
    const best = works ? bestMatch(works, entry.text) : null;
    if (best) {
      const w = best.work;
      out.match = { doi: w.doi, title: w.title, score: best.score.score, authors: w.authors, families: w.families, ...(w.years[0] ? { year: w.years[0] } : {}), ...(w.venue ? { venue: w.venue } : {}) };
    }
  }
  if (errors.length > 0) out.errors = errors;
  return out;
}

/** Check every entry; cancelling the client stops the run and keeps the results already reported. */
export async function checkEntries(entries: readonly ReferenceEntry[], o: CheckOptions): Promise<CheckRun> {
  const results = new Map<string, EntryOnline>();
  const now = o.now ?? Date.now;
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < entries.length && !o.client.cancelled) {
      const entry = entries[next++];
      const result = await checkEntry(entry, o, now());
      if (o.client.cancelled) return; // half-checked entries are not kept as results
      results.set(entry.id, result);
      done++;
      o.onResult?.(entry.id, result, done, entries.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(ENTRY_CONCURRENCY, entries.length) }, worker));
  return { results, cancelled: o.client.cancelled };
}

/** Counts for the header. */
export function summarize(results: Iterable<EntryOnline>): OnlineSummary {
  const s: OnlineSummary = { checked: 0, retracted: 0, corrected: 0, concern: 0, dead: 0, unreachable: 0, matched: 0, disagreeing: 0, openAccess: 0 };
  for (const r of results) {
    s.checked++;
    const st = r.retraction?.status;
    if (st === 'retracted') s.retracted++;
    else if (st === 'corrected') s.corrected++;
    else if (st === 'concern') s.concern++;
    if (r.links?.some((l) => l.dead)) s.dead++;
    else if (r.links?.some((l) => l.status === 'unreachable')) s.unreachable++;
    if (r.match) s.matched++;
    if (r.doi?.agrees === false) s.disagreeing++;
    if (r.openAccess) s.openAccess++;
  }
  return s;
}

/** "1 retracted · 2 corrected · 1 dead link"; "" when there is nothing to say. */
export function formatSummary(s: OnlineSummary): string {
  const parts: string[] = [];
  if (s.retracted) parts.push(`${s.retracted} retracted`);
  if (s.concern) parts.push(`${s.concern} with an expression of concern`);
  if (s.corrected) parts.push(`${s.corrected} corrected`);
  if (s.disagreeing) parts.push(`${s.disagreeing} DOI${s.disagreeing > 1 ? 's' : ''} pointing to another work`);
  if (s.dead) parts.push(`${s.dead} dead link${s.dead > 1 ? 's' : ''}`);
  if (s.unreachable) parts.push(`${s.unreachable} unreachable now`);
  if (s.matched) parts.push(`${s.matched} found online`);
  if (s.openAccess) parts.push(`${s.openAccess} open-access ${s.openAccess > 1 ? 'copies' : 'copy'}`);
  return parts.join(' · ');
}

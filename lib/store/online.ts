/**
 * The online checks' rows (schema v5): the lookup cache, each entry's last results, the reader's decisions on
 * candidates, and consent per service. Reads of malformed rows fall back to "nothing" (no consent, no result).
 */
import type { PageReport } from '../extract/types';
import { registryWorks, type RegistryWork } from '../export/registry';
import type { CitelensDb } from './db';
import { attempt, type StoreResult } from './errors';
import { checkId, type EntryRef } from './checks';
import { entryFingerprint } from './fingerprint';
import type { OnlineMatchRecord, OnlineResultRecord } from './types';
import { normalizeUrl } from './url';
import { ONLINE_SETTINGS_KEY, readSetting } from './settings';
import { isApiKey, isEmail } from '../online/text';
import { SERVICES, type EntryOnline, type LookupCache, type MatchCandidate, type Service } from '../online/types';

export { ONLINE_SETTINGS_KEY };

export interface ServiceConsent {
  allowed: boolean;
  /** When the reader answered. */
  at: number;
}

export interface OnlineSettings {
  /** Per service; absent = never asked (the consent screen is shown before the first check). */
  consent: Partial<Record<Service, ServiceConsent>>;
  /**
   * The reader's e-mail address, only if given: it goes to Crossref (its polite pool) and is what Unpaywall requires
   * (Unpaywall is asked only with it and its own consent).
   */
  mailto?: string;
  /** The reader's OpenAlex API key, only if given: OpenAlex is asked only with it and its own consent. */
  openalexKey?: string;
}

/** The lookup cache over the `lookups` table; storage errors make it a miss, never a failed check. */
export function lookupCache(db: CitelensDb): LookupCache {
  return {
    get: async (key) => {
      const row = await db.lookups.get(key).catch(() => undefined);
      return row && typeof row.checkedAt === 'number' ? row : undefined;
    },
    put: async (record) => {
      await db.lookups.put(record).catch(() => {});
    },
  };
}

export async function getOnlineSettings(db: CitelensDb): Promise<OnlineSettings> {
  const raw = (await readSetting(db, ONLINE_SETTINGS_KEY)) as { consent?: unknown; mailto?: unknown; openalexKey?: unknown } | undefined;
  const out: OnlineSettings = { consent: {} };
  const consent = raw?.consent && typeof raw.consent === 'object' ? (raw.consent as Record<string, unknown>) : {};
  for (const s of SERVICES) {
    const c = consent[s] as { allowed?: unknown; at?: unknown } | undefined;
    if (c && typeof c.allowed === 'boolean' && typeof c.at === 'number') out.consent[s] = { allowed: c.allowed, at: c.at };
  }
  // A malformed address or key is as good as none: nothing is sent with it.
  if (isEmail(raw?.mailto)) out.mailto = raw.mailto;
  if (isApiKey(raw?.openalexKey)) out.openalexKey = raw.openalexKey;
  return out;
}

/**
 * Record the reader's answer for some services (turning one off again is `allowed: false`), and the e-mail address or
 * OpenAlex key when given: '' removes it, undefined leaves it as it is.
 */
export function setConsent(db: CitelensDb, answers: Partial<Record<Service, boolean>>, now: number = Date.now(), mailto?: string, openalexKey?: string): Promise<StoreResult<OnlineSettings>> {
  return attempt(() =>
    db.transaction('rw', db.meta, async () => {
      const settings = await getOnlineSettings(db);
      for (const s of SERVICES) if (typeof answers[s] === 'boolean') settings.consent[s] = { allowed: answers[s]!, at: now };
      if (mailto !== undefined) {
        if (mailto) settings.mailto = mailto;
        else delete settings.mailto;
      }
      if (openalexKey !== undefined) {
        if (openalexKey) settings.openalexKey = openalexKey;
        else delete settings.openalexKey;
      }
      await db.meta.put({ key: ONLINE_SETTINGS_KEY, value: settings });
      return settings;
    }),
  );
}

/** Consent as the checker takes it: only an explicit yes is a yes (and Unpaywall and OpenAlex also need the address or key). */
export function consentMap(settings: OnlineSettings): Record<Service, boolean> {
  const yes = (s: Service) => settings.consent[s]?.allowed === true;
  return { crossref: yes('crossref'), wayback: yes('wayback'), sites: yes('sites'), unpaywall: yes('unpaywall') && Boolean(settings.mailto), openalex: yes('openalex') && Boolean(settings.openalexKey) };
}

export function saveEntryResult(db: CitelensDb, pageUrl: string, entry: EntryRef, result: EntryOnline): Promise<StoreResult<OnlineResultRecord>> {
  const url = normalizeUrl(pageUrl);
  const fingerprint = entryFingerprint(entry.text);
  const record: OnlineResultRecord = { id: checkId(url, fingerprint), pageUrl: url, fingerprint, entryId: entry.id, result };
  return attempt(async () => {
    await db.onlineResults.put(record);
    return record;
  });
}

/** A page's last results by entry fingerprint. */
export async function resultsForPage(db: CitelensDb, pageUrl: string): Promise<Map<string, EntryOnline>> {
  const rows = await db.onlineResults.where('pageUrl').equals(normalizeUrl(pageUrl)).toArray();
  return new Map(rows.filter((r) => r.result && typeof r.result.checkedAt === 'number').map((r) => [r.fingerprint, r.result]));
}

export function decideMatch(db: CitelensDb, pageUrl: string, entry: EntryRef, candidate: MatchCandidate, decision: 'accepted' | 'rejected', now: number = Date.now()): Promise<StoreResult<OnlineMatchRecord>> {
  const url = normalizeUrl(pageUrl);
  const fingerprint = entryFingerprint(entry.text);
  const record: OnlineMatchRecord = { id: checkId(url, fingerprint), pageUrl: url, fingerprint, entryId: entry.id, entryText: entry.text, candidate, decision, decidedAt: now };
  return attempt(async () => {
    await db.onlineMatches.put(record);
    return record;
  });
}

/** A page's decided matches by entry fingerprint. */
export async function matchesForPage(db: CitelensDb, pageUrl: string): Promise<Map<string, OnlineMatchRecord>> {
  const rows = await db.onlineMatches.where('pageUrl').equals(normalizeUrl(pageUrl)).toArray();
  return new Map(rows.filter((r) => r.decision === 'accepted' || r.decision === 'rejected').map((r) => [r.fingerprint, r]));
}

/**
 * The registry's works for a page's entries, for exports: the stored results and the accepted matches, found by
 * each entry's fingerprint (ids change between extractions), chosen by lib/export/registry.ts' rule.
 */
export async function exportWorksForPage(db: CitelensDb, report: Pick<PageReport, 'url' | 'referenceLists'>): Promise<Map<string, RegistryWork>> {
  const entries = report.referenceLists.flatMap((l) => l.entries);
  const [stored, matches] = await Promise.all([resultsForPage(db, report.url), matchesForPage(db, report.url)]);
  const results = new Map<string, EntryOnline>();
  const accepted = new Map<string, MatchCandidate>();
  for (const e of entries) {
    const fp = entryFingerprint(e.text);
    const r = stored.get(fp);
    if (r) results.set(e.id, r);
    const m = matches.get(fp);
    if (m?.decision === 'accepted' && m.candidate) accepted.set(e.id, m.candidate);
  }
  return registryWorks(entries, results, accepted);
}

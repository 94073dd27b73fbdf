/**
 * Crossref's REST API: a work's record by DOI (`GET /works/{doi}`: title, authors, year, venue, and the editorial
 * updates in `updated-by`), and a bibliographic search for entries without a DOI (`GET /works?query.bibliographic=`).
 * Endpoints and fields: https://api.crossref.org/swagger-ui/index.html and https://github.com/CrossRef/rest-api-doc.
 * The answer is untrusted: every field is read as plain text, a wrong shape is an error value with a message.
 */
import { doiPath } from '../links';
import { getJson, serviceBase, type OnlineClient } from './http';
import { doiUrl, isEmail, normalizeDoi, plainText } from './text';
import type { RetractionSummary, UpdateKind, UpdateNotice, Work } from './types';

export const DEFAULT_CROSSREF_API = 'https://api.crossref.org';

export interface CrossrefOptions {
  /** `CITELENS_CROSSREF_API` in the CLI, the fake service in tests. */
  base?: string;
  /**
   * Only when the user gave one: it puts requests in Crossref's polite pool. Extensions cannot set User-Agent, so it
   * goes in the `mailto` query parameter, which Crossref documents as equivalent
   * (https://www.crossref.org/documentation/retrieve-metadata/rest-api/access-and-authentication/).
   */
  mailto?: string;
}

/** Most authors read from one record: a physics paper can list thousands. */
export const MAX_AUTHORS = 100;
/** Most `updated-by` items read from one record. */
export const MAX_UPDATES = 50;
/** Candidates read per search; the right record is nearly always among Crossref's first few (issue 24: `rows=5`). */
export const SEARCH_ROWS = 5;
/** Entry text sent to the search, at most: enough for authors, title, venue and year. */
export const SEARCH_QUERY_MAX_CHARS = 300;
/** Fields asked for in a search (`select`), to keep answers small. */
const SEARCH_FIELDS = 'DOI,title,subtitle,author,issued,published-print,published-online,created,container-title,type,updated-by';

function base(options: CrossrefOptions): string {
  return serviceBase(options.base, DEFAULT_CROSSREF_API);
}

function withMailto(url: string, mailto: string | undefined): string {
  return isEmail(mailto) ? `${url}${url.includes('?') ? '&' : '?'}mailto=${encodeURIComponent(mailto)}` : url;
}

function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

/** `{ "date-parts": [[2019, 5, 1]] }` as "2019-05-01" (or "2019-05", "2019"). */
function dateOf(v: unknown): string | undefined {
  const parts = (v as { 'date-parts'?: unknown } | null)?.['date-parts'];
  if (!Array.isArray(parts) || !Array.isArray(parts[0])) return undefined;
  const [y, m, d] = (parts[0] as unknown[]).map(Number);
  if (!Number.isInteger(y) || y < 1000 || y > 3000) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  let out = String(y);
  if (Number.isInteger(m) && m >= 1 && m <= 12) {
    out += '-' + pad(m);
    if (Number.isInteger(d) && d >= 1 && d <= 31) out += '-' + pad(d);
  }
  return out;
}

/**
 * One `updated-by` item. Since January 2025 Crossref carries the Retraction Watch data there, beside publishers'
 * Crossmark updates: `{ DOI, type, label, source: "retraction-watch" | "publisher", updated: { date-parts },
 * record-id }` (https://www.crossref.org/blog/news-crossref-and-retraction-watch/). Every field kept as given.
 */
export function parseUpdate(u: unknown): UpdateNotice | null {
  if (!u || typeof u !== 'object') return null;
  const o = u as Record<string, unknown>;
  const type = plainText(o.type).toLowerCase();
  if (!type) return null;
  const out: UpdateNotice = { type };
  const label = plainText(o.label);
  if (label) out.label = label;
  const source = plainText(o.source);
  if (source) out.source = source;
  const updated = dateOf(o.updated);
  if (updated) out.updated = updated;
  const recordId = typeof o['record-id'] === 'number' ? String(o['record-id']) : plainText(o['record-id']);
  if (recordId) out.recordId = recordId;
  const doi = normalizeDoi(o.DOI);
  if (doi) {
    out.doi = doi;
    out.notice = doiUrl(doi);
  }
  return out;
}

/** The work of a `works/{doi}` message or a search item; null when it is not a work record. */
export function parseWork(item: unknown): Work | null {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return null;
  const o = item as Record<string, unknown>;
  const doi = normalizeDoi(o.DOI);
  if (!doi) return null;
  const authors: string[] = [];
  const families: string[] = [];
  for (const a of Array.isArray(o.author) ? o.author.slice(0, MAX_AUTHORS) : []) {
    if (!a || typeof a !== 'object') continue;
    const r = a as Record<string, unknown>;
    const family = plainText(r.family);
    const name = plainText(r.name);
    if (family) {
      authors.push([plainText(r.given), family].filter(Boolean).join(' '));
      families.push(family);
    } else if (name) {
      authors.push(name);
      families.push(name);
    }
  }
  const years: number[] = [];
  for (const k of ['issued', 'published-print', 'published-online', 'published', 'created']) {
    const y = Number(dateOf(o[k])?.slice(0, 4));
    if (y && !years.includes(y)) years.push(y);
  }
  const updates: UpdateNotice[] = [];
  const seen = new Set<string>();
  for (const u of Array.isArray(o['updated-by']) ? o['updated-by'].slice(0, MAX_UPDATES) : []) {
    const n = parseUpdate(u);
    // Only an item repeated field for field is dropped; Crossmark's and Retraction Watch's items both stay.
    const key = JSON.stringify(n);
    if (n && !seen.has(key)) {
      seen.add(key);
      updates.push(n);
    }
  }
  const work: Work = { doi, title: plainText(first(o.title)), authors, families, years, updates };
  const subtitle = plainText(first(o.subtitle));
  if (subtitle) work.subtitle = subtitle;
  const venue = plainText(first(o['container-title'])) || plainText(first(o['short-container-title']));
  if (venue) work.venue = venue;
  const type = plainText(o.type);
  if (type) work.type = type;
  return work;
}

/**
 * How each update type counts in the header. Crossmark's twelve types
 * (https://www.crossref.org/documentation/crossmark/crossmark-registering-updates/) and the Retraction Watch
 * "nature" values Crossref maps onto them. Only these three are `retracted` (a red badge): a correction, erratum or
 * partial retraction is never shown as a retraction, the common complaint about such tools. A type not listed here
 * (new_version, new_edition, reinstatement, …) is shown with its own name and counts as `other`.
 */
export const UPDATE_KINDS: Readonly<Record<string, UpdateKind>> = {
  retraction: 'retracted',
  withdrawal: 'retracted', // Crossmark: "the content has been withdrawn"
  removal: 'retracted', // Crossmark: removed for legal reasons, only the record remains
  expression_of_concern: 'concern',
  correction: 'corrected',
  erratum: 'corrected',
  corrigendum: 'corrected',
  addendum: 'corrected',
  clarification: 'corrected',
  partial_retraction: 'corrected',
  retract_and_replace: 'corrected', // retracted and replaced by a corrected version: the current version stands
  retraction_and_replacement: 'corrected',
};

/** An update's kind from its own type ("Expression of Concern", "expression-of-concern" → concern). */
export function updateKind(type: string): UpdateKind {
  return UPDATE_KINDS[type.toLowerCase().trim().replace(/[\s-]+/g, '_')] ?? 'other';
}

const GRAVITY: Record<RetractionSummary['status'], number> = { none: 0, corrected: 1, concern: 2, retracted: 3 };

/** The gravest kind decides the status, its newest notice gives link and date; every update stays listed with its type. */
export function summarizeUpdates(updates: UpdateNotice[]): RetractionSummary {
  let status: RetractionSummary['status'] = 'none';
  let best: UpdateNotice | undefined;
  for (const u of updates) {
    const kind = updateKind(u.type);
    const s = kind === 'other' ? 'none' : kind;
    if (GRAVITY[s] > GRAVITY[status] || (s === status && s !== 'none' && (u.updated ?? '') > (best?.updated ?? ''))) {
      status = s;
      best = u;
    }
  }
  const out: RetractionSummary = { status, updates };
  if (best?.notice) out.notice = best.notice;
  if (best?.updated) out.date = best.updated;
  return out;
}

export type WorkAnswer = { status: 'resolved'; work: Work } | { status: 'not-found' } | { status: 'error'; error: string };

/** `GET /works/{doi}` (the DOI's slash kept, as in Crossref's examples): 200 with `{ status: "ok", message: {…} }`, 404 when Crossref does not know the DOI. */
export async function fetchWork(client: OnlineClient, doi: string, options: CrossrefOptions = {}): Promise<WorkAnswer> {
  const url = withMailto(`${base(options)}/works/${doiPath(doi)}`, options.mailto);
  const answer = await getJson(client, 'crossref', url, 'Crossref', true);
  if (!answer.ok) return { status: 'error', error: answer.error };
  if (answer.status === 404) return { status: 'not-found' };
  const work = parseWork((answer.json as { message?: unknown } | null)?.message);
  if (!work) return { status: 'error', error: 'Crossref: the answer is not a work record' };
  // A record for another DOI than the one asked for is not this DOI's record.
  if (work.doi !== doi.toLowerCase()) return { status: 'error', error: `Crossref: asked for ${doi}, answered with ${work.doi}` };
  return { status: 'resolved', work };
}

export type SearchAnswer = { ok: true; works: Work[] } | { ok: false; error: string };

/** The part of an entry's text sent to the search: whitespace collapsed, links and DOIs left out, cut to a length. */
export function searchQuery(text: string): string {
  return text
    .replace(/\bhttps?:\/\/\S+/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, SEARCH_QUERY_MAX_CHARS);
}

/** `GET /works?query.bibliographic=…&rows=5`: Crossref's search for citation strings, the one its own reference matching uses. */
export async function searchWorks(client: OnlineClient, text: string, options: CrossrefOptions = {}): Promise<SearchAnswer> {
  const query = searchQuery(text);
  if (!query) return { ok: true, works: [] };
  const url = withMailto(`${base(options)}/works?query.bibliographic=${encodeURIComponent(query)}&rows=${SEARCH_ROWS}&select=${SEARCH_FIELDS}`, options.mailto);
  const answer = await getJson(client, 'crossref', url, 'Crossref');
  if (!answer.ok) return { ok: false, error: answer.error };
  const items = (answer.json as { message?: { items?: unknown } } | null)?.message?.items;
  if (!Array.isArray(items)) return { ok: false, error: 'Crossref: the answer is not a list of works' };
  return { ok: true, works: items.slice(0, SEARCH_ROWS).map(parseWork).filter((w): w is Work => w !== null) };
}

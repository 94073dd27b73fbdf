/**
 * The `online` object the CLI's `--json` adds to each entry of a PageReport (issue 24's field shape), mapped from what
 * lib/online/check.ts returns. Pure: no clock, no I/O. The issue's fields come first; the others are "more where
 * useful" (the score behind `agrees`, each update's own type, the dead-link verdict, why an address was not fetched).
 */
import type { EntryOnline, LinkResult, UpdateNotice } from './types';

export interface OnlineDoiJson {
  value: string;
  status: 'resolved' | 'not-found' | 'error';
  title?: string;
  year?: number;
  authors?: string[];
  venue?: string;
  agrees?: boolean;
  score?: number;
  error?: string;
}

export interface OnlineRetractionJson {
  status: 'retracted' | 'corrected' | 'concern' | 'none';
  notice?: string;
  date?: string;
  /** Every `updated-by` item with its own type ("erratum", "retraction"…), never merged into the status. */
  updates: UpdateNotice[];
}

export interface OnlineLinkJson {
  url: string;
  /** The four states; an address that was never fetched (private, not http) is `unreachable` with `skipped`. */
  status: 'ok' | 'moved' | 'gone' | 'unreachable';
  code?: number;
  finalUrl?: string;
  archived?: string;
  archivedAt?: string;
  /** Dead by the InternetArchiveBot rule (a definite 404/410, or failures days apart), not after one failure. */
  dead: boolean;
  softNotFound?: boolean;
  skipped?: boolean;
  reason?: string;
}

export interface OnlineMatchJson {
  doi: string;
  title: string;
  score: number;
  year?: number;
  authors?: string[];
  venue?: string;
}

export interface OnlineEntryJson {
  doi?: OnlineDoiJson;
  retraction?: OnlineRetractionJson;
  links?: OnlineLinkJson[];
  match?: OnlineMatchJson;
  /** The open-access copy's address (http(s) only, lib/online/oa.ts), from Unpaywall or OpenAlex. */
  openAccess?: string;
  /** Where `openAccess` came from, whether it is the PDF itself, and which version it is. */
  openAccessFrom?: { source: 'unpaywall' | 'openalex'; pdf: boolean; version?: string; hostType?: string };
  /** The entry's failed checks, one message each, joined with "; ". */
  error?: string;
}

function linkJson(l: LinkResult): OnlineLinkJson {
  const out: OnlineLinkJson = { url: l.url, status: l.status === 'skipped' ? 'unreachable' : l.status, dead: l.dead };
  if (l.code !== undefined) out.code = l.code;
  if (l.finalUrl) out.finalUrl = l.finalUrl;
  if (l.archived) out.archived = l.archived;
  if (l.archivedAt) out.archivedAt = l.archivedAt;
  if (l.softNotFound) out.softNotFound = true;
  if (l.status === 'skipped') out.skipped = true;
  if (l.reason) out.reason = l.reason;
  return out;
}

/** One entry's results in the shape; fields without a result are left out (never `null`). */
export function entryOnlineJson(r: EntryOnline): OnlineEntryJson {
  const out: OnlineEntryJson = {};
  if (r.doi) {
    const { value, status, title, year, authors, venue, agrees, score, error } = r.doi;
    out.doi = { value, status };
    if (title) out.doi.title = title;
    if (year !== undefined) out.doi.year = year;
    if (authors?.length) out.doi.authors = authors;
    if (venue) out.doi.venue = venue;
    if (agrees !== undefined) out.doi.agrees = agrees;
    if (score !== undefined) out.doi.score = score;
    if (error) out.doi.error = error;
  }
  if (r.retraction) {
    out.retraction = { status: r.retraction.status, updates: r.retraction.updates };
    if (r.retraction.notice) out.retraction.notice = r.retraction.notice;
    if (r.retraction.date) out.retraction.date = r.retraction.date;
  }
  if (r.links) out.links = r.links.map(linkJson);
  if (r.match) {
    const { doi, title, score, year, authors, venue } = r.match;
    out.match = { doi, title, score };
    if (year !== undefined) out.match.year = year;
    if (authors?.length) out.match.authors = authors;
    if (venue) out.match.venue = venue;
  }
  if (r.openAccess) {
    const { url, source, pdf, version, hostType } = r.openAccess;
    out.openAccess = url;
    out.openAccessFrom = { source, pdf, ...(version ? { version } : {}), ...(hostType ? { hostType } : {}) };
  }
  if (r.errors?.length) out.error = r.errors.join('; ');
  return out;
}

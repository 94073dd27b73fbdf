/**
 * Results of the opt-in online checks (issue 24), as plain JSON: what each reference entry gains, what is stored per DOI
 * and URL, and the run's summary. Every string that came from a service or a cited site is plain text (markup
 * stripped); every address is an http(s) URL checked by lib/links.ts' rule, or absent. A leaf module: imports nothing.
 */

/**
 * Which service a request is for; each is consented to, and counted, separately. Unpaywall and OpenAlex are asked only
 * when the user also gave what they require (an e-mail address, an API key): consent alone sends nothing to them.
 */
export type Service = 'crossref' | 'wayback' | 'sites' | 'unpaywall' | 'openalex';

export const SERVICES: readonly Service[] = ['crossref', 'wayback', 'sites', 'unpaywall', 'openalex'];

/** The services that find open-access copies, in the order they are asked (the second only when the first has none). */
export type OpenAccessService = 'unpaywall' | 'openalex';
/** The open-access services in the order they are asked and shown: OpenAlex only when Unpaywall has no copy. */
export const OPEN_ACCESS_SERVICES: readonly OpenAccessService[] = ['unpaywall', 'openalex'];

/** Where a free, legal copy of a work can be read, from Unpaywall's or OpenAlex's `best_oa_location`. */
export interface OpenAccessCopy {
  /** http(s), no credentials, not on a private host (lib/online/oa.ts safeOaUrl); a link the reader may follow. */
  url: string;
  source: OpenAccessService;
  /** Whether `url` is the PDF itself (else a landing page that links to it). */
  pdf: boolean;
  /** "publishedVersion", "acceptedVersion" or "submittedVersion", as the service gives it. */
  version?: string;
  /** Unpaywall's `host_type` ("publisher", "repository"), or OpenAlex's location `source.type` ("journal", "repository"). */
  hostType?: string;
}

/** A look-up's answer: a copy, none known (the DOI unknown to the service, or not open access), or an error value. */
export type OpenAccessAnswer = { status: 'found'; copy: OpenAccessCopy } | { status: 'none' } | { status: 'error'; error: string };

/** A work as the registry describes it, reduced to what Citelens shows and compares. */
export interface Work {
  doi: string;
  title: string;
  subtitle?: string;
  /** "Given Family", or an organisation's name, in the registry's order. */
  authors: string[];
  /** Family names (or organisation names), for comparing with the entry's text. */
  families: string[];
  /** Years the record carries (issued first, then print, online, created), without repeats. */
  years: number[];
  venue?: string;
  type?: string;
  updates: UpdateNotice[];
}

/**
 * One item of a work's `updated-by` array, each field as Crossref gives it. Items are never merged: the publisher's
 * Crossmark notice and Retraction Watch's record of the same event stay two items, each with its `source`.
 */
export interface UpdateNotice {
  /** Verbatim, lower case: "retraction", "correction", "expression_of_concern", "erratum", "new_version", … */
  type: string;
  label?: string;
  /** "publisher" (Crossmark) or "retraction-watch". */
  source?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD, from `updated.date-parts`. */
  updated?: string;
  /** Retraction Watch's record number, when the item came from it. */
  recordId?: string;
  /** The notice's DOI. */
  doi?: string;
  /** https://doi.org/ link to the notice, built from its DOI (never a link taken from the answer). */
  notice?: string;
}

/** How an update counts in the header ("1 retracted · 2 corrected"); the badge shows the update's own type. */
export type UpdateKind = 'retracted' | 'corrected' | 'concern' | 'other';

export interface RetractionSummary {
  /** The gravest kind among the updates ('none' when there are none). */
  status: 'retracted' | 'corrected' | 'concern' | 'none';
  /** Notice link and date of the update that set the status. */
  notice?: string;
  date?: string;
  updates: UpdateNotice[];
}

export interface DoiResult {
  value: string;
  status: 'resolved' | 'not-found' | 'error';
  title?: string;
  year?: number;
  authors?: string[];
  /** The authors' family names, in the same order (for exports' author fields); absent in results stored before. */
  families?: string[];
  venue?: string;
  /** Whether the record agrees with the entry's text; absent when the entry's text is too short to tell. */
  agrees?: boolean;
  /** The comparison's score behind `agrees` (0–1, lib/online/match.ts). */
  score?: number;
  error?: string;
}

/**
 * A cited address's state now: `ok` (2xx, at most a redirect within the same page), `moved` (redirected to another
 * page; `softNotFound` when that page is the site's home), `gone` (404, 410), `unreachable` (DNS, timeout, 5xx, 429,
 * refused, redirect loop), `skipped` (never fetched: private address or not http(s)).
 */
export type LinkStatus = 'ok' | 'moved' | 'gone' | 'unreachable' | 'skipped';

export interface LinkResult {
  url: string;
  status: LinkStatus;
  code?: number;
  finalUrl?: string;
  softNotFound?: boolean;
  /** Short reason for unreachable and skipped: "timeout", "HTTP 503", "private address: loopback …". */
  reason?: string;
  /** Only on a definite answer (404/410) or repeated failures days apart (lib/online/links.ts). */
  dead: boolean;
  /** Archived copy nearest the article's date (web.archive.org only). */
  archived?: string;
  archivedAt?: string;
}

/** One check of one address, kept in its history. */
export interface LinkAttempt {
  at: number;
  status: LinkStatus;
  code?: number;
}

export interface MatchCandidate {
  doi: string;
  title: string;
  score: number;
  year?: number;
  authors?: string[];
  /** The authors' family names, in the same order; absent in candidates stored before. */
  families?: string[];
  venue?: string;
}

export interface EntryOnline {
  doi?: DoiResult;
  retraction?: RetractionSummary;
  links?: LinkResult[];
  /** Unlinked entries only, and only above MATCH_THRESHOLD. */
  match?: MatchCandidate;
  /** An open-access copy of the DOI's work, when the reader gave Unpaywall an e-mail address or OpenAlex a key. */
  openAccess?: OpenAccessCopy;
  /** Errors of this entry's checks, as messages. */
  errors?: string[];
  checkedAt: number;
}

/** Expected failures of a request, as values. */
export type FetchFailure = 'timeout' | 'cancelled' | 'too-large' | 'network' | 'rate-limited' | 'refused';

/** What the database keeps per DOI, address or search (lib/store/lookups.ts), with when it was asked. */
export interface LookupRecord {
  /** "doi:10.1/x", "url:https://…", "wayback:<url> <YYYYMMDD>", "search:<fingerprint of the query>", "oa:unpaywall:10.1/x". */
  key: string;
  kind: 'doi' | 'url' | 'wayback' | 'search' | 'oa';
  checkedAt: number;
  /** The answer as kept: a WorkAnswer, a LinkResult, a snapshot, a list of works, an OpenAccessCopy or null. */
  result: unknown;
  /** Addresses only: every check, for the dead-link rule. */
  history?: LinkAttempt[];
}

export interface LookupCache {
  get(key: string): Promise<LookupRecord | undefined>;
  put(record: LookupRecord): Promise<void>;
}

/** The header's counts over a run's results. */
export interface OnlineSummary {
  checked: number;
  retracted: number;
  corrected: number;
  concern: number;
  dead: number;
  unreachable: number;
  matched: number;
  disagreeing: number;
  /** Entries with an open-access copy. */
  openAccess: number;
}

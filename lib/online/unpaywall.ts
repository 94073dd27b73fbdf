/**
 * Unpaywall's REST API v2 (https://unpaywall.org/products/api): `GET https://api.unpaywall.org/v2/{doi}?email=…`
 * answers a DOI object (https://unpaywall.org/data-format) with `doi`, `is_oa` and `best_oa_location`
 * `{ url, url_for_pdf, url_for_landing_page, host_type, version, … }` (null when the work is not open access), or 404
 * when Unpaywall does not know the DOI. The e-mail address is required (422 without a valid one); the documented limit
 * is 100,000 calls a day. Asked only when the reader gave an address; the answer is untrusted (lib/online/oa.ts).
 */
import { doiPath } from '../links';
import { getJson, serviceBase, type OnlineClient } from './http';
import { safeOaUrl, shortField } from './oa';
import { isEmail, normalizeDoi } from './text';
import type { OpenAccessAnswer, OpenAccessCopy } from './types';

export const DEFAULT_UNPAYWALL_API = 'https://api.unpaywall.org/v2';

export interface UnpaywallOptions {
  /** `CITELENS_UNPAYWALL_API` in the CLI, the fake service in tests. */
  base?: string;
  /** The reader's address; without a valid one nothing is sent. */
  email: string;
}

/** The copy in a `best_oa_location`: the PDF when it has a safe address, else the location's page (`url` is one of the two). */
export function parseUnpaywallLocation(loc: unknown): OpenAccessCopy | null {
  if (!loc || typeof loc !== 'object' || Array.isArray(loc)) return null;
  const o = loc as Record<string, unknown>;
  const pdf = safeOaUrl(o.url_for_pdf);
  const url = pdf ?? safeOaUrl(o.url_for_landing_page) ?? safeOaUrl(o.url);
  if (!url) return null;
  const copy: OpenAccessCopy = { url, source: 'unpaywall', pdf: pdf !== null };
  const version = shortField(o.version);
  if (version) copy.version = version;
  const hostType = shortField(o.host_type);
  if (hostType) copy.hostType = hostType;
  return copy;
}

/** `GET /v2/{doi}?email=` (https://unpaywall.org/products/api): the DOI's best open-access copy, none, or an error value. */
export async function findUnpaywallCopy(client: OnlineClient, doi: string, options: UnpaywallOptions): Promise<OpenAccessAnswer> {
  if (!isEmail(options.email)) return { status: 'error', error: 'Unpaywall: no valid e-mail address given' };
  const url = `${serviceBase(options.base, DEFAULT_UNPAYWALL_API)}/${doiPath(doi)}?email=${encodeURIComponent(options.email)}`;
  const answer = await getJson(client, 'unpaywall', url, 'Unpaywall', true);
  if (!answer.ok) {
    const refused = answer.status === 422 ? ' (the e-mail address was refused)' : '';
    return { status: 'error', error: answer.error + refused };
  }
  if (answer.status === 404) return { status: 'none' };
  const json = answer.json;
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { status: 'error', error: 'Unpaywall: the answer is not a DOI record' };
  const o = json as Record<string, unknown>;
  // A record for another DOI than the one asked for says nothing about this one.
  const answered = normalizeDoi(o.doi);
  if (answered !== doi.toLowerCase()) return { status: 'error', error: `Unpaywall: asked for ${doi}, answered with ${answered ?? 'no DOI'}` };
  if (o.is_oa !== true || o.best_oa_location == null) return { status: 'none' };
  const copy = parseUnpaywallLocation(o.best_oa_location);
  if (!copy) return { status: 'error', error: 'Unpaywall: the open-access location has no http(s) address' };
  return { status: 'found', copy };
}

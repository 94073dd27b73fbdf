/**
 * OpenAlex's single work by DOI (https://developers.openalex.org/api-reference/works/get-a-single-work):
 * `GET https://api.openalex.org/works/doi:{doi}?api_key=…` answers a Work with `doi` ("https://doi.org/…"),
 * `open_access { is_oa, oa_url }` and `best_oa_location { is_oa, pdf_url, landing_page_url, version, source }`, or 404.
 * Since 13 February 2026 the API wants a (free) key in `api_key`
 * (https://developers.openalex.org/api-reference/authentication); single works cost nothing from the daily allowance.
 * Asked only when the reader gave a key, and only for works Unpaywall had no copy of. The answer is untrusted.
 */
import { doiPath } from '../links';
import { getJson, serviceBase, type OnlineClient } from './http';
import { safeOaUrl, shortField } from './oa';
import { isApiKey, normalizeDoi } from './text';
import type { OpenAccessAnswer, OpenAccessCopy } from './types';

export const DEFAULT_OPENALEX_API = 'https://api.openalex.org';
/** Fields asked for (`select`, documented for single works), so the answer is a few hundred bytes, not tens of kilobytes. */
const FIELDS = 'id,doi,open_access,best_oa_location';

export interface OpenAlexOptions {
  /** `CITELENS_OPENALEX_API` in the CLI, the fake service in tests. */
  base?: string;
  key: string;
}

/** The copy in a `best_oa_location`, else `open_access.oa_url`: PDF first, then the landing page. */
export function parseOpenAlexWork(o: Record<string, unknown>): OpenAccessCopy | null {
  const loc = o.best_oa_location && typeof o.best_oa_location === 'object' && !Array.isArray(o.best_oa_location) ? (o.best_oa_location as Record<string, unknown>) : {};
  const oa = o.open_access && typeof o.open_access === 'object' ? (o.open_access as Record<string, unknown>) : {};
  const pdf = loc.is_oa === false ? null : safeOaUrl(loc.pdf_url);
  const url = pdf ?? (loc.is_oa === false ? null : safeOaUrl(loc.landing_page_url)) ?? safeOaUrl(oa.oa_url);
  if (!url) return null;
  const copy: OpenAccessCopy = { url, source: 'openalex', pdf: pdf !== null };
  const version = shortField(loc.version);
  if (version) copy.version = version;
  const hostType = shortField((loc.source as Record<string, unknown> | null | undefined)?.type);
  if (hostType) copy.hostType = hostType;
  return copy;
}

/** `GET /works/doi:{doi}?api_key=` (developers.openalex.org, "Get a single work"): the best open-access copy, none, or an error value. */
export async function findOpenAlexCopy(client: OnlineClient, doi: string, options: OpenAlexOptions): Promise<OpenAccessAnswer> {
  if (!isApiKey(options.key)) return { status: 'error', error: 'OpenAlex: no valid API key given' };
  const url = `${serviceBase(options.base, DEFAULT_OPENALEX_API)}/works/doi:${doiPath(doi)}?select=${FIELDS}&api_key=${encodeURIComponent(options.key)}`;
  const answer = await getJson(client, 'openalex', url, 'OpenAlex', true);
  if (!answer.ok) {
    // 403 is OpenAlex's "rate limit exceeded" (https://developers.openalex.org/api-reference/errors); 429 its daily limit.
    const why = answer.status === 403 ? ' (rate limit exceeded, or the key was refused)' : '';
    return { status: 'error', error: answer.error + why };
  }
  if (answer.status === 404) return { status: 'none' };
  const json = answer.json;
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { status: 'error', error: 'OpenAlex: the answer is not a work' };
  const o = json as Record<string, unknown>;
  const answered = normalizeDoi(o.doi);
  if (answered !== doi.toLowerCase()) return { status: 'error', error: `OpenAlex: asked for ${doi}, answered with ${answered ?? 'no DOI'}` };
  const oa = o.open_access as { is_oa?: unknown } | null | undefined;
  if (oa?.is_oa !== true) return { status: 'none' };
  const copy = parseOpenAlexWork(o);
  if (!copy) return { status: 'error', error: 'OpenAlex: the open-access location has no http(s) address' };
  return { status: 'found', copy };
}

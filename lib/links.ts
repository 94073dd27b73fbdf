/**
 * Every URL the panel renders is built here, so the rule "links only http(s)" has one home.
 * Identifier resolvers and look-up searches are plain addresses: nothing is sent until the reader clicks.
 */
import type { Identifier, IdentifierType } from './extract/types';

/** Where each identifier type resolves. Trailing slash or `=` included: the encoded value is appended. */
export const IDENTIFIER_RESOLVERS: Record<Exclude<IdentifierType, 'url'>, string> = {
  doi: 'https://doi.org/',
  arxiv: 'https://arxiv.org/abs/',
  pmid: 'https://pubmed.ncbi.nlm.nih.gov/',
  pmcid: 'https://www.ncbi.nlm.nih.gov/pmc/articles/',
  isbn: 'https://search.worldcat.org/isbn/',
};

/** Short names shown before an identifier in the panel. */
export const IDENTIFIER_LABELS: Record<IdentifierType, string> = {
  doi: 'DOI',
  arxiv: 'arXiv',
  pmid: 'PMID',
  pmcid: 'PMCID',
  isbn: 'ISBN',
  url: 'URL',
};

/** Search engines offered for entries without a usable link. `{q}` becomes the encoded query. */
export const LOOKUP_SERVICES: ReadonlyArray<{ name: string; template: string }> = [
  { name: 'Google Scholar', template: 'https://scholar.google.com/scholar?q={q}' },
  { name: 'Crossref', template: 'https://search.crossref.org/search/works?q={q}&from_ui=yes' },
  { name: 'WorldCat', template: 'https://search.worldcat.org/search?q={q}' },
  { name: 'Web search', template: 'https://duckduckgo.com/?q={q}' },
];

/** Long entry texts make long URLs; search engines only need the first words. */
export const LOOKUP_QUERY_MAX_CHARS = 300;

/** The URL itself when it is an absolute http(s) address, else null (javascript:, data:, relative, garbage). */
export function safeHttpUrl(raw: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}

/** The resolver address for an identifier, or null when it cannot be made into a safe http(s) link. */
export function identifierUrl(id: Identifier): string | null {
  if (id.type === 'url') return safeHttpUrl(id.value);
  const value = id.value.trim();
  if (value === '') return null;
  // DOIs keep their slashes (doi.org expects them); everything else is a single path segment.
  const encoded = id.type === 'doi' ? doiPath(value) : encodeURIComponent(value);
  return safeHttpUrl(IDENTIFIER_RESOLVERS[id.type] + encoded);
}

/** Look-up searches for an entry's text, one per service. */
export function lookupLinks(entryText: string): Array<{ name: string; url: string }> {
  const query = entryText.replace(/\s+/g, ' ').trim().slice(0, LOOKUP_QUERY_MAX_CHARS);
  if (query === '') return [];
  return LOOKUP_SERVICES.map(({ name, template }) => ({ name, url: template.replace('{q}', encodeURIComponent(query)) }));
}

/** A DOI as a URL path: each part between its slashes encoded, the slashes kept (doi.org and the registries expect them). */
export function doiPath(doi: string): string {
  return doi.split('/').map(encodeURIComponent).join('/');
}

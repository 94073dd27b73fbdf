/** A page's references as CSL-JSON (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html), written by hand. */
import type { ReferenceEntry, ReferenceList } from '../extract/types';
import { splitName, type RegistryWork } from './registry';

export interface CslItem {
  id: string;
  type: 'webpage' | 'article';
  title: string;
  URL?: string;
  DOI?: string;
  ISBN?: string;
  PMID?: string;
  PMCID?: string;
  /** The arXiv id, as CSL has no field for it: "arXiv:<id>" in `note`, as Zotero writes it. */
  note?: string;
  /** From the registry, for resolved entries and accepted matches only (lib/export/registry.ts). */
  author?: Array<{ family: string; given?: string }>;
  issued?: { 'date-parts': [[number]] };
  'container-title'?: string;
}

function first(entry: ReferenceEntry, type: ReferenceEntry['identifiers'][number]['type']): string | undefined {
  return entry.identifiers.find((i) => i.type === type)?.value;
}

/**
 * One item per entry. The entry's text is its title: the extractor does not split authors, years or venues, and a
 * guessed split would be worse than the reader's own text. Type "article" when it carries a scholarly identifier.
 */
export function entryToCsl(entry: ReferenceEntry, work?: RegistryWork): CslItem {
  const doi = first(entry, 'doi');
  const pmid = first(entry, 'pmid');
  const pmcid = first(entry, 'pmcid');
  const arxiv = first(entry, 'arxiv');
  const isbn = first(entry, 'isbn');
  const url = entry.links[0] ?? first(entry, 'url');
  const item: CslItem = { id: entry.id, type: doi || pmid || pmcid || arxiv ? 'article' : 'webpage', title: entry.text };
  if (url) item.URL = url;
  if (doi) item.DOI = doi;
  if (isbn) item.ISBN = isbn;
  if (pmid) item.PMID = pmid;
  if (pmcid) item.PMCID = pmcid.toUpperCase().startsWith('PMC') ? pmcid : `PMC${pmcid}`;
  if (arxiv) item.note = `arXiv:${arxiv}`;
  if (work) {
    // The registry's record replaces the raw text: title, authors, year, venue and DOI as the registry has them.
    item.type = 'article';
    item.title = work.title;
    item.DOI = work.doi;
    if (work.authors.length) item.author = work.authors.map((a, i) => splitName(a, work.families?.[i]));
    if (work.year) item.issued = { 'date-parts': [[work.year]] };
    if (work.venue) item['container-title'] = work.venue;
  }
  return item;
}

export function referencesToCsl(lists: ReferenceList[], works: ReadonlyMap<string, RegistryWork> = new Map()): CslItem[] {
  return lists.flatMap((l) => l.entries.map((e) => entryToCsl(e, works.get(e.id))));
}

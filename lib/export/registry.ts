/**
 * The registry's description of the works a page's entries cite, for exports (issue 24: "CSL-JSON/BibTeX/RIS of the
 * reference list use the registry's fields for resolved entries instead of the raw text"). Only two kinds count: a
 * DOI the registry resolved to a record that agrees with the entry's text, and a search candidate the reader
 * accepted. A DOI pointing to another work, or a candidate not accepted, leaves the entry's own text.
 */
import type { ReferenceEntry } from '../extract/types';
import type { EntryOnline, MatchCandidate } from '../online/types';

export interface RegistryWork {
  doi: string;
  title: string;
  /** "Given Family" as the registry gives them, and the family names in the same order when known. */
  authors: string[];
  families?: string[];
  year?: number;
  venue?: string;
}

function fromRecord(r: { title?: string; authors?: string[]; families?: string[]; year?: number; venue?: string }, doi: string): RegistryWork | null {
  if (!r.title) return null;
  const out: RegistryWork = { doi, title: r.title, authors: r.authors ?? [] };
  if (r.families && r.families.length === out.authors.length) out.families = r.families;
  if (r.year !== undefined) out.year = r.year;
  if (r.venue) out.venue = r.venue;
  return out;
}

/** Entry id → the registry's work, for the entries whose work is known (see the module comment). */
export function registryWorks(entries: readonly ReferenceEntry[], results: ReadonlyMap<string, EntryOnline>, accepted: ReadonlyMap<string, MatchCandidate>): Map<string, RegistryWork> {
  const out = new Map<string, RegistryWork>();
  for (const e of entries) {
    const d = results.get(e.id)?.doi;
    // `agrees` absent means the entry is too short to compare (a bare DOI): the record is then all there is to say.
    const work = d?.status === 'resolved' && d.agrees !== false ? fromRecord(d, d.value) : accepted.has(e.id) ? fromRecord(accepted.get(e.id)!, accepted.get(e.id)!.doi) : null;
    if (work) out.set(e.id, work);
  }
  return out;
}

/** A registry author as family and given names: the family name when the record gave it, else the last word. */
export function splitName(author: string, family: string | undefined): { family: string; given?: string } {
  if (family && author.endsWith(family)) {
    const given = author.slice(0, author.length - family.length).trim();
    return given ? { family, given } : { family };
  }
  if (family) return { family };
  const at = author.lastIndexOf(' ');
  return at > 0 ? { family: author.slice(at + 1), given: author.slice(0, at) } : { family: author };
}

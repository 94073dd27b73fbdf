/**
 * The PageReport: the contract between the content script, the side panel, the CLI, the benchmark and the tests
 * (../shared/DESIGN.md). Plain JSON only: no DOM nodes, no functions, no class instances.
 */

export type IdentifierType = 'doi' | 'arxiv' | 'pmid' | 'pmcid' | 'isbn' | 'url';

export interface Identifier {
  type: IdentifierType;
  /** Normalised value: DOI lower-cased without trailing punctuation, ISBN digits only, arXiv id without "arXiv:". */
  value: string;
  /** Where it was found: in a link target or in the entry's text. */
  source: 'href' | 'text';
}

/**
 * How an entry can be followed up:
 * - `linked`: it links to another document (same-site links count) or carries a DOI, arXiv id, PMID, PMCID or ISBN;
 * - `search-only`: its only links are search look-ups (e.g. Google Scholar);
 * - `plain-url`: a web address written as text, with no link;
 * - `none`: nothing to follow.
 */
export type LinkState = 'linked' | 'search-only' | 'plain-url' | 'none';

export interface ReferenceEntry {
  /** Stable within one report: "<listId>-e<n>" (n from 1). */
  id: string;
  /** The visible number or label ("1", "22", "a"), or "" when the entry shows none. */
  label: string;
  /** Entry text, whitespace collapsed, without back-link glyphs (^, ↑, ↩, "a b c" jump letters). */
  text: string;
  /** http(s) links to other documents (absolute URLs), in order, without back-links. */
  links: string[];
  identifiers: Identifier[];
  hasLink: boolean;
  linkState: LinkState;
  /** Ids of the citation markers that point at this entry. */
  citedBy: string[];
  /** DOM id of the entry element (or nearest), to jump to it; "" when there is none. */
  anchor: string;
}

export type ReferenceListKind = 'references' | 'notes' | 'footnotes' | 'bibliography' | 'sources' | 'sidenotes' | 'inline';

export interface ReferenceList {
  /** "r1", "r2", … in document order. */
  id: string;
  /** The visible label, verbatim (whitespace collapsed); "" when the list has no label. */
  heading: string;
  kind: ReferenceListKind;
  entries: ReferenceEntry[];
  /** The finder that found the list (lib/extract/finders), for the report's reader and the corpus report. */
  finder?: string;
}

export interface OutlineItem {
  /** "h1", "h2", … in document order; the content script maps it back to the element. */
  id: string;
  /** 1–6, the tag's number as the page wrote it (levels can skip or be inverted). */
  level: number;
  text: string;
  /** DOM id of the heading (or of an anchor inside it), "" when none. */
  anchor: string;
  /** Number of in-text citation markers between this heading and the next one. */
  citations: number;
}

export interface CitationMarker {
  /** "c1", "c2", … in document order. */
  id: string;
  /** Visible marker text, e.g. "[3]" or "3". */
  text: string;
  /** The fragment it points at, without "#". */
  target: string;
  /** The entry it points at, or null when the target is missing (a dangling marker). */
  entryId: string | null;
  /** The outline item (section) it sits in, or null before the first heading. */
  sectionId: string | null;
}

export interface Citations {
  markers: CitationMarker[];
  /** Entry ids that no marker points at (only reported for lists that use markers at all). */
  uncited: string[];
  /** Marker ids whose target is missing. */
  dangling: string[];
}

export interface ReportStats {
  elements: number;
  headings: number;
  lists: number;
  entries: number;
  unlinked: number;
  words: number;
}

export interface PageReport {
  /** Report format version, bumped on breaking changes. */
  version: 1;
  url: string;
  title: string;
  isArticle: boolean;
  /** Why the detector decided as it did, in a few words (shown in the panel and the CLI). */
  detection: { score: number; reasons: string[] };
  outline: OutlineItem[];
  referenceLists: ReferenceList[];
  citations: Citations;
  stats: ReportStats;
  /** Milliseconds per stage: the report's own working time (in a sliced report that has worked a third of its budget,
   * the pauses between its slices count too: WALL_CLOCK_AFTER_SHARE). */
  timings: Record<string, number>;
  /** True when the time or size budget ran out and the result is partial. */
  truncated: boolean;
  /** Expected failures, as plain messages (never thrown). */
  errors: string[];
}

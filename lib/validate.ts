/**
 * Everything a content script sends is checked against its type before use: a schema check, not a cast. The content
 * script runs beside a hostile page; if it were ever subverted, a malformed message must be refused, not rendered.
 */
import type { LinkState, PageReport } from './extract/types';

type Check = (v: unknown) => boolean;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str: Check = (v) => typeof v === 'string';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const bool: Check = (v) => typeof v === 'boolean';
const nullable = (c: Check): Check => (v) => v === null || c(v);
const arrayOf = (c: Check): Check => (v) => Array.isArray(v) && v.every(c);
const oneOf = (...values: string[]): Check => (v) => typeof v === 'string' && values.includes(v);
const shape = (fields: Record<string, Check>): Check => (v) => isObj(v) && Object.entries(fields).every(([k, c]) => c(v[k]));

const LINK_STATES: LinkState[] = ['linked', 'search-only', 'plain-url', 'none'];

const identifier = shape({ type: oneOf('doi', 'arxiv', 'pmid', 'pmcid', 'isbn', 'url'), value: str, source: oneOf('href', 'text') });
const entry = shape({
  id: str, label: str, text: str, links: arrayOf(str), identifiers: arrayOf(identifier), hasLink: bool,
  linkState: oneOf(...LINK_STATES), citedBy: arrayOf(str), anchor: str,
});
const list = shape({ id: str, heading: str, kind: str, entries: arrayOf(entry) });
const outlineItem = shape({ id: str, level: (v) => num(v) && (v as number) >= 1 && (v as number) <= 6, text: str, anchor: str, citations: num });
const marker = shape({ id: str, text: str, target: str, entryId: nullable(str), sectionId: nullable(str) });
const report = shape({
  version: (v) => v === 1, url: str, title: str, isArticle: bool,
  detection: shape({ score: num, reasons: arrayOf(str) }),
  outline: arrayOf(outlineItem), referenceLists: arrayOf(list),
  citations: shape({ markers: arrayOf(marker), uncited: arrayOf(str), dangling: arrayOf(str) }),
  stats: shape({ elements: num, headings: num, lists: num, entries: num, unlinked: num, words: num }),
  timings: (v) => isObj(v) && Object.values(v).every(num), truncated: bool, errors: arrayOf(str),
});

export const isPageReport = (v: unknown): v is PageReport => report(v);
export const isBadgeInfo = (v: unknown): v is { unlinked: number | null } =>
  shape({ unlinked: nullable((x) => num(x) && (x as number) >= 0 && Number.isInteger(x)) })(v);
export const isSectionInfo = (v: unknown): v is { url: string; outlineId: string | null } => shape({ url: str, outlineId: nullable(str) })(v);
export const isNoteClick = (v: unknown): v is { noteId: string } => shape({ noteId: str })(v);
export const isPageChange = (v: unknown): v is { url: string } => shape({ url: str })(v);

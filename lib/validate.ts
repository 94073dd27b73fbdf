/**
 * Everything a content script sends is checked against its type before use: a schema check, not a cast. The content
 * script runs beside a hostile page; if it were ever subverted, a malformed message must be refused, not rendered.
 */
import type { LinkState, PageReport } from './extract/types';
import { bool, guard, isObj, listOf, nullable, num, oneOf, shape, str, strArray, where, type Check } from './check';

const LINK_STATES: LinkState[] = ['linked', 'search-only', 'plain-url', 'none'];

const identifier = shape({ type: oneOf('doi', 'arxiv', 'pmid', 'pmcid', 'isbn', 'url'), value: str, source: oneOf('href', 'text') });
const entry = shape({
  id: str, label: str, text: str, links: strArray, identifiers: listOf(identifier), hasLink: bool,
  linkState: oneOf(...LINK_STATES), citedBy: strArray, anchor: str,
});
const list = shape({ id: str, heading: str, kind: str, entries: listOf(entry) });
const headingLevel = where(num, (v: number) => v >= 1 && v <= 6, 'must be a heading level, 1 to 6');
const outlineItem = shape({ id: str, level: headingLevel, text: str, anchor: str, citations: num });
const marker = shape({ id: str, text: str, target: str, entryId: nullable(str), sectionId: nullable(str) });
const timings: Check = (v) => (isObj(v) && Object.values(v).every((t) => num(t) === null) ? null : ' must map stages to numbers');
const report = shape({
  version: (v) => (v === 1 ? null : ' must be 1'), url: str, title: str, isArticle: bool,
  detection: shape({ score: num, reasons: strArray }),
  outline: listOf(outlineItem), referenceLists: listOf(list),
  citations: shape({ markers: listOf(marker), uncited: strArray, dangling: strArray }),
  stats: shape({ elements: num, headings: num, lists: num, entries: num, unlinked: num, words: num }),
  timings, truncated: bool, errors: strArray,
});
const count = where(num, (v: number) => v >= 0 && Number.isInteger(v), 'must be a whole number, 0 or more');

export const isPageReport = guard<PageReport>(report);
export const isBadgeInfo = guard<{ unlinked: number | null }>(shape({ unlinked: nullable(count) }));
export const isSectionInfo = guard<{ url: string; outlineId: string | null }>(shape({ url: str, outlineId: nullable(str) }));
export const isNoteClick = guard<{ noteId: string }>(shape({ noteId: str }));
export const isPageChange = guard<{ url: string }>(shape({ url: str }));

/** Small pure helpers over report entries, shared by the References and Citations views. */
import type { LinkState, PageReport, ReferenceEntry } from '../extract/types';

/** Entries the reader should look at: nothing to follow, or only a written address or a search look-up. */
export function isFlagged(entry: ReferenceEntry): boolean {
  return entry.linkState !== 'linked';
}

/** The visible flag for each state; `linked` shows none. */
export const LINK_STATE_FLAGS: Record<LinkState, string | null> = {
  linked: null,
  none: 'No link',
  'plain-url': 'Address only, not linked',
  'search-only': 'Search link only',
};

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "5 entries · 5 without a link" */
export function listCounts(entries: ReferenceEntry[]): string {
  const flagged = entries.filter(isFlagged).length;
  return `${plural(entries.length, 'entry', 'entries')} · ${flagged} without a link`;
}

/** Entry id → entry, over all lists. */
export function entryIndex(report: PageReport): Map<string, ReferenceEntry> {
  return new Map(report.referenceLists.flatMap((l) => l.entries.map((e) => [e.id, e] as const)));
}

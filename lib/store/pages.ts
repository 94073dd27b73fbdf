/** Saved pages: remembered when a note is saved or a report arrives; listed in the library. */
import type { PageReport } from '../extract/types';
import type { CitelensDb } from './db';
import { attempt, type StoreResult } from './errors';
import type { PageRecord } from './types';
import { liveSlots, noteScope, noteTables, readSlots, tagSlots } from './note-index';
import { normalizeUrl, siteOf } from './url';
import { pagesWithCheckStatus } from './checks';
import type { CheckStatusValue } from './types';

/** The saved page at this address, if any. */
export function getPage(db: CitelensDb, pageUrl: string): Promise<PageRecord | undefined> {
  return db.pages.get(normalizeUrl(pageUrl));
}

/** Every saved page, the most recently updated first. */
export function pagesByRecency(db: CitelensDb): Promise<PageRecord[]> {
  return db.pages.orderBy('updatedAt').reverse().toArray();
}

/** Create or refresh a page row from its report (title, outline, references); keeps its first-saved date. */
export function savePage(db: CitelensDb, pageUrl: string, title: string, report: PageReport | null, now: number = Date.now()): Promise<StoreResult<PageRecord>> {
  const url = normalizeUrl(pageUrl);
  return attempt(() =>
    db.transaction('rw', db.pages, async () => {
      const old = await db.pages.get(url);
      const record: PageRecord = {
        url,
        title: title || old?.title || '',
        site: siteOf(url),
        firstSavedAt: old?.firstSavedAt ?? now,
        updatedAt: now,
        outline: report?.outline ?? old?.outline ?? [],
        referenceLists: report?.referenceLists ?? old?.referenceLists ?? [],
        unlinked: report ? report.stats.unlinked : (old?.unlinked ?? 0),
      };
      await db.pages.put(record);
      return record;
    }),
  );
}

export interface PageSummary {
  url: string;
  title: string;
  site: string;
  firstSavedAt: number;
  updatedAt: number;
  noteCount: number;
  unlinked: number;
  entries: number;
}

/** Each group's page, from one pass over the groups' pageUrl index (no notes read). */
async function groupUrls(db: CitelensDb): Promise<Map<number, string>> {
  const urls = new Map<number, string>();
  await db.noteGroups.orderBy('pageUrl').eachKey((url, cursor) => urls.set(cursor.primaryKey as number, String(url)));
  return urls;
}

/** How many notes each page has: the live slots per group, by the group's page. */
function noteCounts(db: CitelensDb): Promise<Map<string, number>> {
  return db.transaction('r', noteScope(db), async () => {
    const [slots, urls] = await Promise.all([readSlots(noteTables(db)), groupUrls(db)]);
    const counts = new Map<string, number>();
    for (const g of slots.group) {
      if (g < 0) continue;
      const url = urls.get(g) ?? '';
      counts.set(url, (counts.get(url) ?? 0) + 1);
    }
    return counts;
  });
}

/** The pages with a note carrying `tag` (the library's tag filter), without reading the notes. */
export function pagesWithTag(db: CitelensDb, tag: string): Promise<Set<string>> {
  const tables = noteTables(db);
  return db.transaction('r', noteScope(db), async () => {
    const [byTag, slots, urls] = await Promise.all([tagSlots(tables, tag), readSlots(tables), groupUrls(db)]);
    return new Set(liveSlots(byTag.get(tag) ?? [], slots).map((s) => urls.get(slots.group[s]) ?? ''));
  });
}

/** Every page with its note count, most recently updated first. */
export async function listPages(db: CitelensDb): Promise<PageSummary[]> {
  const [pages, counts] = await Promise.all([db.pages.toArray(), noteCounts(db)]);
  return pages
    .map((p) => ({
      url: p.url,
      title: p.title,
      site: p.site,
      firstSavedAt: p.firstSavedAt,
      updatedAt: p.updatedAt,
      noteCount: counts.get(p.url) ?? 0,
      unlinked: p.unlinked,
      entries: (p.referenceLists ?? []).reduce((n, l) => n + l.entries.length, 0),
    }))
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

export interface PageFilter {
  /** Only pages with a note carrying this tag. */
  tag?: string;
  /** Only pages with an entry in this check status. */
  status?: CheckStatusValue;
}

/** The pages passing every filter given, or null when none is given (every page passes). */
export async function filterPages(db: CitelensDb, filter: PageFilter): Promise<Set<string> | null> {
  let urls: Set<string> | null = null;
  if (filter.tag) urls = await pagesWithTag(db, filter.tag);
  if (filter.status) {
    const withStatus = await pagesWithCheckStatus(db, filter.status);
    urls = urls ? new Set([...urls].filter((u) => withStatus.has(u))) : withStatus;
  }
  return urls;
}

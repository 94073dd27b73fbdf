/** Saved pages: remembered when a note is saved or a report arrives; listed in the library. */
import type { PageReport } from '../extract/types';
import type { CitelensDb } from './db';
import { attempt, type StoreResult } from './errors';
import type { PageRecord } from './types';
import { normalizeUrl, siteOf } from './url';

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

/** Every page with its note count, most recently updated first. Counts come from one pass over the pageUrl index. */
export async function listPages(db: CitelensDb): Promise<PageSummary[]> {
  const [pages, keys] = await Promise.all([db.pages.toArray(), db.notes.orderBy('pageUrl').keys()]);
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(String(k), (counts.get(String(k)) ?? 0) + 1);
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

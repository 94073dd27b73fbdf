/** Reference check status per page and entry (keyed by the entry text's fingerprint). */
import type { CitelensDb } from './db';
import { attempt, failure, type StoreResult } from './errors';
import { entryFingerprint } from './fingerprint';
import { CHECK_STATUSES, type CheckRecord, type CheckStatusValue } from './types';
import { normalizeUrl, siteOf } from './url';

export function checkId(pageUrl: string, fingerprint: string): string {
  return `${pageUrl} ${fingerprint}`;
}

export interface EntryRef {
  id: string;
  text: string;
}

export async function setCheckStatus(
  db: CitelensDb,
  pageUrl: string,
  entry: EntryRef,
  status: CheckStatusValue,
  note: string = '',
  now: number = Date.now(),
  pageTitle: string = '',
): Promise<StoreResult<CheckRecord>> {
  if (!CHECK_STATUSES.includes(status)) return failure('invalid', `unknown status "${String(status)}"`);
  const url = normalizeUrl(pageUrl);
  const fingerprint = entryFingerprint(entry.text);
  const record: CheckRecord = { id: checkId(url, fingerprint), pageUrl: url, fingerprint, entryId: entry.id, entryText: entry.text, status, note, updatedAt: now };
  return attempt(() =>
    db.transaction('rw', db.checks, db.pages, async () => {
      // The page joins the library the first time one of its entries is checked.
      if (!(await db.pages.get(url))) {
        await db.pages.add({ url, title: pageTitle, site: siteOf(url), firstSavedAt: now, updatedAt: now, outline: [], referenceLists: [], unlinked: 0 });
      }
      await db.checks.put(record);
      return record;
    }),
  );
}

export function checksForPage(db: CitelensDb, pageUrl: string): Promise<CheckRecord[]> {
  return db.checks.where('pageUrl').equals(normalizeUrl(pageUrl)).toArray();
}

/** Status of one entry from a page's checks (by fingerprint); 'unchecked' when none. */
export function statusOf(checks: CheckRecord[], entryText: string): CheckRecord | undefined {
  const fp = entryFingerprint(entryText);
  return checks.find((c) => c.fingerprint === fp);
}

export type CheckCounts = Record<CheckStatusValue, number> & { total: number };

/** Counts over the entries as they are now (checks of entries no longer on the page are not counted). */
export function countChecks(checks: CheckRecord[], entryTexts: string[]): CheckCounts {
  const byFp = new Map(checks.map((c) => [c.fingerprint, c.status]));
  const counts: CheckCounts = { unchecked: 0, verified: 0, disputed: 0, 'not-found': 0, total: entryTexts.length };
  for (const text of entryTexts) counts[byFp.get(entryFingerprint(text)) ?? 'unchecked'] += 1;
  return counts;
}

/** "3 of 12 verified". */
export function formatCheckCount(counts: CheckCounts): string {
  return `${counts.verified} of ${counts.total} verified`;
}

/** The pages with at least one entry in `status` (the library's check-status filter). */
export async function pagesWithCheckStatus(db: CitelensDb, status: CheckStatusValue): Promise<Set<string>> {
  return new Set((await db.checks.where('status').equals(status).toArray()).map((c) => c.pageUrl));
}

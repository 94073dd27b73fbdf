/** Reference checks of one page, live, with "3 of 12 verified" counts for the panel's References header. */
import { checksForPage, countChecks, formatCheckCount, type CheckCounts } from '../../lib/store/checks';
import type { CheckRecord } from '../../lib/store/types';
import type { PageReport } from '../../lib/extract/types';
import { useNotesEnv } from './env';
import { useLiveQuery } from './useLiveQuery';

export interface ChecksState {
  checks: CheckRecord[];
  counts: CheckCounts;
  /** "3 of 12 verified". */
  label: string;
  error: string | null;
}

export function useChecks(pageUrl: string, report: PageReport | null): ChecksState {
  const { db } = useNotesEnv();
  const { value: checks, error } = useLiveQuery(() => checksForPage(db, pageUrl), [db, pageUrl], [] as CheckRecord[]);
  const texts = (report?.referenceLists ?? []).flatMap((l) => l.entries.map((e) => e.text));
  const counts = countChecks(checks, texts);
  return { checks, counts, label: formatCheckCount(counts), error };
}

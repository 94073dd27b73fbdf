/** A reference entry's check status: a labelled <select> the panel puts beside each entry. */
import { useState } from 'preact/hooks';
import type { ReferenceEntry } from '../../lib/extract/types';
import { setCheckStatus, statusOf } from '../../lib/store/checks';
import { CHECK_STATUSES, type CheckRecord, type CheckStatusValue } from '../../lib/store/types';
import { useNotesEnv } from './env';

export const CHECK_STATUS_LABELS: Record<CheckStatusValue, string> = {
  unchecked: 'Unchecked',
  verified: 'Verified',
  disputed: 'Disputed',
  'not-found': 'Not found',
};

export interface CheckStatusProps {
  pageUrl: string;
  /** The page's title, so the library lists the page once a status is set. */
  title?: string;
  entry: Pick<ReferenceEntry, 'id' | 'text'>;
  /** From useChecks(pageUrl, report).checks. */
  checks: CheckRecord[];
}

export function CheckStatus({ pageUrl, title = '', entry, checks }: CheckStatusProps) {
  const { db, now } = useNotesEnv();
  const [error, setError] = useState<string | null>(null);
  const current = statusOf(checks, entry.text);
  const value = current?.status ?? 'unchecked';
  async function change(next: CheckStatusValue) {
    const r = await setCheckStatus(db, pageUrl, entry, next, current?.note ?? '', now(), title);
    setError(r.ok ? null : r.reason);
  }
  return (
    <span class={`check-status check-${value}`}>
      <select aria-label="Check status" value={value} onChange={(e) => change((e.currentTarget as HTMLSelectElement).value as CheckStatusValue)}>
        {CHECK_STATUSES.map((s) => (
          <option value={s}>{CHECK_STATUS_LABELS[s]}</option>
        ))}
      </select>
      {error && <span role="alert">{error}</span>}
    </span>
  );
}

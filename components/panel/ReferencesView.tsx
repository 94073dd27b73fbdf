import { useState } from 'preact/hooks';
import type { ReferenceList } from '@/lib/extract/types';
import type { CheckRecord } from '@/lib/store/types';
import { isFlagged, listCounts } from '@/lib/panel/entries';
import { CheckStatus } from '@/components/notes/CheckStatus';
import { EntryItem } from './EntryItem';
import { usePaged } from './usePaged';

/** The reader's check statuses for this page's entries (from useChecks); the controls need a NotesProvider above. */
export interface EntryChecks {
  pageUrl: string;
  title: string;
  records: CheckRecord[];
  /** "3 of 12 verified". */
  label: string;
  error: string | null;
}

export interface ReferencesViewProps {
  lists: ReferenceList[];
  /** When given, a "Check status" control beside each entry and the verified count above the lists. */
  checks?: EntryChecks;
  onJumpEntry(id: string): void;
  onJumpMarker(id: string): void;
}

function ListSection({ list, onlyFlagged, checks, onJumpEntry, onJumpMarker }: { list: ReferenceList; onlyFlagged: boolean } & Omit<ReferencesViewProps, 'lists'>) {
  const shown = onlyFlagged ? list.entries.filter(isFlagged) : list.entries;
  const { visible, hidden, showMore } = usePaged(shown);
  const headingId = `list-${list.id}`;
  return (
    <section class="ref-list" aria-labelledby={headingId}>
      <h2 id={headingId}>{list.heading || 'Untitled list'}</h2>
      <p class="counts">{listCounts(list.entries)}</p>
      {shown.length === 0 ? (
        <p class="empty">Every entry in this list has a link.</p>
      ) : (
        <ol class="entries" aria-labelledby={headingId}>
          {visible.map((entry) => (
            <EntryItem
              key={entry.id}
              entry={entry}
              onJumpEntry={onJumpEntry}
              onJumpMarker={onJumpMarker}
              check={checks && <CheckStatus pageUrl={checks.pageUrl} title={checks.title} entry={entry} checks={checks.records} />}
            />
          ))}
        </ol>
      )}
      {hidden > 0 && (
        <button type="button" class="more" onClick={showMore}>
          Show more ({hidden} not shown)
        </button>
      )}
    </section>
  );
}

/** Every reference list with its counts; a filter keeps only the entries without a usable link. */
export function ReferencesView({ lists, checks, onJumpEntry, onJumpMarker }: ReferencesViewProps) {
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  if (lists.length === 0) return <p class="empty">No reference list was found on this page.</p>;
  return (
    <div class="references">
      <label class="filter">
        <input type="checkbox" checked={onlyFlagged} onChange={(e) => setOnlyFlagged((e.currentTarget as HTMLInputElement).checked)} />
        Only flagged
      </label>
      {checks && (
        <p class="check-count" aria-live="polite">
          {checks.label}
        </p>
      )}
      {checks?.error && <p role="alert">Check statuses could not be read: {checks.error}</p>}
      {lists.map((list) => (
        <ListSection key={list.id} list={list} onlyFlagged={onlyFlagged} checks={checks} onJumpEntry={onJumpEntry} onJumpMarker={onJumpMarker} />
      ))}
    </div>
  );
}

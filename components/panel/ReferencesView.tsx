import { useState } from 'preact/hooks';
import type { ReferenceList } from '@/lib/extract/types';
import { isFlagged, listCounts } from '@/lib/panel/entries';
import { EntryItem } from './EntryItem';
import { usePaged } from './usePaged';

export interface ReferencesViewProps {
  lists: ReferenceList[];
  onJumpEntry(id: string): void;
  onJumpMarker(id: string): void;
}

function ListSection({ list, onlyFlagged, onJumpEntry, onJumpMarker }: { list: ReferenceList; onlyFlagged: boolean } & Omit<ReferencesViewProps, 'lists'>) {
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
            <EntryItem key={entry.id} entry={entry} onJumpEntry={onJumpEntry} onJumpMarker={onJumpMarker} />
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
export function ReferencesView({ lists, onJumpEntry, onJumpMarker }: ReferencesViewProps) {
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  if (lists.length === 0) return <p class="empty">No reference list was found on this page.</p>;
  return (
    <div class="references">
      <label class="filter">
        <input type="checkbox" checked={onlyFlagged} onChange={(e) => setOnlyFlagged((e.currentTarget as HTMLInputElement).checked)} />
        Only flagged
      </label>
      {lists.map((list) => (
        <ListSection key={list.id} list={list} onlyFlagged={onlyFlagged} onJumpEntry={onJumpEntry} onJumpMarker={onJumpMarker} />
      ))}
    </div>
  );
}

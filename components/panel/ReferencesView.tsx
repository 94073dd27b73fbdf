import { Component } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import type { ReferenceEntry, ReferenceList } from '@/lib/extract/types';
import type { CheckRecord } from '@/lib/store/types';
import { isFlagged, listCounts } from '@/lib/panel/entries';
import { CheckStatus } from '@/components/notes/CheckStatus';
import { EntryItem } from './EntryItem';
import { usePaged } from './usePaged';
import { useProgressive } from './useProgressive';

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

/** Jump handlers that keep their identity across renders (they call the latest props), so rows can skip re-rendering. */
interface EntryActions {
  jumpEntry(id: string): void;
  jumpMarker(id: string): void;
}

interface RowProps {
  entry: ReferenceEntry;
  checks?: EntryChecks;
  actions: EntryActions;
}

/**
 * One entry of a list. It is drawn again only when its entry or the check statuses change: not when more entries are
 * appended below it (useProgressive), nor when the panel re-renders for the section being read.
 */
class Row extends Component<RowProps> {
  shouldComponentUpdate(next: RowProps): boolean {
    const was = this.props.checks;
    const now = next.checks;
    return next.entry !== this.props.entry || next.actions !== this.props.actions || was?.records !== now?.records || was?.pageUrl !== now?.pageUrl || was?.title !== now?.title;
  }

  render({ entry, checks, actions }: RowProps) {
    return (
      <EntryItem
        entry={entry}
        onJumpEntry={actions.jumpEntry}
        onJumpMarker={actions.jumpMarker}
        check={checks && <CheckStatus pageUrl={checks.pageUrl} title={checks.title} entry={entry} checks={checks.records} />}
      />
    );
  }
}

function ListSection({ list, onlyFlagged, checks, actions }: { list: ReferenceList; onlyFlagged: boolean; checks?: EntryChecks; actions: EntryActions }) {
  const shown = useMemo(() => (onlyFlagged ? list.entries.filter(isFlagged) : list.entries), [list.entries, onlyFlagged]);
  const { visible, hidden, showMore } = usePaged(shown);
  // A first screenful now, the rest of the page in idle time: the panel paints before every entry is built.
  const drawn = useProgressive(visible.length, onlyFlagged);
  const headingId = `list-${list.id}`;
  return (
    <section class="ref-list" aria-labelledby={headingId}>
      <h2 id={headingId}>{list.heading || 'Untitled list'}</h2>
      <p class="counts">{listCounts(list.entries)}</p>
      {shown.length === 0 ? (
        <p class="empty">Every entry in this list has a link.</p>
      ) : (
        <ol class="entries" aria-labelledby={headingId}>
          {visible.slice(0, drawn).map((entry) => (
            <Row key={entry.id} entry={entry} checks={checks} actions={actions} />
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
  const latest = useRef({ onJumpEntry, onJumpMarker });
  latest.current = { onJumpEntry, onJumpMarker };
  const [actions] = useState<EntryActions>(() => ({
    jumpEntry: (id) => latest.current.onJumpEntry(id),
    jumpMarker: (id) => latest.current.onJumpMarker(id),
  }));
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
        <ListSection key={list.id} list={list} onlyFlagged={onlyFlagged} checks={checks} actions={actions} />
      ))}
    </div>
  );
}

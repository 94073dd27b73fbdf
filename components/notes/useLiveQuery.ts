/** Dexie's liveQuery as a Preact hook: re-runs when the rows it read change, in this or another panel/tab. */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export interface LiveState<T> {
  value: T;
  error: string | null;
}

export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[], initial: T): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>({ value: initial, error: null });
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: null }),
      error: (e: unknown) => setState((s) => ({ value: s.value, error: e instanceof Error ? e.message : String(e) })),
    });
    return () => sub.unsubscribe();
    // The caller lists what the query depends on, as with useEffect.
  }, deps);
  return state;
}

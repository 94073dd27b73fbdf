/**
 * A component loaded in a chunk of its own when it is first shown: the panel's initial JS stays within its budget
 * (60 KB gzip, bench/sizes.ts), and what a reader never opens is never parsed. `fallback` shows until it arrives. A
 * chunk that fails to load is asked for once more; if that fails too, the reader is told so instead of seeing nothing.
 */
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** The wait before the second try (a chunk read while the extension's files were being replaced, say). */
export const LAZY_RETRY_MS = 300;

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>, fallback: () => JSX.Element | null = () => null) {
  let cached: ComponentType<P> | null = null;
  const loadOnceMore = () => load().catch(() => new Promise<ComponentType<P>>((resolve, reject) => setTimeout(() => load().then(resolve, reject), LAZY_RETRY_MS)));
  return function Lazy(props: P) {
    const [Loaded, setLoaded] = useState<ComponentType<P> | null>(() => cached);
    const [failed, setFailed] = useState<string | null>(null);
    useEffect(() => {
      if (Loaded) return;
      let live = true;
      loadOnceMore().then(
        (c) => {
          cached = c;
          if (live) setLoaded(() => c);
        },
        (e: unknown) => {
          if (live) setFailed(e instanceof Error ? e.message : String(e));
        },
      );
      return () => {
        live = false;
      };
    }, []);
    if (Loaded) return <Loaded {...props} />;
    if (failed) return <p role="alert">This part of the panel could not be loaded ({failed}). Closing and reopening the panel loads it again.</p>;
    return fallback();
  };
}

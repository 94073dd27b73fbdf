/**
 * A component loaded in a chunk of its own when it is first shown: the panel's initial JS stays within its budget
 * (60 KB gzip, bench/sizes.ts), and what a reader never opens is never parsed. `fallback` shows until it arrives.
 */
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>, fallback: () => JSX.Element | null = () => null) {
  let cached: ComponentType<P> | null = null;
  return function Lazy(props: P) {
    const [Loaded, setLoaded] = useState<ComponentType<P> | null>(() => cached);
    useEffect(() => {
      if (Loaded) return;
      let live = true;
      void load().then((c) => {
        cached = c;
        if (live) setLoaded(() => c);
      });
      return () => {
        live = false;
      };
    }, []);
    return Loaded ? <Loaded {...props} /> : fallback();
  };
}

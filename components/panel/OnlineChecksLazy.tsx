/**
 * OnlineChecks in a chunk of its own, loaded after the References tab paints: the panel's initial JS stays within its
 * budget (README, Speed: ≤ 60 KB gzip), and a reader who never checks online never parses the online code.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { OnlineChecksProps } from './OnlineChecks';

export function OnlineChecksLazy(props: OnlineChecksProps) {
  const [Loaded, setLoaded] = useState<ComponentType<OnlineChecksProps> | null>(null);
  useEffect(() => {
    let live = true;
    void import('./OnlineChecks').then((m) => live && setLoaded(() => m.OnlineChecks));
    return () => {
      live = false;
    };
  }, []);
  return Loaded ? <Loaded {...props} /> : null;
}

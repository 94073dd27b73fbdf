/** OnlineChecks in a chunk of its own, loaded after the References tab paints: a reader who never checks online never
 * parses the online code. */
import { lazyComponent } from '@/components/ui/lazy';
import type { OnlineChecksProps } from './OnlineChecks';

export const OnlineChecksLazy = lazyComponent<OnlineChecksProps>(() => import('./OnlineChecks').then((m) => m.OnlineChecks));

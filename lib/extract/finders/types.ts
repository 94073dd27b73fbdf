/** What a finder is: one way of finding reference lists on a page, run in order from finders/index.ts. */
import type { Scan } from '../index';
import type { EntrySource } from '../entries';
import type { ReferenceListKind } from '../types';
import type { Work } from '../work';

export interface FoundList {
  heading: string;
  /** The label element (a heading or a label block), when the list has one. */
  labelEl: Element | null;
  kind: ReferenceListKind;
  sources: EntrySource[];
  /** The list was cut short of its end (cutShort): the page's list has more sources than these. */
  partial?: boolean;
  /** The finder that found it (set when it is claimed). */
  finder?: string;
}

export interface FinderContext {
  scan: Scan;
  /** An element's collapsed text when it is short enough to be a label, else null (memoised per report). */
  short: (el: Element) => string | null;
  expired: () => boolean;
  /** Is `el` a claimed source or inside one? */
  isClaimed(el: Element): boolean;
  /** By scan index: 1 for the elements that are claimed sources or inside one. */
  claimedAt: Uint8Array;
  /** The lists kept so far, in the order found. */
  found: readonly FoundList[];
  /** The claimed sources (and blocks) themselves. */
  claimed: Set<Element>;
  /** Keep `list`: its sources (and, when it is partial, `blocks`; and `also`, e.g. its label) are claimed. */
  claim(list: FoundList, blocks?: Element[], also?: Element[]): Work<void>;
}

export interface Finder {
  name: string;
  find(ctx: FinderContext): Work<void>;
}

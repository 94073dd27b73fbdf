/**
 * Reference lists: the finders of finders/index.ts, run in order over one page, each claiming the sources it keeps so
 * that no later finder takes them again; then each list's entries, built.
 */
import { MAX_REPORT_ENTRIES } from './rules';
import { type Scan, indexOf, tagOf } from './index';
import { buildEntry } from './entries';
import { entryCheckpoint } from './finders/blocks';
import { FINDERS } from './finders/index';
import { shortTextReader } from './finders/labels';
import type { FinderContext, FoundList } from './finders/types';
import type { ReferenceList } from './types';
import { checkpoint, type Work } from './work';

export type { FoundList } from './finders/types';
export { isReferenceLabel } from './finders/labels';

export function* findReferenceLists(scan: Scan, expired: () => boolean = () => false): Work<FoundList[]> {
  const found: FoundList[] = [];
  const claimed = new Set<Element>();
  // The scanned elements that are claimed sources or inside one, by scan index: isClaimed answers without walking up
  // an element's ancestors (the inline-label and marker finders ask it of every first <b> and every in-page link of
  // the page: 10 of the reference lists' ~40 ms on refs-3000 in Chromium). A scanned element's ancestors are all
  // scanned, and an element the scan did not reach is inside no scanned source: those are looked up as before.
  const claimedAt = new Uint8Array(scan.elements);
  let finder = '';
  const ctx: FinderContext = {
    scan,
    short: shortTextReader(),
    expired,
    found,
    claimed,
    claimedAt,
    // A partial list claims the blocks it was gathered from too, so that no later finder takes its items past the cap
    // for a list of their own. Pauses every CLOCK_CHECK_EVERY sources: a list gathered to its cap has 10,000.
    *claim(l, blocks = [], also = []) {
      const els = [...l.sources.map((s) => s.el), ...(l.partial ? blocks : []), ...also];
      for (let k = 0; k < els.length; k++) {
        if (checkpoint(k)) yield;
        const el = els[k];
        claimed.add(el);
        const at = indexOf(scan, el);
        if (at !== undefined) claimedAt.fill(1, at, scan.ends[at] + 1);
      }
      l.finder = finder;
      found.push(l);
    },
    isClaimed(el) {
      const at = indexOf(scan, el);
      if (at !== undefined) return claimedAt[at] === 1;
      for (let e: Element | null = el; e; e = e.parentElement) if (claimed.has(e)) return true;
      return false;
    },
  };
  for (const f of FINDERS) {
    if (expired()) break;
    finder = f.name;
    yield* f.find(ctx);
  }
  return inOrder(found, scan);
}

function inOrder(found: FoundList[], scan: Scan): FoundList[] {
  const pos = (l: FoundList) => indexOf(scan, l.labelEl ?? l.sources[0].el) ?? 0;
  return found.sort((a, b) => pos(a) - pos(b));
}

/** The lists' entries, built. Past the deadline the lists end where building stopped, and `found` is cut to match
 * (each list's sources stay aligned with its entries). */
export function* toReferenceLists(found: FoundList[], pageUrl: string, scan?: Scan, expired: () => boolean = () => false): Work<ReferenceList[]> {
  const lists: ReferenceList[] = [];
  let built = 0;
  for (const [i, l] of found.entries()) {
    const id = `r${i + 1}`;
    const start = l.sources[0] && tagOf(l.sources[0].el) === 'LI' ? Number(l.sources[0].el.parentElement?.getAttribute('start') ?? 1) || 1 : 1;
    const list: ReferenceList = { id, heading: l.heading, kind: l.kind, entries: [], ...(l.finder ? { finder: l.finder } : {}) };
    lists.push(list);
    for (const [k, s] of l.sources.entries()) {
      const check = entryCheckpoint(built++);
      if (built > MAX_REPORT_ENTRIES || (check && expired())) {
        // A list cut before its first entry is left out whole.
        if (k === 0) lists.pop();
        l.sources.length = k;
        found.length = k === 0 ? i : i + 1;
        return lists;
      }
      if (check) yield;
      const ordered = tagOf(s.el) === 'LI' && tagOf(s.el.parentElement ?? s.el) === 'OL';
      list.entries.push(buildEntry(s, `${id}-e${k + 1}`, ordered ? String(start + k) : '', pageUrl, scan));
    }
  }
  return lists;
}

/** In-text citation markers tied to their entries; entries never cited; markers whose target is missing. */
import { MARKER_TARGET, MARKER_TEXT } from './rules';
import { MARK_NAMED, MARK_NOTEREF, type Scan, collapse, elementAt, fragmentTarget, indexOf, readWhole, scannedId } from './index';
import type { EntrySource } from './entries';
import type { Citations, ReferenceList } from './types';
import { checkpoint, type Work } from './work';

export interface MarkerHit {
  el: Element;
  markerId: string;
}

/**
 * Map every id inside an entry to that entry, then read each in-page link outside the lists once. Linear: one pass
 * over the entries' subtrees and one over the fragment links.
 */
export function* linkCitations(scan: Scan, lists: ReferenceList[], sources: EntrySource[][], sectionOf: (el: Element) => string | null, expired: () => boolean = () => false): Work<{ citations: Citations; markers: MarkerHit[] }> {
  const entryById = new Map<string, { list: number; entry: number }>();
  // Which scanned elements are inside an entry, by document order (a complete scan); else the entries' roots, and each
  // link's ancestors are looked up.
  const inEntryAt = scan.complete ? new Uint8Array(scan.elements) : null;
  const inEntry = new Set<Element>();
  let read = 0;
  for (const [li, srcs] of sources.entries()) {
    for (const [ei, s] of srcs.entries()) {
      if (checkpoint(read++)) yield;
      const roots = s.nodes ? (s.nodes.filter((n) => n.nodeType === 1) as Element[]) : [s.el];
      for (const r of roots) {
        inEntry.add(r);
        const scanned = indexOf(scan, r);
        const id = scannedId(scan, r, scanned);
        if (id) entryById.set(id, { list: li, entry: ei });
        // The root's index in a complete scan (undefined for an element the scan did not reach).
        const at = inEntryAt ? scanned : undefined;
        if (!namesFromScan(scan, at, li, ei, entryById)) {
          for (const d of Array.from(r.querySelectorAll('[id],[name]'))) {
            const k = d.getAttribute('id') ?? d.getAttribute('name');
            if (k && !entryById.has(k)) entryById.set(k, { list: li, entry: ei });
          }
        }
        // An element the scan did not reach holds no scanned link.
        if (inEntryAt && at !== undefined) markSubtree(scan, inEntryAt, at);
      }
    }
  }
  const citations: Citations = { markers: [], uncited: [], dangling: [] };
  const hits: MarkerHit[] = [];
  const used = new Set<number>();
  let cut = false;
  for (let i = 0; i < scan.fragmentAt.length; i++) {
    if (checkpoint(i)) {
      if (expired()) {
        cut = true;
        break;
      }
      yield;
    }
    const at = scan.fragmentAt[i];
    if (inEntryAt && inEntryAt[at]) continue;
    const a = elementAt(scan, at);
    if (!a || (!inEntryAt && isInside(a, inEntry))) continue;
    const target = fragmentTarget(scan, at)!;
    const hit = entryById.get(target);
    if (!hit) {
      // A link to no entry is a marker only when it looks like one and its target is missing (a dangling marker);
      // a link to an element of the page that exists (a table of contents) is not read further.
      if (scan.ids.has(target)) continue;
      const looksLikeMarker = (scan.marks[at] & MARK_NOTEREF) !== 0 || MARKER_TARGET.test(target) || (MARKER_TEXT.test(collapse(a.textContent ?? '')) && a.closest('sup') !== null);
      if (!looksLikeMarker) continue;
    }
    const text = collapse(a.textContent ?? '');
    const id = `c${citations.markers.length + 1}`;
    const entry = hit ? lists[hit.list].entries[hit.entry] : null;
    citations.markers.push({ id, text, target, entryId: entry?.id ?? null, sectionId: sectionOf(a) });
    hits.push({ el: a, markerId: id });
    if (entry) {
      entry.citedBy.push(id);
      used.add(hit!.list);
    } else citations.dangling.push(id);
  }
  // Entries never cited, in lists that are cited at all (a list nobody marks in the text is a bibliography). Only when
  // every marker was read: past the deadline, an entry whose markers come later is not "never cited".
  if (!cut) for (const li of used) for (const e of lists[li].entries) if (!e.citedBy.length) citations.uncited.push(e.id);
  return { citations, markers: hits };
}

/**
 * The ids and names inside the complete scan's element `at` (not itself), first one wins, as
 * `querySelectorAll('[id],[name]')` finds them: from the scan's marks, so only the elements that have one are asked.
 * False (nothing added) without an index, or when the scan did not read the subtree whole (a script, a button or an
 * SVG inside, where the selector would look).
 */
function namesFromScan(scan: Scan, at: number | undefined, list: number, entry: number, entryById: Map<string, { list: number; entry: number }>): boolean {
  if (at === undefined || !readWhole(scan, at)) return false;
  for (let j = at + 1, end = scan.ends[at]; j <= end; j++) {
    if (!(scan.marks[j] & MARK_NAMED)) continue;
    const d = elementAt(scan, j);
    if (!d?.matches('[id],[name]')) continue;
    const k = d.getAttribute('id') ?? d.getAttribute('name');
    if (k && !entryById.has(k)) entryById.set(k, { list, entry });
  }
  return true;
}

/** Mark the scan's element `at` and its subtree. A part already marked is a whole subtree (entries may nest): skipped. */
function markSubtree(scan: Scan, marked: Uint8Array, at: number) {
  for (let j = at, end = scan.ends[at]; j <= end; j++) {
    if (marked[j]) j = scan.ends[j];
    else marked[j] = 1;
  }
}

function isInside(el: Element, set: Set<Element>): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (set.has(e)) return true;
  return false;
}

/** Notes that only in-text markers lead to (Substack's div.footnote blocks, hand-made "#note-1" footnotes). */
import { AUTHOR_NOTE_CLASS, MARKER_TARGET, MARKER_TEXT } from '../rules';
import { MARK_NOTEREF, collapse, elementAt, fragmentTarget, hrefAt, indexOf, tagOf } from '../index';
import { checkpoint } from '../work';
import { acceptable } from './blocks';
import { containsHeading } from './labels';
import type { Finder, FoundList } from './types';

/** A note reached from a marker is a paragraph or two, not a whole section (10× the longest corpus footnote). */
const MAX_NOTE_CHARS = 5000;

export const markerTargets: Finder = {
  name: 'marker-targets',
  *find(ctx) {
    const { scan, expired } = ctx;
    const targets: Element[] = [];
    const seenTargets = new Set<Element>();
    for (let i = 0; i < scan.fragmentAt.length; i++) {
      if (checkpoint(i)) {
        if (expired()) break;
        yield;
      }
      const at = scan.fragmentAt[i];
      const href = hrefAt(scan, at)!;
      // A marker has role doc-noteref, or a note-like target and marker-like text. The cheap tests come first, and the
      // text is read only for a link whose note is still unclaimed (a reference list's own markers stop at their
      // claimed entry).
      const byTarget = MARKER_TARGET.test(href.slice(1));
      const noteref = (scan.marks[at] & MARK_NOTEREF) !== 0;
      if (!byTarget && !noteref) continue;
      // A link inside a claimed list (a back-link from an entry to its marker) leads to no new note.
      if (ctx.claimedAt[at]) continue;
      const target = scan.ids.get(fragmentTarget(scan, at)!);
      // Of a marker and its back-link, which point at each other, the marker comes first.
      if (target && tagOf(target) === 'A' && (indexOf(scan, target) ?? 0) < at) continue;
      const block = target?.closest('li,p,div,aside,dd');
      // A note on the authors (their byline's † or *) is not one of the article's notes.
      if (!block || seenTargets.has(block) || ctx.isClaimed(block) || AUTHOR_NOTE_CLASS.test(block.getAttribute('class') ?? '')) continue;
      const a = elementAt(scan, at);
      if (!a) continue;
      if (byTarget && !noteref && !MARKER_TEXT.test(collapse(a.textContent ?? ''))) continue;
      if (ctx.isClaimed(a) || block.contains(a) || containsHeading(block, scan)) continue;
      if (collapse(block.textContent ?? '').length > MAX_NOTE_CHARS) continue;
      seenTargets.add(block);
      targets.push(block);
    }
    if (targets.length) {
      targets.sort((x, y) => (indexOf(scan, x) ?? 0) - (indexOf(scan, y) ?? 0));
      const list: FoundList = { heading: '', labelEl: null, kind: 'footnotes', sources: targets.map((el) => ({ el })) };
      if (yield* acceptable(list, scan)) yield* ctx.claim(list);
    }
  },
};

/** A list behind a label: a reference heading ("References", "Einzelnachweise") or a label block ("Quellen:"), and
 * the sibling blocks after it up to the next heading or label. A list whose sources another finder already took
 * (a machine-marked list under the same heading: its first source is claimed) is left to it. */
import { collapse, isHeadingTag, tagOf } from '../index';
import { headingText } from '../outline';
import { acceptable, cleanEntries, cutShort, entriesFromBlocks } from './blocks';
import { blocksAfter, findLabels, kindOf, labelBox, linesAfter } from './labels';
import type { Finder, FoundList } from './types';

export const labelled: Finder = {
  name: 'labelled',
  *find(ctx) {
    const { scan, short, expired } = ctx;
    for (const label of yield* findLabels(scan, short, expired)) {
      if (expired()) break;
      yield;
      if (ctx.isClaimed(label)) continue;
      const heading = isHeadingTag(tagOf(label)) ? headingText(label) : collapse(label.textContent ?? '');
      const box = labelBox(label, short);
      const blocks = blocksAfter(box, scan);
      // An inline label over lines of its own block: its lines are the entries (the links among them are not blocks).
      const lines = linesAfter(box, short);
      const gathered = lines.length ? lines : yield* entriesFromBlocks(blocks, scan, expired);
      if (gathered.length && ctx.isClaimed(gathered[0].el)) continue;
      const sources = yield* cleanEntries(gathered, scan, expired);
      const list: FoundList = { heading, labelEl: label, kind: kindOf(heading), sources, partial: cutShort(gathered.length, sources) };
      if (yield* acceptable(list, scan)) yield* ctx.claim(list, blocks);
    }
  },
};

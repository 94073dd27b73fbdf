/** A list behind a label: a reference heading ("References", "Einzelnachweise") or a label block ("Quellen:"), and
 * the sibling blocks after it up to the next heading or label. A list whose sources another finder already took
 * (a machine-marked list under the same heading: its first source is claimed) is left to it. */
import { isHeadingTag, tagOf } from '../index';
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
      const heading = headingText(label);
      const box = labelBox(label, short);
      const blocks = blocksAfter(box, scan);
      // A reference heading with nothing before its sub-heads: each sub-head's blocks are a list of its own, in the
      // label's kind ("参考资料：" over "书籍：" and "视频：": zhihu-rl-ppo-basics).
      const subs = blocks.length ? [] : subsections(label);
      const parts = subs.length ? subs.map((h) => ({ label: h, heading: headingText(h), blocks: blocksAfter(h, scan) })) : [{ label, heading, blocks }];
      for (const part of parts) {
        // An inline label over lines of its own block: its lines are the entries (the links among them are not blocks).
        const lines = part.label === label ? linesAfter(box, short) : [];
        const gathered = lines.length ? lines : yield* entriesFromBlocks(part.blocks, scan, expired);
        if (gathered.length && ctx.isClaimed(gathered[0].el)) continue;
        const sources = yield* cleanEntries(gathered, scan, expired);
        const list: FoundList = { heading: part.heading, labelEl: part.label, kind: kindOf(heading), sources, partial: cutShort(gathered.length, sources) };
        if (yield* acceptable(list, scan)) yield* ctx.claim(list, part.blocks);
      }
    }
  },
};

/** Sub-heads read under one label at most. */
const MAX_SUBSECTIONS = 10;

/** The headings of lower rank right after a heading label, and after each one's blocks, up to a heading of its rank or
 * higher; empty when the label is not a heading or its next sibling is not such a sub-head. */
function subsections(label: Element): Element[] {
  const tag = tagOf(label);
  if (!isHeadingTag(tag)) return [];
  const out: Element[] = [];
  for (let s = label.nextElementSibling; s && out.length < MAX_SUBSECTIONS; s = s.nextElementSibling) {
    const t = tagOf(s);
    if (!isHeadingTag(t)) {
      if (!out.length) return [];
      continue;
    }
    if (t <= tag || (out.length && t !== tagOf(out[0]))) break;
    out.push(s);
  }
  return out;
}

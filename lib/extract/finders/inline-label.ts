/** A single citation behind an inline label at the start of a block ("More information: …", phys.org). */
import { INLINE_REFERENCE_LABEL, MAX_TEXT_CHARS } from '../rules';
import { collapse, elementAt, tagAt, tagOf } from '../index';
import { checkpoint } from '../work';
import type { Finder } from './types';

export const inlineLabel: Finder = {
  name: 'inline-label',
  *find(ctx) {
    const { scan, expired } = ctx;
    for (let i = 0; i < scan.elements; i++) {
      if (checkpoint(i)) {
        if (expired()) break;
        yield;
      }
      const tag = tagAt(scan, i);
      // A label starts its block: it is the block's first element (the element right after its parent in the scan).
      if ((tag !== 'STRONG' && tag !== 'B') || scan.parents[i] !== i - 1) continue;
      // A block already claimed (a reference list's entry) is not read.
      if (ctx.claimedAt[i - 1]) continue;
      const el = elementAt(scan, i);
      if (!el) continue;
      // The label ends with a colon: without one in the text read, the pattern cannot match and nothing is collapsed.
      const raw = el.textContent ?? '';
      const head = raw.length > MAX_TEXT_CHARS ? raw.slice(0, MAX_TEXT_CHARS) : raw;
      if (!head.includes(':') && !head.includes('：')) continue;
      if (!INLINE_REFERENCE_LABEL.test(collapse(head))) continue;
      const block = el.parentElement;
      if (!block || ctx.isClaimed(block) || block.closest('figure,figcaption,caption,table')) continue;
      let first: Node | null = block.firstChild;
      while (first && first.nodeType === 3 && !(first as Text).data.trim()) first = first.nextSibling;
      if (first !== el) continue;
      const nodes: Node[] = [];
      for (let n = el.nextSibling; n; n = n.nextSibling) {
        if (n.nodeType === 1 && /^(?:DIV|P|UL|OL|TABLE|SECTION|H[1-6])$/.test(tagOf(n as Element))) break;
        nodes.push(n);
      }
      const text = collapse(nodes.map((n) => n.textContent ?? '').join(' '));
      if (text.length < 40) continue;
      yield* ctx.claim({ heading: collapse(el.textContent ?? '').replace(/\s*[:：]$/, ''), labelEl: el, kind: 'inline', sources: [{ el: block, nodes }] });
    }
  },
};

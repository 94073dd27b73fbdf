/** Nest outline items by level. Pages skip and invert levels, so an item goes under the last item with a lower level. */
import type { OutlineItem } from '../extract/types';

export interface OutlineNode {
  item: OutlineItem;
  children: OutlineNode[];
}

export function nestOutline(items: OutlineItem[]): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  for (const item of items) {
    const node: OutlineNode = { item, children: [] };
    while (stack.length > 0 && stack[stack.length - 1].item.level >= item.level) stack.pop();
    (stack.length > 0 ? stack[stack.length - 1].children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

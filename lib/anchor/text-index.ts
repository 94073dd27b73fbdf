/**
 * One pass over a root's text nodes: the concatenated text (the same string as `root.textContent`, which is what a
 * W3C TextPositionSelector counts in) and where each text node starts in it. Built once per anchoring round
 * (`anchorMany`), then every note is a string search plus two binary searches.
 */

export interface TextIndex {
  root: Element;
  /** Concatenated data of every non-empty Text node under root, in document order. */
  text: string;
  /** The non-empty Text nodes, in document order. */
  nodes: Text[];
  /** `starts[i]` is the offset of `nodes[i]` in `text`. */
  starts: number[];
}

// NodeFilter.SHOW_TEXT, spelled out so this module needs no global NodeFilter (it takes the document from the root).
const SHOW_TEXT = 0x4;

export function buildTextIndex(root: Element): TextIndex {
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (data.length === 0) continue;
    nodes.push(node as Text);
    starts.push(offset);
    parts.push(data);
    offset += data.length;
  }
  return { root, text: parts.join(''), nodes, starts };
}

/** Index of the last node whose start is <= offset (binary search); -1 when there are no nodes. */
function nodeAt(index: TextIndex, offset: number): number {
  let lo = 0;
  let hi = index.starts.length - 1;
  if (hi < 0) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A DOM Range for text offsets [start, end), or null when they fall outside the text or the range is empty. */
export function rangeFromOffsets(index: TextIndex, start: number, end: number): Range | null {
  if (start < 0 || end > index.text.length || start >= end) return null;
  const first = nodeAt(index, start);
  // The end belongs to the node where it falls strictly after the start, so a range never ends at offset 0 of a node.
  const last = nodeAt(index, end - 1);
  if (first < 0 || last < 0) return null;
  const range = index.root.ownerDocument.createRange();
  range.setStart(index.nodes[first], start - index.starts[first]);
  range.setEnd(index.nodes[last], end - index.starts[last]);
  return range;
}

/**
 * Text offset of a DOM boundary point (container, offset) inside the index's root, or null when it is outside root.
 * A point between elements maps to the start of the first text that follows it.
 */
export function offsetOfPoint(index: TextIndex, container: Node, offset: number): number | null {
  const root = index.root;
  if (container !== root && !root.contains(container)) {
    return null;
  }
  if (container.nodeType === 3) {
    const i = index.nodes.indexOf(container as Text);
    if (i >= 0) return index.starts[i] + Math.min(offset, (container as Text).data.length);
    // An empty text node is not indexed: fall through and use the text that follows it.
  }
  // The node just after the boundary point, or, when the point is at a container's end, the node after the container.
  let after: Node | null = container.nodeType === 3 ? nextInOrder(container, root) : container.childNodes[offset] ?? nextInOrder(container, root, true);
  while (after) {
    if (after.nodeType === 3 && (after as Text).data.length > 0) {
      const i = index.nodes.indexOf(after as Text);
      if (i >= 0) return index.starts[i];
    }
    after = nextInOrder(after, root);
  }
  return index.text.length;
}

/** The next node in document order under root; `skipChildren` moves past the node's own subtree. */
function nextInOrder(node: Node, root: Node, skipChildren = false): Node | null {
  if (!skipChildren && node.firstChild) return node.firstChild;
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
    if (n.nextSibling) return n.nextSibling;
  }
  return null;
}

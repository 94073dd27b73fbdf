import type { OutlineItem } from '@/lib/extract/types';
import { nestOutline, type OutlineNode } from '@/lib/panel/outline-tree';
import { plural } from '@/lib/panel/entries';

export interface OutlineViewProps {
  outline: OutlineItem[];
  /** Outline id of the section being read (scroll-spy), or null. */
  current: string | null;
  onJump(id: string): void;
}

function Node({ node, current, onJump }: { node: OutlineNode; current: string | null; onJump(id: string): void }) {
  const { item } = node;
  const isCurrent = item.id === current;
  return (
    <li class={isCurrent ? 'outline-item current' : 'outline-item'} data-level={item.level}>
      <button type="button" class="outline-jump" aria-current={isCurrent ? 'location' : undefined} onClick={() => onJump(item.id)}>
        <span class="outline-text">{item.text}</span>
        {item.citations > 0 && (
          <span class="count" aria-label={plural(item.citations, 'citation')} title={plural(item.citations, 'citation')}>
            {item.citations}
          </span>
        )}
      </button>
      {node.children.length > 0 && (
        <ul>
          {node.children.map((child) => (
            <Node key={child.item.id} node={child} current={current} onJump={onJump} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The page's headings, nested by level; each one scrolls the page to it; the section being read is marked. */
export function OutlineView({ outline, current, onJump }: OutlineViewProps) {
  if (outline.length === 0) return <p class="empty">This page has no headings.</p>;
  return (
    <nav aria-label="Outline" class="outline">
      <ul>
        {nestOutline(outline).map((node) => (
          <Node key={node.item.id} node={node} current={current} onJump={onJump} />
        ))}
      </ul>
    </nav>
  );
}

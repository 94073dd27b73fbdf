/**
 * Scroll-spy: which outline section is being read. One IntersectionObserver whose root box reaches from far above the
 * page down to the reading line, so every heading that crosses the line changes state and calls back — also on fast
 * jumps that skip past a narrow band. The current section is the last heading (in document order) above the line.
 */
import { READING_LINE_SHARE } from './constants';
import type { PageWindow } from './text';

export interface SpiedHeading {
  id: string;
  el: Element;
}

/** Start watching; `onChange` gets the current outline id (or null above the first heading) whenever it changes. */
export function startScrollSpy(win: PageWindow, doc: Document, headings: SpiedHeading[], onChange: (id: string | null) => void): () => void {
  if (headings.length === 0 || typeof win.IntersectionObserver !== 'function') return () => {};
  const order = new Map(headings.map((h, i) => [h.el, i]));
  const above = new Set<number>();
  let current: string | null | undefined;
  const pageHeight = Math.max(doc.documentElement.scrollHeight, win.innerHeight);
  const bottomMargin = Math.round((1 - READING_LINE_SHARE) * 100);
  const observer = new win.IntersectionObserver(
    (records) => {
      for (const record of records) {
        const index = order.get(record.target);
        if (index === undefined) continue;
        if (record.isIntersecting) above.add(index);
        else above.delete(index);
      }
      const last = above.size === 0 ? -1 : Math.max(...above);
      const next = last < 0 ? null : headings[last].id;
      if (next !== current) {
        current = next;
        onChange(next);
      }
    },
    { rootMargin: `${pageHeight}px 0px -${bottomMargin}% 0px`, threshold: 0 },
  );
  for (const h of headings) observer.observe(h.el);
  return () => observer.disconnect();
}

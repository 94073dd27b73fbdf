import { useState } from 'preact/hooks';

/**
 * Long lists render in pages: 200 items keep a 3,000-entry bibliography quick to draw and to tab through, and the
 * reader asks for more. Simpler and more predictable for screen readers than a virtual list.
 */
export const PAGE_SIZE = 200;

export function usePaged<T>(items: T[], pageSize = PAGE_SIZE) {
  const [shown, setShown] = useState(pageSize);
  return {
    visible: items.length > shown ? items.slice(0, shown) : items,
    hidden: Math.max(0, items.length - shown),
    showMore: () => setShown((n) => n + pageSize),
  };
}

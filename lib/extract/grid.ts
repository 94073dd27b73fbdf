/** Side columns of a framework grid: the narrow column beside the one that holds the article. */
import { BOOTSTRAP_COLUMN, FOUNDATION_COLUMN, FOUNDATION_COLUMN_MARK, GRID_BREAKPOINTS, SIDE_COLUMN_MAX_SHARE } from './rules';

/** The column's span per breakpoint index, or null when the element is no grid column. */
export function gridSpans(el: Element): Map<number, number> | null {
  const cls = el.getAttribute('class');
  if (!cls || !/col-|\d/.test(cls)) return null;
  let spans: Map<number, number> | null = null;
  const add = (bp: string | undefined, n: string) => {
    const span = Number(n);
    if (span < 1 || span > 24) return;
    (spans ??= new Map()).set(GRID_BREAKPOINTS.indexOf(bp ?? ''), span);
  };
  for (const m of cls.matchAll(BOOTSTRAP_COLUMN)) add(m[1], m[2]);
  if (FOUNDATION_COLUMN_MARK.test(cls)) for (const m of cls.matchAll(FOUNDATION_COLUMN)) add(m[1], m[2]);
  return spans;
}

/** True when `col` is a grid column at most half as wide, at the widest breakpoint both name, as a sibling column
 * that holds `content` (and `col` does not). */
export function isSideColumn(col: Element, content: Element): boolean {
  if (col.contains(content)) return false;
  const own = gridSpans(col);
  if (!own) return false;
  for (let s = col.parentElement?.firstElementChild ?? null; s; s = s.nextElementSibling) {
    if (s === col || !s.contains(content)) continue;
    const other = gridSpans(s);
    if (!other) return false;
    let widest = -1;
    for (const bp of own.keys()) if (other.has(bp) && bp > widest) widest = bp;
    return widest >= 0 && own.get(widest)! <= other.get(widest)! * SIDE_COLUMN_MAX_SHARE;
  }
  return false;
}

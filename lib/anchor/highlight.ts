/**
 * Paint note ranges with the CSS Custom Highlight API and find the note under a click. Takes the window as a
 * parameter (tests pass a JSDOM window). Where the API is missing (older Firefox, jsdom) nothing in the DOM changes:
 * the call reports `supported: false` and the panel still lists the notes.
 */

/** Name in `CSS.highlights`; the page stylesheet targets `::highlight(citelens-note)`. */
export const HIGHLIGHT_NAME = 'citelens-note';

/**
 * The style for highlights. A translucent yellow close to the browsers' own find-in-page colour, readable on light and
 * dark pages; no layout properties (the Highlight API ignores them anyway).
 */
export const HIGHLIGHT_CSS = `::highlight(${HIGHLIGHT_NAME}) { background-color: rgba(255, 213, 0, 0.4); }`;

type HighlightWindow = Window & typeof globalThis;

export interface PaintResult {
  supported: boolean;
  painted: number;
}

function registry(win: Window): HighlightRegistry | null {
  const css = (win as HighlightWindow).CSS as (typeof CSS & { highlights?: HighlightRegistry }) | undefined;
  const ctor = (win as HighlightWindow & { Highlight?: unknown }).Highlight;
  return css?.highlights && typeof ctor === 'function' ? css.highlights : null;
}

/** Whether this window can paint highlights without touching the DOM. */
export function highlightsSupported(win: Window): boolean {
  return registry(win) !== null;
}

/** Replace the painted highlights with these ranges. */
export function paintHighlights(win: Window, ranges: Iterable<Range>): PaintResult {
  const reg = registry(win);
  if (!reg) return { supported: false, painted: 0 };
  const list = [...ranges];
  reg.set(HIGHLIGHT_NAME, new (win as HighlightWindow).Highlight(...list));
  return { supported: true, painted: list.length };
}

export function clearHighlights(win: Window): void {
  registry(win)?.delete(HIGHLIGHT_NAME);
}

/**
 * Add the highlight style as a constructed stylesheet (document.adoptedStyleSheets), so no element is inserted into
 * the page. Returns false where constructed stylesheets are missing. Safe to call twice.
 */
export function ensureHighlightStyle(doc: Document): boolean {
  const win = doc.defaultView as HighlightWindow | null;
  if (!win || typeof win.CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in doc)) return false;
  const sheets = doc.adoptedStyleSheets;
  if (sheets.some((s) => s.cssRules.length > 0 && s.cssRules[0].cssText.includes(HIGHLIGHT_NAME))) return true;
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(HIGHLIGHT_CSS);
  doc.adoptedStyleSheets = [...sheets, sheet];
  return true;
}

/** The DOM point under client coordinates: caretPositionFromPoint (standard, Firefox, Chrome 128+) or caretRangeFromPoint (WebKit/Blink). */
function pointAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const r = doc.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/**
 * The note whose range holds the point; among overlapping notes the shortest range wins (the most specific quote).
 * `ranges` is AnchorManyResult.ranges.
 */
export function noteAtPoint(doc: Document, x: number, y: number, ranges: Map<string, Range>): string | null {
  const point = pointAt(doc, x, y);
  return point ? noteAtNode(point.node, point.offset, ranges) : null;
}

/** Same as noteAtPoint for a known DOM point (also what the tests use: jsdom has no layout). */
export function noteAtNode(node: Node, offset: number, ranges: Map<string, Range>): string | null {
  let best: { id: string; length: number } | null = null;
  for (const [id, range] of ranges) {
    try {
      if (!range.isPointInRange(node, offset)) continue;
    } catch {
      continue; // WrongDocumentError: the range belongs to a document that was replaced.
    }
    const length = range.toString().length;
    if (!best || length < best.length) best = { id, length };
  }
  return best?.id ?? null;
}

/**
 * Scrolling the page to an element below any sticky site header, and marking it briefly. Never changes the page's
 * text, attributes or layout: the mark is a Web Animation of `outline`, which draws outside layout and ends by itself.
 */
import {
  JUMP_GAP_PX,
  JUMP_MARK_COLOUR,
  JUMP_MARK_MS,
  STICKY_HEADER_MAX_VIEWPORT_SHARE,
  STICKY_PROBE_X_FRACTIONS,
  STICKY_PROBE_Y_PX,
} from './constants';

/** Height in pixels covered at the top of the viewport by fixed or sticky elements (site headers, cookie bars). */
export function stickyTopOffset(doc: Document, win: Window): number {
  const maxHeight = win.innerHeight * STICKY_HEADER_MAX_VIEWPORT_SHARE;
  let bottom = 0;
  const seen = new Set<Element>();
  for (const fraction of STICKY_PROBE_X_FRACTIONS) {
    // elementsFromPoint is missing in jsdom; there is no layout there anyway.
    const stack = typeof doc.elementsFromPoint === 'function' ? doc.elementsFromPoint(win.innerWidth * fraction, STICKY_PROBE_Y_PX) : [];
    for (const hit of stack) {
      for (let el: Element | null = hit; el && el !== doc.documentElement && el !== doc.body; el = el.parentElement) {
        if (seen.has(el)) break;
        seen.add(el);
        const position = win.getComputedStyle(el).position;
        if (position !== 'fixed' && position !== 'sticky') continue;
        const rect = el.getBoundingClientRect();
        if (rect.top <= STICKY_PROBE_Y_PX && rect.height > 0 && rect.height <= maxHeight) bottom = Math.max(bottom, rect.bottom);
      }
    }
  }
  return Math.round(bottom);
}

function prefersReducedMotion(win: Window): boolean {
  return typeof win.matchMedia === 'function' && win.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Scroll so the element's (or range's) top sits just below the sticky header. Returns the scroll position asked for. */
export function scrollToElement(target: Element | Range, doc: Document, win: Window): number {
  const offset = stickyTopOffset(doc, win);
  const top = Math.max(0, target.getBoundingClientRect().top + win.scrollY - offset - JUMP_GAP_PX);
  // No animation for readers who asked for less motion, nor in a hidden tab (Firefox does not run its smooth scroll).
  const behavior: ScrollBehavior = prefersReducedMotion(win) || doc.visibilityState === 'hidden' ? 'auto' : 'smooth';
  const root = doc.scrollingElement;
  const windowScrolls = root !== null && root.scrollHeight > win.innerHeight;
  if (windowScrolls) win.scrollTo({ top, behavior });
  // Pages that scroll an inner box instead of the window: let the browser find the box.
  else {
    const el = 'scrollIntoView' in target ? target : target.startContainer.parentElement;
    el?.scrollIntoView({ block: 'start', behavior });
  }
  return top;
}

/** Draw a short-lived outline around the element. Safe to call when Web Animations are missing (it does nothing). */
export function markBriefly(el: Element): void {
  if (typeof el.animate !== 'function') return;
  try {
    el.animate(
      [
        { outline: `3px solid ${JUMP_MARK_COLOUR}`, outlineOffset: '4px' },
        { outline: `3px solid ${JUMP_MARK_COLOUR}`, outlineOffset: '4px', offset: 0.8 },
        { outline: '3px solid transparent', outlineOffset: '4px' },
      ],
      { duration: JUMP_MARK_MS, easing: 'ease-out' },
    );
  } catch {
    // A page's CSP or an odd element can refuse animations; the jump itself already happened.
  }
}

/** Text comparison that ignores how the page spaced its text (`<br>`, newlines, nbsp): all whitespace is dropped. */
export function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, '');
}

/** The page's window with its constructors (IntersectionObserver, MutationObserver), as `window` is typed. */
export type PageWindow = Window & typeof globalThis;

/**
 * The page index: one pass over the document (scan.ts) that every later stage reads from, what one element is
 * (classify.ts), and text and link helpers (text.ts). Reads only; never changes the document.
 */
export * from './classify';
export * from './head';
export * from './scan';
export * from './text';

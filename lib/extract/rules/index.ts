/**
 * Every selector, word list and threshold the extractor uses, one family per file, one entry per line with the pages
 * or sites it came from. Built into regexes once at load (Readability's REGEXPS style), never inside a loop.
 */
export * from './budget';
export * from './chrome';
export * from './prose';
export * from './headings';
export * from './labels';
export * from './containers';
export * from './entries';
export * from './signals';
export * from './grid';

/** Words for the full-text index (schema v2, `*words` on notes): folded, unique, bounded. */

/** Longest word kept; longer tokens (hashes, base64) are cut so index keys stay small. */
const MAX_WORD_LENGTH = 32;
/** Most words indexed per note: a pasted chapter should not make one note cost thousands of index entries. */
export const MAX_WORDS_PER_NOTE = 500;
/** Letters and digits in any script; everything else separates words. */
const WORD = /[\p{L}\p{N}]+/gu;
/** Combining marks, removed after NFKD so "é" matches "e" (what readers type in a search box). */
const MARKS = /\p{M}/gu;

/** Lower-cased, accent-folded words of a text, in order, with repeats. */
export function tokenize(text: string): string[] {
  return (text.normalize('NFKD').replace(MARKS, '').toLowerCase().match(WORD) ?? []).map((w) => w.slice(0, MAX_WORD_LENGTH));
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Index words of a stored note row. Tolerates malformed rows (missing or wrongly typed fields) because it runs in the
 * v1 → v2 upgrade over whatever older versions or imports left behind.
 */
export function wordsForNote(row: unknown): string[] {
  if (!row || typeof row !== 'object') return [];
  const r = row as Record<string, unknown>;
  const target = (r.target && typeof r.target === 'object' ? r.target : {}) as Record<string, unknown>;
  const tags = Array.isArray(r.tags) ? r.tags.filter((t): t is string => typeof t === 'string') : [str(r.tags)];
  const text = [str(r.body), str(target.quote), str(target.sectionText), str(target.entryText), ...tags].join(' ');
  return [...new Set(tokenize(text))].slice(0, MAX_WORDS_PER_NOTE);
}

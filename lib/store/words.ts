/**
 * Words for the full-text index: folded, unique, bounded. Since schema v3, one-letter words and a short stop list are
 * not indexed: each indexed word was one IndexedDB index entry per note, and index entries were most of the time of a
 * large import (bench/, issue #5). Since v4 they are posting lists (lib/store/note-index.ts), derived, never stored
 * on the note. What a query does with those words: see `queryTerms`.
 */

/** Longest word kept; longer tokens (hashes, base64) are cut so index keys stay small. */
const MAX_WORD_LENGTH = 32;
/** Shortest word indexed (schema v3). A one-letter word ("a", "I", "3") finds nothing a reader would look for. */
export const MIN_INDEXED_LENGTH = 2;
/** Most words indexed per note: a pasted chapter should not make one note cost thousands of index entries. */
export const MAX_WORDS_PER_NOTE = 500;
/** Letters and digits in any script; everything else separates words. */
const WORD = /[\p{L}\p{N}]+/gu;
/** Combining marks, removed after NFKD so "é" matches "e" (what readers type in a search box). */
const MARKS = /\p{M}/gu;

/**
 * Words not indexed (schema v3): the English function words that are in almost every note (the most frequent words
 * of English prose, two letters or more), so they cost an index entry each and narrow no search. Content words, even
 * short ones ("war", "law", "eu"), stay indexed.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  'an and are as at be been but by can did do does for from had has have he her his if in into is it its me my no not of on or our she so than that the their them then there these they this those to too us was we were what when which who will with would you your'.split(' '),
);

/** Lower-cased, accent-folded words of a text, in order, with repeats. */
export function tokenize(text: string): string[] {
  return (text.normalize('NFKD').replace(MARKS, '').toLowerCase().match(WORD) ?? []).map((w) => w.slice(0, MAX_WORD_LENGTH));
}

/** Whether a folded word goes into the index. */
export function isIndexed(word: string): boolean {
  return word.length >= MIN_INDEXED_LENGTH && !STOP_WORDS.has(word);
}

/**
 * The prefixes a query searches for. Terms that are never indexed on their own (one letter, stop words) are dropped
 * when the query has other terms ("the treaty" searches "treaty"); a query made only of such terms keeps them, as
 * prefixes of indexed words ("an" finds "analysis", not the word "an"; "a" finds every indexed word starting with "a").
 */
export function queryTerms(query: string): string[] {
  const terms = [...new Set(tokenize(query))];
  const indexed = terms.filter(isIndexed);
  return indexed.length ? indexed : terms;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Index words of a stored note row. Tolerates malformed rows (missing or wrongly typed fields) because it runs in the
 * upgrades over whatever older versions or imports left behind.
 */
export function wordsForNote(row: unknown): string[] {
  if (!row || typeof row !== 'object') return [];
  const r = row as Record<string, unknown>;
  const target = (r.target && typeof r.target === 'object' ? r.target : {}) as Record<string, unknown>;
  const tags = Array.isArray(r.tags) ? r.tags.filter((t): t is string => typeof t === 'string') : [str(r.tags)];
  const text = [str(r.body), str(target.quote), str(target.sectionText), str(target.entryText), ...tags].join(' ');
  // Each indexed word once, in order of first use, the first MAX_WORDS_PER_NOTE of them (one pass: it runs per note
  // of an import).
  const seen = new Set<string>();
  const words: string[] = [];
  for (const w of tokenize(text)) {
    if (seen.has(w)) continue;
    seen.add(w);
    if (isIndexed(w) && words.push(w) === MAX_WORDS_PER_NOTE) break;
  }
  return words;
}

/** Words as they stand in an unfolded text: letters, digits and the combining marks of decomposed letters ("e" + "́"). */
const WORD_WITH_MARKS = /[\p{L}\p{N}\p{M}]+/gu;

/** A run of a text, and whether it is a word the query matched (for highlighting search results). */
export interface TextSpan {
  text: string;
  match: boolean;
}

/**
 * The text cut into runs, each word that starts with one of the query's terms (folded as the index folds them, see
 * `queryTerms`) marked as a match: what the library highlights. Whole words are marked, because folding can change a
 * word's length ("ﬁ" → "fi"), so a folded prefix has no exact place in the original text. Plain strings only: the
 * caller builds <mark> elements from them, never HTML.
 */
export function matchSpans(text: string, query: string): TextSpan[] {
  const terms = queryTerms(query);
  if (terms.length === 0 || text === '') return text === '' ? [] : [{ text, match: false }];
  const spans: TextSpan[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD_WITH_MARKS)) {
    const [folded] = tokenize(m[0]);
    if (!folded || !terms.some((t) => folded.startsWith(t))) continue;
    if (m.index > last) spans.push({ text: text.slice(last, m.index), match: false });
    spans.push({ text: m[0], match: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) spans.push({ text: text.slice(last), match: false });
  return spans;
}

/**
 * Find a quote again in a page's text: exact first (indexOf, prefix/suffix to pick among repeats), then fuzzy with
 * approx-string-match (Myers' bit-parallel algorithm), scoring candidates the way Hypothesis' `match-quote.ts` does.
 */
import approxSearch from 'approx-string-match';

export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  /** Where the quote started when it was described (TextPositionSelector.start); used to break ties. */
  hint?: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** Edit distance between the quote and the found text (0 for an exact match). */
  errors: number;
  score: number;
}

// Score weights, from Hypothesis' match-quote.ts (hypothesis/client, src/annotator/anchoring/match-quote.ts):
// the quote itself counts most, its context next, and the distance from where it used to be only breaks ties.
/** Weight of the quote's own similarity. */
const QUOTE_WEIGHT = 50;
/** Weight of the similarity of the 32 characters before the match to the stored prefix. */
const PREFIX_WEIGHT = 20;
/** Weight of the similarity of the 32 characters after the match to the stored suffix. */
const SUFFIX_WEIGHT = 20;
/** Weight of closeness to the old position (1 at the same place, 0 at the other end of the text). */
const POSITION_WEIGHT = 2;

/**
 * Largest share of a quote's characters that may differ in a fuzzy match. Hypothesis allows half the quote (and at most
 * 256 errors) in the search; we search with that and then keep only matches that are this close, so a note never lands
 * on a sentence that merely shares a few words (measured on the corpus in tests/anchor/corpus.test.ts).
 */
export const MAX_FUZZY_ERROR_RATE = 0.25;
/** Cap on errors in one search, from Hypothesis (`Math.min(256, quote.length / 2)`): the search costs O(k/32 · n). */
const MAX_SEARCH_ERRORS = 256;
/** Quotes shorter than this are not searched fuzzily: a 3-letter quote with 1 error matches almost anywhere. */
const MIN_FUZZY_QUOTE_LENGTH = 8;

/** 1 − edit distance / length, from approx-string-match with a bounded error budget. */
function similarity(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  const matches = approxSearch(text, str, str.length);
  if (matches.length === 0) return 0;
  return 1 - matches[0].errors / str.length;
}

function scoreMatch(text: string, quote: string, start: number, end: number, errors: number, ctx: QuoteContext): number {
  const quoteScore = 1 - errors / quote.length;
  const prefixScore = ctx.prefix ? similarity(text.slice(Math.max(0, start - ctx.prefix.length), start), ctx.prefix) : 1;
  const suffixScore = ctx.suffix ? similarity(text.slice(end, end + ctx.suffix.length), ctx.suffix) : 1;
  const posScore = ctx.hint === undefined || text.length === 0 ? 1 : 1 - Math.abs(start - ctx.hint) / text.length;
  const total = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;
  return (QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POSITION_WEIGHT * posScore) / total;
}

/** Every exact occurrence of the quote, scored by its context; the best one, or null. */
export function matchExact(text: string, quote: string, ctx: QuoteContext): QuoteMatch | null {
  if (!quote) return null;
  let best: QuoteMatch | null = null;
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
    const end = i + quote.length;
    // Cheap context check first: a full prefix + suffix hit cannot be beaten except by position.
    const score = scoreMatch(text, quote, i, end, 0, ctx);
    if (!best || score > best.score) best = { start: i, end, errors: 0, score };
  }
  return best;
}

/** The best approximate occurrence, or null when nothing is within MAX_FUZZY_ERROR_RATE of the quote. */
export function matchFuzzy(text: string, quote: string, ctx: QuoteContext): QuoteMatch | null {
  if (quote.length < MIN_FUZZY_QUOTE_LENGTH) return null;
  const maxErrors = Math.min(MAX_SEARCH_ERRORS, Math.floor(quote.length * MAX_FUZZY_ERROR_RATE));
  let best: QuoteMatch | null = null;
  for (const m of approxSearch(text, quote, maxErrors)) {
    if (m.errors / quote.length > MAX_FUZZY_ERROR_RATE) continue;
    const score = scoreMatch(text, quote, m.start, m.end, m.errors, ctx);
    if (!best || score > best.score) best = { start: m.start, end: m.end, errors: m.errors, score };
  }
  return best;
}

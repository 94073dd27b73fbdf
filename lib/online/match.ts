/**
 * Does a registry record describe the work an entry cites? Used twice: a DOI's record against the entry that carries
 * the DOI (a DOI pointing to another paper is a finding), and search candidates against an unlinked entry (a
 * low-confidence candidate is never shown as a match). Title found in the entry's text with approx-string-match
 * (edit distance), family names and year found as words; weights and thresholds named below.
 */
import approxSearch from 'approx-string-match';
import { STOP_WORDS, tokenize } from '../store/words';
import type { Work } from './types';

/** Weights of the three parts of the score (they sum to 1): the title says most, authors and year tell look-alikes apart. */
export const TITLE_WEIGHT = 0.6;
export const AUTHOR_WEIGHT = 0.25;
export const YEAR_WEIGHT = 0.15;
/** Credit for a part the entry or record cannot tell (no year in the entry, no authors in the record): half, not full. */
export const UNKNOWN_PART_CREDIT = 0.5;
/** Family names compared, at most: references list the first few authors, then "et al.". */
export const AUTHORS_COMPARED = 3;
/** Largest share of a title's characters that may differ and still count as found (typos, punctuation, abridging). */
export const MAX_TITLE_ERROR_RATE = 0.3;
/** Titles with fewer significant words than this ("Deep learning") match too many entries: they need authors and year. */
export const SHORT_TITLE_WORDS = 3;
/** A title whose numbers or numerals ("Part II", "2", "COVID-19") are missing from the entry scores at most this. */
export const MISSING_NUMBER_TITLE_CAP = 0.5;
/**
 * Family names at least this long also count as found at one edit from an entry's word: pages misspell names
 * ("Parlet" for Parlett, "Liliean" for Lilien, "Gumpenbergera" with an affiliation letter glued on; tests/corpus).
 * Shorter names are too close to other people's (Zhang, Zhong, Zheng; Wang, Wong) to allow it.
 */
export const FUZZY_NAME_MIN_LENGTH = 6;
/** Entries with fewer words than this (after links and DOIs are taken out) are too short to compare ("doi:10.1/x"). */
export const MIN_COMPARABLE_WORDS = 4;
/**
 * A candidate from the bibliographic search is shown only at or above this score, and only when its title alone
 * reaches MATCH_TITLE_MIN. Chosen on the labelled pairs of tests/online/match.test.ts (match-pairs.ts, and the real
 * reference texts of tests/corpus in match-pairs-corpus.ts) to keep precision at least
 * Crossref's own search-based matching (precision 0.98, recall 0.95 on real reference strings:
 * https://www.crossref.org/blog/reference-matching-for-real-this-time/).
 */
export const MATCH_THRESHOLD = 0.85;
export const MATCH_TITLE_MIN = 0.85;
/**
 * News pages cite by title and year alone: a title of at least LONG_TITLE_WORDS significant words, found with at most
 * 1 − LONG_TITLE_MIN of its characters differing, in the same year, is a match even when the entry names no author.
 * An erratum's record ("Correction: <title>") falls short of it: its extra words count as differences.
 */
export const LONG_TITLE_WORDS = 6;
export const LONG_TITLE_MIN = 0.95;
/**
 * …but only when the entry names no one before the title (at most this many words, numbers not counted: "Anonymous",
 * "Editorial"). An entry that names authors none of whom are the record's cites someone else's work under the same
 * title: tests/corpus/springer-dress-syndrome's Peyrière et al. (2006) and the letter answering it, same title, 2007.
 */
export const LONG_TITLE_MAX_WORDS_BEFORE = 1;
/** A DOI's record agrees with its entry at or above this score (a lower bar: the DOI itself is strong evidence). */
export const AGREE_THRESHOLD = 0.6;

/** Years from 1500 to 2099 written as a word, with the letter author-year styles add ("Björk 2016a", "2016b"). */
const YEAR = /\b(1[5-9]\d\d|20\d\d)[a-z]?\b/g;
/** "et al." (and "and others"): the entry lists the first authors only, so the record's later ones cannot be in it. */
const ET_AL = /\bet\.?\s*al\b|\band others\b/i;
const LINKS_AND_DOIS = /\bhttps?:\/\/\S+|\bdoi:\s*\S+|\b10\.\d{4,9}\/\S+/gi;
/** Tokens that tell two works of the same series apart. */
const NUMERAL = /^(\d+|[ivxlc]+)$/;

export interface MatchScore {
  score: number;
  /** 0–1: how well the record's title (or title and subtitle) is found in the entry. */
  title: number;
  /** 0–1, or null when the record has no authors. */
  authors: number | null;
  /** 1 same year (±1, for print and online dates), 0 another year, null when the entry has none. */
  year: number | null;
  /** The entry's text was long enough to compare. */
  comparable: boolean;
  /** Words (numbers not counted) before the place the title was found: the entry's authors, usually. */
  wordsBefore: number;
}

function folded(text: string): string {
  return tokenize(text).join(' ');
}

/** The entry's text as compared: without links and DOIs (they would match anything that shares a DOI prefix). */
function entryWords(text: string): string[] {
  return tokenize(text.replace(LINKS_AND_DOIS, ' '));
}

/** How well the title is found in the (folded) entry, 0–1, and where the best place starts (-1: not found). */
function titleSimilarity(title: string, entry: string, entryTokens: Set<string>): { sim: number; start: number } {
  const t = folded(title);
  if (t.length === 0 || entry.length === 0) return { sim: 0, start: -1 };
  let sim: number;
  let start = entry.indexOf(t);
  if (start >= 0) sim = 1;
  else {
    const matches = approxSearch(entry, t, Math.floor(t.length * MAX_TITLE_ERROR_RATE));
    const best = matches.reduce<(typeof matches)[number] | null>((b, m) => (!b || m.errors < b.errors ? m : b), null);
    sim = best ? 1 - best.errors / t.length : 0;
    start = best ? best.start : -1;
  }
  const numerals = t.split(' ').filter((w) => NUMERAL.test(w) && w.length <= 4);
  if (numerals.some((n) => !entryTokens.has(n))) sim = Math.min(sim, MISSING_NUMBER_TITLE_CAP);
  return { sim, start };
}

/** Whether two words differ by exactly one inserted, deleted or replaced letter (Levenshtein distance 1). */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function significantWords(title: string): number {
  return tokenize(title).filter((w) => w.length > 1 && !STOP_WORDS.has(w)).length;
}

/** Score a record against an entry's text. */
export function scoreWork(work: Pick<Work, 'title' | 'subtitle' | 'families' | 'years'>, entryText: string): MatchScore {
  const words = entryWords(entryText);
  const entry = words.join(' ');
  const tokens = new Set(words);
  const titles = [work.title, work.subtitle ? `${work.title} ${work.subtitle}` : ''].filter(Boolean);
  const found = titles.map((t) => titleSimilarity(t, entry, tokens)).reduce((b, f) => (f.sim > b.sim ? f : b), { sim: 0, start: -1 });
  const title = found.sim;
  const wordsBefore = found.start > 0 ? entry.slice(0, found.start).split(' ').filter((w) => w && !/^\d+$/.test(w)).length : 0;

  let authors: number | null = null;
  const families = work.families.slice(0, AUTHORS_COMPARED).map(tokenize).filter((f) => f.length > 0);
  if (families.length > 0) {
    const named = families.map((f) => f.every((w) => tokens.has(w) || (w.length >= FUZZY_NAME_MIN_LENGTH && words.some((t) => oneEditApart(w, t)))));
    // With "et al.", the record's names after the last one found may simply not be listed: compare up to it, when
    // the first author is found (an entry's first author is the one name it always gives).
    const compared = ET_AL.test(entryText) && named[0] ? named.lastIndexOf(true) + 1 : families.length;
    authors = named.slice(0, compared).filter(Boolean).length / compared;
  }

  let year: number | null = null;
  const entryYears = [...entryText.replace(LINKS_AND_DOIS, ' ').matchAll(YEAR)].map((m) => Number(m[1]));
  if (entryYears.length > 0 && work.years.length > 0) year = entryYears.some((y) => work.years.some((w) => Math.abs(w - y) <= 1)) ? 1 : 0;

  const score = TITLE_WEIGHT * title + AUTHOR_WEIGHT * (authors ?? UNKNOWN_PART_CREDIT) + YEAR_WEIGHT * (year ?? UNKNOWN_PART_CREDIT);
  return { score: Math.round(score * 1000) / 1000, title, authors, year, comparable: words.length >= MIN_COMPARABLE_WORDS, wordsBefore };
}

/** Whether a search candidate is a match for an unlinked entry (never when the title is short and nothing else agrees). */
export function isMatch(work: Pick<Work, 'title' | 'subtitle' | 'families' | 'years'>, s: MatchScore): boolean {
  if (!s.comparable || s.title < MATCH_TITLE_MIN) return false;
  if (s.score < MATCH_THRESHOLD) {
    const namesOthers = s.authors === 0 && s.wordsBefore > LONG_TITLE_MAX_WORDS_BEFORE;
    return !namesOthers && s.title >= LONG_TITLE_MIN && s.year === 1 && significantWords(work.title) >= LONG_TITLE_WORDS;
  }
  if (significantWords(work.title) < SHORT_TITLE_WORDS) return (s.authors ?? 0) >= 0.5 && s.year === 1;
  return true;
}

/** Whether a DOI's record agrees with the entry carrying it; undefined when the entry is too short to tell. */
export function agrees(s: MatchScore): boolean | undefined {
  return s.comparable ? s.score >= AGREE_THRESHOLD : undefined;
}

/** The best search candidate that is a match, with its score; null when none is. */
export function bestMatch(works: Work[], entryText: string): { work: Work; score: MatchScore } | null {
  let best: { work: Work; score: MatchScore } | null = null;
  for (const work of works) {
    const score = scoreWork(work, entryText);
    if (isMatch(work, score) && (!best || score.score > best.score.score)) best = { work, score };
  }
  return best;
}

/** Builders that turn the rules' word lists (one entry per line in the files beside this one) into regexes, once. Their
 * calls are marked @__PURE__, so a bundle that never reads a rule (the content script on every page) drops it. */

/** Class or id words: each bounded by the string's start or end, whitespace, '_' or '-' ("site-header", "nav_main"). */
export function wordPattern(words: readonly string[]): RegExp {
  return new RegExp('(?:^|[\\s_-])(?:' + words.join('|') + ')(?:$|[\\s_-])', 'i');
}

/** Whole class tokens (bounded by the string's start or end, or whitespace); `extra` is a further alternative. */
export function classTokens(tokens: readonly string[], flags = 'i', extra = ''): RegExp {
  return new RegExp('(?:^|\\s)(?:' + tokens.join('|') + ')(?:\\s|$)' + extra, flags);
}

/** A text made of one of the phrases, between `before` and `after` (by default the whole text). */
export function phrases(list: readonly string[], after = '$', before = '^', flags = 'i'): RegExp {
  return new RegExp(before + '(?:' + list.join('|') + ')' + after, flags);
}

/** Class or id tokens whose last '-' or '_' part is one of the words ("c-article-recommendations": "recommendations"). */
export function headWordPattern(words: readonly string[]): RegExp {
  return new RegExp('(?:^|\\s)\\S*[_-](?:' + words.join('|') + ')(?:$|\\s)', 'i');
}

/** What may open a label: a section number with its point ("7. Literatur", "4.2 References", "IV. Notes"); a bare
 * number only as an element of its own (SECTION_NUMBER_CLASS), for "73 Citations" is a count. */
export const LABEL_START = '^(?:(?:\\d{1,2}\\.(?:\\d{1,2}\\.?)*|[IVX]{1,4}\\.)\\s+)?';
/** What may close a label after its words: a short aside in brackets, a count or a note ("References (35)" on
 * ScienceDirect's previews, "References (Subscription Required)" on APS's paywalled pages, "Literatur [12]"), then an
 * optional colon. */
export const LABEL_END = '(?:\\s*[(\\[][^()\\[\\]]{1,30}[)\\]])?\\s*[:：]?$';

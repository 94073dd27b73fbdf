/** Rules for an entry's text and links, and for the in-text markers that point at entries. */
import { classTokens } from './build';

/** In-page back-links to the citing place: MediaWiki "^"/"↑" and jump letters "a b c", "↩" (markdown-it, kramdown),
 * "[1]" (SPIP), bare numbers (HTMLBook). Only in-page links with such text are back-links. */
export const BACKLINK_TEXT = /^\s*(?:\^|↑|↩︎?|⤴|⬆|\[?\d{1,4}\]?|[a-z]{1,2}|\^?\s*back|retour)\s*$/i;
export const BACKLINK_CLASS = /* @__PURE__ */ classTokens([
  'mw-cite-backlink', // MediaWiki
  'footnote-backref', // markdown-it-footnote, Python-Markdown
  'footnote-back',
  'reversefootnote', // kramdown
  'backlink',
  'spip_note_ref', // SPIP (laviedesidees)
  'jumptargets',
  'fn-back',
]);
/** Glyphs left at the start of an entry's text after back-links are removed. */
export const LEADING_BACKLINK_GLYPHS = /^(?:[\^↑↩⤴]\s*(?:[a-z]{1,2}\s+)*)+/u;
/** Look-up links that are not sources themselves: Google Scholar (acpjournals), web searches. */
export const SEARCH_LINK = /^https?:\/\/(?:scholar\.google\.[a-z.]{2,8}\/|(?:www\.)?google\.[a-z.]{2,8}\/search|(?:www\.)?bing\.com\/search|duckduckgo\.com\/\?)/i;
/** A web address written as text. */
export const PLAIN_URL = /(?:\bhttps?:\/\/|\bwww\.)[^\s<>"]{3,}/i;

/** Fragments that in-text markers point at: MediaWiki "cite_note-", Markdown "fn"/"fn:", "footnote-", "note-",
 * "endnote", HTMLBook ids. Used only to tell a dangling marker from an ordinary in-page link. */
export const MARKER_TARGET = /^(?:cite_note|fn|footnote|note|endnote|ref|nb|bib)[-_:.]?\w/i;
/** A back-link's target, though MARKER_TARGET matches it: the marker's own id (Markdown "fnref1", MediaWiki "cite_ref-"). */
export const BACKLINK_TARGET = /^(?:fn|footnote|note|endnote|cite)[-_:.]?ref/i;
export const MARKER_TEXT = /^\s*\[?\s*(?:\d{1,4}|[a-z]|[ivx]{1,5}|\*{1,3}|†|‡)\s*\]?\s*$/i;

/** A table after a list's label is a list of entries, one a row, when its rows have at most this many cells: a number
 * and the entry, or the entry alone (D-Lib Magazine's notes and references, dlib-crowdsourcing-glam; the same
 * two-cell layout is that of hand-made HTML journals and Dreamweaver-era reference pages). A wider table is data. */
export const MAX_ENTRY_ROW_CELLS = 3;

/** In a run of alike blocks after a label, a block of at most this many blocks that differ in tag or class is one
 * entry in parts, not a box of entries: the citation and its line of links (Frontiers' div.References > p.ReferencesCopy1
 * + p.ReferencesCopy2: frontiers-canine-cooperation-hypothesis; the same pairing is a publishing-template habit). */
export const MAX_ENTRY_PARTS = 4;

/** Class tokens of an author note, JATS <fn> by its fn-type as HighWire renders it (li.fn-equal, li.fn-corresp): a
 * note on the authors ("† These authors contributed equally": microbiology-ijsem-phaeobacter-gallaeciensis), not an
 * entry of the article's notes. The types are JATS's (JATS Tag Library, fn-type). */
export const AUTHOR_NOTE_CLASS = /* @__PURE__ */ classTokens([
  'fn-equal',
  'fn-corresp',
  'fn-present-address',
  'fn-current-aff',
  'fn-deceased',
  'fn-con',
  'fn-conflict',
  'fn-financial-disclosure',
  'fn-supported-by',
]);

/** The number a note paragraph starts with ("1.", "[12]", "(3)", "4)"): with an id (a marker's target), it marks where
 * one note starts. */
export const NOTE_NUMBER_START = /^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)])\s/;
/** A list of paragraph entries is a list of marked notes when at least this many of its paragraphs, and at least
 * NOTE_MARKED_SHARE of them, the first among them, start with a number or carry an id: its other paragraphs continue
 * the note before them ("a note that runs over several paragraphs is one entry", corpus rules). Made with
 * dhammatalks-mn37 (p#mn37note02 "2. The Commentary…" followed by two unnumbered paragraphs of the same note). */
export const MIN_MARKED_NOTES = 3;
export const NOTE_MARKED_SHARE = 0.6;

/** A line this short, without links, right before a list is the list's caption, not an entry ("alphabetisch nach
 * Nachnamen geordnet", 36 characters, in wp-de-berlin's "Literatur"; "In chronological order"). */
export const MAX_LIST_CAPTION_CHARS = 60;
/** A paragraph this short between a label and its list, with no year, no web address and no link off the site, is the
 * list's preface (an editorial-policy note: smartasset-financial-planning-business-for-sale's "All articles are reviewed
 * … Visit our Editorial Policy"), not an entry. */
export const MAX_LIST_PREFACE_CHARS = 300;

/** What one element is, from its own tag, role, class and id: hidden, site chrome, code, structural, a back-link. */
import { ARTICLE_PART_CLASS, BACKLINK_CLASS, CHROME_ROLES, CHROME_TAGS, CHROME_WORDS, CODE_CLASS, CONTENT_WORDS, HEADED_CHROME, HIDDEN_CLASS, STRUCTURAL_CLASS } from '../rules';

export const FLAG_HIDDEN = 1;
export const FLAG_CHROME = 2;
/** Inside code or a source viewer (pre, code, pastebin's div.source): text there is not prose. */
export const FLAG_CODE = 4;

/** Own marks: a class, role or rev of a back-link (isBacklink's attribute tests; BACKLINK_CLASS). */
export const MARK_BACKLINK = 1;
/** Own marks: an <a> whose href starts with "#" (a back-link when its text says so). */
export const MARK_HASH_LINK = 2;
/** Own marks: has an id or name attribute (a target of in-page links). */
export const MARK_NAMED = 4;
/** Own marks: role="doc-noteref" (a citation marker by its role). */
export const MARK_NOTEREF = 8;

export const isHeadingTag = (tag: string) => tag.length === 2 && tag[0] === 'H' && tag[1] >= '1' && tag[1] <= '6';

/** An element's tag and class, as one key: blocks of one shape are alike (a run of entries, a set of tab panels). */
export const shapeOf = (el: Element) => `${tagOf(el)} ${el.getAttribute('class') ?? ''}`;

/** Upper-cased tag name. HTML elements in HTML documents already report it upper-cased (and the engine caches it);
 * XHTML and foreign elements keep their case and are upper-cased here. */
export const tagOf = (el: Element) => {
  const t = el.tagName;
  return t.charCodeAt(0) >= 97 ? t.toUpperCase() : t;
};

/** Verdicts of one class or id string, as bits: the chrome and content word tests (CHROME_WORDS, CONTENT_WORDS), and
 * for a class the hidden, code and structural tests. Both word patterns are bounded by start, end or [\s_-] on each
 * side and their words hold no whitespace, so testing "class id" is testing the class or the id: each string is
 * tested (and cached) alone. Pages repeat the same class lists thousands of times; the caches are bounded so a
 * hostile page cannot grow them without end. */
export const CHROME_BIT = 1;
export const CONTENT_BIT = 2;
export const HIDDEN_BIT = 4;
export const CODE_BIT = 8;
export const STRUCTURAL_BIT = 16;
export const BACKLINK_BIT = 32;
/** A JATS article part (ARTICLE_PART_CLASS): a landmark tag with it is the article's, not chrome. */
export const ARTICLE_PART_BIT = 64;
const CLASS_BITS = new Map<string, number>();
const ID_BITS = new Map<string, number>();
const MAX_WORD_CACHE = 4096;

/** A content word wins over a chrome word on the same element, unless the chrome word heads a compound name
 * (HEADED_CHROME: "c-article-recommendations" is a box of recommendations, not the article). */
function wordBits(words: string): number {
  const chrome = CHROME_WORDS.test(words);
  const content = CONTENT_WORDS.test(words);
  if (chrome && content && HEADED_CHROME.test(words)) return CHROME_BIT;
  return (chrome ? CHROME_BIT : 0) | (content ? CONTENT_BIT : 0);
}

export function classBits(cls: string): number {
  let f = CLASS_BITS.get(cls);
  if (f !== undefined) return f;
  f = wordBits(cls) | (HIDDEN_CLASS.test(cls) ? HIDDEN_BIT : 0) | (CODE_CLASS.test(cls) ? CODE_BIT : 0) | (STRUCTURAL_CLASS.test(cls) ? STRUCTURAL_BIT : 0) | (BACKLINK_CLASS.test(cls) ? BACKLINK_BIT : 0) | (ARTICLE_PART_CLASS.test(cls) ? ARTICLE_PART_BIT : 0);
  if (CLASS_BITS.size < MAX_WORD_CACHE) CLASS_BITS.set(cls, f);
  return f;
}

/** Word bits of an id; a heading's slug says nothing (SLUG_ID_SEPARATORS). */
function idBits(id: string): number {
  let f = ID_BITS.get(id);
  if (f !== undefined) return f;
  f = isSlug(id) ? 0 : wordBits(id);
  if (ID_BITS.size < MAX_WORD_CACHE) ID_BITS.set(id, f);
  return f;
}

/** Own (not inherited) chrome test of one element: landmark tags and roles, and class/id words of site chrome. */
export function ownChromeFlags(el: Element, tag = tagOf(el)): number {
  const cls = el.getAttribute('class');
  return chromeFlags(tag, el.getAttribute('role'), el.getAttribute('id'), cls ? classBits(cls) : 0);
}

export function chromeFlags(tag: string, role: string | null, id: string | null, clsBits: number): number {
  // Themes put page-wide state on <body> ("bbccom_outbrain", "feature-footer-v2"): it says nothing about regions.
  if (tag === 'BODY' || tag === 'HTML' || tag === 'MAIN') return 0;
  // <footer class="back">: JATS-derived back matter, the article's own (ARTICLE_PART_CLASS).
  if (CHROME_TAGS.has(tag) && !(clsBits & ARTICLE_PART_BIT)) return FLAG_CHROME;
  if (role && CHROME_ROLES.has(role)) return FLAG_CHROME;
  const w = clsBits | (id ? idBits(id) : 0);
  return w & CHROME_BIT && !(w & CONTENT_BIT) ? FLAG_CHROME : 0;
}

/** Ids with this many word separators are slugs of a heading ("sharing-with-a-single-developer" on Sphinx pages),
 * not names of page regions, so their words say nothing about chrome. */
const SLUG_ID_SEPARATORS = 3;
function isSlug(id: string): boolean {
  let n = 0;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if ((c === 45 /* - */ || c === 95) /* _ */ && ++n >= SLUG_ID_SEPARATORS) return true;
  }
  return false;
}

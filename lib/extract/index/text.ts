/** Text and link helpers over any element: visible text, collapsed whitespace, links inside, child counts. */
import { MAX_TEXT_CHARS, SKIP_TAGS } from '../rules';
import { tagOf } from './classify';

/** decodeURIComponent, or the text as written when it does not decode. */
export function safeDecode(s: string): string {
  // Without a "%" there is nothing to decode (and nothing to fail on).
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'BR', 'TR', 'TD', 'TH', 'DT', 'DD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'PRE', 'UL', 'OL', 'DL', 'TABLE', 'FIGCAPTION', 'HR', 'HEADER', 'FOOTER', 'ASIDE']);

/**
 * Visible text of `el` with whitespace collapsed, skipping code, styles and templates and any element `omit` rejects.
 * Blocks and <br> separate words. Iterative; stops copying at MAX_TEXT_CHARS.
 */
export function textOf(el: Element, omit?: (e: Element) => boolean): string {
  const parts: string[] = [];
  let size = 0;
  const stack: Node[] = [el];
  while (stack.length && size < MAX_TEXT_CHARS) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      const t = (node as Text).data;
      parts.push(t);
      size += t.length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const e = node as Element;
    const tag = tagOf(e);
    if (e !== el && (SKIP_TAGS.has(tag) || (omit && omit(e)))) continue;
    if (BLOCK_TAGS.has(tag)) parts.push(' ');
    for (let c = e.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  // A block root's own space (the first part) is trimmed by collapse anyway: left out of the text, so that a text with
  // nothing to collapse is returned as it is.
  const lead = BLOCK_TAGS.has(tagOf(el)) ? 1 : 0;
  return collapse(parts.join('').slice(lead, MAX_TEXT_CHARS));
}

/** Append the <a> elements inside `root` (not itself) to `out`, in document order, as getElementsByTagName('a') lists
 * them, without the live list the engine would make and cache on the element (read without a complete scan, a page
 * of 100,000 entries got one per entry, each one more object for the collector). Iterative: deep markup is fine. */
export function linksIn(root: Element, out: Element[] = []): Element[] {
  let el = root.firstElementChild;
  while (el) {
    if (tagOf(el) === 'A') out.push(el);
    const child = el.firstElementChild;
    if (child) {
      el = child;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) el = el.parentElement;
    el = el && el !== root ? el.nextElementSibling : null;
  }
  return out;
}

/** Has `el` more than `n` element children? Looks at n + 1 of them at most, where childElementCount counts them all
 * (20 ms on a container of 40,000 paragraphs in Chromium). */
export function moreChildrenThan(el: Element, n: number): boolean {
  let c = el.firstElementChild;
  for (let i = 0; i < n && c; i++) c = c.nextElementSibling;
  return c !== null;
}

/** A character collapse() keeps (one outside its whitespace runs). */
export const VISIBLE = /[^\s\u00a0\u200b]/;
const WHITESPACE_RUN = /[\s\u00a0\u200b]+/g;
/** The whitespace of WHITESPACE_RUN but the plain space: \s is tab to carriage return, the space, no-break space,
 * U+1680, U+2000–U+200A, the line and paragraph separators, U+202F, U+205F, U+3000 and U+FEFF (ECMAScript WhiteSpace
 * and LineTerminator); U+200B is added. One character class: testing it is ~12× cheaper than a test for any of the
 * ways a text can need collapsing, and ~40× cheaper than the replace (refs-3000's paragraphs and entries in Chromium). */
const ODD_SPACE = /[\t-\r\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** Whitespace runs (and zero-width spaces) as one space, trimmed. Most texts have only single plain spaces, and are
 * returned as they are (or trimmed of one at an end). (Not a string: the replace throws, as it always did.) */
export function collapse(s: string): string {
  if (typeof s === 'string' && !ODD_SPACE.test(s) && !s.includes('  ')) {
    const n = s.length;
    return n && (s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32) ? s.trim() : s;
  }
  return s.replace(WHITESPACE_RUN, ' ').trim();
}

/** An element's text, collapsed, reading at most MAX_TEXT_CHARS of it: a 50 MB text node must not be run through a
 * regular expression whole (it froze the page for seconds in the hardening suite). Enough for every test made on it. */
export const boundedText = (el: Element | Node) => {
  const raw = el.textContent ?? '';
  return collapse(raw.length > MAX_TEXT_CHARS ? raw.slice(0, MAX_TEXT_CHARS) : raw);
};


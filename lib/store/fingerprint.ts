/** A reference entry's identity across re-extractions: a hash of its folded text (ids like "r1-e3" change). */
import { tokenize } from './words';

/**
 * cyrb53 (public domain, bryc): a fast 53-bit string hash, plenty for the few hundred entries on one page.
 * Collisions only matter within one page's entries.
 */
function cyrb53(str: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Same for the same words, whatever the spacing, case, accents, punctuation or back-link glyphs around them. */
export function entryFingerprint(text: string): string {
  return 'e' + cyrb53(tokenize(text).join(' ')).toString(36);
}

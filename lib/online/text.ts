/** Strings from services as plain text, and the DOI shape: every field a registry sends goes through here. */
import { doiPath } from '../links';

/** Entities that occur in registry titles; others are left as written. */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
/** Elements whose content is never text: dropped whole (a hostile title's <script> leaves nothing behind). */
const DROPPED_ELEMENTS = /<(script|style|iframe|object|template)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi;
/** JATS and MathML markup in titles (<i>, <sub>, <jats:italic>) and anything else tag-shaped. */
const TAG = /<\/?[a-z][^>]*>/gi;
/** Control and bidirectional-override characters, which could reorder what the reader sees. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;
const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z]+);/gi;
/** Registry strings longer than this are cut: a title is not a book. */
export const MAX_FIELD_CHARS = 1000;

/** A registry string as plain text: <script> and the like dropped with their content, other tags removed, entities decoded. */
export function plainText(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  const text = raw
    .slice(0, MAX_FIELD_CHARS * 4)
    .replace(DROPPED_ELEMENTS, ' ')
    .replace(TAG, '')
    .replace(ENTITY, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(CONTROL, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > MAX_FIELD_CHARS ? text.slice(0, MAX_FIELD_CHARS) + '…' : text;
}

/** The DOI shape (lib/extract/identifiers.ts' rule): 10.NNNN/anything without spaces, lower-cased, resolver prefix dropped. */
export function normalizeDoi(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const v = raw.trim().replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, '').toLowerCase();
  return /^10\.\d{4,9}\/[^\s"<>]+$/.test(v) && v.length <= 300 ? v : null;
}

/** The https://doi.org/ address of a DOI, each path segment encoded (the same rule as lib/links.ts). */
export function doiUrl(doi: string): string {
  return 'https://doi.org/' + doiPath(doi);
}

/** An e-mail address, loosely: something@something.tld, no spaces (Unpaywall requires one, Crossref takes one). */
export function isEmail(raw: unknown): raw is string {
  return typeof raw === 'string' && raw.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw);
}

/** An API key, loosely (OpenAlex's): printable ASCII without spaces, 8 to 200 characters. */
export function isApiKey(raw: unknown): raw is string {
  return typeof raw === 'string' && /^[\x21-\x7e]{8,200}$/.test(raw);
}

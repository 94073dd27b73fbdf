/**
 * Scholarly identifiers in reference entries: find, validate, normalise. Pure string functions, linear in the input
 * (every pattern is anchored on a literal prefix and has bounded repetition, so no input backtracks badly).
 */
import type { Identifier } from './types';

/** DOI: "10." + registrant (4–9 digits, Crossref handbook) + "/" + suffix up to whitespace or markup-ish characters. */
const DOI = /\b10\.\d{4,9}\/[^\s"<>{}|\\^`]{1,300}/g;
/** Characters a DOI seldom ends with but prose around it often does. */
const DOI_TRAILING = /[.,;:)\]}'"’”]+$/;
/** New-style arXiv ids (2007 on: YYMM.NNNN or YYMM.NNNNN, optional version) and old-style (archive/YYMMNNN). */
const ARXIV_TEXT = /\barxiv:\s{0,3}(\d{4}\.\d{4,5}(?:v\d{1,3})?|[a-z][a-z-]{1,20}(?:\.[A-Z]{2})?\/\d{7}(?:v\d{1,3})?)/gi;
/** The literal every ARXIV_TEXT match starts with. */
const ARXIV_LITERAL = /arxiv:/i;
const ARXIV_HREF = /arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5}(?:v\d{1,3})?|[a-z][a-z-]{1,20}(?:\.[A-Z]{2})?\/\d{7}(?:v\d{1,3})?)/i;
/** PubMed ids are 1–8 digits after a "PMID" label (NLM style) or in a pubmed URL. */
const PMID_TEXT = /\bPMID:?\s{0,3}(\d{1,8})\b/g;
const PMID_HREF = /(?:pubmed\.ncbi\.nlm\.nih\.gov\/|ncbi\.nlm\.nih\.gov\/pubmed\/)(\d{1,8})\b/i;
/** PubMed Central ids: "PMC" + up to 8 digits. */
const PMCID = /\bPMC\d{4,8}\b/g;
/** ISBN after its label: 10 or 13 digits (the last of ISBN-10 may be X), with hyphens or spaces between groups. */
const ISBN_TEXT = /\b(?:ISBN|isbn)(?:-1[03])?[:=]?\s{0,3}((?:97[89][-\s]?)?\d[-\s\d]{7,14}[\dXx])\b/g;
const ISBN_HREF = /(?:Special:BookSources\/|\/isbn\/|isbn=)((?:97[89])?[-\d]{9,16}[\dXx])/i;
/** A slash written as %2F in a link (doi.org/10.1073%2Fpnas…): the DOI pattern needs the literal slash. */
const ENCODED_SLASH = /%2F/gi;
/** Old-style arXiv subject class (math.GT/0309136): arXiv writes it in upper case; the archive is lower case. */
const ARXIV_SUBJECT_CLASS = /\.([a-z]{2})\//;

export function normaliseDoi(raw: string): string {
  let doi = raw.trim();
  try {
    doi = decodeURIComponent(doi);
  } catch {
    /* keep the raw text: a stray "%" is not an error in prose */
  }
  return doi.replace(DOI_TRAILING, '').toLowerCase();
}

/** arXiv id as arXiv writes it: lower case ("v2", "hep-th") except an old-style subject class ("math.GT"). */
function normaliseArxiv(raw: string): string {
  return raw.toLowerCase().replace(ARXIV_SUBJECT_CLASS, (_, c: string) => `.${c.toUpperCase()}/`);
}

/** The ISBN in a labelled match. The pattern allows spaces between groups, so it can run on into a number written
 * after a hyphenated or compact ISBN ("ISBN 978-0-306-40615-7 12 pp."): then the first group alone is the ISBN. */
function isbnOf(raw: string): string | null {
  if (isValidIsbn(raw)) return raw;
  const first = raw.split(/\s/)[0];
  return first !== raw && isValidIsbn(first) ? first : null;
}

/** ISBN-10: weights 10..1, sum ≡ 0 (mod 11); ISBN-13: weights 1,3,1,3…, sum ≡ 0 (mod 10). */
export function isValidIsbn(raw: string): boolean {
  const s = raw.replace(/[-\s]/g, '').toUpperCase();
  if (/^\d{9}[\dX]$/.test(s)) {
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += (s[i] === 'X' ? 10 : Number(s[i])) * (10 - i);
    return sum % 11 === 0;
  }
  if (/^97[89]\d{10}$/.test(s)) {
    let sum = 0;
    for (let i = 0; i < 13; i++) sum += Number(s[i]) * (i % 2 ? 3 : 1);
    return sum % 10 === 0;
  }
  return false;
}

/** Identifiers in an entry's text and link targets, deduplicated by type and value, in the order found. */
export function findIdentifiers(text: string, hrefs: readonly string[] = []): Identifier[] {
  const found: Found = { out: [], keys: null };
  scanText(text, found);
  for (const h of hrefs) scanHref(h, found);
  return found.out;
}

/** Identifiers found so far. Duplicates are found by comparing with each, and past LINEAR_DEDUPE_MAX of them by a set
 * of "type:value" keys (a hostile entry may hold thousands). Most entries hold none or one: no set, no key strings. */
interface Found {
  out: Identifier[];
  keys: Set<string> | null;
}
const LINEAR_DEDUPE_MAX = 8;

function add(found: Found, type: Identifier['type'], value: string, source: Identifier['source']): void {
  if (!value) return;
  const { out } = found;
  if (found.keys) {
    const key = `${type}:${value}`;
    if (found.keys.has(key)) return;
    found.keys.add(key);
  } else {
    for (const o of out) if (o.type === type && o.value === value) return;
    if (out.length === LINEAR_DEDUPE_MAX) found.keys = new Set([...out, { type, value }].map((o) => `${o.type}:${o.value}`));
  }
  out.push({ type, value, source });
}

// Each pattern starts with a literal ("10.", "arXiv:", "PMID", "ISBN", "PMC"): a text without it is not searched (most
// entries hold none of them, and each search allocates its iterator).
function scanText(s: string, found: Found): void {
  if (s.includes('10.')) for (const m of s.matchAll(DOI)) add(found, 'doi', normaliseDoi(m[0]), 'text');
  if (ARXIV_LITERAL.test(s)) for (const m of s.matchAll(ARXIV_TEXT)) add(found, 'arxiv', normaliseArxiv(m[1]), 'text');
  if (s.includes('PMID')) for (const m of s.matchAll(PMID_TEXT)) add(found, 'pmid', m[1], 'text');
  // Also in lower case: a citation template's broken parameter shows as text ("isbn=7-5010-1218-0": wp-zh-china).
  if (s.includes('ISBN') || s.includes('isbn')) {
    for (const m of s.matchAll(ISBN_TEXT)) {
      const isbn = isbnOf(m[1]);
      if (isbn) add(found, 'isbn', isbn.replace(/[-\s]/g, '').toUpperCase(), 'text');
    }
  }
  if (s.includes('PMC')) for (const m of s.matchAll(PMCID)) add(found, 'pmcid', m[0].toUpperCase(), 'text');
}

function scanHref(s: string, found: Found): void {
  // In a link target the query and fragment belong to the URL, not to the DOI; a slash may be written %2F.
  const doiText = s.includes('%') ? s.replace(ENCODED_SLASH, '/') : s;
  if (doiText.includes('10.')) for (const m of doiText.matchAll(DOI)) add(found, 'doi', normaliseDoi(m[0].split(/[?#&]/)[0]), 'href');
  const a = ARXIV_HREF.exec(s);
  if (a) add(found, 'arxiv', normaliseArxiv(a[1]), 'href');
  const p = PMID_HREF.exec(s);
  if (p) add(found, 'pmid', p[1], 'href');
  const i = ISBN_HREF.exec(s);
  if (i && isValidIsbn(i[1])) add(found, 'isbn', i[1].replace(/[-\s]/g, '').toUpperCase(), 'href');
  if (s.includes('PMC')) for (const m of s.matchAll(PMCID)) add(found, 'pmcid', m[0].toUpperCase(), 'href');
}

/**
 * Helpers for anchoring tests on real saved pages (tests/corpus/<id>/source.html).
 * Recipe: parse the page with JSDOM (no scripts, no resources), pick quotes inside <p> elements with a seeded PRNG,
 * describe them with describeRange, then re-parse the page, change it, and anchor again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { prng } from '../../bench/generate';

const repoRoot = path.resolve(__dirname, '../..');
export const corpusDir = path.resolve(repoRoot, 'tests/corpus');

export function readPage(id: string): string {
  return readFileSync(path.join(corpusDir, id, 'source.html'), 'utf8');
}

export function parse(html: string): JSDOM {
  return new JSDOM(html, { url: 'https://example.org/page' });
}

/** The benchmark's seeded PRNG (mulberry32), so every run picks the same quotes. */
export { prng };

/** Paragraphs long enough to quote from (shorter ones are mostly bylines and captions). */
export const MIN_PARAGRAPH_CHARS = 80;

export function quotableParagraphs(doc: Document): HTMLParagraphElement[] {
  return [...doc.body.querySelectorAll('p')].filter((p) => (p.textContent ?? '').trim().length >= MIN_PARAGRAPH_CHARS);
}

export interface QuotePick {
  /** Index of the paragraph among all <p> of the document (stable across re-parses of the same HTML). */
  pIndex: number;
  /** Offsets in the paragraph's textContent. */
  start: number;
  end: number;
}

/** Up to `count` quotes of 20–120 characters on word boundaries, at most one per paragraph. */
export function pickQuotes(doc: Document, count: number, seed: number): QuotePick[] {
  const rand = prng(seed);
  const all = [...doc.body.querySelectorAll('p')];
  const candidates = quotableParagraphs(doc);
  const chosen = new Set<number>();
  const picks: QuotePick[] = [];
  for (let tries = 0; picks.length < count && tries < count * 20 && candidates.length > 0; tries++) {
    const p = candidates[Math.floor(rand() * candidates.length)];
    const pIndex = all.indexOf(p);
    if (chosen.has(pIndex)) continue;
    const text = p.textContent ?? '';
    const spaces = [...text.matchAll(/\s+/g)].map((m) => m.index! + m[0].length);
    const starts = [0, ...spaces].filter((i) => /\S/.test(text[i] ?? ''));
    const start = starts[Math.floor(rand() * starts.length)];
    const length = 20 + Math.floor(rand() * 100);
    let end = Math.min(text.length, start + length);
    const nextSpace = text.indexOf(' ', end);
    if (nextSpace > 0 && nextSpace - end < 15) end = nextSpace;
    if (text.slice(start, end).trim().length < 15) continue;
    chosen.add(pIndex);
    picks.push({ pIndex, start, end });
  }
  return picks;
}

/** A Range over [start, end) of an element's text. */
export function rangeInElement(el: Element, start: number, end: number): Range {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, 4);
  const range = doc.createRange();
  let offset = 0;
  let startSet = false;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const len = n.data.length;
    if (!startSet && start < offset + len) {
      range.setStart(n, start - offset);
      startSet = true;
    }
    if (startSet && end <= offset + len) {
      range.setEnd(n, end - offset);
      return range;
    }
    offset += len;
  }
  throw new Error('offsets outside element');
}

export function paragraph(doc: Document, pIndex: number): HTMLParagraphElement {
  return doc.body.querySelectorAll('p')[pIndex] as HTMLParagraphElement;
}

/** Replace the first occurrence of `word` (whole word) in a text node under el, from character `from` on. */
export function editTextAt(el: Element, at: number, replace: (word: string) => string): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, 4);
  let offset = 0;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const len = n.data.length;
    if (at < offset + len) {
      const local = at - offset;
      const m = /[\p{L}\p{N}]{3,}/u.exec(n.data.slice(local));
      if (!m) return false;
      const i = local + m.index;
      n.data = n.data.slice(0, i) + replace(m[0]) + n.data.slice(i + m[0].length);
      return true;
    }
    offset += len;
  }
  return false;
}

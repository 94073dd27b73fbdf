/**
 * Reference sections of plain-text documents shown in <pre> (RFCs and Internet-Drafts, text pages): a section title
 * flush left whose text is a reference label ("17.1. Normative References"), then entries that start with a "[TAG]"
 * or "N." line, up to the next flush-left line. Running page headers and footers ("de Jong   [Page 20]") are skipped,
 * and a section may run across the <pre> of several printed pages.
 */
import { FLAG_HIDDEN, collapse, elementAt, tagAt } from '../index';
import type { EntrySource } from '../entries';
import { acceptable, cleanEntries } from './blocks';
import { isReferenceLabel, kindOf } from './labels';
import type { Finder, FoundList } from './types';

/** A section title: flush left, optionally numbered ("17.1.", "A.2"), then the title. */
const SECTION_TITLE = /^(?:(?:\d+|[A-Z])(?:\.\d+)*\.?\s+)?(\S.*?)\s*$/;
/** The first line of an entry: indented a little, then "[TAG]" (RFC 7322) or "N." / "[N]". */
const ENTRY_START = /^\s{1,8}(?:\[[^\]\s][^\]]{0,39}\]|\d{1,3}\.\s)/;
/** A printed page's footer (RFC 7322: "Author   [Page N]"). */
const PAGE_FOOTER = /\[Page \d+\]\s*$/;
/** A printed page's running header: the first line of a page, columns apart, ending with the month and year. */
const PAGE_HEADER = /^\S.*\s{3,}.*\b(?:19|20)\d\d\s*$/;
/** The most <pre> characters read: a text document of a few hundred pages. */
const MAX_PRE_CHARS = 2_000_000;

interface Line {
  pre: Element;
  /** Offset of the line in its <pre>'s text. */
  start: number;
  text: string;
  /** Page furniture: a running header or footer. */
  furniture: boolean;
}

/** The <pre> elements of the page, their text split into lines. */
function linesOf(pres: Element[]): Line[] {
  const lines: Line[] = [];
  let read = 0;
  for (const pre of pres) {
    const text = pre.textContent ?? '';
    read += text.length;
    if (read > MAX_PRE_CHARS) break;
    let start = 0;
    let first = true;
    for (const t of text.split('\n')) {
      const blank = !t.trim();
      lines.push({ pre, start, text: t, furniture: PAGE_FOOTER.test(t) || (first && !blank && lines.length > 0 && PAGE_HEADER.test(t)) });
      if (!blank) first = false;
      start += t.length + 1;
    }
  }
  return lines;
}

/** The child nodes of each <pre> that an entry's lines cover (its links are among them). */
function nodesOf(lines: Line[]): Node[] {
  const out: Node[] = [];
  const byPre = new Map<Element, [number, number]>();
  for (const l of lines) {
    const r = byPre.get(l.pre);
    const end = l.start + l.text.length;
    byPre.set(l.pre, r ? [r[0], end] : [l.start, end]);
  }
  for (const [pre, [from, to]] of byPre) {
    let at = 0;
    for (let n = pre.firstChild; n && at < to; n = n.nextSibling) {
      const len = (n.textContent ?? '').length;
      if (at + len > from) out.push(n);
      at += len;
    }
  }
  return out;
}

export const plainText: Finder = {
  name: 'plain-text',
  *find(ctx) {
    const { scan, expired } = ctx;
    const pres: Element[] = [];
    for (let i = 0; i < scan.elements; i++) {
      if (tagAt(scan, i) !== 'PRE' || scan.flagList[i] & FLAG_HIDDEN) continue;
      const el = elementAt(scan, i);
      if (el && !ctx.isClaimed(el)) pres.push(el);
      i = scan.ends[i];
    }
    if (!pres.length) return;
    yield;
    const lines = linesOf(pres);
    for (let k = 0; k < lines.length; k++) {
      const line = lines[k];
      if (/^\s/.test(line.text) || line.furniture) continue;
      const title = SECTION_TITLE.exec(line.text)?.[1] ?? '';
      if (!isReferenceLabel(title)) continue;
      // The section's entries, up to the next flush-left line that is not page furniture.
      const entries: Line[][] = [];
      let j = k + 1;
      for (; j < lines.length; j++) {
        const l = lines[j];
        if (l.furniture) continue;
        if (l.text && !/^\s/.test(l.text)) break;
        if (ENTRY_START.test(l.text)) entries.push([l]);
        else if (entries.length && l.text.trim()) entries[entries.length - 1].push(l);
      }
      k = j - 1;
      if (!entries.length) continue;
      if (expired()) return;
      yield;
      const sources: EntrySource[] = entries.map((ls) => ({ el: ls[0].pre, nodes: nodesOf(ls), text: collapse(ls.map((l) => l.text).join(' ')) }));
      const kept = yield* cleanEntries(sources, scan, expired);
      const list: FoundList = { heading: collapse(line.text), labelEl: null, kind: kindOf(title), sources: kept };
      if (yield* acceptable(list, scan)) yield* ctx.claim(list);
    }
  },
};

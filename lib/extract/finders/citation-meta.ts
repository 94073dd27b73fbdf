/**
 * The reference count a publisher declares in Highwire Press meta (one `citation_reference` per cited work, Google
 * Scholar's inclusion guidelines), cross-checked against the lists found so far: when they hold far fewer entries,
 * the list whose items carry the declared references' titles is taken, whatever its markup.
 */
import { FLAG_HIDDEN, type Scan, elementAt, shapeOf, tagAt, tagOf } from '../index';
import { headingText } from '../outline';
import { acceptable, cleanEntries } from './blocks';
import { kindOf } from './labels';
import { labelOf } from './machine-signals';
import type { Finder, FoundList } from './types';

/** Lists found already that hold this share of the declared references pass the cross-check. */
const FOUND_SHARE = 0.8;
/** A candidate list's item count may differ from the declared count by this share (entries the meta leaves out). */
const COUNT_TOLERANCE = 0.3;
/** Declared titles tried against a candidate, and the share of them its text must hold. */
const TITLES_TRIED = 8;
const TITLES_MATCHED_SHARE = 0.6;
/** Letters of a title compared (titles are cut or re-punctuated between the meta and the page). */
const TITLE_LETTERS = 24;
const MAX_CANDIDATE_CHARS = 2_000_000;

const letters = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The title of one citation_reference ("citation_title=…; citation_author=…"), or its whole text. */
function declaredTitle(content: string): string {
  const m = /(?:^|;)\s*citation_(?:article_)?title=([^;]+)/i.exec(content);
  return letters(m ? m[1] : content).slice(0, TITLE_LETTERS);
}

/** Items of a candidate list: li of ol/ul, dd of dl, or the children of an element that all share its first child's tag and class. */
function itemsOf(el: Element): Element[] {
  const tag = tagOf(el);
  const kids = Array.from(el.children);
  if (tag === 'OL' || tag === 'UL') return kids.filter((k) => tagOf(k) === 'LI');
  if (tag === 'DL') return kids.filter((k) => tagOf(k) === 'DD');
  const first = kids[0];
  if (!first) return [];
  const shape = shapeOf(first);
  return kids.every((k) => shapeOf(k) === shape) ? kids : [];
}

function candidates(scan: Scan, n: number): Element[] {
  const out: Element[] = [];
  const lo = Math.floor(n * (1 - COUNT_TOLERANCE));
  const hi = Math.ceil(n * (1 + COUNT_TOLERANCE));
  for (let i = 0; i < scan.elements; i++) {
    const tag = tagAt(scan, i);
    if (!/^(?:OL|UL|DL|DIV|SECTION|TBODY)$/.test(tag) || scan.flagList[i] & FLAG_HIDDEN) continue;
    const el = elementAt(scan, i);
    if (!el || el.childElementCount < lo || el.childElementCount > 2 * hi) continue;
    const items = itemsOf(el);
    if (items.length >= lo && items.length <= hi) out.push(el);
  }
  return out;
}

export const citationMeta: Finder = {
  name: 'citation-meta',
  *find(ctx) {
    const { scan, expired } = ctx;
    const root = elementAt(scan, 0);
    const head = root?.ownerDocument.head;
    if (!head) return;
    const declared = Array.from(head.querySelectorAll('meta[name="citation_reference"]')).map((m) => m.getAttribute('content') ?? '');
    const n = declared.length;
    if (n < 2) return;
    let found = 0;
    for (const l of ctx.found) found += l.sources.length;
    if (found >= FOUND_SHARE * n) return;
    const titles = declared.map(declaredTitle).filter((t) => t.length >= 8).slice(0, TITLES_TRIED);
    if (!titles.length) return;
    yield;
    let best: Element | null = null;
    let bestHits = 0;
    for (const c of candidates(scan, n)) {
      if (ctx.isClaimed(c)) continue;
      const raw = c.textContent ?? '';
      if (raw.length > MAX_CANDIDATE_CHARS) continue;
      const text = letters(raw);
      const hits = titles.filter((t) => text.includes(t)).length;
      // The innermost of nested candidates with as many hits (a wrapper div around the ol has the same text).
      if (hits > bestHits || (hits === bestHits && best && best.contains(c))) [best, bestHits] = [c, hits];
    }
    if (!best || bestHits < TITLES_MATCHED_SHARE * titles.length || expired()) return;
    const label = labelOf(best, ctx.short);
    const heading = label ? headingText(label) : '';
    const sources = yield* cleanEntries(itemsOf(best).map((el) => ({ el })), scan, expired);
    const list: FoundList = { heading, labelEl: label, kind: kindOf(heading || 'references'), sources };
    if (yield* acceptable(list, scan)) yield* ctx.claim(list, [best], label ? [label] : []);
  },
};

/**
 * Lists whose entries the page marks for machines, in vocabularies that many publishers share (ENTRY_MARK_SELECTOR): each
 * entry is the highest element around one mark that holds no other, entries are grouped by their parent, and a group
 * is labelled by the nearest reference heading before it (or the heading its container names with aria-labelledby).
 * Runs first: a journal's reference section often holds sub-headings that stop the labelled finder.
 */
import { ENTRY_MARK_SELECTOR } from '../rules';
import { type Scan, collapse, isHeadingTag, tagOf } from '../index';
import { headingText } from '../outline';
import { acceptable, cleanEntries, cutShort } from './blocks';
import { isReferenceLabel, kindOf } from './labels';
import type { Finder, FoundList } from './types';


/** Ancestors of an entry searched for its list's label: ol → content div → section div (springer-dress-syndrome). */
const MAX_LABEL_CLIMB = 4;
/** Previous siblings looked at on each level of the climb. */
const MAX_LABEL_SIBLINGS = 3;
/** An entry may climb from its mark to an ancestor with a little more text (a number, a links line): at most this much
 * more, over 1.5× the mark's text. */
const MAX_ENTRY_EXTRA_CHARS = 60;
const MAX_ENTRY_CLIMB = 3;
const NOT_ENTRY_TAGS = new Set(['META', 'LINK', 'SCRIPT', 'STYLE', 'TEMPLATE']);

const textLength = (el: Element) => collapse(el.textContent ?? '').length;

/** The reference label before `group` (climbing a few ancestors), or null. */
export function labelOf(group: Element, short: (el: Element) => string | null): Element | null {
  const doc = group.ownerDocument;
  for (let e: Element | null = group, up = 0; e && up < MAX_LABEL_CLIMB; e = e.parentElement, up++) {
    const named = e.getAttribute('aria-labelledby');
    const byName = named ? doc.getElementById(named.split(/\s+/)[0]) : null;
    if (byName && isReferenceLabel(isHeadingTag(tagOf(byName)) ? headingText(byName) : short(byName) ?? '')) return byName;
    let s = e.previousElementSibling;
    for (let k = 0; s && k < MAX_LABEL_SIBLINGS; s = s.previousElementSibling, k++) {
      if (NOT_ENTRY_TAGS.has(tagOf(s))) continue;
      const h = isHeadingTag(tagOf(s)) ? s : s.firstElementChild && isHeadingTag(tagOf(s.firstElementChild)) && !s.firstElementChild.nextElementSibling ? s.firstElementChild : null;
      if (h && isReferenceLabel(headingText(h))) return h;
      if (h) break; // another heading: this level's label, not the list's
    }
  }
  return null;
}

function marksIn(scan: Scan): Element[] {
  const all = scan.structural.filter((m) => !NOT_ENTRY_TAGS.has(tagOf(m)) && m.matches(ENTRY_MARK_SELECTOR));
  // The outermost marks: an <li itemprop=citation> holding a span.mixed-citation is one entry.
  const set = new Set(all);
  return all.filter((m) => {
    for (let p = m.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
}

export const machineSignals: Finder = {
  name: 'machine-signals',
  *find(ctx) {
    const { scan, short, expired } = ctx;
    const marks = marksIn(scan);
    if (!marks.length) return;
    // Marks per ancestor, a few levels up, so an entry climbs only while it holds its own mark alone.
    const count = new Map<Element, number>();
    for (const m of marks) for (let p = m.parentElement, k = 0; p && k < MAX_ENTRY_CLIMB; p = p.parentElement, k++) count.set(p, (count.get(p) ?? 0) + 1);
    const groups = new Map<Element, Element[]>();
    for (const m of marks) {
      let entry = m;
      const limit = textLength(m) * 1.5 + MAX_ENTRY_EXTRA_CHARS;
      for (let k = 0; k < MAX_ENTRY_CLIMB; k++) {
        const p = entry.parentElement;
        if (!p || count.get(p) !== 1 || textLength(p) > limit) break;
        entry = p;
      }
      const parent = entry.parentElement;
      if (!parent) continue;
      if (!groups.has(parent)) groups.set(parent, []);
      groups.get(parent)!.push(entry);
    }
    for (const [parent, entries] of groups) {
      if (expired()) return;
      yield;
      if (entries.some((e) => ctx.isClaimed(e))) continue;
      const label = labelOf(parent, short);
      if (entries.length < 2 && !label) continue;
      const heading = label ? headingText(label) : '';
      const sources = yield* cleanEntries(entries.map((el) => ({ el })), scan, expired);
      const list: FoundList = { heading, labelEl: label, kind: kindOf(heading || 'references'), sources, partial: cutShort(entries.length, sources) };
      if (yield* acceptable(list, scan)) yield* ctx.claim(list, [parent], label ? [label] : []);
    }
  },
};

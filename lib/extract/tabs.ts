/** Tab sets: panels that a strip of tabs shows one at a time. */
import { ACTIVE_CLASS, MAX_SELECTOR_CHECK_ELEMENTS, TAB_STRIP_WORDS, TAB_TOGGLE } from './rules';
import { type Scan, elementAt, fragmentTarget, shapeOf } from './index';

/** Ancestors of a tab link looked at for the strip's name (link, its li, the ul, the strip's box). */
const MAX_STRIP_DEPTH = 4;
/** Tabs read at most (a hostile page may have a million in-page links). */
const MAX_TABS = 500;

/** Is `a` a tab: by its role, its Bootstrap toggle, or a strip named for tabs around it? */
function isTab(a: Element): boolean {
  if (a.getAttribute('role') === 'tab' || TAB_TOGGLE.test(a.getAttribute('data-toggle') ?? a.getAttribute('data-bs-toggle') ?? '')) return true;
  let e: Element | null = a;
  for (let d = 0; e && d < MAX_STRIP_DEPTH; e = e.parentElement, d++) {
    const role = e.getAttribute('role');
    if (role === 'tablist' || role === 'tab') return true;
    if (TAB_STRIP_WORDS.test(e.getAttribute('class') ?? '') || TAB_STRIP_WORDS.test(e.getAttribute('id') ?? '')) return true;
  }
  return false;
}

/** Is the tab marked as the one shown (ACTIVE_CLASS or aria-selected on it or its list item)? */
function isSelected(a: Element): boolean {
  for (const e of [a, a.parentElement]) {
    if (!e) continue;
    if (e.getAttribute('aria-selected') === 'true' || ACTIVE_CLASS.test(e.getAttribute('class') ?? '')) return true;
  }
  return false;
}

/**
 * The panels of tab sets that are not shown: of the sibling elements that one page's tabs point to (by `href="#id"`
 * or `aria-controls`), all but the one whose tab or panel is marked shown, else all but the first. The headings in
 * them are hidden until the reader picks their tab.
 */
export function inactiveTabPanels(scan: Scan, doc: Document): Set<Element> {
  const out = new Set<Element>();
  const sets = new Map<Element, { panel: Element; shown: boolean }[]>();
  const add = (tab: Element, id: string) => {
    const panel = doc.getElementById(id);
    const parent = panel?.parentElement;
    if (!panel || !parent || panel.contains(tab)) return;
    const set = sets.get(parent) ?? [];
    if (!sets.has(parent)) sets.set(parent, set);
    if (set.some((p) => p.panel === panel)) return;
    set.push({ panel, shown: isSelected(tab) || ACTIVE_CLASS.test(panel.getAttribute('class') ?? '') });
  };
  let tabs = 0;
  for (let i = 0; i < scan.fragmentAt.length && tabs < MAX_TABS; i++) {
    const id = fragmentTarget(scan, scan.fragmentAt[i]);
    const a = id ? elementAt(scan, scan.fragmentAt[i]) : null;
    if (!a || !id || !isTab(a)) continue;
    tabs++;
    add(a, id);
  }
  // ARIA tabs that are buttons, not links: a whole-document query only where it fits in a slice.
  if (scan.elements <= MAX_SELECTOR_CHECK_ELEMENTS) {
    for (const t of Array.from(doc.querySelectorAll('[role="tab"][aria-controls]')).slice(0, MAX_TABS)) {
      for (const id of (t.getAttribute('aria-controls') ?? '').split(/\s+/)) if (id) add(t, id);
    }
  }
  for (const [parent, set] of sets) {
    if (set.length < 2) continue;
    // The set's other children of the same tag and class are panels too, whose tabs the page left out for this
    // article (Silverchair's empty tab slots for "Multimedia", "Correspondence").
    const kind = shapeOf(set[0].panel);
    if (set.every((p) => shapeOf(p.panel) === kind)) {
      for (let c = parent.firstElementChild, n = 0; c && n < MAX_TABS; c = c.nextElementSibling, n++) {
        if (shapeOf(c) === kind && !set.some((p) => p.panel === c)) set.push({ panel: c, shown: ACTIVE_CLASS.test(c.getAttribute('class') ?? '') });
      }
    }
    const shown = set.some((p) => p.shown) ? set.filter((p) => p.shown) : [set.reduce((a, b) => (a.panel.compareDocumentPosition(b.panel) & 2 ? b : a))];
    for (const p of set) if (!shown.includes(p)) out.add(p.panel);
  }
  return out;
}

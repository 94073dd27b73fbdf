/** Structural reference containers without a label found before: MediaWiki `ol.references`, DPUB-ARIA endnotes and
 * bibliographies, Markdown footnotes (kramdown, markdown-it, Pandoc), O'Reilly HTMLBook (REFERENCE_CONTAINER_SELECTOR). */
import { REFERENCE_CONTAINER_SELECTOR } from '../rules';
import type { EntrySource } from '../entries';
import { acceptable, cleanEntries, cutShort, entriesFromBlocks } from './blocks';
import type { Finder, FoundList } from './types';

export const structural: Finder = {
  name: 'structural',
  *find(ctx) {
    const { scan, expired } = ctx;
    for (const c of scan.structural.filter((e) => e.matches(REFERENCE_CONTAINER_SELECTOR))) {
      yield;
      if (ctx.isClaimed(c) || Array.from(ctx.claimed).some((e) => c.contains(e))) continue;
      let sources: EntrySource[];
      const direct = Array.from(c.children).filter((k) => k.getAttribute('data-type') === 'footnote' || k.getAttribute('role') === 'doc-footnote');
      sources = direct.length ? direct.map((el) => ({ el })) : yield* entriesFromBlocks([c], scan, expired);
      const gathered = sources.length;
      sources = yield* cleanEntries(sources, scan, expired);
      const role = c.getAttribute('role');
      const kind = role === 'doc-bibliography' ? 'bibliography' : /foot/i.test(c.className) || c.getAttribute('data-type') === 'footnotes' ? 'footnotes' : role === 'doc-endnotes' ? 'notes' : 'references';
      const list: FoundList = { heading: '', labelEl: null, kind, sources, partial: cutShort(gathered, sources) };
      if (yield* acceptable(list, scan)) yield* ctx.claim(list, [c]);
    }
  },
};

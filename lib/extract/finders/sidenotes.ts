/** Sidenotes: margin notes inline in the paragraphs (Tufte CSS, Astro footnote containers, DPUB-ARIA doc-footnote). */
import { SIDENOTE_SELECTOR } from '../rules';
import type { Finder } from './types';

export const sidenotes: Finder = {
  name: 'sidenotes',
  *find(ctx) {
    const side = ctx.scan.structural.filter((e) => e.matches(SIDENOTE_SELECTOR)).filter((e) => !ctx.isClaimed(e) && !e.parentElement?.closest(SIDENOTE_SELECTOR));
    if (side.length) yield* ctx.claim({ heading: '', labelEl: null, kind: 'sidenotes', sources: side.map((el) => ({ el })) });
  },
};

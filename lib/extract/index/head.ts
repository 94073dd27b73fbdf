/** What the page's <head> says of it: one metadata element, one meta value, the page's own addresses. */
import { collapse } from './text';

/** A metadata element (meta, link) from the document's <head>: a selector over the whole document walks every element
 * when the tag is absent, which was 100 ms a query on the 1M-element page (bench/RESULTS.md). */
export const headQuery = (doc: Document, selector: string): Element | null => (doc.head ?? doc.documentElement)?.querySelector(selector) ?? null;

/** A meta element's content, whitespace collapsed and lower-cased ("" when absent): for comparing with headings. */
export const headMeta = (doc: Document, selector: string): string => collapse(headQuery(doc, selector)?.getAttribute('content') ?? '').toLowerCase();

/** The page's own http(s) addresses, as it declares them (canonical link, og:url) and then where it was loaded from,
 * relative ones resolved against that; without repeats. */
export function pageAddresses(doc: Document, url: string): URL[] {
  const out: URL[] = [];
  for (const c of [headQuery(doc, 'link[rel="canonical"]')?.getAttribute('href'), headQuery(doc, 'meta[property="og:url"]')?.getAttribute('content'), url]) {
    if (!c) continue;
    try {
      const u = new URL(c, url || undefined);
      if ((u.protocol === 'http:' || u.protocol === 'https:') && !out.some((o) => o.href === u.href)) out.push(u);
    } catch {
      /* not a URL: try the next */
    }
  }
  return out;
}

/** Where reference lists and their entries are marked up: containers, entry marks, sidenotes, and list layout. */
import { classTokens, phrases } from './build';

/** Structural reference containers without (or with) a heading: MediaWiki, DPUB-ARIA, Markdown footnotes (kramdown,
 * markdown-it, Pandoc), O'Reilly HTMLBook (`data-type=footnotes`, sre.google). */
export const REFERENCE_CONTAINER_SELECTOR = [
  'ol.references', // MediaWiki
  '[role="doc-endnotes"]', // DPUB-ARIA
  '[role="doc-bibliography"]', // DPUB-ARIA
  'section.footnotes', // markdown-it-footnote, Pandoc
  'div.footnotes', // kramdown, Python-Markdown
  '[data-type="footnotes"]', // HTMLBook (sre-book-monitoring)
  'ol.footnotes',
  '[class*="footnotes-list"]', // .footnotes-list, and plugins' prefixed ones (Modern Footnotes' ul.modern-footnotes-list: spectrecollie-ai-evangelists)
  '#footnotes',
  '.reflist', // MediaWiki templates
  'ol.wp-block-footnotes', // WordPress's core Footnotes block, since 6.3 (kff-adolescent-mental-health-trends)
  '.bibliography', // Wiley's div.bibliography (wiley-advs-transition-metal-nanostructures), jekyll-scholar's ol.bibliography
].join(',');

/** Class words that REFERENCE_CONTAINER_SELECTOR, SIDENOTE_SELECTOR and ENTRY_MARK_SELECTOR name: the scan keeps
 * elements carrying one, and the selectors are tried on those alone. Keep in step (tests/extract/patterns.test.ts). */
export const STRUCTURAL_CLASS = /* @__PURE__ */ classTokens(
  [
    'references',
    'footnotes',
    'footnote',
    'reflist',
    'sidenote',
    'marginnote',
    'footnote-container',
    'wp-block-footnotes',
    'bibliography',
    // ENTRY_MARK_SELECTOR's class tokens
    'ltx_bibitem',
    'mixed-citation',
    'element-citation',
    'nlm-citation',
    'csl-entry',
  ],
  '',
  // ENTRY_MARK_SELECTOR's BEM elements, inside a longer class
  '|references__item|reference-list__item|footnotes-list',
);

/** Marks of one reference entry, one vocabulary per line, with the pages or publishers it came from (finders/
 * machine-signals.ts). The scan keeps the elements that carry one (STRUCTURAL_CLASS, roles, itemprop). */
export const ENTRY_MARK_SELECTOR = [
  '[role="doc-biblioentry"]', // DPUB-ARIA 1.0 (EPUB exports, Pressbooks, Springer Nature books)
  '[role="doc-endnote"]', // DPUB-ARIA 1.0, deprecated in 1.1 but still written
  '[itemprop="citation"]', // schema.org CreativeWork.citation microdata (springer-dress-syndrome)
  '.ltx_bibitem', // LaTeXML: arXiv HTML, ar5iv
  '.mixed-citation', // JATS <mixed-citation> written as a class (PMC, eLife, Frontiers)
  '.element-citation', // JATS <element-citation> likewise
  '.nlm-citation', // JATS 2 / NLM DTD <nlm-citation>
  '.csl-entry', // citeproc output: Pandoc, Quarto, Zotero, Hugo
  '[class*="references__item"]', // BEM "references" block: Springer Nature (springer-dress-syndrome), Atypon (acp-influenza-vaccination)
  '[class*="reference-list__item"]', // BEM "reference-list" block
].join(',');

/** Sidenotes: margin notes inline in the paragraphs (Tufte CSS, maggieappleton.com's Astro footnote-container). */
export const SIDENOTE_SELECTOR = [
  '.footnote-container .footnote', // maggieappleton-xanadu
  'span.sidenote', // Tufte CSS
  'span.marginnote', // Tufte CSS
  'aside[role="doc-footnote"]', // DPUB-ARIA
  '[role="doc-footnote"]',
].join(',');

/** Lines at the end of a list that are not entries: copyright and "last updated" lines (oekonomenstimme.org's
 * "©KOF ETH Zürich", pronats.de's "Aktualisiert: 30.12.2016"). A prefix match. "Copyright" and "Update" open a
 * notice only with a sign, a year, a date or a colon after them: a cited work may be titled so ("Copyright Office
 * Weighs In on AI Training": smarterarticles-ai-art-compensation). */
export const TRAILING_NON_ENTRY = /* @__PURE__ */ phrases(
  [
    '©',
    '\\(c\\)\\s',
    'copyright\\s*(?:©|\\(c\\)|\\d|[:.]|by\\b|$)',
    'aktualisiert', // de
    'zuletzt aktualisiert',
    'stand:',
    'updated?(?:\\s+on)?\\s*(?:\\d|[:.]|$)', // en
    'updated (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)',
    'last (?:updated|modified)',
    'mis à jour', // fr
    'actualizado', // es
    'aggiornato', // it
    'bijgewerkt', // nl
  ],
  '',
);
/** An entry that says there is none: an empty section's placeholder ("None" under IEEE Xplore's "Footnotes", read
 * with the section's head when the section is the container: "Footnotes None", ieee-xplore-fso-rf-hybrid-networks),
 * not a note. A short text that ends in one. */
export const NO_ENTRY_TEXT = /* @__PURE__ */ phrases([
  'none',
  'n/a',
  'not applicable',
  '[-–—]',
], '\\.?$', '^(?:.{0,30}\\s)?');

/** Lines that separate entries inside one paragraph: two or more <br>. */
export const MIN_BR_SEPARATORS = 2;
/** A lone paragraph under a reference label with at least this many single-<br> lines is one entry per line
 * (WordPress editors put each source on its own line with Shift+Enter). Two lines may be one wrapped citation. */
export const MIN_LONE_PARAGRAPH_LINES = 3;

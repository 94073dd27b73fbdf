/**
 * Every selector, word list and threshold the extractor uses, in one table (Readability's REGEXPS style: built once,
 * never inside a loop). Each says where it came from. Tune here, never inline.
 */

// ── Budgets ─────────────────────────────────────────────────────────────────────────────────────────────────────────
/** Default time budget for a full report: a partial answer within 1 s on any page (issue #5's bar for the 1M-element
 * page). 900, not 1,000: what runs after the last clock check, and in the content script the pauses between slices
 * (13 ms on the 1M page), made the answer arrive at 1,001–1,013 ms with a 1,000 ms budget (bench/RESULTS.md). A 1 MB
 * Wikipedia page reports in ~70–90 ms in Chromium on the 2-core benchmark machine, so only pathological pages reach
 * it; they come back partial with `truncated: true`. */
export const DEFAULT_BUDGET_MS = 900;
/** Share of the budget a sliced report works before the wall clock counts too. Until then its budget counts only its
 * own working time, so that a page busy with its own scripts between the slices gets the same report as an idle one,
 * later: every corpus page reports in under 50 ms and refs-3000 in 96–185 ms in Chromium here (bench/RESULTS.md), far
 * from 300. A report that has worked that long is one the budget cuts anyway, and from then on the pauses count: on
 * the 1M-element page, the collector's tasks between slices (187–400 ms on a copy left idle) pushed the answer to
 * 1,134–1,200 ms while the report counted 900 ms of its own. */
export const WALL_CLOCK_AFTER_SHARE = 1 / 3;
/** Share of the budget the document scan may use; the stages after it (detection, references) check the clock too
 * and stop with what they have. Half: on the benchmark's 1M-element page they cost about as much as the scan. */
export const SCAN_BUDGET_SHARE = 0.5;
/** Share of the budget by which detection stops reading prose: on the 1M-element page its sums and title search
 * after that took another ~10% of the budget (bench/quick.ts). */
export const DETECT_BUDGET_SHARE = 0.8;
/** Longest stretch of a sliced report (the content script's) between pauses, in ms. A task over 50 ms is a "long
 * task" (W3C Long Tasks API; issue #5: the page never blocked for more than 50 ms); a slice ends at the first
 * checkpoint past this, and the few steps that cannot pause (a selector query over the page) need room. So does V8:
 * once it marks a huge page's DOM, it does so in steps of ~10 ms inside whatever script runs. On copies of the
 * 1M-element page left idle for 10 s, where any script's allocations start that marking, slices of 20 ms made tasks of
 * 54–73 ms (three marking steps in one), in three of five reports; slices of 10 ms, none over 45 ms in three (a trace
 * with V8's collector events). On fresh copies, 10 ms slices read as far in the budget (600,000–980,000 elements). */
export const SLICE_MS = 10;
/** Child nodes of one container read for its own text (detection): a forum post of 500 lines has ~1,000; a container
 * of 40,000 paragraphs (the 1M-element stress page) would otherwise be read whole in one step. */
export const MAX_OWN_TEXT_CHILDREN = 4096;
/** How often (in elements) the walker looks at the clock, and where a sliced report (lib/extract/work.ts) may pause:
 * often enough to stop within a few ms, rarely enough to cost nothing (performance.now() is ~25 ns in Chromium).
 * 1,024 let some checkpoint stretches run 10–25 ms on the stress pages, so 20 ms slices became 35–48 ms tasks; at 256
 * they end within a few ms of the slice (bench/RESULTS.md, the sliced report's longest task). */
export const CLOCK_CHECK_EVERY = 256;
/** Texts longer than this are cut when read (a 50 MB text node must not be copied whole into a report). */
export const MAX_TEXT_CHARS = 20_000;
/** The most reference entries one report carries; a page with more gets them and `truncated: true`. The reader's reply
 * to the panel is cloned in one task of the page's thread: 22,911–39,679 entries of the end-to-end page of 100,000
 * links took 112–237 ms in Chromium (a scratch harness), ~5 µs an entry, so 5,000 stay near 25 ms. The largest list of
 * the corpus has 387 entries, the benchmark's Wikipedia-style page 3,000. */
export const MAX_REPORT_ENTRIES = 5_000;

// ── Visibility and site chrome ──────────────────────────────────────────────────────────────────────────────────────
/** Subtrees never read: code, styles, templates (tooltip templates on maggieappleton.com), embedded documents. */
export const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'SELECT', 'TEXTAREA', 'BUTTON']);
/** Hidden without CSS: Bootstrap/Tailwind utility classes and screen-reader-only text (acpjournals' login modals use
 * `modal` + `hidden`; phys.org's print-only citation box uses `d-none d-print-block`). Collapsed tabs (`collapse`)
 * are NOT hidden: onmeda.de and snopes.com keep their source lists there. */
export const HIDDEN_CLASS = /(?:^|\s)(?:hidden|d-none|is-hidden|visually-hidden|sr-only|screen-reader-text|invisible|u-hidden|hide|modal|popup|lightbox)(?:\s|$)/i;
export const HIDDEN_STYLE = /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;
/** Landmark elements and roles that are site chrome (WAI-ARIA landmarks; HTML sectioning elements). */
/** FORM is not here: ASP.NET and some CMSs wrap the whole page in one <form>; comment forms carry chrome words. */
export const CHROME_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'DIALOG', 'MENU']);
export const CHROME_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'search', 'dialog', 'alertdialog', 'menu', 'menubar', 'banner']);
/** A class/id word pattern from a list: each word bounded by the string's start or end, whitespace, '_' or '-'. */
function wordPattern(words: string[]): RegExp {
  return new RegExp('(?:^|[\\s_-])(?:' + words.join('|') + ')(?:$|[\\s_-])', 'i');
}

/**
 * Class/id words of site chrome: Readability's unlikelyCandidates list (comment, sidebar, related, share, social, …)
 * plus what the corpus showed: WordPress widgets and comment forms ("respond", "widget"), news "trending"/"most-read"
 * rivers (nytimes, vox), newsletter and subscribe boxes (hakibenita, vox), tables of contents (Easy Table of Contents,
 * MediaWiki #toc), MediaWiki navboxes and infoboxes, Fandom's portable infobox, link-preview cards (maggieappleton),
 * bylines and kickers (quanta's h6 "By …", snopes' author-team h5s).
 */
export const CHROME_WORDS = wordPattern([
  // navigation and menus (Readability's unlikelyCandidates)
  'nav',
  'navbar',
  'navigation',
  'menu',
  'breadcrumbs?',
  'skip-link',
  'pagination',
  'pager',
  'masthead',
  'site-header',
  'footer',
  // sidebars and widgets (Readability; WordPress widgets)
  'sidebar',
  'side-bar',
  'sidebars',
  'widget',
  'widgets',
  'widget-area',
  'rail',
  'right-rail',
  'left-rail',
  // comments and comment forms (Readability; WordPress 'respond', Disqus)
  'comments?',
  'commentlist',
  'comment-respond',
  'respond',
  'replies',
  'disqus',
  // related and trending rivers (Readability; nytimes, vox 'most-read')
  'related',
  'relatedposts',
  'more-stories',
  'recommended',
  'recommendations',
  'trending',
  'popular',
  'most-read',
  'mostread',
  'most-popular',
  'outbrain',
  'taboola',
  'ribbon',
  'story-ribbon',
  // share bars, newsletter and subscribe boxes (Readability; hakibenita, vox)
  'share',
  'sharing',
  'sharebar',
  'social',
  'newsletter',
  'subscribe',
  'subscription',
  'signup',
  'sign-up',
  // ads, promotions, consent banners (Readability)
  'promo',
  'promotion',
  'banner',
  'advert',
  'advertisement',
  'ads',
  'ad-slot',
  'sponsor',
  'sponsored',
  'cookie',
  'gdpr',
  'consent',
  // purchase and access boxes of paywalled journals (Springer Nature 'c-article-buy-box', Atypon/Wiley/T&F 'paywall')
  'buybox',
  'buy-box',
  'paywall',
  'access-options',
  'purchase-options',
  // tables of contents (Easy Table of Contents, MediaWiki #toc)
  'toc',
  'ez-toc',
  'table-of-contents',
  'tableofcontents',
  // MediaWiki navboxes and infoboxes, Fandom's portable infobox
  'navbox',
  'infobox',
  'portable-infobox',
  // bylines, kickers, post meta (quanta's h6 'By …', snopes' author-team h5s)
  'author-bio',
  'bio-box',
  'byline',
  'author',
  'authors',
  'kicker',
  'eyebrow',
  'dateline',
  'post-meta',
  'entry-meta',
  'article-meta',
  // tooltips, link-preview cards, modals (maggieappleton, phys.org's dialogs)
  'tooltip',
  'tooltip-content',
  'preview-card',
  'link-preview',
  'card-preview',
  'modal',
  'popup',
  'overlay',
]);
/** Words of containers that hold the article itself; they win over a chrome word on the same element
 * (Readability's okMaybeItsACandidate). */
export const CONTENT_WORDS = /(?:^|[\s_-])(?:article|main|content|entry-content|post-content|story-body|post-body|mw-parser-output|prose)(?:$|[\s_-])/i;

/** Code blocks and source viewers: their lines are not prose even when they hold sentences (pastebin.com shows a
 * paste as div.source > ol > li > div.de1, GeSHi's markup; highlight.js, Pygments and GitHub use the others). */
export const CODE_CLASS = new RegExp(
  '(?:^|\\s)(?:' +
    [
      'source', 'code', 'highlight', 'codehilite', 'hljs', 'syntax', 'geshi', 'gist', 'prettyprint', 'cm-content',
      'sourcecode', // Pandoc's div.sourceCode
      'blob-code[\\w-]*', // GitHub's blob-code, blob-code-inner
      'highlight-source-[\\w-]+', // GitHub's highlight-source-js…
      'gist-[\\w-]+', // embedded gists
    ].join('|') +
    // Whole class tokens: "highlight-container" (nature-news-fast-telescope's article wrapper) is no code block.
    ')(?:\\s|$)',
  'i',
);

// ── Main content ────────────────────────────────────────────────────────────────────────────────────────────────────
/** A text block shorter than this is not prose (Readability's 25-character paragraph floor). */
export const MIN_PARAGRAPH_CHARS = 25;
/** Blocks that are more than this share link text are navigation, not prose (Readability's 0.5 link-density cut). */
export const MAX_PARAGRAPH_LINK_DENSITY = 0.5;
/** The main content is the deepest element holding at least this share of the page's prose. 0.8 keeps articles
 * whose sections are sibling <section>s (sre.google) together while leaving sidebars and footers out. */
export const MAIN_CONTENT_SHARE = 0.8;

// ── Article detection ───────────────────────────────────────────────────────────────────────────────────────────────
/** Prose (characters in paragraphs) that makes a page an article by itself. The corpus' shortest article (publikum.net,
 * a short blog post) has ~1,900; its longest non-article prose (a law firm's home page) ~900. */
export const ARTICLE_MIN_PROSE_CHARS = 1200;
/** CJK text carries about 3× the information per character (gmw.cn: ~1,000 characters of Chinese for a full story). */
export const CJK_PROSE_FACTOR = 3;
/** Section fronts and listings: the main content holds many headings that are links to other pages (nytimes.com/es
 * front: dozens of linked h2/h3 teasers). Articles link few of their own headings. */
export const LISTING_MIN_LINKED_HEADINGS = 6;
export const LISTING_LINKED_HEADING_SHARE = 0.5;
/** A site's home page (its root, an index file, or a language root like /de/) is never an article: articles live at
 * their own address. The corpus' law-firm home page has 3,700 characters of prose, more than many articles. */
export const HOME_PATH = /^\/(?:[a-z]{2}(?:[-_][a-z]{2})?\/?)?(?:index\.[a-z]{2,5}|home|start)?\/?$/i;
/** Paragraphs in the main content: a page with prose split into fewer, long blocks is still an article. */
export const ARTICLE_MIN_PARAGRAPHS = 3;

// ── Headings ────────────────────────────────────────────────────────────────────────────────────────────────────────
/** Permalink markers inside headings: MediaWiki "[edit]", Sphinx "¶", anchor "#", "§", link emoji. */
export const PERMALINK_TEXT = /^(?:#|¶|§|🔗|\[\s*(?:edit|bearbeiten|modifier|editar|modifica|bewerken|编辑|編集)\s*\]|edit|link|permalink)$/i;
export const PERMALINK_CLASS = /(?:^|\s)(?:mw-editsection|headerlink|anchor|anchorjs-link|heading-anchor|header-anchor|hash-link|permalink|deep-link)(?:\s|$)/i;
/** Heading texts of site chrome whatever their container's classes: newsletter boxes, related and trending rivers,
 * comment and share sections (Readability's and Defuddle's chrome vocabularies, as heading texts). One per line. */
export const CHROME_HEADING_TEXT = new RegExp(
  '^(?:' +
    [
      '.*\\bnewsletter\\b.*', // "Sign up for our newsletter", "Coaching-Newsletter erhalten" (coaching-magazin-transgenerational)
      '.*-newsletter\\b.*',
      'related(?: (?:posts|articles|stories|recipes|content|reading|videos))?',
      'you (?:may|might) also (?:like|enjoy)',
      '(?:more|other) (?:stories|articles|posts|recipes)(?: (?:from|by|like)\\b.*)?',
      'recommended(?: for you| articles| stories| reading)?',
      'most (?:read|popular|viewed|shared)',
      'trending(?: now| stories)?',
      'popular (?:posts|articles|stories)',
      'leave a (?:comment|reply)',
      '\\d+ (?:comments?|responses?|replies)',
      'comments?',
      'share (?:this|on)\\b.*',
      'das könnte (?:dich|sie) auch interessieren', // de
      'ähnliche (?:artikel|beiträge)',
      'mehr zum thema',
      'à lire aussi', // fr
      'a lire aussi',
      'sur le même sujet',
      'articles similaires',
      'artículos relacionados', // es
      'noticias relacionadas',
      'te puede interesar',
    ].join('|') +
    ')\\s*:?$',
  'i',
);
/** Generated tables of contents (MediaWiki "Contents", Easy Table of Contents "Table of Content", Sphinx). */
export const TOC_TITLE = /^(?:contents|table of contents?|on this page|in this article|inhalt|inhaltsverzeichnis|sommaire|table des matières|índice|contenido|contenidos|indice|inhoud|目次|目录|目錄)$/i;

// ── Reference lists ─────────────────────────────────────────────────────────────────────────────────────────────────
/**
 * Labels of reference and note lists, whole-label match after trimming a trailing colon. English, German, French,
 * Spanish, Italian, Portuguese, Dutch, Chinese and Japanese, as the issue asks; the German ones come from the corpus
 * (Literatur, Literaturverzeichnis, Quellen, Einzelnachweise, Anmerkungen), the rest from the Wikipedias' section names.
 */
export const REFERENCE_LABEL = /* @__PURE__ */ referenceLabel();
/** A function call marked pure, so bundles that never read REFERENCE_LABEL (the always-on content script) drop it. */
function referenceLabel(): RegExp {
  return new RegExp(
    '^(?:' +
      [
        '(?:notes?\\s*(?:and|&)\\s*)?references?(?:\\s*(?:and|&)\\s*notes?)?',
        '(?:normative|informative) references', // IETF RFCs and drafts (RFC 7322, ietf-remotestorage-draft)
        'references? cited', 'cited (?:works|sources|literature)', 'works cited', 'literature cited', 'citations?',
        'sources?(?:\\s*(?:and|&)\\s*notes?)?', 'notes?(?:\\s*(?:and|&)\\s*sources?)?', 'end ?notes?', 'foot ?notes?',
        'bibliograph(?:y|ies)', 'selected bibliography', 'further sources',
        'literatur', 'literaturverzeichnis', 'literaturhinweise', 'literaturangaben', 'verwendete literatur',
        'quellen', 'quelle', 'quellenangaben', 'quellenverzeichnis', 'einzelnachweise', 'anmerkungen', 'fußnoten', 'fussnoten', 'belege', 'nachweise',
        'références', 'références bibliographiques', 'bibliographie', 'notes et références', 'sources et références',
        'referencias', 'bibliografía', 'fuentes', 'notas', 'notas y referencias', 'citas',
        'note', 'riferimenti', 'riferimenti bibliografici', 'bibliografia', 'fonti', 'note e riferimenti',
        'referências', 'notas e referências', 'fontes', 'referências bibliográficas',
        'bronnen', 'bronvermelding', 'noten', 'referenties', 'literatuur', 'voetnoten',
        '参考文献', '参考资料', '参考資料', '引用', '出典', '注释', '注釋', '注释与参考文献', '脚注', '注釈', '注', '外部链接参考', '文献',
      ].join('|') +
      ')\\s*[:：]?$',
    'i',
  );
}
/** Labels that sit before a single inline citation in a paragraph (phys.org's "More information:"). */
export const INLINE_REFERENCE_LABEL = /^(?:more information|reference|references|source|sources|quelle|quellen|literatur|référence|fuente|fonte|bron)\s*[:：]$/i;
/** Labels that look like reference labels but are not (see corpus/README.md rules). */
export const NOT_REFERENCE_LABEL = /^(?:further reading|external links|see also|weiterführende literatur|weblinks|siehe auch|liens externes|voir aussi|pour aller plus loin|aller plus loin|enlaces externos|véase también|collegamenti esterni|voci correlate|links externos|ver também|externe links|zie ook|外部链接|関連項目|外部リンク)\s*:?$/i;
/** Structural reference containers without (or with) a heading: MediaWiki, DPUB-ARIA, Markdown footnotes (kramdown,
 * markdown-it, Pandoc), O'Reilly HTMLBook (`data-type=footnotes`, sre.google). */
export const REFERENCE_CONTAINER_SELECTOR = [
  'ol.references', '[role="doc-endnotes"]', '[role="doc-bibliography"]', 'section.footnotes', 'div.footnotes',
  '[data-type="footnotes"]', 'ol.footnotes', '.footnotes-list', '#footnotes', '.reflist',
].join(',');
/** Class words that REFERENCE_CONTAINER_SELECTOR and SIDENOTE_SELECTOR name: the scan keeps elements carrying one, and the
 * selectors are tried on those alone. Keep in step with the two selectors (tests/extract/patterns.test.ts checks). */
export const STRUCTURAL_CLASS = new RegExp(
  '(?:^|\\s)(?:' +
    [
      'references', 'footnotes', 'footnote', 'footnotes-list', 'reflist', 'sidenote', 'marginnote', 'footnote-container',
      // ENTRY_MARK_SELECTOR's class tokens
      'ltx_bibitem', 'mixed-citation', 'element-citation', 'nlm-citation', 'csl-entry',
    ].join('|') +
    ')(?:\\s|$)' +
    // ENTRY_MARK_SELECTOR's BEM elements, inside a longer class
    '|references__item|reference-list__item',
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
export const SIDENOTE_SELECTOR = ['.footnote-container .footnote', 'span.sidenote', 'span.marginnote', 'aside[role="doc-footnote"]', '[role="doc-footnote"]'].join(',');
/** Lines at the end of a list that are not entries: copyright and "last updated" lines (oekonomenstimme.org's
 * "©KOF ETH Zürich", pronats.de's "Aktualisiert: 30.12.2016"). */
export const TRAILING_NON_ENTRY = /^(?:©|\(c\)\s|copyright\b|aktualisiert|zuletzt aktualisiert|stand:|updated?\b|last (?:updated|modified)|mis à jour|actualizado|aggiornato|bijgewerkt)/i;
/** Lines that separate entries inside one paragraph: two or more <br>. */
export const MIN_BR_SEPARATORS = 2;
/** A lone paragraph under a reference label with at least this many single-<br> lines is one entry per line
 * (WordPress editors put each source on its own line with Shift+Enter). Two lines may be one wrapped citation. */
export const MIN_LONE_PARAGRAPH_LINES = 3;

// ── Entries ─────────────────────────────────────────────────────────────────────────────────────────────────────────
/** In-page back-links to the citing place: MediaWiki "^"/"↑" and jump letters "a b c", "↩" (markdown-it, kramdown),
 * "[1]" (SPIP), bare numbers (HTMLBook). Only in-page links with such text are back-links. */
export const BACKLINK_TEXT = /^\s*(?:\^|↑|↩︎?|⤴|⬆|\[?\d{1,4}\]?|[a-z]{1,2}|\^?\s*back|retour)\s*$/i;
export const BACKLINK_CLASS = /(?:^|\s)(?:mw-cite-backlink|footnote-backref|footnote-back|reversefootnote|backlink|spip_note_ref|jumptargets|fn-back)(?:\s|$)/i;
/** Glyphs left at the start of an entry's text after back-links are removed. */
export const LEADING_BACKLINK_GLYPHS = /^(?:[\^↑↩⤴]\s*(?:[a-z]{1,2}\s+)*)+/u;
/** Look-up links that are not sources themselves: Google Scholar (acpjournals), web searches. */
export const SEARCH_LINK = /^https?:\/\/(?:scholar\.google\.[a-z.]{2,8}\/|(?:www\.)?google\.[a-z.]{2,8}\/search|(?:www\.)?bing\.com\/search|duckduckgo\.com\/\?)/i;
/** A web address written as text. */
export const PLAIN_URL = /(?:\bhttps?:\/\/|\bwww\.)[^\s<>"]{3,}/i;

// ── Citation markers ────────────────────────────────────────────────────────────────────────────────────────────────
/** Fragments that in-text markers point at: MediaWiki "cite_note-", Markdown "fn"/"fn:", "footnote-", "note-",
 * "endnote", HTMLBook ids. Used only to tell a dangling marker from an ordinary in-page link. */
export const MARKER_TARGET = /^(?:cite_note|fn|footnote|note|endnote|ref|nb|bib)[-_:.]?\w/i;
export const MARKER_TEXT = /^\s*\[?\s*(?:\d{1,4}|[a-z]|[ivx]{1,5}|\*{1,3}|†|‡)\s*\]?\s*$/i;

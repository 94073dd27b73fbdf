/** What is never read, what is hidden, and what is site chrome rather than the article: tags, roles, class words. */
import { classTokens, headWordPattern, wordPattern } from './build';

/** Subtrees never read: code, styles, templates (tooltip templates on maggieappleton.com), embedded documents. */
export const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'SELECT',
  'TEXTAREA',
  'BUTTON',
]);

/** Hidden without CSS: utility classes and screen-reader-only text. Collapsed tabs (`collapse`) are NOT hidden:
 * onmeda.de and snopes.com keep their source lists there. */
export const HIDDEN_CLASS = /* @__PURE__ */ classTokens([
  'hidden', // Tailwind, many CMSs
  'd-none', // Bootstrap (phys.org's print-only citation box: `d-none d-print-block`)
  'is-hidden', // Bulma
  'visually-hidden', // Bootstrap 5, WordPress
  'sr-only', // Bootstrap 3/4, Tailwind
  'screen-reader-text', // WordPress
  'invisible',
  'u-hidden', // SUIT CSS utilities
  'hide',
  'modal', // acpjournals' login modals: `modal` + `hidden`
  'popup',
  'lightbox',
  // Hidden on a desktop browser's screen, where the side panel is read: mobile-only copies of a page's parts
  // (heise's "a-u-hide-from-desktop" dossier box: heise-lithium-schredder; NCBI's "ncbi--hide-at-desktop")
  '(?:[\\w]+-)*-?hide-(?:at|on|from|for)-desktop',
  'hidden-desktop',
  'mobile-?only',
  '(?:u-)?show-?on-?mobile(?:-only)?',
]);
export const HIDDEN_STYLE = /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** Landmark elements that are site chrome (HTML sectioning elements). FORM is not here: ASP.NET and some CMSs wrap the
 * whole page in one <form>; comment forms carry chrome words. */
export const CHROME_TAGS = new Set([
  'NAV',
  'ASIDE',
  'FOOTER',
  'DIALOG',
  'MENU',
]);
/** WAI-ARIA landmark and widget roles that are site chrome. */
export const CHROME_ROLES = new Set([
  'navigation',
  'complementary',
  'contentinfo',
  'search',
  'dialog',
  'alertdialog',
  'menu',
  'menubar',
  'banner',
]);

/**
 * Class/id words of site chrome: Readability's unlikelyCandidates list (comment, sidebar, related, share, social, …)
 * plus what the corpus showed, each group with its sources.
 */
const CHROME_WORD_LIST = [
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
  // tables of contents (Easy Table of Contents, MediaWiki #toc): "toc" alone, last, or before a box word; not as a
  // modifier of the article's own parts (PLOS's div.section.toc-section, each a section the contents list: plos-one-rev-yolk-antibody)
  "toc(?=$|\\s|[-_](?:container|wrapper|list|nav|box|widget|title|header|sticky|panel|menu|links?)(?:$|[\\s_-]))",
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
  // article tool panels of journal platforms (IOP 'content-tools'; Atypon Literatum 'article-tools')
  'content-tools',
  'article-tools',
  // article metrics, dropdowns and reference-manager widgets of journal platforms (ACS/Atypon 'articleMetrics',
  // 'dropBlock', the Mendeley import dialog: acs-photonics-squeezed-light; T&F 'articleMetricsContainer')
  'metrics',
  'article-?metrics',
  'altmetrics?',
  'dropdown',
  'dropblock',
  'mendeley',
  // tooltips, link-preview cards, modals (maggieappleton, phys.org's dialogs)
  'tooltip',
  'tooltip-content',
  'preview-card',
  'link-preview',
  'card-preview',
  'modal',
  'popup',
  'overlay',
];
export const CHROME_WORDS = /* @__PURE__ */ wordPattern(CHROME_WORD_LIST);
/** A class or id token whose last part names a box of other content ("c-article-recommendations", "post-share",
 * Springer Nature's recommendation cards): chrome even when an earlier part is a content word, which otherwise wins.
 * Layout words (rail, sidebar, nav, footer) are not here: "article-with-rail" (Fandom) is the article. */
export const HEADED_CHROME = /* @__PURE__ */ headWordPattern([
  'related',
  'recommended',
  'recommendations',
  'more-stories',
  'trending',
  'most-read',
  'most-popular',
  'comments?',
  'share',
  'sharing',
  'newsletter',
  'subscribe',
  'promo',
  'sponsored',
  'ads',
  'tools', // "content-tools", "article-tools": a journal's tool panel (metrics, permissions, MathJax switch; IOP, Atypon)
]);
/** The chrome words that name a box about the authors: a byline or a bio box on a site, but the article's own section
 * when a scholarly back-matter head labels it (outline.ts, inBackMatterBox). */
export const AUTHOR_BOX_WORDS = /* @__PURE__ */ wordPattern([
  'author',
  'authors',
]);
/** Words of containers that hold the article itself; they win over a chrome word on the same element
 * (Readability's okMaybeItsACandidate). */
export const CONTENT_WORDS = /* @__PURE__ */ wordPattern([
  'article',
  'main',
  'content',
  'entry-content', // WordPress
  'post-content',
  'story-body', // BBC, news CMSs
  'post-body', // Blogger
  'mw-parser-output', // MediaWiki
  'prose',
  'abstract', // JATS <abstract> rendered as div.abstract (Elsevier's "abstract author", "abstract author-highlights": sciencedirect-urban-green-commons; HAL, PeerJ, ACL)
]);

/** Whole class tokens of the parts of a scholarly article that JATS-derived HTML keeps from the JATS element names:
 * a landmark tag (<footer class="back">, <aside class="fn-group">) with one of them holds the article's own back
 * matter, not the site's footer or sidebar. Made with peerj-state-of-oa (footer.back holding "Acknowledgements",
 * "Funding", section.ack, div.fn-group); the names are JATS's (<back>, <ack>, <fn-group>, <app-group>), which PMC,
 * eLife, PeerJ and Highwire-rendered journals reuse as classes. */
export const ARTICLE_PART_CLASS = /* @__PURE__ */ classTokens([
  'back', // JATS <back>
  'ack', // JATS <ack> (acknowledgements)
  'fn-group', // JATS <fn-group> (author notes, competing interests)
  'app-group', // JATS <app-group> (appendices)
]);

/** Code blocks and source viewers: their lines are not prose even when they hold sentences. Whole class tokens:
 * "highlight-container" (nature-news-fast-telescope's article wrapper) is no code block. */
export const CODE_CLASS = /* @__PURE__ */ classTokens([
  'source', // pastebin.com's div.source (GeSHi)
  'code',
  'highlight', // Rouge, Pygments wrappers
  'codehilite', // Python-Markdown
  'hljs', // highlight.js
  'syntax',
  'geshi', // GeSHi
  'gist',
  'prettyprint', // google-code-prettify
  'cm-content', // CodeMirror 6
  'sourcecode', // Pandoc's div.sourceCode
  'blob-code[\\w-]*', // GitHub's blob-code, blob-code-inner
  'highlight-source-[\\w-]+', // GitHub's highlight-source-js…
  'gist-[\\w-]+', // embedded gists
]);

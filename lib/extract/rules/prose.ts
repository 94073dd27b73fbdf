/** Thresholds for prose, the main content, and whether a page is an article. */
import { phrases } from './build';

/** A text block shorter than this is not prose (Readability's 25-character paragraph floor). */
export const MIN_PARAGRAPH_CHARS = 25;
/** Blocks that are more than this share link text are navigation, not prose (Readability's 0.5 link-density cut). */
export const MAX_PARAGRAPH_LINK_DENSITY = 0.5;
/** The main content is the deepest element holding at least this share of the page's prose. 0.8 keeps articles
 * whose sections are sibling <section>s (sre.google) together while leaving sidebars and footers out. */
export const MAIN_CONTENT_SHARE = 0.8;

/** Prose (characters in paragraphs) that makes a page an article by itself. The corpus's shortest article (publikum.net,
 * a short blog post) has ~1,900; its longest non-article prose (a law firm's home page) ~900. */
export const ARTICLE_MIN_PROSE_CHARS = 1200;
/** CJK text carries about 3× the information per character (gmw.cn: ~1,000 characters of Chinese for a full story). */
export const CJK_PROSE_FACTOR = 3;
/** Section fronts and listings: the main content holds many headings that are links to other pages (nytimes.com/es
 * front: dozens of linked h2/h3 teasers). Articles link few of their own headings. */
export const LISTING_MIN_LINKED_HEADINGS = 6;
/** A teaser's link to its story, by its words: a page of many (LISTING_MIN_LINKED_HEADINGS, and at least half as many
 * as its headings) is an index of stories whatever its headings are (lwn-front-page: each h2's blurb ends in "Full
 * Story"). Blog and news engines' defaults, by language. */
export const READ_MORE_TEXT = /* @__PURE__ */ phrases(
  [
    'read more',
    'read (?:the )?full (?:story|article|post)',
    'full story',
    'continue reading\\b.*',
    'keep reading',
    'read on',
    'weiterlesen', // de
    'mehr lesen',
    'lire la suite', // fr
    'leer más', // es
    'seguir leyendo',
    'leggi tutto', // it
    'continua a leggere',
    'leia mais', // pt
    'continuar lendo',
    'lees meer', // nl
    '続きを読む', // ja
    'もっと見る',
    '阅读全文', // zh
    '閱讀全文',
  ],
  '\\s*(?:[»›→…]|\\.\\.\\.)?$',
  '^\\s*',
);
/** Headings whose teasers are looked at for READ_MORE_TEXT, at most. */
export const MAX_READ_MORE_HEADINGS = 500;
export const LISTING_LINKED_HEADING_SHARE = 0.5;
/** A listing's prose is spread over its teasers; a story beside teasers holds at least this share of the main content's
 * prose in one element with none of the linked headings (sciencenow-gut-microbes-species: a story with "related
 * stories", "what's new" and sidebar teaser boxes in the same column). */
export const STORY_SHARE = 0.5;
/** Listings by HTML's own sectioning: the main content holds this many <article> elements (the spec's "self-contained
 * composition": one a teaser card, a post in an archive) that each have a heading. An article page has one <article>,
 * around the main content or inside it, not many within. WordPress archives (article.post per item), Drupal teaser
 * views and news rivers mark their cards so. Made with nestle-marktplatz-produkttests (16 teaser cards, each an
 * article.contentContainerTyp1 with its h2). Cards in chrome (related posts, comments) do not count. */
export const LISTING_MIN_ARTICLES = 6;
/** A site's home page (its root, an index file, or a language root like /de/) is never an article: articles live at
 * their own address. The corpus's law-firm home page has 3,700 characters of prose, more than many articles. */
export const HOME_PATH = /^\/(?:[a-z]{2}(?:[-_][a-z]{2})?\/?)?(?:index\.[a-z]{2,5}|home|start)?\/?$/i;
/** An author's page (WordPress's /author/name/ archive, publishers' /author/Name search) lists works; it is none. */
export const AUTHOR_PATH = /^(?:\/[a-z]{2}(?:[-_][a-z]{2})?)?\/authors?\/[^/]+\/?(?:page\/\d+\/?)?$/i;
/** Paragraphs in the main content: a page with prose split into fewer, long blocks is still an article. */
export const ARTICLE_MIN_PARAGRAPHS = 3;

/** Types and meta names that pages declare for machines (read by ../signals.ts), with where each comes from. */

/** schema.org and Open Graph types of an article (schema.org/Article and its subtypes, og:type "article"). */
export const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'blogposting',
  'scholarlyarticle',
  'medicalscholarlyarticle',
  'techarticle',
  'report',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'socialmediaposting', // schema.org's parent of BlogPosting and LiveBlogPosting
  'liveblogposting',
  'claimreview', // fact checks (politifact-border-drugs, snopes-yovanovitch)
  'howto',
  'recipe',
]);

/** schema.org types of pages that are not one article, whatever their prose: shop, search, profile, Q&A and video
 * pages, collections. Trusted only when the page declares no article type beside them. */
export const NON_ARTICLE_TYPES = new Set([
  'product', // shop pages (schema.org Product, Google's merchant listings)
  'productgroup',
  'offercatalog',
  'searchresultspage',
  'profilepage', // social and forum profiles
  'qapage', // Stack Exchange, Quora-style question pages
  'discussionforumposting', // a forum thread
  'collectionpage', // category and tag archives
  'itemlist', // only when it is the page's main entity (top-level)
  'videoobject', // a watch page
  'itempage', // schema.org: "a page devoted to a single item, such as a particular product or hotel" (video pages too)
  'softwaresourcecode', // a code repository's page (GitHub's microdata on repository pages)
  'musicrecording',
  'movie',
  'event',
  'jobposting',
  'realestatelisting',
]);

/** Open Graph types of non-articles (ogp.me: product, profile, video.*, music.*, books are single objects). */
export const NON_ARTICLE_OG = /^(?:product|product\.item|profile|video\.(?:movie|episode|tv_show|other)|music\.[a-z_.]+|business\.business|place)$/i;

/** Highwire Press meta that make a page a scholarly article (Google Scholar's inclusion guidelines). */
export const SCHOLARLY_META = ['citation_title', 'citation_journal_title', 'citation_doi'];
/** Dublin Core / PRISM types of an article ("Text", "article", "research-article"). */
export const DC_ARTICLE_TYPE = /^(?:text|article|[a-z-]*article|journalarticle)$/i;

/** JSON-LD blocks and microdata items read at most: a page declares its type in the first few. */
export const MAX_DECLARATIONS = 10;
/** Characters of one JSON-LD block searched for its types. */
export const MAX_JSON_LD_CHARS = 50_000;

/** Types and meta names that pages declare for machines (read by ../signals.ts), with where each comes from. */
import { phrases } from './build';

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
  'question', // a page whose main entity is a Question with its answers (zhihu-luding-quake-question's microdata)
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

/** Highwire Press meta that alone make a page a scholarly article's (Google Scholar's inclusion guidelines). */
export const SCHOLARLY_META = ['citation_journal_title', 'citation_doi'];
/** Author meta that, beside citation_title or an article dc.type, make the page a scholarly work's (an issue's table of
 * contents has the title and type without them: aip-apl-1965-issue-toc). */
export const SCHOLARLY_AUTHOR_META = [
  'citation_author', // Highwire Press
  'citation_authors', // Highwire Press, the older semicolon list
  'dc.creator', // Dublin Core
  'dcterms.creator', // Dublin Core terms
];
/** Dublin Core and PRISM identifier meta: with a DOI for a value, the page is a scholarly work's (DC.Identifier
 * "10.1101/696633" on biorxiv-urine-cfdna; PRISM's prism.doi on publishers' pages). */
export const DOI_META = ['dc.identifier', 'dcterms.identifier', 'prism.doi'];
export const DOI_VALUE = /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?10\.\d{4,9}\/\S+$/i;
/** Dublin Core / PRISM types of an article or another scholarly work, one vocabulary per line (with an author beside
 * them, signals.ts). */
export const DC_ARTICLE_TYPE = /* @__PURE__ */ phrases([
  'text', // DCMI Type Vocabulary
  'article',
  '[a-z -]*article', // "research-article" (JATS), "Research article" (Hindawi)
  'journalarticle',
  'conference (?:or workshop )?item', // EPrints (oro-eprints-pre-main-sequence)
  'conference (?:paper|object|proceedings)', // DSpace, OpenAIRE
  'book (?:section|chapter|part)', // EPrints, OpenAIRE
  'thesis|dissertation|doctoral thesis|master thesis', // EPrints, DSpace, OpenAIRE
  'preprint|working paper', // DSpace, OpenAIRE
]);

/** JSON-LD blocks and microdata items read at most: a page declares its type in the first few. */
export const MAX_DECLARATIONS = 10;
/** Characters of one JSON-LD block searched for its types. */
export const MAX_JSON_LD_CHARS = 50_000;

/** Post containers of forum software: a page with at least MIN_FORUM_POSTS of them is a thread, not an article, even
 * when it declares og:type "article" (Forumotion boards do, for every page). One engine per line. */
export const FORUM_POST_SELECTOR = [
  '.postprofile', // phpBB prosilver and its derivatives (wolfsrebellen-forum-regeln, a Forumotion board)
  '.postbitlegacy', // vBulletin 3/4
  '.message--post', // XenForo 2 (katzenforum-pepe-fell)
  '.topic-post', // Discourse
  '.post_author', // MyBB
  '.cPost', // Invision Community
  '.post_wrapper', // SMF 2
].join(',');
/** A thread shows at least the first post and one answer; one post box may be a blog's author card. */
export const MIN_FORUM_POSTS = 2;

/** Names that shop software gives the buy form of a product or its submit control ("add to cart / basket / bag"), read
 * from a form's id, name, class and action and its buttons' names and ids, separators ignored: a page with such a
 * form is a product page, not an article, whatever its prose (a book's description and reviews), unless it declares
 * an article type in schema.org or Highwire meta. Amazon's form#addToCart and input[name="submit.add-to-cart"]
 * (amazon-uk-vegetable-perfection, amazon-us-whole-truth-kindle), Magento's form#product_addtocart_form,
 * WooCommerce's button[name="add-to-cart"], PrestaShop's #add-to-cart-or-refresh, Shopware's "btn-buy"
 * ("in den Warenkorb"). */
export const ADD_TO_CART_NAME = /add[-_.\s]?to[-_.\s]?(?:cart|basket|bag)|in[-_]?den[-_]?warenkorb|ajouter[-_]?au[-_]?panier/i;
/** Shopify's product form posts to /cart/add (Liquid {% form 'product' %}); other carts' add actions alike. */
export const ADD_TO_CART_ACTION = /\/cart\/add(?:$|[/?.])/i;
/** Forms read at most for a buy form: a product page's is among its first. */
export const MAX_FORMS_READ = 60;

/** Vote controls of discussion software by their accessible names (aria-label, title): a page whose posts carry them,
 * the first at or before the main content, is a discussion thread, not an article (an article's comment section comes
 * after it). Reddit's button[aria-label="upvote"] (reddit-python-init-thread), Stack Exchange's "Up vote"
 * (stackexchange-de-wurde-war, also a QAPage), Hacker News's title="upvote", Lemmy's "Upvote". */
export const VOTE_CONTROL_SELECTOR = ['upvote', 'up vote', 'vote up']
  .flatMap((name) => [`[aria-label="${name}" i]`, `[title="${name}" i]`])
  .join(',');
/** A thread has a question and at least one answer, each with its vote control. */
export const MIN_VOTED_POSTS = 2;

/** Class names of a Q&A page's answers: the word "answer" or "answers" alone or joined by "-" or "_", or "Answer(s)"
 * in camel case; not "unanswered" or "answered". Stack Exchange's div.answer (stackexchange-de-wurde-war), Zhihu's
 * AnswerCard and MoreAnswers (zhihu-luding-quake-question), Baidu Zhidao's div.answer and div.wgt-answers
 * (baiduzhidao-quake-warning-question); no article of the corpus's 106 pages has one. */
const ANSWER_CLASS_WORD = /(?:^|[-_])[Aa]nswers?(?=$|[-_A-Z])|[a-z]Answers?(?=$|[-_A-Z])/;
/** Answers an article may hold: FAQ items, quiz and exercise solutions. */
const NOT_ANSWER_CLASS = /faq|quiz|exercise|question-and-answer/i;
export const isAnswerClass = (name: string) => ANSWER_CLASS_WORD.test(name) && !NOT_ANSWER_CLASS.test(name);
/** A question page shows at least two answer blocks (the best answer and the others' list, or two answers). */
export const MIN_ANSWER_POSTS = 2;
/** Share of the page's prose in its answers: a Q&A page's prose is its answers; a tutorial's answer boxes are a
 * small part of its prose. */
export const ANSWER_PROSE_SHARE = 0.5;

/** A link to a work's full text as a PDF: a path ending ".pdf" or a "/pdf/" step (lingbuzz's …/current.pdf, Acta
 * Palaeontologica Polonica's archive PDFs, publishers' /doi/pdf/10.…). */
export const FULL_TEXT_PDF_HREF = /\.pdf(?:$|[?#])|\/pdf(?:\/|$)/i;
/** Links read at most on a landing page: its own are a few dozen. */
export const MAX_LANDING_LINKS = 2000;

/** hAtom / microformats2 entry and its content (microformats.org; Blogger, WordPress themes): emacspeak-defadvice. */
export const HATOM_ENTRY = '.hentry, .h-entry';
export const HATOM_CONTENT = '.entry-content, .e-content';

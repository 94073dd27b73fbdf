/**
 * What a page says about itself for machines: Open Graph og:type, schema.org types (JSON-LD, top-level microdata),
 * Highwire Press citation_* meta (Google Scholar's inclusion rules), Dublin Core / PRISM types. Read before the prose
 * heuristics; detect.ts says in its reasons which one decided.
 */
import type { Scan } from './index';
import { findIdentifiers } from './identifiers';
import { ARTICLE_TYPES, DOI_META, DOI_VALUE, DC_ARTICLE_TYPE, FORUM_POST_SELECTOR, MAX_DECLARATIONS, MIN_FORUM_POSTS, MAX_JSON_LD_CHARS, NON_ARTICLE_OG, NON_ARTICLE_TYPES, SCHOLARLY_META, SCHOLARLY_AUTHOR_META, ADD_TO_CART_ACTION, ADD_TO_CART_NAME, MAX_FORMS_READ, MIN_VOTED_POSTS, VOTE_CONTROL_SELECTOR, isAnswerClass, MIN_ANSWER_POSTS, ANSWER_PROSE_SHARE, FULL_TEXT_PDF_HREF, MAX_LANDING_LINKS } from './rules';


export interface PageSignals {
  /** og:type, lower-cased, or "". */
  ogType: string;
  /** schema.org types the page declares at the top of its JSON-LD or microdata, lower-cased. */
  types: string[];
  /** A Highwire Press / Dublin Core scholarly article (citation_title, citation_doi…). */
  scholarly: boolean;
  /** Number of citation_reference meta: the reference count the publisher declares. */
  citationReferences: number;
}

const headOf = (doc: Document) => doc.head ?? doc.documentElement;

/** A schema.org type by its name alone, lower-cased ("http://schema.org/NewsArticle" → "newsarticle"). */
const typeName = (t: string) => t.replace(/^.*[/:#]/, '').toLowerCase();
/** The types a microdata item declares in its itemtype (one or more, space-separated). */
const itemTypes = (el: Element) => (el.getAttribute('itemtype') ?? '').split(/\s+/).filter(Boolean).map(typeName);

/** The top-level types of a JSON-LD block: its "@type", and those of its "@graph" items and of an array of items. */
function jsonLdTypes(text: string): string[] {
  try {
    const data: unknown = JSON.parse(text.length > MAX_JSON_LD_CHARS ? '' : text);
    const items = Array.isArray(data) ? data : [data];
    const out: string[] = [];
    for (const item of items) {
      if (!item || typeof item !== 'object') continue;
      const rec = item as Record<string, unknown>;
      const graph = Array.isArray(rec['@graph']) ? (rec['@graph'] as unknown[]) : [rec];
      for (const g of graph) {
        const t = g && typeof g === 'object' ? (g as Record<string, unknown>)['@type'] : undefined;
        for (const one of Array.isArray(t) ? t : [t]) if (typeof one === 'string') out.push(typeName(one));
      }
    }
    return out;
  } catch {
    // Broken or huge JSON: the first "@type" values, as text.
    return [...text.slice(0, MAX_JSON_LD_CHARS).matchAll(/"@type"\s*:\s*(?:\[\s*)?"([A-Za-z]+)"/g)].map((m) => m[1].toLowerCase());
  }
}

/** A meta element's value: its content, or a value attribute where a page writes that instead (bioRxiv's DC meta). */
const metaValue = (m: Element) => (m.getAttribute('content') ?? m.getAttribute('value') ?? '').trim();

export function readSignals(doc: Document, scan: Scan): PageSignals {
  const head = headOf(doc);
  const ogType = (head?.querySelector('meta[property="og:type"]')?.getAttribute('content') ?? '').trim().toLowerCase();
  const types: string[] = [];
  const inHead = head ? Array.from(head.querySelectorAll('script[type="application/ld+json"]')) : [];
  for (const s of [...inHead, ...scan.jsonLd].slice(0, MAX_DECLARATIONS)) types.push(...jsonLdTypes(s.textContent ?? ''));
  // The scan starts at <body>: an item declared on <html> itself (Stack Exchange's QAPage) is read here.
  const root = doc.documentElement;
  const rootItem = root && root.hasAttribute('itemtype') && !root.hasAttribute('itemprop') ? [root] : [];
  for (const el of [...rootItem, ...scan.microdata].slice(0, MAX_DECLARATIONS)) {
    types.push(...itemTypes(el));
  }
  const metas = head ? Array.from(head.querySelectorAll('meta[name]')) : [];
  let scholarly = false;
  let citationReferences = 0;
  // A title or a DCMI type alone is not a scholarly work: an issue's table of contents carries citation_title and
  // dc.type "Text" too. With an author beside it, it is one (Google Scholar's guidelines require both).
  let titled = false;
  let typed = false;
  let authored = false;
  for (const m of metas) {
    const name = (m.getAttribute('name') ?? '').toLowerCase();
    if (name === 'citation_reference') citationReferences++;
    else if (name === 'citation_title') titled ||= !!metaValue(m);
    else if (SCHOLARLY_AUTHOR_META.includes(name)) authored ||= !!metaValue(m);
    else if (SCHOLARLY_META.includes(name) && metaValue(m)) scholarly = true;
    else if (DOI_META.includes(name) && DOI_VALUE.test(metaValue(m))) scholarly = true;
    else if ((name === 'dc.type' || name === 'prism.section' || name === 'dcterms.type') && DC_ARTICLE_TYPE.test((m.getAttribute('content') ?? '').trim())) typed ||= name !== 'dcterms.type';
  }
  scholarly ||= (titled || typed) && authored;
  return { ogType, types, scholarly, citationReferences };
}

/** The page declares an article type (og:type or schema.org). */
export const declaresArticle = (s: PageSignals) => ARTICLE_TYPES.has(s.ogType) || s.types.some((t) => ARTICLE_TYPES.has(t));

/** The page declares itself an article in schema.org or scholarly meta: then no markup test makes it a non-article
 * (og:type "article" alone does not settle it: Forumotion boards declare it for every page). */
const settledArticle = (s: PageSignals) => s.scholarly || s.types.some((t) => ARTICLE_TYPES.has(t));

/** The non-article type the page declares with no article type beside it, or "". */
export function declaredNonArticle(s: PageSignals): string {
  if (settledArticle(s)) return '';
  const t = s.types.find((x) => NON_ARTICLE_TYPES.has(x));
  if (t) return t;
  return NON_ARTICLE_OG.test(s.ogType) ? `og:${s.ogType}` : '';
}

/** Is the page a forum thread in forum software's post markup (FORUM_POST_SELECTOR)? A selector query over the page,
 * so asked only where the answer changes the verdict (detect.ts), and only when no schema.org type settled it. */
export function isForumThread(doc: Document, s: PageSignals): boolean {
  if (settledArticle(s)) return false;
  const posts = doc.querySelectorAll(FORUM_POST_SELECTOR);
  return posts.length >= MIN_FORUM_POSTS;
}

/** Is the page a product page by its shop software's buy form (ADD_TO_CART_NAME, ADD_TO_CART_ACTION)? Asked, as
 * isForumThread, only where the answer changes the verdict and no schema.org article type or scholarly meta settled
 * it. */
export function isProductPage(doc: Document, s: PageSignals): boolean {
  if (settledArticle(s)) return false;
  const forms = doc.getElementsByTagName('form');
  for (let i = 0, f = forms.item(0); f && i < MAX_FORMS_READ; f = forms.item(++i)) {
    if (ADD_TO_CART_ACTION.test(f.getAttribute('action') ?? '')) return true;
    if (ADD_TO_CART_NAME.test(`${f.id} ${f.getAttribute('name') ?? ''} ${f.getAttribute('class') ?? ''} ${f.getAttribute('action') ?? ''}`)) return true;
    for (const c of Array.from(f.querySelectorAll('button, input[type="submit"], input[type="image"]'))) {
      if (ADD_TO_CART_NAME.test(`${c.id} ${c.getAttribute('name') ?? ''}`)) return true;
    }
  }
  return false;
}

/** Is the page a discussion thread by its posts' vote controls (VOTE_CONTROL_SELECTOR), the first of them inside or
 * before the main content? Asked as isForumThread is. */
export function isVotedThread(doc: Document, s: PageSignals, main: Element): boolean {
  if (settledArticle(s)) return false;
  const votes = doc.querySelectorAll(VOTE_CONTROL_SELECTOR);
  if (votes.length < MIN_VOTED_POSTS) return false;
  const first = votes[0];
  // Inside the main content, or before it (4: DOCUMENT_POSITION_FOLLOWING, the main content follows it).
  return main.contains(first) || (first.compareDocumentPosition(main) & 4) !== 0;
}

/** Is the page a question with its answers by its class names (ANSWER_CLASS_WORD): at least MIN_ANSWER_POSTS
 * outermost answer elements holding ANSWER_PROSE_SHARE of the page's prose? A page's own statement of what its parts
 * are, where it declares no schema.org type (baiduzhidao-quake-warning-question); asked as isForumThread is. */
export function isAnswerThread(doc: Document, s: PageSignals, proseIn: (el: Element) => number, pageProse: number): boolean {
  if (settledArticle(s) || pageProse <= 0) return false;
  const found: Element[] = [];
  for (const el of Array.from(doc.querySelectorAll('[class*="answer" i]'))) {
    if (found.length && found[found.length - 1].contains(el)) continue;
    if ((el.getAttribute('class') ?? '').split(/\s+/).some(isAnswerClass)) found.push(el);
  }
  if (found.length < MIN_ANSWER_POSTS) return false;
  let prose = 0;
  for (const el of found) prose += proseIn(el);
  return prose >= ANSWER_PROSE_SHARE * pageProse;
}

/** The DOI of a scholarly work's landing page that carries no meta: the one DOI the page names, in its text or its
 * links, beside a link to a PDF (FULL_TEXT_PDF_HREF), its full text; "" when it names none or several (an issue's
 * table of contents, a reading list) or links no PDF. A whole-document read, asked as isForumThread is and only of
 * pages the prose did not make articles (app-brachiosaurus-pneumatic-ribs, lingbuzz-svo-attractors). */
export function landingPageDoi(root: Element): string {
  const links = Array.from(root.getElementsByTagName('a')).slice(0, MAX_LANDING_LINKS);
  const hrefs = links.map((a) => a.getAttribute('href') ?? '');
  if (!hrefs.some((h) => FULL_TEXT_PDF_HREF.test(h))) return '';
  const dois = findIdentifiers(root.textContent ?? '', hrefs).filter((i) => i.type === 'doi');
  return dois.length === 1 ? dois[0].value : '';
}

/** The element of a top-level microdata item of an article type (itemscope itemtype="…/Article") that holds the
 * headline, and the main content or at least one section head besides the headline (an item on the headline's
 * <header> alone does not count): the page's own statement of where its article is. */
export function declaredArticleItem(scan: Scan, main: Element, titleEl: Element | null): Element | null {
  for (const el of scan.microdata.slice(0, MAX_DECLARATIONS)) {
    if (!itemTypes(el).some((t) => ARTICLE_TYPES.has(t)) || (titleEl && !el.contains(titleEl))) continue;
    if (el.contains(main)) return el;
    if (main.contains(el) && scan.headings.some((h) => h !== titleEl && el.contains(h))) return el;
  }
  return null;
}

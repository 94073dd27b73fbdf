/** Heading rules: permalink markers, chrome headings, generated tables of contents. */
import { LABEL_END, classTokens, phrases, wordPattern } from './build';

/** Permalink markers inside headings: MediaWiki "[edit]" (in the Wikipedias' languages), Sphinx "¶", anchor "#". */
export const PERMALINK_TEXT = /* @__PURE__ */ phrases([
  '#',
  '¶', // Sphinx, Python-Markdown toc
  '§',
  '🔗',
  '\\[\\s*(?:edit|bearbeiten|modifier|editar|modifica|bewerken|编辑|編集)\\s*\\]', // MediaWiki [edit]
  'edit',
  'link',
  'permalink',
]);
export const PERMALINK_CLASS = /* @__PURE__ */ classTokens([
  'mw-editsection', // MediaWiki
  'headerlink', // Sphinx
  'anchor',
  'anchorjs-link', // AnchorJS
  'heading-anchor',
  'header-anchor', // VuePress, markdown-it-anchor
  'hash-link', // Docusaurus
  'permalink',
  'deep-link',
]);

/** Heading texts of site chrome whatever their container's classes: newsletter boxes, related and trending rivers,
 * comment and share sections (Readability's and Defuddle's chrome vocabularies, as heading texts). */
export const CHROME_HEADING_TEXT = /* @__PURE__ */ phrases(
  [
    '.*\\bnewsletter\\b.*', // "Sign up for our newsletter", "Coaching-Newsletter erhalten" (coaching-magazin-transgenerational)
    '.*-newsletter\\b.*',
    'related(?: (?:posts|articles|stories|recipes|content|reading|videos))?(?: (?:on|from|at) \\S.*)?', // "Related articles on Move.org" (move-org-long-distance-movers)
    'you (?:may|might) also (?:like|enjoy)',
    '(?:more|other) (?:stories|articles|posts|recipes)(?: (?:from|by|like)\\b.*)?',
    'recommended(?: for you| articles| stories| reading)?',
    'most (?:read|popular|viewed|shared|cited|downloaded)(?: (?:articles|stories|posts))?(?: (?:today|this (?:week|month|year)))?', // journals' "Most cited this month" (aip-apl-landau-levels-abstract)
    'trending(?: now| stories)?',
    // a post's or article's taxonomy box (eLife's "Categories and tags"; blog themes' "Tags", "Categories"; no corpus
    // truth has one)
    'tags',
    'categories',
    'categories (?:and|&) tags',
    'popular (?:posts|articles|stories)',
    'leave a (?:comment|reply)',
    '\\d+ (?:comments?|responses?|replies)',
    // (plural: a journal's "Comment" is its discussion section, JAMA's Introduction / Methods / Results / Comment:
    // jama-archinte-condoms-hsv2)
    'comments',
    'share (?:this|on)\\b.*',
    'while you(?:\'re| are) here\\b.*', // a donation appeal inside the post body (verfassungsblog-expertinnen-krise: "While you are here…")
    'support (?:our|us|independent)\\b.*', // "Support our work", "Support us": the same appeals' usual heads
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
    // Publishers' article tools and access boxes, beside or inside a journal article (seen on the corpus's ACL,
    // APS, HAL, IOP, PeerJ, ScienceDirect, Springer and Quanta pages; none is ever a section of the article)
    'access (?:this|the) (?:article|chapter|book|paper|content)', // Springer Nature, IOP (springerlink-amylose-bioplastic, iop-bilayer-gbr-membranes)
    'access options', // Springer Nature (springer-dress-syndrome)
    'get access',
    'buy (?:this |single )?(?:article|chapter|book|issue)',
    'purchase(?: options| this article| from)?', // IOP "Purchase from"
    'rent(?: from| this article)?', // IOP "Rent from" (DeepDyve rental)
    'subscribe(?: to (?:the |this )?journal)?',
    'log ?in(?: to your account)?', // IOP "Login", ACP "Login to your account"
    'sign in(?: to your (?:\\w+ )?account)?', // APS "Sign in to your Journals account"
    'cited by(?: \\(\\d+\\))?', // ScienceDirect "Cited by (0)", Taylor & Francis, Wiley
    '(?:number of )?times cited\\b.*', // Wiley "Number of times cited according to CrossRef: 348" (wiley-schroedinger-eigenwertproblem)
    'citing (?:articles|literature)(?: via)?', // Wiley "Citing Literature", OUP "Citing articles via"
    'article metrics', // IOP, ScienceDirect
    'metrics', // eLife's section "Metrics" (elife-ciona-visual-circuitry)
    'download(?:s| links)(?: \\(.*\\))?', // eLife "Download links", "Downloads (link to download the article as PDF)"
    'download citations?(?: \\(.*\\))?',
    'open citations?(?: \\(.*\\))?', // eLife "Open citations (links to open the citations … in … reference manager services)"
    'altmetrics?', // HAL "Altmetric"
    'share', // Quanta's h6 "Share"
    'partager(?: (?:cet|l\'|l’)\\s*article)?', // fr: HAL; "Partager cet article" (mondediplo-turpitude)
    '(?:artikel |beitrag )?teilen', // de
    'compartir(?: (?:este|el) artículo)?', // es
    'export(?: citations?)?', // ACL "Export citation"
    'exporter', // fr: HAL
    'citer', // fr: HAL's "Citer" box (the citation to copy, not a section)
    // a figure browser's or carousel's head: the figures are the article's, their gallery is a tool (PLOS's
    // div#figure-carousel-section, nature-nnano-fibre-supercapacitors' "Figures" tab; no corpus truth has one)
    'figures',
    'figures (?:and|&) tables',
    '(?:figures|tables|images) (?:in|from) this article', // Silverchair's figure rotator (jama-archinte-condoms-hsv2)
    'tables (?:and|&) figures',
  ],
  '\\s*[:/]?$', // a trailing slash: mondediplo's "Partager cet article /"
);

/** Generated tables of contents (MediaWiki "Contents", Easy Table of Contents "Table of Content", Sphinx), by language. */
export const TOC_TITLE = /* @__PURE__ */ phrases([
  'contents',
  'table of contents?',
  'on this page',
  'in this article',
  'inhalt', // de
  'inhaltsverzeichnis',
  'sommaire', // fr
  'table des matières',
  'índice', // es, pt
  'contenido',
  'contenidos',
  'indice', // it
  'inhoud', // nl
  '目次', // ja
  '目录', // zh-Hans
  '目錄', // zh-Hant
]);

/** Section heads of a scholarly article's back matter and declarations, which follow the abstract or body and often
 * sit after what detection takes as the main content (an abstract-only landing page): JATS <back> sections (ack,
 * fn-group "Competing interests", data availability) and the declarations that ICMJE and publishers' templates
 * require. Whole-label match after trimming a trailing colon. Made with sciencedirect-urban-green-commons ("Keywords",
 * "Data availability") and peerj-state-of-oa ("Acknowledgements", "Funding", "Author Contributions"…); the same
 * names are Springer Nature's, PLOS's, Frontiers's and MDPI's back-matter heads. */
export const BACK_MATTER_HEADING = /* @__PURE__ */ phrases(
  [
    'keywords?',
    'key ?words',
    'data (?:and code )?availability(?: statement)?',
    'availability of data and materials?',
    'acknowledg(?:e)?ments?',
    'funding(?: (?:information|statement|sources?))?',
    'author(?:s\'?)? contributions?',
    'authors', // IEEE Xplore's section of author biographies after the references (ieee-xplore-*)
    'corrections?', // IEEE Xplore, errata notices
    // the published review of the article (eLife's "Decision letter" and "Author response", F1000's "Open Peer Review")
    'decision letter',
    'author response',
    '(?:open )?peer review(?: (?:reports?|history))?',
    // the authors' section of a journal's back matter (nature-nnano-fibre-supercapacitors' h1 "Author information"
    // over "Affiliations", "Contributions", "Corresponding authors"; tandf-bioplastics-food-packaging's h3)
    'authors?(?:\'s?)? information',
    'information about the authors?',
    'contributions? of the authors',
    'competing interests?',
    'conflicts? of interests?(?: statement)?',
    'declaration of (?:competing interests?|interests?)',
    'ethics (?:declarations?|statements?)',
    'ethical approval',
    // PeerJ's declarations (peerj-reef-fish-scuba), beside its "Competing Interests" and "Author Contributions"
    '(?:animal|human|clinical trial) ethics',
    'field study permissions',
    'clinical trial registration',
    '(?:dna|data) deposition',
    'declarations',
    'additional information(?: and declarations)?',
    'supplementary (?:material|materials|information|data)',
    'supporting information',
    'abbreviations',
    // what follows an article's notes and references: its history and its authors' notes (a list of paragraph
    // entries ends at such a label: firstmonday-hiv-surveillance-design's <p><strong>Editorial history</strong>,
    // genders-reading-maeshowe's <p><strong>Contributor's Note</strong>)
    '(?:editorial|article|publication) history',
    'contributors?[\'’]?s?[\'’]? notes?',
    'notes on (?:the )?contributors?',
    'about the authors?',
    'authors?[\'’]? biograph(?:y|ies)',
    'biographical notes?',
    'mots[- ]clés', // fr
    'remerciements',
    'schlüsselwörter', // de
    'danksagung',
    'palabras clave', // es
    'agradecimientos',
    // a subject classification's box, the keywords' twin (APS's "Physics Subject Headings (PhySH)":
    // aps-prx-turbulent-dynamo-tearing, aps-rmp-ultrafast-electron-diffraction; HAL's "Domaines")
    'subjects?',
    '(?:physics )?subject (?:headings|areas|terms|classifications?)',
    'domaines', // fr
  ],
  LABEL_END,
);

/** Whole class tokens of figure and table boxes in JATS-derived HTML: a heading inside one is the label of a table or
 * figure ("Table 1."), not a section head, as a heading inside <figure> or <table> is not. JATS <table-wrap> and
 * <fig> (PMC's legacy site: div.table-wrap, pmc-legacy-autocorpus-nlp-tool), PMC's 2024 site's section.tw
 * (pmc-autocorpus-nlp-tool). */
export const FIGURE_BOX_CLASS = /* @__PURE__ */ classTokens([
  'table-wrap', // JATS <table-wrap>
  'table-wrap-group',
  'fig', // JATS <fig>
  'fig-group',
  'tw', // PMC 2024: section.tw (table-wrap)
  'caption', // a caption's heading is the caption (Atypon's div.tableCaption: tandf-bioplastics-food-packaging)
  'table-?caption',
  'fig(?:ure)?-?caption',
]);

/** Whole class tokens of a JATS <boxed-text>, a box of text within the article ("Highlights", "Box 1. Key points"):
 * the heading in its caption is the box's title, which the outline keeps, not a figure's label (PMC's
 * div.boxed-text-box: pmc-gene-dhs-mind-glycation's "Highlights"; the only corpus page with one). */
export const BOXED_TEXT_CLASS = /* @__PURE__ */ classTokens([
  'boxed-text', // JATS <boxed-text>
  'boxed-text-box', // PMC
]);

/** Whole class tokens of a closed disclosure (an accordion's panel saved shut): the headings inside are hidden until
 * the reader opens it, so they are not the outline's. Not Bootstrap's `collapse`, which onmeda.de and snopes.com leave
 * on their open source lists (HIDDEN_CLASS). IOPscience's "Article and author information" (`reveal-closed`:
 * iop-bilayer-gbr-membranes, iop-magnetic-temperature-scale). */
export const CLOSED_BOX_CLASS = /* @__PURE__ */ classTokens([
  'closed',
  'collapsed',
  'is-closed',
  'is-collapsed',
  '[\\w-]+-(?:closed|collapsed)', // BEM state modifiers: reveal-closed, accordion--collapsed
]);

/** Whole class tokens that mark the shown one of a set of alternatives (tabs, language switches): its siblings of
 * the same tag, each in another `lang`, are hidden (HAL's title in two languages, h2.title-lang.active:
 * hal-theses-global-discharging). */
export const ACTIVE_CLASS = /* @__PURE__ */ classTokens([
  'active',
  'is-active',
  'selected',
  'current',
]);

/** Classes of a heading's section-number element, one tool per line. */
export const SECTION_NUMBER_CLASS = /* @__PURE__ */ classTokens([
  'section-number-\\d', // Emacs Org-mode's HTML export (emacspeak-defadvice)
  'header-section-number', // pandoc --number-sections
  'secno', // W3C Bikeshed and ReSpec
  'ltx_tag', // LaTeXML (arXiv HTML)
]);

/** Class or id words of a tab strip, whose links to `#panel` show one panel of a set at a time. Bootstrap's `nav-tabs`,
 * jQuery UI's `ui-tabs-nav`, Silverchair's `tabNav` (jama-archinte-condoms-hsv2: Article / Figures / Tables /
 * References tabs, each panel an h2 of its own). Any case: `tab-?nav` reads "tabNav" too. */
export const TAB_STRIP_WORDS = /* @__PURE__ */ wordPattern([
  'tabs',
  'nav-tabs',
  'ui-tabs-nav',
  'tab-?nav',
  'tab-?list',
  'tab-?set',
  'tab-?bar',
  'tab-?links',
  'tab-?menu',
]);
/** `data-toggle` values (Bootstrap 3–5, `data-bs-toggle` in 5) that make a link a tab. */
export const TAB_TOGGLE = /^(?:tab|pill)$/i;

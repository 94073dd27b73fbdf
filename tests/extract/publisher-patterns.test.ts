// Markup that scholarly publishers share (JATS-derived classes, back-matter section names, article-tool panels): one
// small page of our own per pattern, with the exact outline or verdict a reader should get. Text is invented here;
// the corpus page each pattern was first seen on is named in the rule's comment in lib/extract/rules/.
import { describe, expect, it } from 'vitest';
import { reportForHtml } from './helpers';

const para = (topic: string, n: number) =>
  Array.from({ length: n }, (_, i) => `<p>Sentence ${i + 1} on ${topic} reports, with care and at some length, how tide mills along the estuary were measured over three winters.</p>`).join('\n');

/** A journal landing page: Highwire meta in the head, the given body. */
const journal = (body: string) =>
  `<!doctype html><html><head><title>Tide mills of the estuary</title><meta name="citation_title" content="Tide mills of the estuary"><meta name="citation_doi" content="10.1234/tide.2024.1"></head><body>${body}</body></html>`;

const outline = (html: string) => reportForHtml(html, 'https://journal.example.org/article/10.1234/tide.2024.1').outline.map((h) => `h${h.level} ${h.text}`);

describe('scholarly outlines', () => {
  it('an abstract whose classes carry a chrome word ("abstract author") is the article\'s', () => {
    const html = journal(`<article><h1>Tide mills of the estuary</h1>
      <div class="abstract author-highlights"><h2>Highlights</h2><ul><li>Mills ran on the ebb.</li><li>Three winters were measured.</li></ul></div>
      <div class="abstract author"><h2>Abstract</h2>${para('the abstract', 4)}</div></article>`);
    expect(outline(html)).toEqual(['h1 Tide mills of the estuary', 'h2 Highlights', 'h2 Abstract']);
  });

  it('an abstract-only record in a layout named "sidebar" is read with it: the meta makes it an article (citeseerx-computational-lambda)', () => {
    const html = journal(`<div id="wrapper"><div class="site-header"><a href="/">Archive</a></div>
      <div class="record"><h2>Tide mills of the estuary (1988)</h2></div>
      <div class="sidebar"><div class="abstract"><h3>Abstract</h3>${para('the abstract', 5)}</div></div></div>`);
    expect(outline(html)).toEqual(['h2 Tide mills of the estuary (1988)', 'h3 Abstract']);
  });

  it('headings in the tab panels not shown are left out; the shown tab and the slots without a tab count as panels (jama-archinte-condoms-hsv2)', () => {
    const html = journal(`<div class="tabNav"><div class="atab"><a href="#tab1">Article</a></div><div class="atab"><a href="#tab3">Figures</a></div><div class="atab"><a href="#tab6">References</a></div></div>
      <div class="panels"><div class="contentContainer" id="tab1"><h1>Tide mills of the estuary</h1><h2>METHODS</h2>${para('the methods', 6)}<h2>COMMENT</h2>${para('the discussion', 4)}</div>
      <div class="contentContainer" id="tab3"><h2>Figure gallery</h2><p>Figure 1.</p></div>
      <div class="contentContainer" id="tab6"><h2>Reference list</h2><p>Smith J. Mills. 2001.</p></div>
      <div class="contentContainer" id="tab7"><h2>Correspondence</h2><p>Write to the editors.</p></div></div>`);
    expect(outline(html)).toEqual(['h1 Tide mills of the estuary', 'h2 METHODS', 'h2 COMMENT']);
  });

  it('entries as rows of a number box and a citation box, inside a wrapper, are one entry a row (jama-archinte-condoms-hsv2)', () => {
    const row = (n: number, text: string) => `<div class="refRow"><div class="refNumber">${n}</div><div class="refContent">${text}</div></div>`;
    const html = journal(`<article><h1>Tide mills of the estuary</h1>${para('the methods', 8)}
      <h2>References</h2><div class="contentBody"><div class="refContainer">${row(1, 'Smith J. Mills of the coast. 2001.')}${row(2, 'Jones A. Tides. <a href="https://doi.org/10.1234/t.2">doi</a>')}${row(3, 'Moss R. Estuaries. 1999.')}</div></div></article>`);
    const lists = reportForHtml(html, 'https://journal.example.org/article/1').referenceLists.map((l) => l.entries.map((e) => [e.text, e.linkState]));
    expect(lists).toEqual([[['1 Smith J. Mills of the coast. 2001.', 'none'], ['2 Jones A. Tides. doi', 'linked'], ['3 Moss R. Estuaries. 1999.', 'none']]]);
  });

  it('back-matter heads after an abstract-only main content stay in the outline', () => {
    const html = journal(`<article><h1>Tide mills of the estuary</h1>
      <div class="abstracts"><h2>Abstract</h2>${para('the abstract', 5)}</div>
      <div class="keywords-section"><h2>Keywords</h2><span>tide mill</span><span>estuary</span></div>
      <section><h2>Data availability</h2><p>Data will be made available on request.</p></section>
      <section><h2>Acknowledgements:</h2><p>We thank the millers.</p></section>
      <section><h2>Opening hours</h2><p>The mill is open daily.</p></section></article>`);
    expect(outline(html)).toEqual(['h1 Tide mills of the estuary', 'h2 Abstract', 'h2 Keywords', 'h2 Data availability', 'h2 Acknowledgements:']);
  });

  it('JATS back matter in a <footer class="back"> is the article\'s, not the site\'s footer', () => {
    const html = journal(`<article><header class="front"><h1>Tide mills of the estuary</h1></header>
      <main class="body"><h2>Introduction</h2>${para('the introduction', 6)}<h2>Methods</h2>${para('the methods', 6)}</main>
      <footer class="back"><section class="ack"><h2>Acknowledgements</h2><p>We thank the millers of the estuary for their time.</p></section>
        <div class="sec"><h2>Additional Information and Declarations</h2><div class="fn-group"><h3>Competing Interests</h3><p>The authors declare none.</p></div><h3>Funding</h3><p>No funding was received for this work.</p></div></footer>
      </article><footer class="site-footer"><h2>About the journal</h2></footer>`);
    expect(outline(html)).toEqual([
      'h1 Tide mills of the estuary', 'h2 Introduction', 'h2 Methods', 'h2 Acknowledgements', 'h2 Additional Information and Declarations', 'h3 Competing Interests', 'h3 Funding',
    ]);
  });
  it('publishers\' article tools and access boxes are not sections: Access this article, Cited by (N), Share, Export citation', () => {
    const html = journal(`<article><h1>Tide mills of the estuary</h1><h2>Abstract</h2>${para('the abstract', 6)}
      <div class="box"><h2>Access this article</h2><p>Log in through your institution to read the whole article.</p></div>
      <div><h3>Share</h3><h3>Export citation</h3><h3>Article metrics</h3></div>
      <h2>References</h2><ol><li>Smith, J. Mills of the coast. 2001.</li><li>Jones, A. Estuaries. 1999.</li></ol>
      <section><h2>Cited by (3)</h2><p>Later articles that cite this one.</p></section>
      <h2>About this article</h2><h3>Cite this article</h3><p>Moss, R. Tide mills of the estuary. J. Mills 4, 2024.</p><h2>Rights and permissions</h2><p>Reprints and permissions.</p></article>`);
    expect(outline(html)).toEqual(['h1 Tide mills of the estuary', 'h2 Abstract', 'h2 References', 'h2 About this article', 'h3 Cite this article', 'h2 Rights and permissions']);
  });
  it('a journal\'s tool panel (div.content-tools, div.article-tools) is chrome though its class has a content word', () => {
    const html = journal(`<article><h1>Tide mills of the estuary</h1><h2>Abstract</h2>${para('the abstract', 6)}
      <div class="print-hide content-tools"><h2>Submit</h2><p>Submit an article to this journal.</p><h2>MathJax</h2><p>Turn on MathJax.</p></div>
      <div class="article-tools"><h2>Permissions</h2><p>Get permission to re-use this article.</p></div>
      <div class="article-content"><h2>Introduction</h2>${para('the introduction', 2)}</div></article>`);
    expect(outline(html)).toEqual(['h1 Tide mills of the estuary', 'h2 Abstract', 'h2 Introduction']);
  });
  it('the headings inside a box that a chrome heading labels are the box\'s, not the article\'s', () => {
    const html = journal(`<article><h1>Tide mills of the estuary</h1><h2>Abstract</h2>${para('the abstract', 6)}
      <div class="panel"><h2>Access this article</h2><div class="options"><h3>Institutional login</h3><p>Through your library.</p><h3>Make a recommendation</h3><p>To your librarian.</p></div></div>
      <div class="article-content"><h2>Introduction</h2>${para('the introduction', 2)}<h3>Share</h3><h2>Methods</h2>${para('the methods', 2)}</div></article>`);
    expect(outline(html)).toEqual(['h1 Tide mills of the estuary', 'h2 Abstract', 'h2 Introduction', 'h2 Methods']);
  });
  it('sections whose class says the contents list them (div.section.toc-section) are the article\'s; a toc box is not (plos-one-rev-yolk-antibody)', () => {
    const html = journal(`<article><h1>Tide mills of the estuary</h1><div class="toc-container"><h2>Jump to</h2><ul><li>Introduction</li><li>Methods</li></ul></div>
      <div class="abstract toc-section"><h2>Abstract</h2>${para('the abstract', 3)}</div>
      <div class="section toc-section"><h2>Introduction</h2>${para('the introduction', 4)}</div><div class="section toc-section"><h2>Methods</h2>${para('the methods', 4)}</div></article>`);
    expect(outline(html)).toEqual(['h1 Tide mills of the estuary', 'h2 Abstract', 'h2 Introduction', 'h2 Methods']);
  });
  it('the label of a JATS table or figure box (div.table-wrap, section.tw, div.fig) is not a section head (pmc-autocorpus-nlp-tool)', () => {
    const html = journal(`<article><h1>Tide mills of the estuary</h1><h2>Methods</h2>${para('the methods', 4)}
      <div class="table-wrap anchored"><h3>Table 1</h3><table><tr><td>Mill</td><td>Tide</td></tr></table></div>
      <section class="tw xbox"><h4 class="obj_head">Table 2.</h4><table><tr><td>Mill</td></tr></table></section>
      <div class="fig"><h4>Figure 1.</h4><img alt="A mill"></div><h2>Results</h2>${para('the results', 4)}</article>`);
    expect(outline(html)).toEqual(['h1 Tide mills of the estuary', 'h2 Methods', 'h2 Results']);
  });
  it('the caption of a JATS boxed-text is the box\'s title, not a figure\'s label (pmc-gene-dhs-mind-glycation)', () => {
    const html = journal(`<article><h1>Tide mills of the estuary</h1><h2>Methods</h2>${para('the methods', 4)}
      <div class="boxed-text-box" id="BX1"><div class="caption"><h3>Highlights</h3></div><ul><li>Mills turn with the tide.</li></ul></div>
      <div class="fig"><div class="caption"><h4>Figure 1.</h4></div><img alt="A mill"></div><h2>Results</h2>${para('the results', 4)}</article>`);
    expect(outline(html)).toEqual(['h1 Tide mills of the estuary', 'h2 Methods', 'h3 Highlights', 'h2 Results']);
  });
  it('layout wrappers named like widgets around the main content do not make its sections chrome; captions are not heads (tandf-bioplastics-food-packaging)', () => {
    const html = journal(`<div class="widget publicationContentWidget"><div class="widget-body"><h1>Tide mills of the estuary</h1>
      <article class="article"><div class="hlFld-Fulltext"><h2>1. Introduction</h2>${para('the introduction', 4)}<h2>2. Methods</h2>${para('the methods', 4)}
      <div class="tableCaption"><h3>Table 1. Mills measured</h3></div><table><tr><td>Mill</td></tr></table><h2>3. Results</h2>${para('the results', 4)}</div></article></div></div>
      <div class="widget"><h2>Related articles</h2><ul><li><a href="/a">Another mill</a></li></ul></div>`);
    expect(outline(html)).toEqual(['h1 Tide mills of the estuary', 'h2 1. Introduction', 'h2 2. Methods', 'h2 3. Results']);
  });
  it('a metrics box labelled "Citations" whose entries are counter links is no reference list', () => {
    const html = journal(`<article><h1>Tide mills of the estuary</h1>${para('the article', 10)}<h2>References</h2><ol><li>Smith, J. Mills of the coast. 2001.</li><li>Jones, A. Estuaries. 1999.</li></ol></article>
      <div class="widget metrics"><div class="section citations"><div class="title">Citations</div><a href="/doi/citedby/10.1234/tide" class="circle"><span>Crossref</span> <span class="value">12</span></a></div></div>`);
    const lists = reportForHtml(html, 'https://journal.example.org/article/10.1234/tide.2024.1').referenceLists;
    expect(lists.map((l) => [l.heading, l.entries.length])).toEqual([['References', 2]]);
  });
  it('article metrics panels, dropdowns and a reference manager\'s dialog are chrome (acs-photonics-squeezed-light)', () => {
    const html = journal(`<article><h1>Tide mills of the estuary</h1><div class="article_header-history dropBlock"><div class="dropBlock__holder"><h4>Publication History</h4><ul><li>Received 2024</li></ul></div></div>
      <div class="articleMetrics"><div class="articleMetrics_metric"><h6>Article Views</h6><div>1234</div></div></div><h2>Abstract</h2>${para('the abstract', 6)}
      <div class="achs-mendeley_container"><h6>STEP 1:</h6><button>Log in</button></div></article>`);
    expect(outline(html)).toEqual(['h1 Tide mills of the estuary', 'h2 Abstract']);
  });
  it('the journal\'s name as a masthead heading and a "Number of times cited" box are not sections (wiley-schroedinger-eigenwertproblem)', () => {
    const html = `<!doctype html><html><head><title>Tide mills of the estuary - Annals of Mills</title><meta name="citation_title" content="Tide mills of the estuary"><meta name="citation_journal_title" content="Annals of Mills"></head>
      <body><header><h1>Annals of Mills</h1></header><article><h2>Tide mills of the estuary</h2><h3>Abstract</h3>${para('the abstract', 6)}<h3>Number of times cited according to CrossRef: 12</h3><ul><li>Later work</li></ul></article></body></html>`;
    expect(outline(html)).toEqual(['h2 Tide mills of the estuary', 'h3 Abstract']);
  });
  it('a journal\'s Metrics and Download links sections, with the heads inside them, are tools, not sections (elife-ciona-visual-circuitry)', () => {
    const html = journal(`<article><h1>Tide mills of the estuary</h1><h2>Abstract</h2>${para('the abstract', 6)}<h2>Results</h2>${para('the results', 4)}
      <section><header><h2>Metrics</h2></header><div><p>1,234 views</p></div></section>
      <section><header><h2>Download links</h2></header><div><h3>Downloads (link to download the article as PDF)</h3><ul><li><a href="/a.pdf">Article PDF</a></li></ul>
        <h3>Open citations (links to open the citations from this article in various online reference manager services)</h3><ul><li><a href="https://www.mendeley.com/import">Mendeley</a></li></ul></div></section></article>`);
    expect(outline(html)).toEqual(['h1 Tide mills of the estuary', 'h2 Abstract', 'h2 Results']);
  });
  it('headings in a grid\'s narrow side column beside the article\'s column are the record\'s panel (hal-knight-shift-alloys)', () => {
    const html = journal(`<main><section class="row"><section class="col-12 col-md-9"><h1>Tide mills of the estuary</h1><h2>Abstract</h2><p>Tide mills were measured over three winters.</p></section>
      <section class="col-12 col-md-3"><div><h3>Dates and versions</h3><p>Version 1, submitted on Monday 4 February 2008, last modified on Wednesday 20 March 2024, archived for the long term since 2010.</p><h3>Licence</h3><p>Distributed under a Creative Commons Attribution 4.0 International License, with the conditions that the licence sets out.</p><h3>Collections</h3><p>Archives of the journal of physics, tide mills and the estuary's history.</p></div></section></section></main>`);
    expect(outline(html)).toEqual(['h1 Tide mills of the estuary', 'h2 Abstract']);
  });
  it('two columns of like width, or a narrow column that holds the article, keep their headings', () => {
    const even = journal(`<main><div class="row"><div class="col-md-6"><h1>Tide mills of the estuary</h1><h2>Abstract</h2>${para('the abstract', 3)}</div>
      <div class="col-md-6"><h2>Methods</h2>${para('the methods', 3)}</div></div></main>`);
    expect(outline(even)).toEqual(['h1 Tide mills of the estuary', 'h2 Abstract', 'h2 Methods']);
    const narrowArticle = journal(`<main><div class="row"><div class="col-lg-9"><h2>Latest issues</h2><p>Volume 4.</p></div><div class="col-lg-3"><h1>Tide mills of the estuary</h1><h2>Abstract</h2>${para('the abstract', 3)}</div></div></main>`);
    expect(outline(narrowArticle)).toContain('h2 Abstract');
  });
});

describe('what a page declares about its article', () => {
  const page = (body: string) => `<!doctype html><html><head><title>Night rain</title></head><body>${body}</body></html>`;
  const outlineOf = (html: string) => reportForHtml(html, 'https://poems.example.org/night-rain').outline.map((h) => `h${h.level} ${h.text}`);
  it('headings outside a microdata Article item that holds the headline and a section are the site\'s (dugushici-bai-juyi-night-rain)', () => {
    const html = page(`<div class="main-body"><div class="left" itemscope itemtype="http://schema.org/Article"><h1>Night rain</h1>${para('the poem', 4)}<h3>Notes</h3>${para('the notes', 3)}</div>
      <div class="right"><h3>The poet</h3>${para('the poet\'s life', 4)}<h2>More poems by the poet</h2><ul><li>Autumn</li><li>Spring</li></ul></div></div>`);
    expect(outlineOf(html)).toEqual(['h1 Night rain', 'h3 Notes']);
    // An item on the headline's header alone bounds nothing.
    const headerOnly = page(`<div class="main-body"><header itemscope itemtype="http://schema.org/Article"><h1>Night rain</h1></header>${para('the poem', 4)}<h3>Notes</h3>${para('the notes', 3)}</div>`);
    expect(outlineOf(headerOnly)).toEqual(['h1 Night rain', 'h3 Notes']);
  });
  it('a Dublin Core identifier that is a DOI makes a short abstract page a scholarly article, as Highwire meta does (biorxiv-urine-cfdna)', () => {
    const head = (meta: string) => `<!doctype html><html><head><title>Tide mills</title>${meta}</head><body><div class="panel-pane pane-sidebar"><h1>Tide mills of the estuary</h1><h2>Abstract</h2><p>Tide mills were measured over three winters along the estuary, with care.</p></div></body></html>`;
    const isArticle = (meta: string) => reportForHtml(head(meta), 'https://preprints.example.org/content/10.1101/696633v1').isArticle;
    expect(isArticle('<meta value="10.1101/696633" name="DC.Identifier">')).toBe(true);
    expect(isArticle('<meta name="dc.identifier" content="doi:10.1101/696633">')).toBe(true);
    expect(isArticle('<meta name="DC.Identifier" content="ISBN 978-3-16-148410-0">')).toBe(false);
  });
  it('a page whose main entity is a microdata Question is a Q&A page, not an article (zhihu-luding-quake-question)', () => {
    const qa = page(`<main><div itemscope itemprop="mainEntity" itemtype="http://schema.org/Question"><h1>How early can a quake be warned of?</h1>
      <div itemprop="answer" itemscope itemtype="http://schema.org/Answer">${para('an answer', 5)}</div><div itemprop="suggestedAnswer" itemscope itemtype="http://schema.org/Answer">${para('another answer', 5)}</div></div></main>`);
    const r = reportForHtml(qa, 'https://qa.example.org/question/1');
    expect([r.isArticle, r.detection.reasons.join(' ')]).toEqual([false, expect.stringContaining('question')]);
    // Questions inside an article's FAQ item are the article's.
    const faq = page(`<main><h1>How early can a quake be warned of?</h1>${para('the article', 12)}<div itemscope itemtype="http://schema.org/FAQPage"><div itemprop="mainEntity" itemscope itemtype="http://schema.org/Question"><h3>Is it reliable?</h3><p>Mostly, within the network.</p></div></div></main>`);
    expect(reportForHtml(faq, 'https://news.example.org/quake-warning').isArticle).toBe(true);
  });
});

describe('appeals inside a post', () => {
  it('a donation appeal\'s heading inside the post body is not a section (verfassungsblog-expertinnen-krise)', () => {
    const html = `<!doctype html><html><head><title>Experts in the crisis</title></head><body><article><h1>Experts in the crisis</h1>${para('the post', 6)}<h2>What follows</h2>${para('the rest', 3)}
      <div class="box"><h1>While you are here…</h1><p>If you enjoyed this post, please consider a donation.</p></div><h2>Support our work</h2><p>Become a member.</p></article></body></html>`;
    expect(reportForHtml(html, 'https://blog.example.org/experts').outline.map((h) => h.text)).toEqual(['Experts in the crisis', 'What follows']);
  });
});

describe('pages that are not articles', () => {
  const shop = (form: string, head = '') =>
    `<!doctype html><html><head><title>Tide Mills: a field guide</title>${head}</head><body><div id="dp"><h1>Tide Mills: a field guide</h1>
      ${form}<div id="description"><h2>Product description</h2>${para('the book', 6)}</div>
      <div id="reviews"><h2>Customer reviews</h2>${para('a review', 4)}</div></div></body></html>`;
  const verdict = (html: string) => {
    const r = reportForHtml(html, 'https://shop.example.com/dp/123');
    return [r.isArticle, r.detection.reasons.join(' ')];
  };

  it('an index of stories whose blurbs end in "Full Story" is no article; an article with one "Read more" is (lwn-front-page)', () => {
    const teaser = (i: number) => `<h2 class="Headline">Story number ${i} of the week</h2><div class="BlurbListing"><p>${'A blurb of the story, long enough to read as prose of an article page. '.repeat(4)}</p><p><a href="/Articles/${1000 + i}/">Full Story</a> (<a href="/Articles/${1000 + i}/#Comments">comments: ${i}</a>)</p></div>`;
    const index = `<!doctype html><html><head><title>Welcome to the weekly</title></head><body><div class="main"><h1>Welcome to the weekly</h1>${Array.from({ length: 8 }, (_, i) => teaser(i)).join('')}</div></body></html>`;
    const r = reportForHtml(index, 'https://news.example.net/archive/1');
    expect([r.isArticle, r.detection.reasons.join(' ')]).toEqual([false, expect.stringContaining('"read more" links')]);
    const article = `<!doctype html><html><head><title>Tide mills</title></head><body><article><h1>Tide mills</h1>${Array.from({ length: 7 }, (_, i) => `<h2>Part ${i}</h2>${para('the mills', 2)}`).join('')}<p><a href="/more">Read more</a></p></article></body></html>`;
    expect(reportForHtml(article, 'https://news.example.net/2024/tide-mills').isArticle).toBe(true);
  });
  it('a product page with a shop\'s buy form is not an article, whatever its prose', () => {
    const amazonLike = shop('<form method="post" id="addToCart" action="/gp/product/handle-buy-box"><input type="submit" name="submit.add-to-cart" value="Add to Basket"></form>');
    const wooLike = shop('<form class="cart" method="post"><button type="submit" name="add-to-cart" value="42" class="single_add_to_cart_button button">Add to cart</button></form>');
    const shopifyLike = shop('<form method="post" action="/cart/add" id="product-form-main"><button type="submit" name="add">Add to cart</button></form>');
    for (const html of [amazonLike, wooLike, shopifyLike]) expect(verdict(html)).toEqual([false, expect.stringContaining("product (a shop's buy form)")]);
  });

  it('the same prose without a buy form, or with an article type declared, is an article', () => {
    expect(verdict(shop('<form action="/search"><input name="q"><button type="submit">Search</button></form>'))[0]).toBe(true);
    const declared = shop('<form method="post" action="/cart/add"><button type="submit">Add to cart</button></form>', '<script type="application/ld+json">{"@type":"BlogPosting","headline":"Tide Mills"}</script>');
    expect(verdict(declared)[0]).toBe(true);
  });
});

describe('listings by their <article> cards', () => {
  const card = (n: number) => `<article class="teaser"><h2>Tide mill ${n} test</h2><p>Try the tide mill ${n} at home and tell us, in a few lines, how it ground your flour over the winter.</p><a href="/tests/${n}">Take part</a></article>`;
  const verdict = (html: string) => {
    const r = reportForHtml(html, 'https://brand.example.de/produkttests');
    return [r.isArticle, r.detection.reasons.join(' ')];
  };

  it('a page whose main content is many <article> cards with headings is a listing, whatever its og:type', () => {
    const html = `<!doctype html><html><head><title>Product tests</title><meta property="og:type" content="article"></head><body><main><h1>Current product tests</h1>
      ${para('the programme', 2)}<section class="grid">${Array.from({ length: 8 }, (_, i) => card(i + 1)).join('')}</section>${para('the FAQ', 4)}</main></body></html>`;
    expect(verdict(html)).toEqual([false, expect.stringContaining('listing: 6 <article> cards with headings in the main content')]);
  });

  it('an article with a few embedded cards, or with a river of related cards in chrome, is still an article', () => {
    const html = `<!doctype html><html><head><title>Tide mills</title></head><body><main><article><h1>Tide mills</h1>${para('the mills', 10)}
      ${card(1)}${card(2)}${para('the estuary', 4)}</article>
      <section class="related-posts">${Array.from({ length: 8 }, (_, i) => card(i + 3)).join('')}</section></main></body></html>`;
    expect(verdict(html)[0]).toBe(true);
  });
});

describe('listings by their linked headings', () => {
  const teaser = (n: number, tag = 'h3') => `<div class="views-row"><${tag}><a href="/news/${n}">Tide mill ${n} reopens</a></${tag}><p>The tide mill ${n} turned again this spring after a winter of repairs.</p></div>`;
  const box = (title: string, from: number) => `<div class="block"><h2>${title}</h2>${Array.from({ length: 5 }, (_, i) => teaser(from + i)).join('')}</div>`;
  const report = (body: string) => reportForHtml(`<!doctype html><html><head><title>Tide mills</title></head><body>${body}</body></html>`, 'https://news.example.org/2024/07/tide-mills');

  it('a story with boxes of teasers beside it in the same column is an article, and the teasers are not its outline', () => {
    const r = report(`<div class="main"><h2><a href="/section/news">News</a></h2><div class="node"><h1>Tide mills grind again</h1>
      <div class="body">${para('the story', 12)}<h2>What the millers said</h2>${para('the millers', 6)}</div></div>
      ${box('Related stories', 1)}${box('What\'s new', 6)}</div>`);
    expect([r.isArticle, r.outline.map((h) => h.text)]).toEqual([true, ['Tide mills grind again', 'What the millers said']]);
  });

  it('a listing whose lead teaser has a long excerpt is still a listing', () => {
    const lead = `<div class="lead"><h2><a href="/news/0">Tide mills grind again</a></h2>${para('the lead', 12)}</div>`;
    const r = report(`<div class="main">${lead}${box('More news', 1)}${box('Earlier', 6)}</div>`);
    expect([r.isArticle, r.detection.reasons.join(' ')]).toEqual([false, expect.stringContaining('headings link elsewhere')]);
  });
});

describe('question pages by their answers\' class names', () => {
  const verdict = (body: string) => {
    const r = reportForHtml(`<!doctype html><html><head><title>How did tide mills work?</title></head><body>${body}</body></html>`, 'https://ask.example.cn/question/12345.html');
    return [r.isArticle, r.detection.reasons.join(' ')];
  };

  it('a question whose best answer and other answers carry answer classes is not an article', () => {
    const html = `<h1>How did tide mills work?</h1><p>I read about tide mills on the estuary and wonder how they worked.</p>
      <div class="bd answer"><div class="answer-text">${para('the best answer', 8)}</div></div>
      <div class="wgt-answers">${para('another answer', 4)}</div>`;
    expect(verdict(html)).toEqual([false, expect.stringContaining('question and answers')]);
  });

  it('a tutorial with small answer boxes, or an article with an FAQ, is still an article', () => {
    const box = (n: number) => `<div class="answer hidden-answer"><p>Answer ${n}: the wheel turns on the ebb.</p></div>`;
    const faq = (n: number) => `<div class="faq-answer">${para(`FAQ answer ${n}`, 2)}</div>`;
    expect(verdict(`<article><h1>Tide mills, a tutorial</h1>${para('the lesson', 12)}${box(1)}${box(2)}${box(3)}</article>`)[0]).toBe(true);
    expect(verdict(`<article><h1>Tide mills: questions</h1>${para('the mills', 6)}${faq(1)}${faq(2)}${faq(3)}</article>`)[0]).toBe(true);
  });
});

describe('landing pages of scholarly works without meta', () => {
  const page = (body: string, title = 'Tide mills of the estuary - Journal of Mills') =>
    reportForHtml(`<!doctype html><html><head><title>${title}</title></head><body><div class="nav"><a href="/issues">Issues</a></div>${body}</body></html>`, 'https://mills.example.org/article/item/123.html');
  const abstract = '<p>Tide mills along the estuary were measured over three winters; their wheels turned on the ebb and stood still on the flood, and the millers kept their own tables of the tides.</p>';

  it('a page naming one DOI, with a PDF of the full text and an abstract, is an article, its headline in the outline', () => {
    const r = page(`<h2>Tide mills of the <em>estuary</em></h2><p class="caption">A. Miller, Journal of Mills 12 (3), 2023: 1-10 doi:10.1234/mills.2023.12</p>
      <div class="text">${abstract}${abstract}${abstract}</div><a href="archive/mills12.pdf">Full text (1 MB)</a>`, 'Tide mills of the <em>estuary</em> - Journal of Mills');
    expect([r.isArticle, r.outline.map((h) => h.text)]).toEqual([true, ['Tide mills of the estuary']]);
    expect(r.detection.reasons.join(' ')).toContain('10.1234/mills.2023.12');
  });

  it('a headline that shows markup as text keeps its place when the title holds the same text', () => {
    const title = '&lt;b&gt;Tide mills&lt;/b&gt; | Winter tables';
    const html = `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${abstract.repeat(8)}
      <h2>Winter tables</h2>${abstract}</article></body></html>`;
    expect(reportForHtml(html, 'https://mills.example.org/a/1').outline.map((h) => h.level)).toEqual([1, 2]);
  });

  it('an issue\'s contents (many DOIs), or one DOI without a PDF, is not', () => {
    const item = (n: number) => `<li><a href="/article/${n}">Mill ${n}</a> doi:10.1234/mills.2023.${n} <a href="/pdf/${n}.pdf">PDF</a></li>`;
    expect(page(`<h2>Issue 3</h2><ul>${[1, 2, 3, 4].map(item).join('')}</ul>`).isArticle).toBe(false);
    expect(page(`<h2>Tide mills</h2><p>doi:10.1234/mills.2023.12</p>${abstract}`).isArticle).toBe(false);
  });
});

describe('discussion threads by their vote controls', () => {
  const post = (n: number, body: string) =>
    `<div class="post"><button aria-label="upvote">▲</button><span>${n * 7}</span><button aria-label="downvote">▼</button><div class="body">${body}</div></div>`;
  const verdict = (html: string) => {
    const r = reportForHtml(html, 'https://forum.example.net/r/mills/comments/1abc/tide_mills');
    return [r.isArticle, r.detection.reasons.join(' ')];
  };

  it('a thread whose question and answers carry upvote controls is not an article', () => {
    const html = `<!doctype html><html><head><title>Tide mills?</title></head><body><main><h1>How did tide mills work?</h1>
      ${post(1, para('the question', 5))}${post(2, para('an answer', 5))}${post(3, para('another answer', 4))}</main></body></html>`;
    expect(verdict(html)).toEqual([false, expect.stringContaining('discussion thread (vote controls on its posts)')]);
  });

  it('an article followed by a comment section with vote controls is still an article', () => {
    const html = `<!doctype html><html><head><title>Tide mills</title></head><body><main><article><h1>How tide mills worked</h1>${para('the mills', 14)}</article>
      <section class="discussion"><h2>Discussion</h2>${post(1, '<p>Great piece on the mills of the estuary, thank you for writing it.</p>')}${post(2, '<p>My grandfather worked at one of these mills as a boy.</p>')}</section></main></body></html>`;
    expect(verdict(html)[0]).toBe(true);
  });
});

describe('where a list of paragraph entries ends', () => {
  const lists = (html: string) =>
    reportForHtml(html, 'https://journal.example.org/article/12').referenceLists.map((l) => [l.heading, l.entries.map((e) => e.text)]);
  const page = (tail: string) =>
    `<!doctype html><html><head><title>Tide mills</title></head><body><article><h1>Tide mills</h1>${para('the mills', 12)}
      <p><strong>References</strong></p>
      <p>Smith, J., 2001. Mills of the coast. Harbour Press.</p>
      <p>Jones, A., 1999. Estuaries and their mills. Tide Books.</p>
      <p>Moss, R., 2010. The last miller. Estuary Society.</p>
      ${tail}</article></body></html>`;

  it('ends at a back-matter label shaped like the list\'s own ("Editorial history", "Contributor\'s Note")', () => {
    const want = [['References', ['Smith, J., 2001. Mills of the coast. Harbour Press.', 'Jones, A., 1999. Estuaries and their mills. Tide Books.', 'Moss, R., 2010. The last miller. Estuary Society.']]];
    expect(lists(page('<p><strong>Editorial history</strong></p><p>Received 17 October 2019; accepted 28 August 2020.</p>'))).toEqual(want);
    expect(lists(page('<p><strong>Contributor’s Note</strong></p><p><strong>R. MOSS</strong> teaches history at the estuary college.</p>'))).toEqual(want);
  });

  it('a table after the label is a list of entries, one a row (number cell and entry cell)', () => {
    const html = `<!doctype html><html><head><title>Tide mills</title></head><body><h1>Tide mills</h1>${para('the mills', 12)}
      <h3>References</h3><table><tr><td><a id="1">[1]</a></td><td>Smith, J., "<a href="https://example.com/mills">Mills of the coast</a>", 2001.</td></tr>
      <tr><td><a id="2">[2]</a></td><td>Jones, A., <i>Estuaries</i> (Tide Books, 1999).</td></tr></table>
      <h3>About the journal</h3><table><tr><td>Editor</td><td>R. Moss</td><td>Estuary</td><td>2024</td></tr><tr><td>ISSN</td><td>1234-5678</td><td>print</td><td>online</td></tr></table></body></html>`;
    const got = reportForHtml(html, 'https://journal.example.org/article/12').referenceLists.map((l) => [l.heading, l.entries.map((e) => [e.text, e.linkState])]);
    expect(got).toEqual([['References', [['[1] Smith, J., "Mills of the coast", 2001.', 'linked'], ['[2] Jones, A., Estuaries (Tide Books, 1999).', 'none']]]]);
  });

  it('a how-to-cite box ("Citation", "Cite this article") is not a reference list, and ends one that runs into it', () => {
    const box = `<!doctype html><html><head><title>Tide mills</title></head><body><article><h1>Tide mills</h1>${para('the mills', 12)}
      <h2>Citation</h2><p>Moss, R. "Tide mills." Journal of Mills 4 (2024): 1-20. https://doi.org/10.1234/tide.2024.1</p>
      <h2>Citations</h2><ol><li>Smith, J. Mills of the coast. 2001.</li><li>Jones, A. Estuaries. 1999.</li></ol>
      <p><strong>References</strong></p><p>Smith, J., 2001. Mills of the coast. Harbour Press.</p><p>Jones, A., 1999. Estuaries and their mills. Tide Books.</p>
      <p><strong>How to cite this article:</strong></p><p>Moss, R., 2024. Tide mills. Journal of Mills 4.</p></article></body></html>`;
    expect(lists(box)).toEqual([
      ['Citations', ['Smith, J. Mills of the coast. 2001.', 'Jones, A. Estuaries. 1999.']],
      ['References', ['Smith, J., 2001. Mills of the coast. Harbour Press.', 'Jones, A., 1999. Estuaries and their mills. Tide Books.']],
    ]);
  });

  it('in a list of numbered notes, an unnumbered paragraph continues the note before it', () => {
    const html = `<!doctype html><html><head><title>Tide mills</title></head><body><article><h1>Tide mills</h1>${para('the mills', 12)}
      <div class="note"><p class="notetitle">Notes</p>
      <p id="note01">1. The mill at Woodbridge is the last that still grinds.</p>
      <p id="note02">2. The miller's accounts survive for 1790–1820.</p>
      <p>They show the mill working two tides a day in winter, see <a href="https://archive.example.net/accounts">the accounts</a>.</p>
      <p id="note03">3. Interview with R. Moss, May 2024.</p></div></article></body></html>`;
    const got = reportForHtml(html, 'https://blog.example.org/tide-mills').referenceLists.map((l) => [l.heading, l.entries.map((e) => [e.text, e.linkState])]);
    expect(got).toEqual([['Notes', [
      ['1. The mill at Woodbridge is the last that still grinds.', 'none'],
      ["2. The miller's accounts survive for 1790–1820. They show the mill working two tides a day in winter, see the accounts.", 'linked'],
      ['3. Interview with R. Moss, May 2024.', 'none'],
    ]]]);
  });

  it('a description-list term labels its own <dd>s only, up to the next term', () => {
    const dl = (note: string) => `<!doctype html><html><head><title>Tide mills</title></head><body><article><h1>Tide mills</h1>${para('the mills', 12)}
      <dl><dt>Venue:</dt><dd>Estuary Conference</dd><dt>Notes:</dt><dd>${note}</dd><dt>Pages:</dt><dd>12–20</dd><dt>Publisher:</dt><dd>Tide Press</dd></dl></article></body></html>`;
    expect(lists(dl(''))).toEqual([]);
    expect(lists(dl('<ol><li>Smith, J. Mills of the coast. 2001.</li><li>Jones, A. Estuaries. 1999.</li></ol>'))).toEqual([['Notes:', ['Smith, J. Mills of the coast. 2001.', 'Jones, A. Estuaries. 1999.']]]);
  });

  it('an in-page link in parentheses is an equation reference kept in the entry\'s text, not a back-link', () => {
    const html = `<!doctype html><html><head><title>Tide mills</title></head><body><article><h1>Tide mills</h1>${para('the mills', 12)}
      <h2>References</h2><ol>
        <li id="c1"><a href="#r1">^</a> Smith, J. Mills of the coast. 2001.</li>
        <li id="c2">The bound (<a href="#eq3">3</a>) holds only at spring tides.</li></ol></article></body></html>`;
    expect(lists(html)).toEqual([['References', ['Smith, J. Mills of the coast. 2001.', 'The bound (3) holds only at spring tides.']]]);
  });
});

describe('journal previews, paywalls and closed boxes', () => {
  const report = (html: string) => reportForHtml(html, 'https://journal.example.org/article/10.1234/tide.2024.1');
  const entry = (who: string, year: number) =>
    `<li class="bib-reference"><span class="author">${who}</span> <em>et al.</em><span class="host"><div class="series"><h3 class="title">J. Mills</h3></div><div class="series">(${year})</div></span></li>`;

  it('a label with its count, entries titled by headings, and the rest behind "View more": one list, no extra headings', () => {
    const html = journal(`<article><h1>Tide mills of the estuary</h1><div class="body"><h2>Abstract</h2>${para('the abstract', 5)}
      <div id="references"><header><h2><span>References</span><span> (6)</span></h2></header>
      <ul>${entry('A. Moss', 1983)}${entry('B. Reed', 1984)}${entry('C. Hale', 1990)}</ul>
      <div class="u-display-none">${entry('D. Fenn', 1991)}${entry('E. Lowe', 1992)}${entry('F. Ames', 1993)}</div>
      <button>View more references</button></div></div></article>`);
    const r = report(html);
    expect(r.outline.map((h) => `h${h.level} ${h.text}`)).toEqual(['h1 Tide mills of the estuary', 'h2 Abstract', 'h2 References (6)']);
    expect(r.referenceLists.map((l) => [l.heading, l.entries.length, l.entries.filter((e) => !e.hasLink).length])).toEqual([['References (6)', 6, 6]]);
  });

  it('a list of titled cards after plain entries is another list, not more entries', () => {
    const html = journal(`<article><h1>Tide mills of the estuary</h1>${para('the mills', 6)}
      <h2>References</h2><ol><li>Moss, A. Mills of the coast. 2001.</li><li>Reed, B. Estuaries. 1999.</li></ol>
      <ol><li><h3>Another article on mills</h3><p>Read it now.</p></li><li><h3>A third article</h3><p>Read it now.</p></li></ol></article>`);
    expect(report(html).referenceLists.map((l) => l.entries.length)).toEqual([2]);
  });

  it('a paywalled references head ("References (Subscription Required)") and a subject-headings box stay in the outline', () => {
    const html = journal(`<article><h1>Tide mills of the estuary</h1><section class="abstract"><h2>Abstract</h2>${para('the abstract', 5)}</section>
      <div class="physh-header"><h3>Physics Subject Headings <span>(PhySH)</span></h3></div><ul><li><a href="/search?q=tides">Tides</a></li></ul>
      <section class="fulltext"></section><section id="references"><h2><a href="/pdf/tide">References (Subscription Required)</a></h2></section></article>`);
    expect(outline(html)).toEqual(['h1 Tide mills of the estuary', 'h2 Abstract', 'h3 Physics Subject Headings (PhySH)', 'h2 References (Subscription Required)']);
  });

  it('the headings of an accordion saved closed are not the outline\'s', () => {
    const html = journal(`<article><h1>Tide mills of the estuary</h1>
      <div class="reveal-container reveal-closed"><div class="replica-h3"><a href="#">Article information</a></div>
        <div class="reveal-content"><div><h2>Dates</h2><ol><li>Received 22 February 1975</li></ol></div><div><h2>Peer review information</h2><p>Single-blind.</p></div></div></div>
      <div class="abstract"><h2>Abstract</h2>${para('the abstract', 5)}</div></article>`);
    expect(outline(html)).toEqual(['h1 Tide mills of the estuary', 'h2 Abstract']);
  });

  it('of a title written in two languages, the one marked shown is the outline\'s', () => {
    const html = journal(`<section class="record"><div><h2 class="title-lang en active" lang="en">Tide mills of the estuary</h2>
      <h2 class="title-lang fr" lang="fr">Les moulins à marée de l'estuaire</h2></div>
      <div class="abstract"><h4>Abstract</h4>${para('the abstract', 5)}</div></section>`);
    expect(outline(html)).toEqual(['h2 Tide mills of the estuary', 'h4 Abstract']);
  });
});

describe('declarations and tab widgets (peerj-reef-fish-scuba, tandf-moller-plesset-divergences)', () => {
  it('PeerJ\'s declarations after the article ("Animal Ethics", "Field Study Permissions") are back matter', () => {
    const html = journal(`<article><h1>Tide mills of the estuary</h1><section><h2>Methods</h2>${para('the methods', 6)}</section>
      <div class="fn-group"><h3>Competing Interests</h3><p>None.</p></div><div class="fn-group"><h3>Animal Ethics</h3><p>Observational only.</p></div>
      <div class="fn-group"><h3>Field Study Permissions</h3><p>Permit 4.</p></div><div><h3>Opening hours</h3><p>Daily.</p></div></article>`);
    expect(outline(html)).toEqual(['h1 Tide mills of the estuary', 'h2 Methods', 'h3 Competing Interests', 'h3 Animal Ethics', 'h3 Field Study Permissions']);
  });

  it('an abstract beside the full text, both inside a widget-named tab panel, stays in the outline', () => {
    const html = journal(`<div class="page"><div class="articleMeta"><h1>Tide mills of the estuary</h1></div><div class="publication-tabs tabs-widget"><div class="tab-content"><article class="article">
      <div class="hlFld-Abstract"><div class="sectionInfo"><h2>Abstract</h2></div><p>${para('the abstract', 1)}</p></div>
      <div class="hlFld-Fulltext"><h2>Introduction</h2>${para('the introduction', 8)}</div></article></div></div></div>`);
    expect(outline(html)).toEqual(['h1 Tide mills of the estuary', 'h2 Abstract', 'h2 Introduction']);
  });
});

describe('unseen journal pages of 2026-12-07, fourth set (ContentMine saves of Frontiers, Nature, T&F-like back matter)', () => {
  const url = 'https://journal.example.org/article/10.1234/tide.2024.1';
  const lists = (html: string) => reportForHtml(html, url).referenceLists.map((l) => [l.heading, l.entries.map((e) => [e.text, e.linkState])]);
  it('a citation and its line of links, boxed together, are one entry (frontiers-canine-cooperation-hypothesis)', () => {
    const entry = (n: number, doi: string) => `<div class="References"><p class="ReferencesCopy1"><a id="B${n}"></a>Miller, A. (200${n}). Tide mill number ${n}. Mill J. ${n}, 1–9.</p>
      <p class="ReferencesCopy2"><a href="https://doi.org/${doi}">CrossRef Full Text</a> | <a href="https://scholar.google.com/scholar_lookup?title=Tide">Google Scholar</a></p></div>`;
    const html = journal(`<article><h1>Tide mills of the estuary</h1>${para('the article', 10)}<h2>References</h2>${entry(1, '10.1/a')}${entry(2, '10.1/b')}${entry(3, '10.1/c')}</article>`);
    expect(lists(html)).toEqual([['References', [1, 2, 3].map((n) => [`Miller, A. (200${n}). Tide mill number ${n}. Mill J. ${n}, 1–9. CrossRef Full Text | Google Scholar`, 'linked'])]]);
  });
  it('paragraphs of one class in alike boxes are still one entry each', () => {
    const box = (a: number) => `<div class="refs-col"><p class="ref">Miller, A. (19${a}). Mills ${a}.</p><p class="ref">Moss, B. (19${a + 1}). Tides ${a}.</p></div>`;
    const html = journal(`<article><h1>Tide mills of the estuary</h1>${para('the article', 10)}<h2>References</h2>${box(50)}${box(70)}</article>`);
    expect(lists(html)[0][1]).toHaveLength(4);
  });
  it('a jump menu at the top of the references section is no list of them (nature-nnano-fibre-supercapacitors)', () => {
    const nav = `<nav><ul class="section-nav"><li><a href="#abstract">Abstract</a> •</li><li><a href="#methods">Methods</a> •</li><li>References</li></ul></nav>`;
    const html = journal(`<article><h1>Tide mills of the estuary</h1><div id="abstract"><h2>Abstract</h2>${para('the abstract', 10)}</div>
      <div id="references" class="section"><h2>References</h2><div class="content">${nav}<ol class="references"><li>Miller, A. Tide mills. Mill J. 1, 1 (2001).</li><li>Moss, B. Estuaries. Mill J. 2, 5 (2003).</li></ol></div></div></article>`);
    expect(lists(html)).toEqual([['References', [['Miller, A. Tide mills. Mill J. 1, 1 (2001).', 'none'], ['Moss, B. Estuaries. Mill J. 2, 5 (2003).', 'none']]]]);
  });
  it('a figure carousel\'s "Figures" head is a tool\'s, not a section (plos-one-rev-yolk-antibody, nature-nnano-fibre-supercapacitors)', () => {
    const html = journal(`<article><h1>Tide mills of the estuary</h1><h2>Abstract</h2>${para('the abstract', 6)}<div id="figure-carousel-section"><h2>Figures</h2><div class="carousel"><img alt="Fig 1"></div></div>
      <h2>Introduction</h2>${para('the introduction', 6)}</article>`);
    expect(outline(html)).toEqual(['h1 Tide mills of the estuary', 'h2 Abstract', 'h2 Introduction']);
  });
  it('an unlabelled div.bibliography is the reference list (wiley-advs-transition-metal-nanostructures)', () => {
    const item = (n: number, who: string) => `<li id="bib-${n}"><span class="bullet">${n}</span><div class="text"><cite><span class="author">${who}</span>, <span class="journalTitle">Nature</span> <span class="pubYear">198${n}</span>.</cite><ul class="externalReferences"><li><a href="/resolve/reference/XREF?id=10.1038/32952${n}">CrossRef</a></li></ul></div></li>`;
    const html = journal(`<article><h1>Tide mills of the estuary</h1>${para('the article', 10)}<div class="acknowledgements"><h3>Acknowledgements</h3><p>We thank the millers.</p></div>
      <div class="bibliography"><ul class="custom">${item(1, 'H. Kroto')}${item(2, 'S. Iijima')}</ul></div></article>`);
    expect(lists(html).map(([h, entries]) => [h, entries.length])).toEqual([['', 2]]);
  });
  it('past the article, the authors\' and keywords\' sections keep their sub-heads; the review\'s letters are back matter (ieee-xplore-*, elife-oldsite-otd-brain-rewiring)', () => {
    const html = journal(`<div class="header"><h1>Tide mills of the estuary</h1></div><div id="article"><h2>Introduction</h2>${para('the introduction', 10)}</div>
      <div id="article-data"><div id="references" class="section"><div class="header"><h2>References</h2></div><ol><li>A. Miller, Tide mills, 2001.</li></ol></div>
      <div id="authors" class="section"><div class="header"><h2>Authors</h2></div><div class="content"><div class="author"><h3>Ann Miller</h3><p>Ann Miller studies mills.</p></div></div></div>
      <div id="keywords" class="section"><h2>Keywords</h2><div class="block"><h3>IEEE Keywords</h3><p>Mills, tides</p></div></div>
      <div class="pane"><h2>Decision letter</h2><p>The reviewers liked it.</p></div><div class="pane"><h2>Author response</h2><p>We thank them.</p></div>
      <div class="promo"><h2>Subscribe to the journal</h2><h3>Monthly issues</h3></div></div>`);
    expect(outline(html)).toEqual(['h1 Tide mills of the estuary', 'h2 Introduction', 'h2 References', 'h2 Authors', 'h3 Ann Miller', 'h2 Keywords', 'h3 IEEE Keywords', 'h2 Decision letter', 'h2 Author response']);
  });
  it('a section that says "None" is no list (ieee-xplore-fso-rf-hybrid-networks)', () => {
    const html = journal(`<div class="header"><h1>Tide mills of the estuary</h1></div><div id="article"><h2>Introduction</h2>${para('the introduction', 10)}</div>
      <div id="article-data"><div class="section" id="footnotes"><div class="header"><h2>Footnotes</h2></div><div class="content">None</div></div>
      <div id="references" class="section"><div class="header"><h2>References</h2></div><ol><li>A. Miller, Tide mills, 2001.</li></ol></div></div>`);
    expect(lists(html).map(([h, e]) => [h, e.length])).toEqual([['References', 1]]);
    expect(outline(html)).toEqual(['h1 Tide mills of the estuary', 'h2 Introduction', 'h2 Footnotes', 'h2 References']);
  });
  it('the handle of a collapsed pane shows and is a section head; the heads inside it do not (elife-oldsite-otd-brain-rewiring)', () => {
    const html = journal(`<article><h1>Tide mills of the estuary</h1><div class="ctools-collapsible-container ctools-collapsed"><h2>eLife digest</h2><div class="content"><p>Mills, simply.</p><h3>Hidden part</h3></div></div>
      <h2>Introduction</h2>${para('the introduction', 10)}</article>`);
    expect(outline(html)).toEqual(['h1 Tide mills of the estuary', 'h2 eLife digest', 'h2 Introduction']);
  });
  it('a note on the authors (JATS fn-type as HighWire renders it) is no note of the article (microbiology-ijsem-phaeobacter-gallaeciensis)', () => {
    const html = journal(`<article><h1>Tide mills of the estuary</h1><ul class="contributors"><li>A. Miller<a href="#fn-1" class="xref-fn">†</a></li><li>B. Moss<a href="#fn-1">†</a></li></ul>
      <p>${'Tide mills turned on the ebb, as the records show. '.repeat(30)}<a href="#fn-2">1</a></p>${para('the article', 8)}
      <div class="section fn-group"><ul><li class="fn-equal" id="fn-1"><p>† These authors contributed equally to this work.</p></li><li class="fn-other" id="fn-2"><p>1. The records are in the county archive.</p></li></ul></div></article>`);
    expect(lists(html).map(([, entries]) => entries)).toEqual([[['1. The records are in the county archive.', 'none']]]);
  });
  it('the article\'s "Author information" is its own section though its box is named for authors; an affiliation in a list item is no head', () => {
    const html = journal(`<article><h1>Tide mills of the estuary</h1><h2>Abstract</h2>${para('the abstract', 10)}<h2>Acknowledgements</h2><p>We thank the millers.</p>
      <div id="author-information" class="section"><h2>Author information</h2><div id="author-affiliations"><h3>Affiliations</h3><ol class="affiliations"><li><h4>School of Mills, Estuary University</h4></li></ol></div>
      <div class="author-contributions"><h3>Contributions</h3><p>A.M. measured the mills.</p></div></div></article>
      <div class="author-bio"><h3>More from this author</h3><p>Other stories.</p></div>`);
    expect(outline(html)).toEqual(['h1 Tide mills of the estuary', 'h2 Abstract', 'h2 Acknowledgements', 'h2 Author information', 'h3 Affiliations', 'h3 Contributions']);
  });
});

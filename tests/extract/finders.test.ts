// One test per finder and signal, each on the smallest page that shows the pattern it was written for (named after
// the corpus page or publisher vocabulary that broke); the corpus test scores them on the real pages.
import { describe, expect, it } from 'vitest';
import { reportForHtml } from './helpers';

const PROSE = '<p>Prose long enough to count as a paragraph of an article, with a good number of ordinary words in it.</p>'.repeat(14);
const page = (head: string, body: string) => `<!doctype html><html><head><title>A page</title>${head}</head><body>${body}</body></html>`;
const url = 'https://example.org/2024/05/a-study';
const lists = (html: string) => reportForHtml(html, url).referenceLists.map((l) => ({ finder: l.finder, heading: l.heading, entries: l.entries.map((e) => e.text), unlinked: l.entries.filter((e) => !e.hasLink).length }));

describe('machine-signals finder', () => {
  it('takes a marked list under a reference heading whose section holds a sub-heading (springer-dress-syndrome)', () => {
    const items = ['Shear NH. Anticonvulsant hypersensitivity. J Clin Investig. 1988.', 'Kardaun SH. Variable DRESS syndrome. Br J Dermatol. 2007.', 'Cacoub P. The DRESS syndrome. Am J Med. 2011.']
      .map((t, i) => `<li class="c-article-references__item" itemprop="citation"><span>${i + 1}.</span><p class="c-article-references__text">${t}</p>${i === 0 ? '<p><a href="https://doi.org/10.1172/JCI113798">Article</a></p>' : ''}</li>`).join('');
    const html = page('', `<article><h1>A study</h1>${PROSE}<section><div><h2>References</h2><div><h3>Papers of particular interest are highlighted</h3><ol class="c-article-references">${items}</ol></div></div></section></article>`);
    expect(lists(html)).toEqual([{ finder: 'machine-signals', heading: 'References', entries: [expect.stringContaining('Shear NH'), expect.stringContaining('Kardaun SH'), expect.stringContaining('Cacoub P')], unlinked: 2 }]);
  });

  it('reads LaTeXML bibliographies (arXiv HTML) and citeproc entries (Pandoc)', () => {
    const bib = '<section class="ltx_bibliography"><h2 class="ltx_title">References</h2><ul class="ltx_biblist"><li class="ltx_bibitem"><span class="ltx_tag">[1]</span> A. Author. A paper. 2020.</li><li class="ltx_bibitem"><span class="ltx_tag">[2]</span> B. Author. Another paper. 2021.</li></ul></section>';
    const csl = '<div id="refs" class="csl-bib-body"><div class="csl-entry">Doe, J. 2019. A book. Press.</div><div class="csl-entry">Roe, R. 2020. An essay. Journal.</div></div>';
    expect(lists(page('', `<article><h1>A study</h1>${PROSE}${bib}</article>`)).map((l) => [l.finder, l.entries.length])).toEqual([['machine-signals', 2]]);
    expect(lists(page('', `<article><h1>A study</h1>${PROSE}${csl}</article>`)).map((l) => [l.finder, l.heading, l.entries.length])).toEqual([['machine-signals', '', 2]]);
  });
});

describe('plain-text finder', () => {
  it('reads the reference sections of an Internet-Draft in <pre>, across a page break (ietf-remotestorage-draft)', () => {
    const text = [
      '17.  References', '', '17.1.  Normative References', '',
      '   [WORDS]', '        Bradner, S., "Key words for use in RFCs", <a href="./rfc2119">RFC 2119</a>, 1997.', '',
      'de Jong                                                        [Page 20]',
      '</pre><pre>Internet-Draft              remoteStorage                  December 2014', '',
      '   [IRI]  Duerst, M., "Internationalized Resource Identifiers", 2005.', '',
      '17.2.  Informative References', '',
      '   [SPDY] Belshe, M., "SPDY Protocol", <a href="http://www.chromium.org/spdy">http://www.chromium.org/spdy</a>.', '',
      '18.  Authors\' addresses', '', '   Michiel de Jong',
    ].join('\n');
    const html = page('', `<pre>${'   Prose of the draft, indented as RFCs are, with enough words to read as text.\n'.repeat(40)}</pre><pre>${text}</pre>`);
    expect(lists(html)).toEqual([
      { finder: 'plain-text', heading: '17.1. Normative References', entries: [expect.stringMatching(/^\[WORDS\] Bradner/), expect.stringMatching(/^\[IRI\] Duerst/)], unlinked: 1 },
      { finder: 'plain-text', heading: '17.2. Informative References', entries: [expect.stringMatching(/^\[SPDY\] Belshe/)], unlinked: 0 },
    ]);
  });
});

describe('citation-meta finder', () => {
  it('takes the list whose items carry the titles of the citation_reference meta, whatever its markup', () => {
    const refs = ['Malaria vectors in the highlands', 'Bed nets and child mortality', 'Insecticide resistance in Anopheles', 'Larval source management'];
    const head = refs.map((t) => `<meta name="citation_reference" content="citation_title=${t}; citation_author=A. Author; citation_publication_date=2010">`).join('');
    const body = `<article><h1>A study</h1>${PROSE}<h2>Literature</h2><div class="bib">${refs.map((t, i) => `<div class="bib-row"><b>${i + 1}</b> A. Author (2010) ${t}. Some Journal 3: 1-9.</div>`).join('')}</div></article>`;
    expect(lists(page(head, body)).map((l) => [l.finder, l.entries.length, l.unlinked])).toEqual([['citation-meta', 4, 4]]);
  });

  it('leaves the page alone when the lists found already hold the declared references', () => {
    const head = ['One title of a work', 'Two title of a work'].map((t) => `<meta name="citation_reference" content="citation_title=${t}">`).join('');
    const body = `<article><h1>A study</h1>${PROSE}<h2>References</h2><ol><li>One title of a work. 2001.</li><li>Two title of a work. 2002.</li></ol></article>`;
    expect(lists(page(head, body)).map((l) => l.finder)).toEqual(['labelled']);
  });
});

describe('signals in detection', () => {
  it('takes a page declaring a schema.org Product for no article, however long its description', () => {
    const r = reportForHtml(page('<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"A corset"}</script>', `<main><h1>A corset</h1>${PROSE}</main>`), url);
    expect([r.isArticle, r.detection.reasons.join(' ')]).toEqual([false, expect.stringContaining('declares a product page')]);
  });

  it('reads an item declared on <html> itself: a Q&A page is no article (Stack Exchange)', () => {
    const html = `<!doctype html><html itemscope itemtype="https://schema.org/QAPage"><head><title>A question</title></head><body><main><h1>A question</h1>${PROSE}</main></body></html>`;
    const r = reportForHtml(html, url);
    expect([r.isArticle, r.detection.reasons.join(' ')]).toEqual([false, expect.stringContaining('declares a qapage page')]);
  });

  it('takes a code repository and a single-item page for no article (SoftwareSourceCode, ItemPage)', () => {
    const repo = reportForHtml(page('', `<div itemscope itemtype="http://schema.org/SoftwareSourceCode"><h1>a-library</h1>${PROSE}</div>`), url);
    const item = reportForHtml(page('<script type="application/ld+json">{"@context":"https://schema.org","@type":"ItemPage","name":"A video"}</script>', `<main>${PROSE}</main>`), url);
    expect([repo.isArticle, item.isArticle]).toEqual([false, false]);
  });

  it("takes a forum thread in forum software's post markup for no article, whatever its og:type", () => {
    const post = (who: string) => `<div class="post"><dl class="postprofile"><dt>${who}</dt></dl><div class="postbody">${PROSE}</div></div>`;
    const thread = reportForHtml(page('<meta property="og:type" content="article">', `<main><h1>Rules of the board</h1>${post('admin')}${post('reader')}</main>`), url);
    const blog = reportForHtml(page('<meta property="og:type" content="article">', `<main><h1>A post</h1>${post('the author')}</main>`), url);
    expect([thread.isArticle, thread.detection.reasons.join(' ')]).toEqual([false, expect.stringContaining('forum thread')]);
    expect(blog.isArticle).toBe(true);
  });

  it('takes a Highwire-tagged page for a scholarly article, however short its abstract', () => {
    const r = reportForHtml(page('<meta name="citation_title" content="A study"><meta name="citation_doi" content="10.1234/abc">', '<main><h1>A study</h1><p>A short abstract of a study, one paragraph long, with little else on the page.</p></main>'), url);
    expect([r.isArticle, r.detection.reasons.join(' ')]).toEqual([true, expect.stringContaining('scholarly article meta')]);
  });

  it('does not take a wrapper whose class merely begins with a code word for code (nature-news-fast-telescope)', () => {
    const r = reportForHtml(page('', `<section class="highlight-container"><article><h1>A telescope</h1>${PROSE}</article></section>`), url);
    expect(r.isArticle).toBe(true);
  });
});

describe('outline', () => {
  it('leaves out headings whose text is chrome, and keeps back-matter heads past the main content', () => {
    const table = `<table><tbody>${'<tr><td>A film of the list, described in a sentence long enough to count as prose here.</td></tr>'.repeat(30)}</tbody></table>`;
    const html = page('', `<div id="content"><h1>List of films</h1><p>Intro.</p>${table}<h3>Sign up for our newsletter</h3><h2>See also</h2><ul><li><a href="/x">X</a></li></ul></div>`);
    expect(reportForHtml(html, url).outline.map((h) => h.text)).toEqual(['List of films', 'See also']);
  });

  it('leaves out a box whose compound class ends in a chrome word, though it begins with a content word (Springer Nature)', () => {
    const cards = '<section class="c-article-recommendations"><h3>Similar content</h3><h3><a href="https://example.com/other">Another paper</a></h3></section>';
    const html = page('', `<article class="article-with-rail"><h1>A study</h1>${PROSE}<h2>Methods</h2>${PROSE}${cards}<h2>Results</h2>${PROSE}</article>`);
    expect(reportForHtml(html, url).outline.map((h) => h.text)).toEqual(['A study', 'Methods', 'Results']);
  });
});

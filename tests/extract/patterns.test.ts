// Footnote and reference markup of common publishing tools, beyond the corpus: one small page of our own per pattern,
// each with the exact lists, entries and link states a reader should see. Text is invented for these tests.
import { describe, expect, it } from 'vitest';
import { reportForHtml } from './helpers';

const prose = (n: number) =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} of the article body explains, with care and at some length, why tide mills were built along the estuary and how they worked.</p>`).join('\n');

const page = (body: string, title = 'A test article') =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${prose(12)}${body}</article></body></html>`;

const lists = (html: string) =>
  reportForHtml(html, 'https://blog.example.org/2024/05/tide-mills').referenceLists.map((l) => ({
    heading: l.heading,
    entries: l.entries.map((e) => [e.text, e.linkState]),
  }));

describe('footnote markup of publishing tools', () => {
  it('kramdown / Jekyll: div.footnotes with ↩ back-links', () => {
    const html = page(`<p>Claim.<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote" rel="footnote">1</a></sup></p>
      <div class="footnotes" role="doc-endnotes"><ol>
        <li id="fn:1" role="doc-endnote"><p>Smith, J. Mills of the coast. <a href="https://example.com/mills">example.com</a> <a href="#fnref:1" class="reversefootnote" role="doc-backlink">↩</a></p></li>
        <li id="fn:2" role="doc-endnote"><p>Interview with the miller, 2019. <a href="#fnref:2" class="reversefootnote" role="doc-backlink">↩</a></p></li>
      </ol></div>`);
    expect(lists(html)).toEqual([{ heading: '', entries: [['Smith, J. Mills of the coast. example.com', 'linked'], ['Interview with the miller, 2019.', 'none']] }]);
    const r = reportForHtml(html, 'https://blog.example.org/p');
    expect(r.citations.markers.map((m) => m.entryId)).toEqual(['r1-e1']);
    expect(r.citations.uncited).toEqual(['r1-e2']);
  });

  it('Hugo (goldmark) and Pandoc: ↩︎ with a variation selector is a back-link', () => {
    const html = page(`<p>Claim<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>.</p>
      <section class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr><ol>
        <li id="fn1" role="doc-endnote"><p>Jones, A. (2001). doi:10.1234/abcd.5678.&#160;<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
      </ol></section>`);
    expect(lists(html)).toEqual([{ heading: '', entries: [['Jones, A. (2001). doi:10.1234/abcd.5678.', 'linked']] }]);
  });

  it('Substack-style footnotes: div.footnote blocks reached only from markers', () => {
    const html = page(`<p>Claim<a class="footnote-anchor" id="footnote-anchor-1" href="#footnote-1">1</a> and more<a class="footnote-anchor" id="footnote-anchor-2" href="#footnote-2">2</a>.</p>
      <div class="footnote"><a id="footnote-1" href="#footnote-anchor-1" class="footnote-number">1</a><div class="footnote-content"><p>The county archive, box 12.</p></div></div>
      <div class="footnote"><a id="footnote-2" href="#footnote-anchor-2" class="footnote-number">2</a><div class="footnote-content"><p>See <a href="https://archive.example.net/box12">the scan</a>.</p></div></div>`);
    expect(lists(html)).toEqual([{ heading: '', entries: [['The county archive, box 12.', 'none'], ['See the scan.', 'linked']] }]);
  });

  it('Modern Footnotes (WordPress): the end list, not the tooltip copies in the text (spectrecollie-ai-evangelists)', () => {
    const html = page(`<p>Prices rose.<sup class="modern-footnotes-footnote" data-mfn="1"><a href="javascript:void(0)" role="button">1</a></sup><span role="tooltip" class="modern-footnotes-footnote__note" data-mfn="1">Not bitter, really.</span></p>
      <ul class="modern-footnotes-list"><li><span>1</span><div>Not bitter, really.</div></li><li><span>2</span><div>See <a href="https://mills.example.org/a">the mill</a>.</div></li></ul>`);
    expect(lists(html)).toEqual([{ heading: '', entries: [['1 Not bitter, really.', 'none'], ['2 See the mill.', 'linked']] }]);
  });

  it('Substack footnotes whose markers and numbers link with the page\'s own address (substack-talisman-process-knowledge-iv)', () => {
    const self = 'https://mills.substack.com/p/tide-mills';
    const body = `<p>Claim<a class="footnote-anchor" id="footnote-anchor-1" href="${self}#footnote-1">1</a> and more<a class="footnote-anchor" id="footnote-anchor-2" href="${self}#footnote-2">2</a>.</p>
      <div class="footnote"><a id="footnote-1" href="${self}#footnote-anchor-1" class="footnote-number">1</a><div class="footnote-content"><p>The county archive, box 12.</p></div></div>
      <div class="footnote"><a id="footnote-2" href="${self}#footnote-anchor-2" class="footnote-number">2</a><div class="footnote-content"><p>See <a href="https://archive.example.net/box12">the scan</a>.</p></div></div>`;
    const html = page(body).replace('</title>', `</title><link rel="canonical" href="${self}">`);
    const r = reportForHtml(html, 'file:///saved/tide-mills.html');
    expect(r.referenceLists.map((l) => l.entries.map((e) => [e.text, e.linkState]))).toEqual([[['The county archive, box 12.', 'none'], ['See the scan.', 'linked']]]);
    expect(r.citations.markers.map((m) => [m.text, m.entryId !== null])).toEqual([['1', true], ['2', true]]);
  });

  it('a relative canonical link names the page too: footnote links written with it are in-page', () => {
    const self = 'https://mills.substack.com/p/tide-mills';
    const body = `<p>Claim<a class="footnote-anchor" id="footnote-anchor-1" href="${self}#footnote-1">1</a>.</p>
      <div class="footnote"><a id="footnote-1" href="${self}#footnote-anchor-1" class="footnote-number">1</a><div class="footnote-content"><p>The county archive, box 12.</p></div></div>`;
    const html = page(body).replace('</title>', '</title><link rel="canonical" href="/p/tide-mills">');
    const r = reportForHtml(html, `${self}?utm_source=feed`);
    expect(r.referenceLists.map((l) => l.entries.map((e) => [e.text, e.linkState]))).toEqual([[['The county archive, box 12.', 'none']]]);
  });

  it('a lone "Sources:" paragraph with one source per line (single <br>)', () => {
    const html = page(`<p><strong>Sources:</strong></p><p>County Council minutes, 2023<br>Harbour Trust annual report, 2024<br>Interview with R. Moss, May 2024</p>`);
    expect(lists(html)).toEqual([{ heading: 'Sources:', entries: [['County Council minutes, 2023', 'none'], ['Harbour Trust annual report, 2024', 'none'], ['Interview with R. Moss, May 2024', 'none']] }]);
  });

  it('a label wrapped in pretty-printed inline markup is read as its collapsed text', () => {
    const html = page(`<div class="box">
      <div>
        <p>
          <strong>
            <span>Quellen:</span>
          </strong>
        </p>
      </div>
    </div>
    <ul><li>Stadtarchiv, Akte 12, 1911.</li><li>Gespräch mit R. Moos, Mai 2024.</li></ul>`);
    expect(lists(html)).toEqual([{ heading: 'Quellen:', entries: [['Stadtarchiv, Akte 12, 1911.', 'none'], ['Gespräch mit R. Moos, Mai 2024.', 'none']] }]);
  });

  it('a paragraph that starts with a label word is not a label', () => {
    const html = page(`<p>Sources <em>close to</em> the council said on Monday that the mill would reopen.</p><ul><li>Opening hours: 9 to 5.</li><li>Entry is free.</li></ul>`);
    expect(lists(html)).toEqual([]);
  });

  it('an inline label that starts its line is a label: after an empty anchor, a block, or a <br>', () => {
    const entries = [['Stadtarchiv, Akte 12, 1911.', 'none'], ['Gespräch mit R. Moos, Mai 2024.', 'none']];
    const items = '<ul><li>Stadtarchiv, Akte 12, 1911.</li><li>Gespräch mit R. Moos, Mai 2024.</li></ul>';
    expect(lists(page(`<div><a name="quellen"></a> <b>Quellen:</b>${items}</div>`))).toEqual([{ heading: 'Quellen:', entries }]);
    expect(lists(page(`<div><p>Zum Weiterlesen.</p><b>Quellen:</b>${items}</div>`))).toEqual([{ heading: 'Quellen:', entries }]);
    expect(lists(page(`<div>Stand 2024<br><b>Quellen:</b>${items}</div>`))).toEqual([{ heading: 'Quellen:', entries }]);
  });

  it('a label word in bold in the middle of a sentence labels nothing', () => {
    const after = `<em>desk of the county paper, for the 1911 files</em> <em>and the harbour trust, for its annual reports</em>`;
    expect(lists(page(`<p>We thank the <strong>Sources</strong> ${after}</p>`))).toEqual([]);
    expect(lists(page(`<p><span>We thank the</span><strong>Sources</strong> ${after}</p>`))).toEqual([]);
  });

  it('labels in other languages', () => {
    for (const label of ['Einzelnachweise', 'Références', 'Bibliografía', 'Riferimenti', 'Referências', 'Bronnen', '参考文献', '脚注', 'Works cited']) {
      const html = page(`<h2>${label}</h2><ol><li>Author, A. A book title. Publisher, 2001.</li></ol>`);
      expect([label, lists(html)]).toEqual([label, [{ heading: label, entries: [['Author, A. A book title. Publisher, 2001.', 'none']] }]]);
    }
  });

  it('a plain-text web address is flagged as such; a Google Scholar link alone is search-only', () => {
    const html = page(`<h2>References</h2><ol>
      <li>Report on mills, https://example.net/report.pdf (accessed 2020).</li>
      <li>Brown, B. Water wheels. <a href="https://scholar.google.com/scholar?q=water+wheels">Google Scholar</a></li></ol>`);
    expect(lists(html)).toEqual([{ heading: 'References', entries: [['Report on mills, https://example.net/report.pdf (accessed 2020).', 'plain-url'], ['Brown, B. Water wheels. Google Scholar', 'search-only']] }]);
  });
});

describe('what is not a reference list', () => {
  it('"Further reading" and "External links" are not reference lists', () => {
    const html = page(`<h2>Further reading</h2><ul><li>Green, C. Mills. 1990.</li></ul><h2>External links</h2><ul><li><a href="https://example.org">Mill society</a></li></ul>`);
    expect(lists(html)).toEqual([]);
  });

  it('an empty #references container is not a list', () => {
    expect(lists(page(`<h2>References</h2><div id="references"></div>`))).toEqual([]);
  });

  it('a sidebar link widget titled "References" is not the article\'s list', () => {
    const html = `<!doctype html><html><head><title>A test article</title></head><body><main><article><h1>A test article</h1>${prose(12)}</article></main>
      <div class="sidebar"><div class="widget"><h2>References</h2><ul><li><a href="https://example.org/a">My profile</a></li><li><a href="https://example.org/b">Datasheets</a></li></ul></div></div></body></html>`;
    expect(lists(html)).toEqual([]);
  });

  it('recipe notes are not reference notes', () => {
    const html = page(`<div class="wprm-recipe-container"><h3>Notes</h3><ul><li>Use ripe bananas.</li><li>Keeps for two days.</li></ul></div>`);
    expect(lists(html)).toEqual([]);
  });

  it('a generated table of contents is neither a heading nor a list', () => {
    const html = page(`<div id="toc" class="toc"><h2>Contents</h2><ul><li><a href="#a">History</a></li><li><a href="#b">Sources</a></li></ul></div><h2 id="a">History</h2><p>Text of the history section, long enough to be prose for the detector.</p>`);
    const r = reportForHtml(html, 'https://blog.example.org/p');
    expect(r.outline.map((h) => h.text)).toEqual(['A test article', 'History']);
    expect(r.referenceLists).toEqual([]);
  });
});

describe('encyclopedia sections (wp-de-berlin, wp-he-tel-aviv)', () => {
  const refs = (n: number) =>
    `<h2>References</h2><div class="mw-references-wrap"><ol class="references">${Array.from({ length: n }, (_, i) => `<li id="cite_note-${i + 1}"><span class="mw-cite-backlink"><a href="#cite_ref-${i + 1}">↑</a></span> Miller, A. Mills ${i + 1}. Tide Press, 19${10 + i}.</li>`).join('')}</ol></div>`;
  const cite = (n: number) => `<sup id="cite_ref-${n}" class="reference"><a href="#cite_note-${n}">[${n}]</a></sup>`;

  it('a box of other lists after the references is not theirs', () => {
    const audio = '<div class="noprint" id="spoken"><p>This article is available as audio:</p><ul class="breadcrumb-nav"><li><a href="//upload.example.org/a.ogg">Save</a> |</li><li>27:46 minutes |</li></ul></div>';
    expect(lists(page(`${refs(3)}${audio}`)).map((l) => [l.heading, l.entries.length])).toEqual([['References', 3]]);
  });

  it('paragraphs that cite notes under a topic heading ("Sources" of a river) are prose, not a list', () => {
    const html = page(`<h2>Sources</h2><p>The river rises in two springs above the estuary's mills, whose millers measured its flow for a century.${cite(1)}</p>${refs(1)}`);
    expect(lists(html).map((l) => l.heading)).toEqual(['References']);
  });

  it('a short caption before a list is not an entry', () => {
    const html = page('<h2>Bibliography</h2><p><small>sorted by surname</small></p><ul><li>Baker, B. Mills. Tide Press, 1920.</li><li>Carter, C. Wheels. Tide Press, 1931.</li></ul>');
    expect(lists(html)).toEqual([{ heading: 'Bibliography', entries: [['Baker, B. Mills. Tide Press, 1920.', 'none'], ['Carter, C. Wheels. Tide Press, 1931.', 'none']] }]);
  });

  it('headings in a layout table that the table of contents links to are sections; an infobox\'s are not', () => {
    const html = `<!doctype html><html><head><title>Tide town</title></head><body><main><h1>Tide town</h1>
      <nav class="toc"><ul><li><a href="#Museums">Museums</a></li><li><a href="#Cinemas">Cinemas</a></li></ul></nav>
      <table class="infobox"><tr><td><h3>Tide town at a glance</h3></td></tr></table>${prose(10)}
      <table><tr><td><h3 id="Museums">Museums</h3><ul><li>Mill museum</li></ul></td><td><h3 id="Cinemas">Cinemas</h3><ul><li>Tide cinema</li></ul></td></tr></table>
      ${prose(4)}</main></body></html>`;
    expect(reportForHtml(html, 'https://wiki.example.org/wiki/Tide_town').outline.map((h) => h.text)).toEqual(['Tide town', 'Museums', 'Cinemas']);
  });
});

describe('an inline label over lines of its own block', () => {
  it('each line after <strong>Notes</strong><br> is an entry, up to the next inline label', () => {
    const html = page(`<div><strong>Translation</strong><br>The mill turns with the tide.<br>The miller sleeps by day.<br>
      <strong>Notes</strong><br>① mill: a tide mill on the estuary.<br>② miller: the keeper, 1820–1861.<br>③ tide: <a href="https://example.com/tides">the spring tides</a>.</div>`);
    expect(lists(html)).toEqual([{ heading: 'Notes', entries: [['① mill: a tide mill on the estuary.', 'none'], ['② miller: the keeper, 1820–1861.', 'none'], ['③ tide: the spring tides.', 'linked']] }]);
  });

  it('a label with text on its own line ("Notes: see the map") heads no lines', () => {
    const html = page(`<div><strong>Notes</strong> see the map below.<br>The mill turns with the tide.<br>The miller sleeps by day.</div>`);
    expect(lists(html)).toEqual([]);
  });
});

describe('what a desktop browser does not show', () => {
  it('a part marked hidden on desktops (a mobile-only copy) is neither outline nor list', () => {
    const html = page(`<div class="box a-u-hide-from-desktop"><h2>In this issue</h2><ol><li>Moss, A. Mills. 2001.</li><li>Reed, B. Tides. 1999.</li></ol></div>
      <div class="mobileOnly"><h2>Sources</h2><ol><li>Moss, A. Mills. 2001.</li><li>Reed, B. Tides. 1999.</li></ol></div>
      <h2>Sources</h2><ol><li>Moss, A. Mills. 2001.</li><li>Reed, B. Tides. 1999.</li></ol>`);
    const r = reportForHtml(html, 'https://blog.example.org/2024/05/tide-mills');
    expect(r.outline.map((h) => h.text)).toEqual(['A test article', 'Sources']);
    expect(r.referenceLists.map((l) => l.entries.length)).toEqual([2]);
  });
});

describe('unseen pages of 2026-12-07 (wp-zh-china, acs-cuaac-click-solid-phase, mondediplo-turpitude)', () => {
  it('a second ordered list that starts at 1 again is a second list (MediaWiki reference groups)', () => {
    const html = page(`<h2>References</h2><div class="reflist"><ol class="references"><li>Moss, A. Mills. 2001.</li><li>Reed, B. Tides. 1999.</li></ol></div>
      <ol class="references"><li>Hale, C. Notes on mills. 1990.</li><li>Fenn, D. The estuary. 1991.</li></ol>`);
    expect(lists(html).map((l) => l.entries.length)).toEqual([2, 2]);
  });

  it('an ISBN written in lower case by a broken template ("isbn=7-5010-1218-0") is an identifier', () => {
    const html = page(`<h2>References</h2><ol><li>Wang, Y. Old Stone Age archaeology. Beijing, 2000. isbn=7-5010-1218-0</li><li>Reed, B. Tides. 1999.</li></ol>`);
    expect(lists(html)[0].entries.map((e) => e[1])).toEqual(['linked', 'none']);
  });

  it('a line giving the list\'s count before it ("This article references 3 other publications.") is its caption', () => {
    const html = page(`<h2>References</h2><hr><p>This article references 3 other publications.</p>
      <ol><li>Moss, A. Mills. 2001.</li><li>Reed, B. Tides. 1999.</li><li>Hale, C. Notes on mills. 1990.</li></ol>`);
    expect(lists(html).map((l) => l.entries.map((e) => e[0]))).toEqual([['Moss, A. Mills. 2001.', 'Reed, B. Tides. 1999.', 'Hale, C. Notes on mills. 1990.']]);
  });

  it('a share box headed in French ("Partager cet article /") is not a section', () => {
    const html = page(`<div class="outils"><h2>Partager cet article <span>/</span></h2><a href="https://example.com/share">Mastodon</a></div>`);
    expect(reportForHtml(html, 'https://blog.example.org/p').outline.map((h) => h.text)).toEqual(['A test article']);
  });
});

describe('a label inside a toggle', () => {
  it('a heading inside an accordion\'s in-page toggle link labels the panel it opens; one inside a link elsewhere does not', () => {
    const html = page(`<div class="panel"><a class="collapsed" role="button" data-toggle="collapse" href="#collapse-1"><div class="panel-heading"><h4>Anmerkungen</h4></div></a>
      <div id="collapse-1" class="panel-collapse collapse"><p>(1) Moss, A. Mills of the coast. 2001. <a href="https://example.com/mills">example.com</a></p><p>(2) Reed, B. Tides. 1999.</p></div></div>`);
    // The panel's id makes its two paragraphs one entry (SPIP's id'd notes: laviedesidees-evaluation), a known limit.
    expect(lists(html).map((l) => l.heading)).toEqual(['Anmerkungen']);
    const menu = page(`<div class="menu"><a href="/notes/"><h4>Notes</h4></a><div><p>Mills of the coast, 2001.</p><p>Tides, 1999.</p></div></div>`);
    expect(lists(menu)).toEqual([]);
  });
});

describe('headings beside line entries', () => {
  it('a section head in the block that holds a label\'s lines stays in the outline', () => {
    const html = page(`<div><h2>The mill today</h2><p>${'The mill still turns on spring tides. '.repeat(4)}</p><strong>Notes</strong><br>① mill: a tide mill.<br>② tide: the spring tides, 1820.</div>`);
    expect(reportForHtml(html, 'https://blog.example.org/p').outline.map((h) => h.text)).toEqual(['A test article', 'The mill today']);
  });
});

describe('a sources box beside the article (politifact-border-drugs, politifact-tariffs-guide)', () => {
  const withAside = (box: string) =>
    `<!doctype html><html><head><title>A test article</title></head><body><main><article><h1>A test article</h1>${prose(12)}</article>
      <aside>${box}</aside></main></body></html>`;
  const sources = `<h3>Sources:</h3><div><p>Moss, A. "<a href="https://example.com/mills">Mills of the coast</a>," 2001</p><p>Interview with the miller, Nov. 13, 2019</p></div>`;
  const outline = (html: string) => reportForHtml(html, 'https://news.example.org/2019/mills').outline.map((h) => h.text);
  it('the header of the box that holds the article\'s sources is the article\'s too', () => {
    const html = withAside(`<div class="widget"><h3>About this statement:</h3><div class="widget__content"><p>Published: Monday, November 18th, 2019</p>${sources}</div></div>`);
    expect(outline(html)).toEqual(['A test article', 'About this statement:', 'Sources:']);
  });
  it('a box with more sections, or headed as chrome, gives only the sources label', () => {
    const more = withAside(`<div class="widget"><h3>About this statement:</h3><div><p>Published: 2019</p><h3>Share</h3><p>Post it</p>${sources}</div></div>`);
    expect(outline(more)).toEqual(['A test article', 'Sources:']);
    const chrome = withAside(`<div class="widget"><h3>Related stories</h3><div><p>Published: 2019</p>${sources}</div></div>`);
    expect(outline(chrome)).toEqual(['A test article', 'Sources:']);
  });
});

describe('unseen pages of 2026-12-07, second set (zhihu-rl-ppo-basics, aip-apl-1965-issue-toc)', () => {
  it('a reference heading over sub-heads gives one list per sub-head', () => {
    const html = page(`<h2>参考资料：</h2><h3>书籍：</h3><ul><li>蘑菇书：<a href="https://example.com/rl">example.com/rl</a></li><li>动手学强化学习</li></ul>
      <h3>视频：</h3><ul><li>李宏毅——深度强化学习 <a href="https://video.example.com/1">video</a></li><li>赵世钰——强化学习的数学原理</li></ul><h2>Comments</h2>`);
    expect(lists(html)).toEqual([
      { heading: '书籍：', entries: [['蘑菇书：example.com/rl', 'linked'], ['动手学强化学习', 'none']] },
      { heading: '视频：', entries: [['李宏毅——深度强化学习 video', 'linked'], ['赵世钰——强化学习的数学原理', 'none']] },
    ]);
  });
  it('citation_title and dc.type "Text" without an author do not make an issue\'s table of contents an article', () => {
    const toc = (meta: string) => `<!doctype html><html><head><title>Applied Physics Letters: Vol 6, No 1</title>
      <meta name="citation_title" content="Applied Physics Letters: Vol 6, No 1"><meta name="dc.type" scheme="DCMIType" content="Text">${meta}</head><body><main><h1>Volume 6, Issue 1</h1>
      ${Array.from({ length: 20 }, (_, i) => `<div class="item"><h4><a href="/doi/10.1063/1.17540${i}">Growth of crystal films number ${i}</a></h4><p>A. Author, B. Author. Appl. Phys. Lett. 6, ${i} (1965). The films were grown on heated substrates and measured at low temperature.</p></div>`).join('')}</main></body></html>`;
    expect(reportForHtml(toc(''), 'https://pubs.example.org/toc/apl/6/1', { force: false }).isArticle).toBe(false);
    expect(reportForHtml(toc('<meta name="citation_author" content="A. Author">'), 'https://pubs.example.org/doi/10.1063/1.1754000', { force: false }).isArticle).toBe(true);
  });
});

describe('what pages say of themselves, third set (emacspeak-defadvice, oro-eprints-pre-main-sequence, worldscientific-author-search)', () => {
  const short = Array.from({ length: 8 }, (_, i) => `<p>Advice ${i + 1} lets one change what a function does without editing its source, and Emacspeak speaks through such advice; the advice runs before, after or around the function it names.</p>`).join('');
  const blog = (entries: number) => `<!doctype html><html><head><title>Blog: Advice</title></head><body><div class="widget Blog">
    ${Array.from({ length: entries }, () => `<div class="post hentry"><h3>Advice</h3><div class="post-body entry-content"><h1>Advice</h1>${short}
      <h2><span class="section-number-2">4</span> References</h2><ol><li><a href="https://other.example.net/a.html">Emacspeak, 1995</a></li><li>Beautiful Code, 2007</li></ol></div></div>`).join('')}</div></body></html>`;
  it('one hAtom entry holding the content is a post, whatever the layout is named; its numbered "4 References" is a label', () => {
    const r = reportForHtml(blog(1), 'https://example.blogspot.com/2019/10/advice.html');
    expect(r.isArticle).toBe(true);
    expect(r.referenceLists.map((l) => [l.heading, l.entries.length])).toEqual([['4 References', 2]]);
  });
  it('a count before a label word is no section number', () => {
    const html = page(`<h2>73 Citations</h2><ul><li>Views</li><li>Downloads</li></ul>`);
    expect(lists(html)).toEqual([]);
  });
  it('a repository record typed "Conference Item" with its creators is a scholarly work; an author\'s page is not an article', () => {
    const record = (meta: string) => `<!doctype html><html><head><title>Pre-main sequence stars</title>${meta}</head><body><main><h1>Pre-main sequence stars</h1><p>We model the pre-main sequence evolution of low-mass stars with new opacities and compare the tracks with clusters.</p></main></body></html>`;
    expect(reportForHtml(record('<meta name="DC.title" content="Pre-main sequence stars"><meta name="DC.creator" content="Moss, A."><meta name="DC.type" content="Conference Item">'), 'https://oro.example.ac.uk/123/', { force: false }).isArticle).toBe(true);
    expect(reportForHtml(record('<meta name="DC.title" content="Pre-main sequence stars"><meta name="DC.type" content="Conference Item">'), 'https://oro.example.ac.uk/123/', { force: false }).isArticle).toBe(false);
    const author = `<!doctype html><html><head><title>Moss, A.: Search</title></head><body><main><h1>Moss, A.</h1>${prose(12)}</main></body></html>`;
    expect(reportForHtml(author, 'https://pubs.example.org/author/Moss%2C+A', { force: false }).isArticle).toBe(false);
  });
});

describe('a journal\'s "Most cited this month" box (aip-apl-landau-levels-abstract)', () => {
  it('neither its heading nor the titles in it are sections', () => {
    const html = page(`<div class="mostcitedcontainer"><h3>Most cited this month</h3><ul><li><h5>Organic electroluminescent diodes</h5></li><li><h5>Two-layer organic photovoltaic cell</h5></li></ul></div>`);
    expect(reportForHtml(html, 'https://pubs.example.org/doi/10.1063/1.1').outline.map((h) => h.text)).toEqual(['A test article']);
  });
});

describe('unseen pages of 2026-12-07, fifth set (nccih-meditation-mindfulness, digitalocean-n8n-guide, harvard-healthy-eating-plate, wdr-feuerwehr-pensionsalter)', () => {
  const outline = (html: string) => reportForHtml(html, 'https://blog.example.org/2024/05/tide-mills').outline.map((h) => `h${h.level} ${h.text}`);
  const css = '.header_greentext{color:green!important;font-size:24px!important;font-weight:500!important;}'.repeat(6);
  it('a heading that carries a style sheet labels its list; "Key" and "Other" references are reference lists', () => {
    const html = page(`<div><div class="w1"><h2 id="key-references"><style>${css}</style>Key References</h2></div><div class="w2"><style>${css}</style><div><ul><li>Moss A. <a href="https://pubmed.example.org/1/">Tide mills</a>. 2019.</li><li>Reed B. Estuaries. 2018.</li></ul></div></div></div>
      <div><h3>Other References</h3><ul><li>Tide Trust. Mills of the coast. 2001.</li></ul></div>`);
    expect(lists(html)).toEqual([
      { heading: 'Key References', entries: [['Moss A. Tide mills. 2019.', 'linked'], ['Reed B. Estuaries. 2018.', 'none']] },
      { heading: 'Other References', entries: [['Tide Trust. Mills of the coast. 2001.', 'none']] },
    ]);
  });
  it('the head in the summary of an open details is its section\'s; a closed toggle\'s caption is not', () => {
    const html = page(`<details class="collapsible" open><summary><h2 id="what">What a tide mill is</h2></summary><p>A mill that the tide turns.</p></details>
      <details><summary><h3>Show the table</h3></summary><table><tr><td>1</td></tr></table></details>`);
    expect(outline(html)).toEqual(['h1 A test article', 'h2 What a tide mill is']);
  });
  it('a heading that names a link to another page (aria-labelledby) is a card\'s title', () => {
    const html = page(`<h2>Mills today</h2><p>Some mills still turn.</p><div class="card"><h4 id="card-1">Your plate and the planet</h4><div>Food and the planet.</div><a href="https://blog.example.org/planet/" aria-labelledby="card-1">Learn more</a></div>
      <h2 id="back">Mills tomorrow</h2><p>More will turn.</p><a href="#back" aria-labelledby="back">Back to this section</a>`);
    expect(outline(html)).toEqual(['h1 A test article', 'h2 Mills today', 'h2 Mills tomorrow']);
  });
  it('the site\'s name (og:site_name) as an h1 above the post\'s own headline is the masthead; "Related articles on X" is chrome (smarterarticles-ai-art-compensation, move-org-long-distance-movers)', () => {
    const html = `<!doctype html><html><head><title>Tide mills of the estuary — Human in the Loop</title><meta property="og:site_name" content="Human in the Loop"></head><body>
      <header><h1 id="blog-title">Human in the Loop</h1></header><article><h2 class="p-name">Tide mills of the estuary</h2>${prose(12)}<h2>Mills today</h2><p>Some mills still turn.</p>
      <div><h2>Related articles on Human in the Loop</h2><ul><li><a href="/other">Other mills</a></li></ul></div></article></body></html>`;
    expect(reportForHtml(html, 'https://blog.example.org/tide-mills').outline.map((h) => `h${h.level} ${h.text}`)).toEqual(['h2 Tide mills of the estuary', 'h2 Mills today']);
  });
  it('a taxonomy box ("Tags", "Categories and tags") is no section (elife-ciona-visual-circuitry)', () => {
    const html = page(`<h2>Mills today</h2><p>Some mills still turn.</p><section class="meta"><h4>Categories and tags</h4><ul><li><a href="/t/mills">mills</a></li></ul></section><div><h3>Tags</h3><a href="/t/tide">tide</a></div>`);
    expect(outline(html)).toEqual(['h1 A test article', 'h2 Mills today']);
  });
  it('the headline repeated over a player is no section; over a card with heads of its own it is', () => {
    const player = page(`<h2>Mills today</h2><p>Some mills still turn.</p><div class="media"><h2 class="mediaTitle">A test article</h2><video></video></div><h2>Mills tomorrow</h2><p>More will turn.</p>`);
    expect(outline(player)).toEqual(['h1 A test article', 'h2 Mills today', 'h2 Mills tomorrow']);
    const card = page(`<h2>Mills today</h2><p>Some mills still turn.</p><div class="recipe"><h2>A test article</h2><h3>Ingredients</h3><ul><li>Flour</li></ul><h3>Instructions</h3><p>Bake.</p></div>`);
    expect(outline(card)).toEqual(['h1 A test article', 'h2 Mills today', 'h2 A test article', 'h3 Ingredients', 'h3 Instructions']);
  });
});

describe('a journal page whose title is no heading (f1000research-shark-longevity)', () => {
  it('a section named for one of the title\'s subjects is not taken for the headline', () => {
    const html = `<!doctype html><html><head><title>Longevity of Atlantic sharpnose sharks Rhizoprionodon terraenovae in the western North Atlantic</title></head><body>
      <div class="title">Longevity of Atlantic sharpnose sharks Rhizoprionodon terraenovae in the western North Atlantic</div><div class="body">
      <h2>Introduction</h2>${prose(4)}<h2>Results</h2><h3>Rhizoprionodon terraenovae</h3>${prose(4)}<h3>Carcharhinus acronotus</h3>${prose(4)}<h2>Discussion</h2>${prose(2)}</div></body></html>`;
    const r = reportForHtml(html, 'https://journal.example.org/articles/3-190');
    expect(r.outline.map((h) => h.text)).toEqual(['Introduction', 'Results', 'Rhizoprionodon terraenovae', 'Carcharhinus acronotus', 'Discussion']);
  });
});

describe('unseen pages of 2026-12-08, sixth set (tiptopjaw benchmark: kff, smartasset, smarterarticles, investopedia)', () => {
  it('WordPress\'s core Footnotes block is a notes list without a heading', () => {
    const html = page(`<p>Claim<sup data-fn="a1" class="fn"><a href="#a1" id="a1-link">1</a></sup>.</p><ol class="wp-block-footnotes"><li id="a1">The survey does not split by age. <a href="#a1-link">↩︎</a></li><li id="a2">See <a href="https://data.example.gov/nhis">the data</a>. <a href="#a2-link">↩︎</a></li></ol>`);
    expect(lists(html)).toEqual([{ heading: '', entries: [['The survey does not split by age.', 'none'], ['See the data.', 'linked']] }]);
  });
  it('"Article Sources" and "References & Sources" label lists; an editorial note before the list is its preface', () => {
    const sources = page(`<section><h2 id="citations">Article Sources</h2><p>All articles are reviewed by our fact-checkers for accuracy. Visit our <a href="/editorial-policy">Editorial Policy</a> for more details.</p><ol><li>“Benchmark Study.” <em>Schwab</em>, https://schwab.example.com/study. Accessed 4 Nov. 2025.</li><li>“Marketplace.” <em>FinLink</em>, https://fin.example.com. Accessed 11 Apr. 2025.</li></ol></section>`);
    expect(lists(sources)).toEqual([{ heading: 'Article Sources', entries: [['“Benchmark Study.” Schwab, https://schwab.example.com/study. Accessed 4 Nov. 2025.', 'plain-url'], ['“Marketplace.” FinLink, https://fin.example.com. Accessed 11 Apr. 2025.', 'plain-url']] }]);
    const both = page(`<h2>References &amp; Sources</h2><ul><li><a href="https://law.example.com/a">Copyright Office Weighs In on AI Training</a></li><li><a href="https://news.example.com/b">Fair use decisions</a></li></ul><p>Copyright 2025 Tide Mills Blog</p>`);
    expect(lists(both)).toEqual([{ heading: 'References & Sources', entries: [['Copyright Office Weighs In on AI Training', 'linked'], ['Fair use decisions', 'linked']] }]);
  });
});

describe('callouts are not notes lists (gentoo-wiki-portage, cfpb-guide-filing-taxes)', () => {
  it('a "Note" titling an admonition box, and a "Note:" leading into its sentence, label no list', () => {
    const html = page(`<div class="alert alert-info"><strong>Note</strong><br>Do not use the ebuild command to install packages.</div>
      <p><b>Note:</b> Some sites close in April. Check the <b>“Dates open”</b> column first.</p>
      <h2>Notes</h2><ol><li>The county archive, box 12.</li></ol>`);
    expect(lists(html)).toEqual([{ heading: 'Notes', entries: [['The county archive, box 12.', 'none']] }]);
  });
});


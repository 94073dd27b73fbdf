// "Export references" as a reference manager reads it: each format parsed back by an independent parser (citation-js
// for BibTeX, RIS and CSL-JSON), only the flagged entries when asked, hostile entry text kept as text.
import { describe, expect, it } from 'vitest';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { exportReferences } from '../../lib/export/references';
import { entry, list, report } from '../components/report-fixture';

const HOSTILE = 'O\'Brien {unbalanced} "quoted" \\emph{x} %comment\nsecond line ER  - <script>alert(1)</script> Ünïcode';
const page = report({
  title: 'Cool roof: what the studies say',
  referenceLists: [
    list([
      entry(1, { text: 'Halvorsen, M. (2019). Surface temperature. doi:10.5555/12345678', links: ['https://doi.org/10.5555/12345678'], identifiers: [{ type: 'doi', value: '10.5555/12345678', source: 'href' }], hasLink: true, linkState: 'linked' }),
      entry(2, { text: HOSTILE }),
      entry(3, { text: 'Municipal Weather Office (2021). Annual Summary.' }),
    ]),
  ],
});
const titles = (data: { title?: string }[]) => data.map((d) => d.title);

describe('export references', () => {
  it('BibTeX: every entry read back by citation-js, with its DOI, the hostile text intact', () => {
    const out = exportReferences(page, 'bibtex', 'all');
    const back = new Cite(out.text).data as { title?: string; DOI?: string }[];
    expect(back).toHaveLength(3);
    expect(back[0].DOI).toBe('10.5555/12345678');
    expect(back[1].title?.replace(/\s+/g, ' ')).toBe(HOSTILE.replace(/\s+/g, ' '));
    expect(out.filename).toBe('Cool-roof-what-the-studies-say.bib');
  });

  it('RIS: records TY … ER that citation-js reads, only the unlinked entries when flagged', () => {
    const out = exportReferences(page, 'ris', 'flagged');
    expect(out.text.split('\r\n').filter(Boolean).every((l) => /^[A-Z][A-Z0-9]  - /.test(l))).toBe(true);
    expect(out.text.match(/^TY {2}- /gm)).toHaveLength(2);
    const back = new Cite(out.text).data as { title?: string }[];
    expect(titles(back).map((t) => t?.replace(/\s+/g, ' '))).toEqual([HOSTILE.replace(/\s+/g, ' '), 'Municipal Weather Office (2021). Annual Summary.']);
    expect(out.filename).toBe('Cool-roof-what-the-studies-say-unlinked.ris');
  });

  it('CSL-JSON parses as JSON and loads into citation-js; Markdown lists each entry with its link or "(no link)"', () => {
    const csl = exportReferences(page, 'csl', 'all');
    expect(titles(new Cite(JSON.parse(csl.text)).data)).toHaveLength(3);
    const md = exportReferences(page, 'markdown', 'all').text;
    expect(md).toContain('1. Halvorsen, M. (2019). Surface temperature. doi:10.5555/12345678 <https://doi.org/10.5555/12345678>');
    expect(md).toContain('3. Municipal Weather Office (2021). Annual Summary. (no link)');
    expect(md).not.toContain('<script>');
  });
});

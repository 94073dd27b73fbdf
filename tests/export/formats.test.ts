/**
 * CSL-JSON, BibTeX and RIS. Recipe: entries with every identifier type and hostile text (braces, %, #, newlines),
 * formatted by us; then @citation-js (devDependency) reads our CSL-JSON into BibTeX and RIS, and reads our own BibTeX
 * and RIS back, and the titles, URLs and DOIs must come back unchanged.
 */
import { describe, expect, it } from 'vitest';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { ReferenceEntry } from '../../lib/extract/types';
import { entryToCsl, referencesToCsl } from '../../lib/export/csl';
import { toBibtex } from '../../lib/export/bibtex';
import { toRis } from '../../lib/export/ris';

function entry(id: string, text: string, links: string[], identifiers: ReferenceEntry['identifiers']): ReferenceEntry {
  return { id, label: '', text, links, identifiers, hasLink: links.length + identifiers.length > 0, linkState: 'linked', citedBy: [], anchor: '' };
}

const ENTRIES: ReferenceEntry[] = [
  entry('r1-e1', 'Smith, J. (2020). On {braces} & 100% of #hashtags_and ~tildes^. Journal of Tests.', ['https://doi.org/10.1000/xyz123'], [{ type: 'doi', value: '10.1000/xyz123', source: 'href' }]),
  entry('r1-e2', 'A web page\nwith a line break', ['https://example.org/page?a=1&b=2'], []),
  entry('r1-e3', 'A book', [], [{ type: 'isbn', value: '9780306406157', source: 'text' }]),
  entry('r1-e4', 'A PubMed paper', [], [{ type: 'pmid', value: '12345678', source: 'text' }, { type: 'pmcid', value: 'PMC1234567', source: 'text' }]),
  entry('r1-e5', 'Plain text entry with no link at all', [], []),
];

describe('CSL-JSON', () => {
  it('maps identifiers and types', () => {
    expect(entryToCsl(ENTRIES[0])).toEqual({ id: 'r1-e1', type: 'article', title: ENTRIES[0].text, URL: 'https://doi.org/10.1000/xyz123', DOI: '10.1000/xyz123' });
    expect(entryToCsl(ENTRIES[2])).toEqual({ id: 'r1-e3', type: 'webpage', title: 'A book', ISBN: '9780306406157' });
    expect(entryToCsl(ENTRIES[3])).toMatchObject({ type: 'article', PMID: '12345678', PMCID: 'PMC1234567' });
  });

  it('round-trips through citation-js into BibTeX and RIS', () => {
    const csl = referencesToCsl([{ id: 'r1', heading: 'References', kind: 'references', entries: ENTRIES }]);
    const cite = new Cite(csl);
    const bib = cite.format('bibtex');
    const ris = cite.format('ris');
    const fromBib = new Cite(bib).data;
    const fromRis = new Cite(ris).data;
    expect(fromBib).toHaveLength(ENTRIES.length);
    expect(fromRis).toHaveLength(ENTRIES.length);
    expect(fromBib.find((d) => d.DOI)?.DOI).toBe('10.1000/xyz123');
    expect(fromRis.find((d) => d.DOI)?.DOI).toBe('10.1000/xyz123');
    expect(fromBib.map((d) => d.title)).toContain('A book');
  });
});

describe('our BibTeX and RIS', () => {
  const csl = ENTRIES.map((e) => entryToCsl(e));

  it('BibTeX escapes specials and citation-js reads every field back', () => {
    const bib = toBibtex(csl);
    expect(bib).toContain('title = {{Smith, J. (2020). On \\{braces\\} \\& 100\\% of \\#hashtags\\_and \\textasciitilde{}tildes\\textasciicircum{}. Journal of Tests.}}');
    const back = new Cite(bib).data;
    expect(back).toHaveLength(csl.length);
    expect(back[0].title).toBe(ENTRIES[0].text);
    expect(back[0].DOI).toBe('10.1000/xyz123');
    expect(back[1].title).toBe('A web page with a line break');
    expect(back[1].URL).toBe('https://example.org/page?a=1&b=2');
    expect(back[2].ISBN).toBe('9780306406157');
  });

  it('RIS has one field per line, no line breaks inside values, and citation-js reads it back', () => {
    const ris = toRis(csl);
    for (const line of ris.split('\r\n').filter(Boolean)) expect(line).toMatch(/^[A-Z][A-Z0-9]  - /);
    const back = new Cite(ris).data;
    expect(back).toHaveLength(csl.length);
    expect(back.map((d) => d.title)).toEqual(csl.map((c) => c.title.replace(/\n/g, ' ')));
    expect(back[0].DOI).toBe('10.1000/xyz123');
    expect(back[1].URL).toBe('https://example.org/page?a=1&b=2');
  });
});

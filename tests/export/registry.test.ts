// Exports carry the registry's fields (issue 24) for an entry whose DOI resolved to an agreeing record and for an
// accepted match; a DOI pointing to another work and a candidate not accepted keep the entry's own text. Each format
// is read back by citation-js, an independent parser.
import { describe, expect, it } from 'vitest';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { exportReferences } from '../../lib/export/references';
import { registryWorks, splitName } from '../../lib/export/registry';
import type { EntryOnline, MatchCandidate } from '../../lib/online/types';
import { entry, list, report } from '../components/report-fixture';

const doiEntry = (n: number, text: string, doi: string) => entry(n, { text, identifiers: [{ type: 'doi', value: doi, source: 'text' }], hasLink: true, linkState: 'linked' });
const entries = [
  doiEntry(1, 'van der Maaten, L.; Hinton, G. (2008). Visualizing data using t-SNE. JMLR. doi:10.5555/tsne', '10.5555/tsne'),
  doiEntry(2, 'Okafor B (2003). Wrong paper for this DOI: glacial lakes of the south. doi:10.5555/tidal', '10.5555/tidal'),
  entry(3, { text: 'Egevang C, Stenhouse IJ (2010). Seasonal migration of the arctic tern. PNAS.' }),
  entry(4, { text: 'Nobody N (1999). A treatise on the keeping of bees.' }),
];
const results = new Map<string, EntryOnline>([
  [entries[0].id, { checkedAt: 1, doi: { value: '10.5555/tsne', status: 'resolved', agrees: true, title: 'Visualizing Data using t-SNE', authors: ['Laurens van der Maaten', 'Geoffrey Hinton'], families: ['van der Maaten', 'Hinton'], year: 2008, venue: 'Journal of Machine Learning Research' } }],
  [entries[1].id, { checkedAt: 1, doi: { value: '10.5555/tidal', status: 'resolved', agrees: false, title: 'Tidal marsh hydrology', authors: ['B Okafor'], year: 2003 } }],
  [entries[3].id, { checkedAt: 1, match: { doi: '10.5555/bees', title: 'On bees', score: 0.9 } }],
]);
const tern: MatchCandidate = { doi: '10.5555/tern', title: 'Tracking of Arctic terns Sterna paradisaea reveals longest animal migration', score: 0.93, authors: ['Carsten Egevang', 'Iain J. Stenhouse'], year: 2010, venue: 'PNAS' };
const accepted = new Map([[entries[2].id, tern]]);
const page = report({ title: 'Terns', referenceLists: [list(entries)] });
const works = registryWorks(entries, results, accepted);

describe('exports with the registry fields', () => {
  it('only the agreeing DOI and the accepted match take the registry fields', () => {
    expect([...works.keys()]).toEqual([entries[0].id, entries[2].id]);
  });

  it('CSL-JSON: title, authors (family kept whole), year, venue and DOI from the registry; other entries keep their text', () => {
    const items = JSON.parse(exportReferences(page, 'csl', 'all', works).text);
    expect(items[0]).toMatchObject({ type: 'article', title: 'Visualizing Data using t-SNE', DOI: '10.5555/tsne', author: [{ family: 'van der Maaten', given: 'Laurens' }, { family: 'Hinton', given: 'Geoffrey' }], issued: { 'date-parts': [[2008]] }, 'container-title': 'Journal of Machine Learning Research' });
    expect(items[1]).toMatchObject({ title: entries[1].text, DOI: '10.5555/tidal' });
    expect(items[1].author).toBeUndefined();
    expect(items[2]).toMatchObject({ title: tern.title, DOI: '10.5555/tern', author: [{ family: 'Egevang', given: 'Carsten' }, { family: 'Stenhouse', given: 'Iain J.' }] });
    expect(items[3].title).toBe(entries[3].text);
    expect(items[3].DOI).toBeUndefined();
  });

  it('BibTeX and RIS read back by citation-js with the same fields', () => {
    for (const format of ['bibtex', 'ris'] as const) {
      const back = new Cite(exportReferences(page, format, 'all', works).text).data as Array<{ title?: string; DOI?: string; author?: Array<{ family?: string; given?: string; 'non-dropping-particle'?: string; 'dropping-particle'?: string }>; issued?: { 'date-parts': number[][] }; 'container-title'?: string }>;
      expect(back).toHaveLength(4);
      expect(back[0].title, format).toBe('Visualizing Data using t-SNE');
      expect(back[0].DOI, format).toBe('10.5555/tsne');
      // A parser may read "van der" as the name's particle: the whole family name is particle and family together.
      expect(back[0].author?.map((a) => [a['dropping-particle'], a['non-dropping-particle'], a.family].filter(Boolean).join(' ')), format).toEqual(['van der Maaten', 'Hinton']);
      expect(back[0].issued?.['date-parts'][0][0], format).toBe(2008);
      expect(back[0]['container-title'], format).toBe('Journal of Machine Learning Research');
      expect(back[2].DOI, format).toBe('10.5555/tern');
      expect(back[3].title?.replace(/\s+/g, ' '), format).toBe(entries[3].text);
    }
  });

  it('without works the export is the entries text, as before', () => {
    expect(exportReferences(page, 'bibtex', 'all').text).toBe(exportReferences(page, 'bibtex', 'all', new Map()).text);
    expect(JSON.parse(exportReferences(page, 'csl', 'all').text)[0].title).toBe(entries[0].text);
  });

  it('splitName keeps a family name of several words; without one the last word is the family', () => {
    expect(splitName('Laurens van der Maaten', 'van der Maaten')).toEqual({ family: 'van der Maaten', given: 'Laurens' });
    expect(splitName('Iain J. Stenhouse', undefined)).toEqual({ family: 'Stenhouse', given: 'Iain J.' });
    expect(splitName('World Health Organization', 'World Health Organization')).toEqual({ family: 'World Health Organization' });
  });
});

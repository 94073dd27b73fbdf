// @vitest-environment jsdom
// "Export references" in the panel uses what the online checks kept for the page: an entry whose DOI resolved to an
// agreeing record and an accepted match export with the registry's fields; a rejected candidate does not.
// fake-indexeddb must load before Dexie: Dexie reads the indexedDB global when it is imported.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { NotesProvider, type NotesEnv } from '@/components/notes/env';
import { ReferencesExportStored } from '@/components/panel/ReferencesExport';
import { decideMatch, saveEntryResult } from '@/lib/store/online';
import { freshDb } from '../store/helpers';
import { entry, list, report } from './report-fixture';

afterEach(cleanup);

const e1 = entry(1, { text: 'Okafor B (2003). Tidal marsh hydrology of the northern estuaries. doi:10.5555/tidal', identifiers: [{ type: 'doi', value: '10.5555/tidal', source: 'text' }], hasLink: true, linkState: 'linked' });
const e2 = entry(2, { text: 'Egevang C, Stenhouse IJ (2010). Seasonal migration of the arctic tern. PNAS.' });
const e3 = entry(3, { text: 'Nobody N (1999). A treatise on the keeping of bees.' });
const page = report({ url: 'https://example.org/terns', title: 'Terns', referenceLists: [list([e1, e2, e3])] });

describe('ReferencesExportStored', () => {
  it('exports the stored registry fields of a resolved DOI and an accepted match, and the text of a rejected one', async () => {
    const env: NotesEnv = { db: freshDb(), describeSelection: async () => ({ ok: true, value: { quote: '', selectors: [] } }), anchorNotes: async () => ({ ok: true, value: [] }), now: () => 1 };
    await saveEntryResult(env.db, page.url, e1, { checkedAt: 1, doi: { value: '10.5555/tidal', status: 'resolved', agrees: true, title: 'Tidal Marsh Hydrology of the Northern Estuaries', authors: ['Bisi Okafor'], families: ['Okafor'], year: 2003, venue: 'Journal of Tests' } });
    await decideMatch(env.db, page.url, e2, { doi: '10.5555/tern', title: 'Seasonal migration of the Arctic tern', score: 0.93, authors: ['Carsten Egevang'], families: ['Egevang'], year: 2010 }, 'accepted');
    await decideMatch(env.db, page.url, e3, { doi: '10.5555/bees', title: 'On bees', score: 0.9 }, 'rejected');
    const save = vi.fn();
    render(
      <NotesProvider value={env}>
        <ReferencesExportStored report={page} save={save} copy={async () => {}} />
      </NotesProvider>,
    );
    // The stored works are read when the controls open; export once they are in.
    await waitFor(async () => {
      save.mockClear();
      fireEvent.click(screen.getByRole('button', { name: 'Download' }));
      expect(save.mock.calls[0][0]).toContain('10.5555/tern');
    });
    const back = new Cite(save.mock.calls[0][0]).data as Array<{ title?: string; DOI?: string; author?: Array<{ family?: string }>; issued?: { 'date-parts': number[][] } }>;
    expect(back.map((b) => b.title)).toEqual(['Tidal Marsh Hydrology of the Northern Estuaries', 'Seasonal migration of the Arctic tern', e3.text]);
    expect(back[0].author?.[0].family).toBe('Okafor');
    expect(back[1].issued?.['date-parts'][0][0]).toBe(2010);
    expect(back[2].DOI).toBeUndefined();
  });
});

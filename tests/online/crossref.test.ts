/** Crossref records as the documented shapes give them, read as plain text; updates kept one by one with their own type. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchWork, parseWork, searchWorks, summarizeUpdates, updateKind } from '../../lib/online/crossref';
import { OnlineClient } from '../../lib/online/http';
import { record, startFakeServices, type FakeServices } from './fake-services';

let svc: FakeServices;
beforeAll(async () => {
  svc = await startFakeServices();
});
afterAll(() => svc.close());
beforeEach(() => {
  svc.requests.length = 0;
  svc.mode.crossref = 'normal';
  svc.works.clear();
});

const client = () => new OnlineClient({ fetch, timeoutMs: 400, maxBytes: 256 * 1024 });

/** As Crossref returns a retracted work since 2025: the publisher's notice and Retraction Watch's record, both kept. */
const RETRACTED = record('10.1016/s0140-6736(97)11096-0', 'Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental disorder in children', ['Wakefield', 'Murch', 'Anthony'], 1998, {
  'container-title': ['The Lancet'],
  'updated-by': [
    { DOI: '10.1016/s0140-6736(04)15715-2', type: 'correction', label: 'Correction', source: 'retraction-watch', updated: { 'date-parts': [[2004, 3, 6]] }, 'record-id': 9142 },
    { DOI: '10.1016/s0140-6736(10)60175-4', type: 'retraction', label: 'Retraction', source: 'publisher', updated: { 'date-parts': [[2010, 2, 6]] } },
    { DOI: '10.1016/s0140-6736(10)60175-4', type: 'retraction', label: 'Retraction', source: 'retraction-watch', updated: { 'date-parts': [[2010, 2, 6]] }, 'record-id': 9143 },
  ],
});

describe('parseWork', () => {
  it('reads title, authors, year, venue and every update with its own type, label, source, date and record id', () => {
    const w = parseWork(RETRACTED)!;
    expect(w.title).toBe('Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental disorder in children');
    expect(w.authors).toEqual(['A Wakefield', 'B Murch', 'C Anthony']);
    expect(w.families).toEqual(['Wakefield', 'Murch', 'Anthony']);
    expect(w.years).toEqual([1998]);
    expect(w.venue).toBe('The Lancet');
    expect(w.updates).toEqual([
      { type: 'correction', label: 'Correction', source: 'retraction-watch', updated: '2004-03-06', recordId: '9142', doi: '10.1016/s0140-6736(04)15715-2', notice: 'https://doi.org/10.1016/s0140-6736(04)15715-2' },
      { type: 'retraction', label: 'Retraction', source: 'publisher', updated: '2010-02-06', doi: '10.1016/s0140-6736(10)60175-4', notice: 'https://doi.org/10.1016/s0140-6736(10)60175-4' },
      { type: 'retraction', label: 'Retraction', source: 'retraction-watch', updated: '2010-02-06', recordId: '9143', doi: '10.1016/s0140-6736(10)60175-4', notice: 'https://doi.org/10.1016/s0140-6736(10)60175-4' },
    ]);
  });

  it('keeps hostile fields as text: no script, no markup, no control characters, and no link taken from the answer', () => {
    const w = parseWork({
      DOI: '10.5555/evil',
      title: ['<script>alert(1)</script>Safe <i>title</i> &amp; more\u202e'],
      author: [{ family: '<img src=x onerror=alert(1)>Doe', given: 'J' }, 'not an author', null, { given: 'Only a given name' }],
      'updated-by': [{ type: 'retraction', DOI: 'javascript:alert(1)', label: '<b>Retraction</b>' }, { type: '' }, 'nonsense'],
    })!;
    expect(w.title).toBe('Safe title & more');
    expect(w.authors).toEqual(['J Doe']);
    expect(w.updates).toEqual([{ type: 'retraction', label: 'Retraction' }]);
  });

  it.each([null, 5, 'text', [], {}, { DOI: 'not a doi', title: ['x'] }, { DOI: 42 }])('%j is not a work', (item) => {
    expect(parseWork(item)).toBeNull();
  });
});

describe('updates are counted by their own kind, never merged into "retracted"', () => {
  it.each([
    ['retraction', 'retracted'],
    ['Retraction', 'retracted'],
    ['withdrawal', 'retracted'],
    ['expression_of_concern', 'concern'],
    ['Expression of Concern', 'concern'],
    ['correction', 'corrected'],
    ['erratum', 'corrected'],
    ['corrigendum', 'corrected'],
    ['partial_retraction', 'corrected'],
    ['retract-and-replace', 'corrected'],
    ['new_version', 'other'],
    ['reinstatement', 'other'],
  ])('%s → %s', (type, kind) => {
    expect(updateKind(type)).toBe(kind);
  });

  it('the gravest update sets the status, with its notice and date; the others stay listed', () => {
    const s = summarizeUpdates(parseWork(RETRACTED)!.updates);
    expect(s.status).toBe('retracted');
    expect(s.notice).toBe('https://doi.org/10.1016/s0140-6736(10)60175-4');
    expect(s.date).toBe('2010-02-06');
    expect(s.updates.map((u) => u.type)).toEqual(['correction', 'retraction', 'retraction']);
  });

  it('an erratum alone is a correction, not a retraction', () => {
    expect(summarizeUpdates([{ type: 'erratum', updated: '2020-01-02' }]).status).toBe('corrected');
    expect(summarizeUpdates([{ type: 'new_version' }]).status).toBe('none');
    expect(summarizeUpdates([]).status).toBe('none');
  });
});

describe('fetchWork against a fake Crossref', () => {
  it('resolves a known DOI, with mailto only when the user gave one', async () => {
    svc.works.set(RETRACTED.DOI, RETRACTED);
    const a = await fetchWork(client(), RETRACTED.DOI, { base: svc.crossrefBase });
    expect(a.status === 'resolved' && a.work.updates.length).toBe(3);
    expect(svc.requests[0].path).toBe('/crossref/works/10.1016/s0140-6736(97)11096-0');
    expect(svc.requests[0].query.has('mailto')).toBe(false);
    await fetchWork(client(), RETRACTED.DOI, { base: svc.crossrefBase, mailto: 'reader@example.org' });
    expect(svc.requests[1].query.get('mailto')).toBe('reader@example.org');
    await fetchWork(client(), RETRACTED.DOI, { base: svc.crossrefBase, mailto: 'not an address' });
    expect(svc.requests[2].query.has('mailto')).toBe(false);
  });

  it('an unknown DOI is not-found; failing services are errors with a message', async () => {
    expect(await fetchWork(client(), '10.5555/none', { base: svc.crossrefBase })).toEqual({ status: 'not-found' });
    svc.mode.crossref = '500';
    expect(await fetchWork(client(), '10.5555/none', { base: svc.crossrefBase })).toEqual({ status: 'error', error: 'Crossref: HTTP 500' });
    svc.mode.crossref = 'garbage';
    expect(await fetchWork(client(), '10.5555/none', { base: svc.crossrefBase })).toEqual({ status: 'error', error: 'Crossref: the answer is not JSON' });
    svc.mode.crossref = 'not-object';
    expect(await fetchWork(client(), '10.5555/none', { base: svc.crossrefBase })).toEqual({ status: 'error', error: 'Crossref: the answer is not a work record' });
    svc.mode.crossref = 'huge';
    expect(await fetchWork(client(), '10.5555/none', { base: svc.crossrefBase })).toEqual({ status: 'error', error: 'Crossref: answer larger than 256 KB, not read' });
  });

  it('a record for another DOI than the one asked for is refused', async () => {
    svc.works.set('10.5555/asked', record('10.5555/other', 'Other', ['X'], 2000));
    expect(await fetchWork(client(), '10.5555/asked', { base: svc.crossrefBase })).toEqual({ status: 'error', error: 'Crossref: asked for 10.5555/asked, answered with 10.5555/other' });
  });
});

describe('searchWorks', () => {
  it('asks query.bibliographic with rows=5, links left out of the query, and reads the candidates', async () => {
    svc.works.set('10.5555/a', record('10.5555/a', 'Tidal marshes of the north', ['Lee'], 2011));
    svc.works.set('10.5555/b', record('10.5555/b', 'Salt marshes', ['Kim'], 2012));
    const a = await searchWorks(client(), 'Lee, A. (2011). Tidal marshes of the north. https://example.org/x', { base: svc.crossrefBase });
    expect(a.ok && a.works.map((w) => w.doi)).toEqual(['10.5555/a', '10.5555/b']);
    expect(svc.requests[0].query.get('query.bibliographic')).toBe('Lee, A. (2011). Tidal marshes of the north.');
    expect(svc.requests[0].query.get('rows')).toBe('5');
  });

  it('a list that is not a list is an error', async () => {
    svc.mode.crossref = 'not-object';
    expect(await searchWorks(client(), 'anything', { base: svc.crossrefBase })).toEqual({ ok: false, error: 'Crossref: the answer is not a list of works' });
  });
});

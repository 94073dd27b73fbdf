// @vitest-environment jsdom
// fake-indexeddb must load before Dexie: Dexie reads the indexedDB global when it is imported.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { OnlineChecks } from '@/components/panel/OnlineChecks';
import { NotesProvider, type NotesEnv } from '@/components/notes/env';
import type { PageReport, ReferenceEntry } from '@/lib/extract/types';
import { getOnlineSettings, matchesForPage, saveEntryResult, setConsent } from '@/lib/store/online';
import type { FetchLike } from '@/lib/online/http';
import { freshDb } from '../store/helpers';
import { record, startFakeServices, type FakeServices } from '../online/fake-services';

let svc: FakeServices;
beforeAll(async () => {
  svc = await startFakeServices();
});
afterAll(() => svc.close());
afterEach(cleanup);

const WAIT = { timeout: 5_000 };
const PAGE = 'https://news.example/story';
/** Node's fetch, without jsdom's AbortSignal (undici accepts only its own). */
const nodeFetch: FetchLike = (url, init) => fetch(url, { ...init, signal: undefined });

function entry(id: string, label: string, text: string, extra: Partial<ReferenceEntry> = {}): ReferenceEntry {
  return { id, label, text, links: [], identifiers: [], hasLink: false, linkState: 'none', citedBy: [], anchor: '', ...extra };
}

function report(): PageReport {
  return {
    version: 1,
    url: PAGE,
    title: 'Story',
    isArticle: true,
    detection: { score: 1, reasons: [] },
    outline: [],
    referenceLists: [
      {
        id: 'r1',
        heading: 'References',
        kind: 'references',
        entries: [
          entry('r1-e1', '1', 'Wakefield A, Murch S (1998). Ileal-lymphoid-nodular hyperplasia and pervasive developmental disorder in children. Lancet. doi:10.5555/retracted', { identifiers: [{ type: 'doi', value: '10.5555/retracted', source: 'text' }], hasLink: true, linkState: 'linked' }),
          entry('r1-e2', '2', 'Okafor B (2003). Tidal marsh hydrology of the northern estuaries. doi:10.5555/corrected', { identifiers: [{ type: 'doi', value: '10.5555/corrected', source: 'text' }], hasLink: true, linkState: 'linked' }),
          entry('r1-e3', '3', 'A vanished report (2019).', { links: [`${svc.base}/gone-404`], hasLink: true, linkState: 'linked' }),
          entry('r1-e4', '4', 'Egevang C, Stenhouse IJ (2010). Seasonal migration of the arctic tern across the Atlantic. PNAS.'),
        ],
      },
    ],
    citations: { markers: [], uncited: [], dangling: [] },
    stats: { elements: 0, headings: 0, lists: 1, entries: 4, unlinked: 1, words: 0 },
    timings: {},
    truncated: false,
    errors: [],
  };
}

function testEnv(): NotesEnv {
  return { db: freshDb(), describeSelection: async () => ({ ok: true, value: { quote: '', selectors: [] } }), anchorNotes: async () => ({ ok: true, value: [] }), now: () => Date.parse('2026-12-01T12:00:00Z') };
}

function mount(env: NotesEnv, onFindings?: (f: { retracted: number; dead: number }) => void) {
  return render(
    <NotesProvider value={env}>
      <OnlineChecks report={report()} fetch={nodeFetch} endpoints={{ crossref: svc.crossrefBase, wayback: svc.waybackBase, unpaywall: svc.unpaywallBase, openalex: svc.openalexBase }} guard={{ allowHosts: ['127.0.0.1'] }} onFindings={onFindings} />
    </NotesProvider>,
  );
}

/** The button, once the settings are read (it is disabled until then). */
async function checkButton(): Promise<HTMLElement> {
  const button = (await screen.findByRole('button', { name: 'Check online' }, WAIT)) as HTMLButtonElement;
  await waitFor(() => expect(button.disabled).toBe(false), WAIT);
  return button;
}

beforeEach(() => {
  svc.requests.length = 0;
  svc.works.clear();
  svc.snapshots.clear();
  svc.oa.clear();
  svc.mode.unpaywall = 'normal';
  svc.oa.set('10.5555/corrected', { pdf: 'https://europepmc.org/articles/pmc1234567?pdf=render', version: 'acceptedVersion' });
  svc.works.set(
    '10.5555/retracted',
    record('10.5555/retracted', 'Ileal-lymphoid-nodular hyperplasia and pervasive developmental disorder in children', ['Wakefield', 'Murch'], 1998, {
      'updated-by': [{ DOI: '10.5555/notice', type: 'retraction', label: 'Retraction', source: 'retraction-watch', updated: { 'date-parts': [[2010, 2, 6]] } }],
    }),
  );
  svc.works.set('10.5555/corrected', record('10.5555/corrected', '<script>alert(1)</script>Tidal marsh hydrology of the northern estuaries', ['Okafor'], 2003, { 'updated-by': [{ DOI: '10.5555/erratum', type: 'erratum', label: 'Erratum', source: 'publisher', updated: { 'date-parts': [[2004, 1, 2]] } }] }));
  svc.works.set('10.5555/tern', record('10.5555/tern', 'Seasonal migration of the arctic tern across the Atlantic', ['Egevang', 'Stenhouse'], 2010));
  svc.snapshots.set(`${svc.base}/gone-404`, { url: 'javascript:alert(1)', timestamp: '20190501000000' });
});

describe('Check online', () => {
  it('sends nothing until asked, shows what is sent where first, then the results, the counts and the badges', async () => {
    const env = testEnv();
    const findings: Array<{ retracted: number; dead: number }> = [];
    mount(env, (f) => findings.push(f));
    const button = await checkButton();
    expect(svc.requests).toEqual([]);
    fireEvent.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Check online: what is sent' });
    expect(dialog.textContent).toContain("Crossref (api.crossref.org): each entry's DOI, and the text of entries without a link");
    expect(dialog.textContent).toContain('The cited sites: a request for each cited web address, to its own site');
    expect(dialog.textContent).toContain('Internet Archive (archive.org): each address that is gone, moved or unreachable');
    expect(svc.requests).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Allow and check' }));

    await screen.findByText('1 retracted · 1 corrected · 1 dead link · 1 found online', {}, WAIT);
    // The toolbar badge is told once the check has ended, not at every entry.
    await waitFor(() => expect(findings).toEqual([{ retracted: 1, dead: 1 }]), WAIT);
    expect(await getOnlineSettings(env.db)).toMatchObject({ consent: { crossref: { allowed: true }, sites: { allowed: true }, wayback: { allowed: true } } });
    const results = screen.getByRole('list', { name: 'Online results' });
    const first = within(results).getByRole('listitem', { name: 'Online results for entry 1' });
    const retraction = within(first).getByText('Retraction');
    expect(retraction.className).toBe('badge badge-retracted');
    expect(within(first).getByRole('link', { name: 'notice' }).getAttribute('href')).toBe('https://doi.org/10.5555/notice');
    expect(first.textContent).toContain('2010-02-06');
    const second = within(results).getByRole('listitem', { name: 'Online results for entry 2' });
    expect(within(second).getByText('Erratum').className).toBe('badge');
    // A hostile title is text, never markup.
    expect(second.querySelector('script')).toBeNull();
    expect(within(second).getByRole('link', { name: 'Tidal marsh hydrology of the northern estuaries' })).toBeTruthy();
    // A javascript: archive address from the service is never a link.
    const third = within(results).getByRole('listitem', { name: 'Online results for entry 3' });
    expect(third.textContent).toContain('gone (HTTP 404)');
    expect(third.querySelector('a[href^="javascript"]')).toBeNull();
    expect(screen.getByRole('button', { name: 'Check again' })).toBeTruthy();
  });

  it('an accepted candidate is kept with the page and shown as "linked: found online"', async () => {
    const env = testEnv();
    mount(env);
    fireEvent.click(await checkButton());
    fireEvent.click(await screen.findByRole('button', { name: 'Allow and check' }));
    const fourth = await screen.findByRole('listitem', { name: 'Online results for entry 4' }, WAIT);
    expect(fourth.textContent).toMatch(/Candidate: Seasonal migration of the arctic tern across the Atlantic \(confidence \d+%\)/);
    fireEvent.click(within(fourth).getByRole('button', { name: 'Accept' }));
    await within(fourth).findByText(/linked: found online/, {}, WAIT);
    const [m] = [...(await matchesForPage(env.db, PAGE)).values()];
    expect(m).toMatchObject({ entryId: 'r1-e4', decision: 'accepted', candidate: { doi: '10.5555/tern' } });
    // The whole check has finished (entry 4's result can arrive before another entry's archive look-up).
    await screen.findByRole('button', { name: 'Check again' }, WAIT);

    // After a reload: the results and the decision come from the database, and nothing is sent.
    cleanup();
    svc.requests.length = 0;
    mount(env);
    await screen.findByText(/linked: found online/, {}, WAIT);
    expect(screen.getByText(/checked today/)).toBeTruthy();
    expect(svc.requests).toEqual([]);
  });

  it('"Not now" sends nothing and asks again next time', async () => {
    const env = testEnv();
    mount(env);
    fireEvent.click(await checkButton());
    fireEvent.click(await screen.findByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(svc.requests).toEqual([]);
    expect(await getOnlineSettings(env.db)).toEqual({ consent: {} });
  });

  it('the consent screen takes the focus, and Escape closes it as "Not now", back on "Check online"', async () => {
    const env = testEnv();
    mount(env);
    const button = await checkButton();
    fireEvent.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Check online: what is sent' });
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Check online'));
    expect(svc.requests).toEqual([]);
  });

  it('open-access copies: Unpaywall is unticked on the consent screen and nothing goes to it without an address', async () => {
    const env = testEnv();
    mount(env);
    fireEvent.click(await checkButton());
    const dialog = await screen.findByRole('dialog', { name: 'Check online: what is sent' });
    const unpaywall = within(dialog).getByRole('checkbox', { name: /^Unpaywall \(api\.unpaywall\.org\)/ }) as HTMLInputElement;
    const openalex = within(dialog).getByRole('checkbox', { name: /^OpenAlex \(api\.openalex\.org\)/ }) as HTMLInputElement;
    expect([unpaywall.checked, openalex.checked]).toEqual([false, false]);
    expect(dialog.textContent).toContain('Unpaywall (api.unpaywall.org): the DOI of each entry Crossref resolved, with your e-mail address');
    expect(within(dialog).queryByLabelText('Your e-mail address, for Unpaywall')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Allow and check' }));
    await screen.findByRole('button', { name: 'Check again' }, WAIT);
    expect(svc.requests.filter((q) => q.path.startsWith('/unpaywall/') || q.path.startsWith('/openalex/'))).toEqual([]);
    expect(screen.queryByRole('link', { name: 'Open-access copy' })).toBeNull();
    expect((await getOnlineSettings(env.db)).mailto).toBeUndefined();
  });

  it('with Unpaywall ticked and an address given: the resolved DOIs and the address go to Unpaywall, and the copy is a link', async () => {
    const env = testEnv();
    mount(env);
    fireEvent.click(await checkButton());
    const dialog = await screen.findByRole('dialog', { name: 'Check online: what is sent' });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /^Unpaywall/ }));
    // Ticked without an address: refused, nothing sent.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Allow and check' }));
    await screen.findByText('Give an e-mail address for Unpaywall, or leave it unticked.');
    expect(svc.requests).toEqual([]);
    fireEvent.input(within(dialog).getByLabelText('Your e-mail address, for Unpaywall'), { target: { value: 'reader@example.org' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Allow and check' }));
    await screen.findByRole('button', { name: 'Check again' }, WAIT);
    const asked = svc.requests.filter((q) => q.path.startsWith('/unpaywall/'));
    expect(asked.map((q) => q.path).sort()).toEqual(['/unpaywall/v2/10.5555/corrected', '/unpaywall/v2/10.5555/retracted']);
    expect(asked.every((q) => q.query.get('email') === 'reader@example.org')).toBe(true);
    // As the consent text says, Crossref gets the address too (its polite pool); nobody else does.
    expect(svc.requests.filter((q) => q.path.startsWith('/crossref/')).every((q) => q.query.get('mailto') === 'reader@example.org')).toBe(true);
    expect(svc.requests.filter((q) => !q.path.startsWith('/crossref/') && !q.path.startsWith('/unpaywall/')).some((q) => [...q.query.values()].includes('reader@example.org'))).toBe(false);
    const second = screen.getByRole('listitem', { name: 'Online results for entry 2' });
    const link = within(second).getByRole('link', { name: 'Open-access copy' });
    expect(link.getAttribute('href')).toBe('https://europepmc.org/articles/pmc1234567?pdf=render');
    expect(second.textContent).toContain('Open-access copy (PDF, acceptedVersion, via Unpaywall)');
    expect(within(screen.getByRole('listitem', { name: 'Online results for entry 1' })).queryByRole('link', { name: 'Open-access copy' })).toBeNull();
    expect(screen.getByText(/1 open-access copy/)).toBeTruthy();
    expect(await getOnlineSettings(env.db)).toMatchObject({ mailto: 'reader@example.org', consent: { unpaywall: { allowed: true } } });

    // The settings turn Unpaywall off again: the next check sends it nothing.
    fireEvent.click(within(screen.getByText('Online services').closest('details')!).getByRole('checkbox', { name: /^Unpaywall/ }));
    await waitFor(async () => expect((await getOnlineSettings(env.db)).consent.unpaywall?.allowed).toBe(false));
    svc.requests.length = 0;
    await env.db.lookups.clear(); // so that the registry is asked again, and what it is sent can be seen
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(svc.requests.filter((q) => q.path.startsWith('/crossref/works/')).length).toBe(2), WAIT);
    await screen.findByRole('button', { name: 'Check again' }, WAIT);
    // Unticked, the address goes nowhere: not to Unpaywall, and not to Crossref either.
    expect(svc.requests.some((q) => q.path.startsWith('/unpaywall/'))).toBe(false);
    expect(svc.requests.some((q) => [...q.query.values()].includes('reader@example.org'))).toBe(false);
  });

  it('the settings keep a valid OpenAlex key, refuse a malformed one, and remove it when emptied', async () => {
    const env = testEnv();
    unwrap(await setConsent(env.db, { crossref: true, sites: false, wayback: false }, 1));
    mount(env);
    await checkButton();
    const field = await screen.findByLabelText('Your OpenAlex API key');
    expect((field as HTMLInputElement).type).toBe('password');
    fireEvent.input(field, { target: { value: 'has spaces' } });
    fireEvent.change(field, { target: { value: 'has spaces' } });
    await screen.findByText('Give an OpenAlex API key, or leave it unticked.');
    expect((await getOnlineSettings(env.db)).openalexKey).toBeUndefined();
    fireEvent.input(field, { target: { value: 'test-openalex-key-0123' } });
    fireEvent.change(field, { target: { value: 'test-openalex-key-0123' } });
    await waitFor(async () => expect((await getOnlineSettings(env.db)).openalexKey).toBe('test-openalex-key-0123'), WAIT);
    // Saved but not ticked: OpenAlex is still not asked.
    fireEvent.click(screen.getByRole('button', { name: 'Check online' }));
    await screen.findByRole('button', { name: 'Check again' }, WAIT);
    expect(svc.requests.some((q) => q.path.startsWith('/openalex/'))).toBe(false);
    fireEvent.input(field, { target: { value: '' } });
    fireEvent.change(field, { target: { value: '' } });
    await waitFor(async () => expect((await getOnlineSettings(env.db)).openalexKey).toBeUndefined(), WAIT);
  });

  it('a hostile open-access answer is never a link, and a stored javascript: copy is shown as text only', async () => {
    const env = testEnv();
    unwrap(await setConsent(env.db, { crossref: true, sites: false, wayback: false, unpaywall: true }, 1, 'reader@example.org'));
    svc.mode.unpaywall = 'hostile';
    mount(env);
    fireEvent.click(await checkButton());
    await screen.findByRole('button', { name: 'Check again' }, WAIT);
    expect(svc.requests.some((q) => q.path.startsWith('/unpaywall/'))).toBe(true);
    expect(document.querySelector('a[href^="javascript"], a[href^="data"]')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Open-access copy' })).toBeNull();
    // The one DOI Unpaywall knows (10.5555/corrected) answered with hostile addresses only: an error shown as text.
    expect(screen.getAllByText('Unpaywall: the open-access location has no http(s) address').length).toBe(1);

    // A row written by an older or tampered build: the panel still links only http(s).
    cleanup();
    const e = report().referenceLists[0].entries[1];
    unwrap(await saveEntryResult(env.db, PAGE, e, { checkedAt: Date.parse('2026-12-01T12:00:00Z'), openAccess: { url: 'javascript:alert(1)', source: 'unpaywall', pdf: true } }));
    mount(env);
    const second = await screen.findByRole('listitem', { name: 'Online results for entry 2' }, WAIT);
    expect(second.textContent).toContain('Open-access copy');
    expect(within(second).queryByRole('link', { name: 'Open-access copy' })).toBeNull();
    expect(second.querySelector('a[href^="javascript"]')).toBeNull();
  });
});

function unwrap<T>(r: { ok: true; value: T } | { ok: false; reason: string }): T {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

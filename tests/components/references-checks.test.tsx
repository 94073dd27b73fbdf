// @vitest-environment jsdom
// fake-indexeddb must load before Dexie: Dexie reads the indexedDB global when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadLazyParts } from './lazy-parts';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { PanelView } from '@/components/panel/PanelView';
import { PanelApp } from '@/components/panel/PanelApp';
import { NotesProvider, type NotesEnv } from '@/components/notes/env';
import type { PanelController, PanelSnapshot } from '@/lib/panel/controller';
import { checksForPage } from '@/lib/store/checks';
import { notesForPage } from '@/lib/store/notes';
import { freshDb } from '../store/helpers';
import { SEED_URL, seedReport } from '../export/seed-report';

beforeAll(loadLazyParts, 30_000);
afterEach(cleanup);

function testEnv(): NotesEnv {
  let clock = 1_000;
  return {
    db: freshDb(),
    describeSelection: async () => ({ ok: true, value: { quote: '', selectors: [] } }),
    anchorNotes: async (_tab, notes) => ({ ok: true, value: notes.map((n) => ({ noteId: n.noteId, status: 'exact' as const })) }),
    now: () => (clock += 1000),
  };
}

const SNAPSHOT: PanelSnapshot = { tabId: 3, state: { kind: 'report', report: seedReport(), forced: false }, section: null, jumpError: null, request: null };
const noop = () => {};
/** Dexie's first open and liveQuery round trips can take over the default 1 s on a busy machine. */
const WAIT = { timeout: 5_000 };

function mountPanel(env: NotesEnv) {
  return render(
    <NotesProvider value={env}>
      <PanelView snapshot={SNAPSHOT} onJump={noop} onReload={noop} />
    </NotesProvider>,
  );
}

const entryItems = () => within(screen.getByRole('list', { name: 'References' })).getAllByRole('listitem');

describe('check status beside each reference entry', () => {
  it('puts a "Check status" control in every entry and counts the verified ones above the list', async () => {
    const env = testEnv();
    mountPanel(env);
    fireEvent.click(screen.getByRole('tab', { name: 'References (5)' }));
    expect(screen.getByText('0 of 5 verified')).toBeTruthy();
    const items = entryItems();
    expect(items).toHaveLength(5);
    for (const li of items) {
      const select = within(li).getByRole('combobox', { name: 'Check status' }) as HTMLSelectElement;
      expect(select.value).toBe('unchecked');
    }

    fireEvent.change(within(items[2]).getByRole('combobox', { name: 'Check status' }), { target: { value: 'verified' } });
    await screen.findByText('1 of 5 verified', {}, WAIT);
    const [record] = await checksForPage(env.db, SEED_URL);
    expect(record).toMatchObject({ entryId: 'r1-e3', status: 'verified', entryText: seedReport().referenceLists[0].entries[2].text });

    fireEvent.change(within(entryItems()[4]).getByRole('combobox', { name: 'Check status' }), { target: { value: 'disputed' } });
    await waitFor(() => expect((within(entryItems()[4]).getByRole('combobox', { name: 'Check status' }) as HTMLSelectElement).value).toBe('disputed'), WAIT);
    expect(screen.getByText('1 of 5 verified')).toBeTruthy();
    // The status stays with its entry when the list is filtered.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Only flagged' }));
    expect((within(entryItems()[2]).getByRole('combobox', { name: 'Check status' }) as HTMLSelectElement).value).toBe('verified');
    env.db.close();
  });

  it('shares one notes env between References and Notes, across tab switches', async () => {
    const env = testEnv();
    mountPanel(env);
    fireEvent.click(screen.getByRole('tab', { name: 'Notes' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Add note' }, WAIT));
    fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), { target: { value: 'Check the Reuters piece' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await screen.findByText('Check the Reuters piece', {}, WAIT);
    expect((await notesForPage(env.db, SEED_URL)).map((n) => n.body)).toEqual(['Check the Reuters piece']);

    fireEvent.click(screen.getByRole('tab', { name: 'References (5)' }));
    fireEvent.change(within(entryItems()[0]).getByRole('combobox', { name: 'Check status' }), { target: { value: 'verified' } });
    await screen.findByText('1 of 5 verified', {}, WAIT);
    fireEvent.click(screen.getByRole('tab', { name: 'Notes' }));
    expect(await screen.findByText('Check the Reuters piece', {}, WAIT)).toBeTruthy();
    expect(await checksForPage(env.db, SEED_URL)).toHaveLength(1);
    env.db.close();
  });
});

describe('Library button', () => {
  function fakeController(): PanelController {
    return { get: () => SNAPSHOT, subscribe: () => () => {}, reload: async () => {}, jumpTo: async () => {}, start: async () => {}, stop: () => {} };
  }

  it('opens the library from the panel', async () => {
    const env = testEnv();
    const openLibrary = vi.fn(async () => {});
    render(
      <NotesProvider value={env}>
        <PanelApp controller={fakeController()} openLibrary={openLibrary} />
      </NotesProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Library' }));
    expect(openLibrary).toHaveBeenCalledTimes(1);
    env.db.close();
  });

  it('says so when the library cannot be opened', async () => {
    const env = testEnv();
    render(
      <NotesProvider value={env}>
        <PanelApp controller={fakeController()} openLibrary={() => Promise.reject(new Error('no tabs here'))} />
      </NotesProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Library' }));
    expect((await screen.findByRole('alert', {}, WAIT)).textContent).toBe('The library could not be opened (no tabs here).');
    env.db.close();
  });
});

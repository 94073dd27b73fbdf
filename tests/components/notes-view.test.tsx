// @vitest-environment jsdom
// fake-indexeddb must load before Dexie: Dexie reads the indexedDB global when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { NotesView } from '../../components/notes/NotesView';
import { CheckStatus } from '../../components/notes/CheckStatus';
import { useChecks } from '../../components/notes/useChecks';
import { NotesProvider, type NotesEnv } from '../../components/notes/env';
import type { Selector } from '../../lib/anchor/types';
import { notesForPage } from '../../lib/store/notes';
import { freshDb } from '../store/helpers';
import { SEED_TITLE, SEED_URL, seedReport } from '../export/seed-report';

afterEach(cleanup);

const SELECTORS: Selector[] = [{ type: 'TextQuoteSelector', exact: 'a finalized peace deal', prefix: 'yet mean ', suffix: '. Core' }];

function testEnv(opts: { selection?: string; orphan?: boolean } = {}): NotesEnv {
  const db = freshDb();
  let clock = 1_000;
  return {
    db,
    describeSelection: async () => ({ ok: true, value: { quote: opts.selection ?? '', selectors: opts.selection ? SELECTORS : [] } }),
    anchorNotes: async (_tab, notes) => ({ ok: true, value: notes.map((n) => ({ noteId: n.noteId, status: opts.orphan ? 'orphan' : 'exact' })) }),
    now: () => (clock += 1000),
  };
}

function mount(env: NotesEnv) {
  return render(
    <NotesProvider value={env}>
      <NotesView pageUrl={SEED_URL} title={SEED_TITLE} report={seedReport()} tabId={1} sectionId="h3" />
    </NotesProvider>,
  );
}

async function typeAndSave(text: string) {
  fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
}

describe('NotesView', () => {
  it('Escape closes an empty composer and keeps one with a draft', async () => {
    const env = testEnv();
    mount(env);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    const box = screen.getByRole('textbox', { name: 'Note' });
    fireEvent.input(box, { target: { value: 'half a thought' } });
    fireEvent.keyDown(box, { key: 'Escape' });
    expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe('half a thought');
    fireEvent.input(box, { target: { value: '' } });
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('textbox', { name: 'Note' })).toBeNull();
    env.db.close();
  });

  it('adds a page note, edits it, deletes it and undoes the delete', async () => {
    const env = testEnv();
    const { container } = mount(env);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await typeAndSave('A **first** note');
    const group = await screen.findByRole('region', { name: 'On this page' });
    expect(within(group).getByText('first').tagName).toBe('STRONG');
    // Saving closes the composer; the next note starts empty.
    expect(screen.queryByRole('textbox', { name: 'Note' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    const id = container.querySelector('[data-note-id]')!.getAttribute('data-note-id');
    expect(id).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Edit note' }), { target: { value: 'Edited note' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Edited note');

    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await screen.findByText('Note deleted.');
    await waitFor(() => expect(container.querySelector('[data-note-id]')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('Edited note');
    expect(container.querySelector(`[data-note-id="${id}"]`)).not.toBeNull();
    env.db.close();
  });

  it('takes the selection as a quote and files the note under the current section', async () => {
    const env = testEnv({ selection: 'a finalized peace deal' });
    mount(env);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await screen.findByText('a finalized peace deal');
    await typeAndSave('Caveat');
    const section = await screen.findByRole('region', { name: 'What “Progress” Means—And What It Doesn’t' });
    expect(within(section).getByText('Caveat')).toBeTruthy();
    const [note] = await notesForPage(env.db, SEED_URL);
    expect(note.target).toEqual({ kind: 'quote', quote: 'a finalized peace deal', selectors: SELECTORS, sectionId: 'h3' });
    env.db.close();
  });

  it('attaches a note to a reference entry chosen in "Attach to"', async () => {
    const env = testEnv();
    mount(env);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    const select = screen.getByRole('combobox', { name: 'Attach to' }) as HTMLSelectElement;
    const reuters = [...select.options].find((o) => o.text.includes('Reuters'))!;
    fireEvent.change(select, { target: { value: reuters.value } });
    await typeAndSave('Find the original');
    const group = await screen.findByRole('region', { name: 'On references' });
    expect(within(group).getByText(/Reference: Reuters/)).toBeTruthy();
    env.db.close();
  });

  it('a failed save keeps the typed text and shows the message', async () => {
    const env = testEnv();
    env.db.noteGroups.hook('creating', () => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    mount(env);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await typeAndSave('Precious words');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/storage .* is full/);
    expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe('Precious words');
    env.db.close();
  });

  it('asks the browser to keep the data when the first note is saved, once, and says what a refusal means', async () => {
    const env = testEnv();
    let asked = 0;
    env.nav = { storage: { persisted: async () => false, persist: async () => (asked++, false) } };
    mount(env);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await typeAndSave('First note');
    expect((await screen.findByRole('status')).textContent).toMatch(/did not promise to keep Citelens’ data: if the disk runs low it may delete notes/);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await typeAndSave('Second note');
    await screen.findByText('Second note');
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect(asked).toBe(1);
    env.db.close();
  });

  it('shows orphaned quotes with "Re-attach to selection"', async () => {
    const env = testEnv({ selection: 'a finalized peace deal', orphan: true });
    mount(env);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await screen.findByText('a finalized peace deal');
    await typeAndSave('Lost quote');
    const group = await screen.findByRole('region', { name: 'Orphaned notes' });
    expect(within(group).getByText('Lost quote')).toBeTruthy();
    expect(within(group).getByText('Not found on the page')).toBeTruthy();
    expect(within(group).getByRole('button', { name: 'Re-attach to selection' })).toBeTruthy();
    env.db.close();
  });

  it('paints quotes again when the page is read again (a reload brings a new report), and marks how each was found', async () => {
    const env = testEnv({ selection: 'a finalized peace deal' });
    const calls: string[][] = [];
    const anchorNotes = env.anchorNotes;
    env.anchorNotes = (tab, notes) => {
      calls.push(notes.map((n) => n.noteId));
      return anchorNotes(tab, notes);
    };
    const view = (report = seedReport()) => (
      <NotesProvider value={env}>
        <NotesView pageUrl={SEED_URL} title={SEED_TITLE} report={report} tabId={1} sectionId="h3" />
      </NotesProvider>
    );
    const { container, rerender } = render(view());
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await screen.findByText('a finalized peace deal');
    await typeAndSave('Caveat');
    await waitFor(() => expect(container.querySelector('[data-note-id]')?.getAttribute('data-anchor')).toBe('exact'));
    const before = calls.length;
    const [note] = await notesForPage(env.db, SEED_URL);
    expect(calls.at(-1)).toEqual([note.id]);
    rerender(view(seedReport()));
    await waitFor(() => expect(calls.length).toBe(before + 1));
    expect(calls.at(-1)).toEqual([note.id]);
    env.db.close();
  });

  it('renders note text safely: no HTML, only http(s) links', async () => {
    const env = testEnv();
    const { container } = mount(env);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await typeAndSave('<img src=x onerror=alert(1)> [bad](javascript:alert(1)) [good](https://example.org)');
    await screen.findByText('good');
    expect(container.querySelector('img')).toBeNull();
    const links = [...container.querySelectorAll('.note a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://example.org']);
    env.db.close();
  });
});

describe('CheckStatus and useChecks', () => {
  function Entries() {
    const report = seedReport();
    const { checks, label } = useChecks(SEED_URL, report);
    return (
      <div>
        <p>{label}</p>
        {report.referenceLists[0].entries.map((e) => <CheckStatus pageUrl={SEED_URL} title={SEED_TITLE} entry={e} checks={checks} />)}
      </div>
    );
  }

  it('sets a status per entry and counts verified entries', async () => {
    const env = testEnv();
    render(<NotesProvider value={env}><Entries /></NotesProvider>);
    expect(screen.getByText('0 of 5 verified')).toBeTruthy();
    const selects = screen.getAllByRole('combobox', { name: 'Check status' });
    fireEvent.change(selects[0], { target: { value: 'verified' } });
    await screen.findByText('1 of 5 verified');
    fireEvent.change(selects[2], { target: { value: 'verified' } });
    await screen.findByText('2 of 5 verified');
    expect((selects[2] as HTMLSelectElement).value).toBe('verified');
    env.db.close();
  });
});

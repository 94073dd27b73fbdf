// @vitest-environment jsdom
// fake-indexeddb must load before Dexie: Dexie reads the indexedDB global when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LibraryView } from '../../components/notes/LibraryView';
import type { BackupBrowser } from '../../lib/backup/auto';
import { NotesProvider, type NotesEnv } from '../../components/notes/env';
import { noteCount, saveNote } from '../../lib/store/notes';
import { savePage } from '../../lib/store/pages';
import { setCheckStatus } from '../../lib/store/checks';
import { freshDb, unwrap } from '../store/helpers';
import { SEED_TITLE, SEED_URL, seedReport } from '../export/seed-report';

afterEach(cleanup);

/** A search hit's note text as the reader reads it, whatever words are highlighted inside it. */
const hitBody = (text: string) => (_: string, el: Element | null) => !!el?.classList.contains('hit-body') && el.textContent === text;

it('lists pages, searches, filters, exports, imports with a report, shows storage', async () => {
  const db = freshDb();
  unwrap(await savePage(db, SEED_URL, SEED_TITLE, seedReport(), 1));
  unwrap(await saveNote(db, { pageUrl: SEED_URL, target: { kind: 'quote', quote: 'security guarantees', selectors: [] }, body: 'Compare Minsk', tags: ['ukraine'] }, 2));
  unwrap(await saveNote(db, { pageUrl: 'https://other.org/x', pageTitle: 'Other page', target: { kind: 'page' }, body: 'Unrelated', tags: ['misc'] }, 3));
  unwrap(await setCheckStatus(db, SEED_URL, { id: 'r1-e1', text: seedReport().referenceLists[0].entries[0].text }, 'disputed'));
  const env: NotesEnv = { db, describeSelection: async () => ({ ok: false, reason: '' }), anchorNotes: async () => ({ ok: true, value: [] }), now: () => Date.UTC(2025, 0, 2) };
  const files: { name: string; text: string }[] = [];
  const nav = { storage: { estimate: async () => ({ usage: 2048, quota: 10 * 1024 * 1024 }), persisted: async () => false, persist: async () => true } };
  render(<NotesProvider value={env}><LibraryView nav={nav} download={(name, _t, text) => files.push({ name, text })} /></NotesProvider>);

  const pages = await screen.findByRole('region', { name: 'Saved pages' });
  await within(pages).findByText(SEED_TITLE);
  expect(within(pages).getByText('Other page')).toBeTruthy();
  expect(within(pages).getByText('5 of 5')).toBeTruthy();

  fireEvent.input(screen.getByRole('searchbox', { name: /Search notes/ }), { target: { value: 'secur' } });
  const matches = await screen.findByRole('region', { name: 'Matching notes' });
  expect(within(matches).getByText('Compare Minsk')).toBeTruthy();
  // The matched word of the quote is highlighted, as text.
  expect([...matches.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['security']);
  await waitFor(() => expect(within(pages).queryByText('Other page')).toBeNull());
  fireEvent.input(screen.getByRole('searchbox', { name: /Search notes/ }), { target: { value: '' } });

  fireEvent.change(screen.getByRole('combobox', { name: 'Tag' }), { target: { value: 'misc' } });
  await waitFor(() => expect(within(pages).queryByText(SEED_TITLE)).toBeNull());
  fireEvent.change(screen.getByRole('combobox', { name: 'Tag' }), { target: { value: '' } });
  fireEvent.change(screen.getByRole('combobox', { name: 'Check status' }), { target: { value: 'disputed' } });
  await waitFor(() => expect(within(pages).queryByText('Other page')).toBeNull());

  fireEvent.click(screen.getByRole('button', { name: 'Export JSON backup' }));
  await waitFor(() => expect(files).toHaveLength(1));
  expect(files[0].name).toBe('citelens-backup-2025-01-02.json');
  expect(JSON.parse(files[0].text).notes).toHaveLength(2);
  await screen.findByText(/Last backup: (?!never)/);
  fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));
  await waitFor(() => expect(files).toHaveLength(2));
  expect(files[1].text).toContain('# Other page');
  // One page's notes as a file of their own, from its row.
  fireEvent.click(within(pages).getByRole('button', { name: `Export “${SEED_TITLE}” as Markdown` }));
  await waitFor(() => expect(files).toHaveLength(3));
  expect(files[2].name).toMatch(/^ukraine-u-s-talks.*-notes\.md$/);
  expect(files[2].text).toMatch(/^---\ntitle: /);
  expect(files[2].text).toContain('> security guarantees');
  expect(files[2].text).not.toContain('Unrelated');

  const input = screen.getByLabelText('Import backup') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File(['{"format":"citelens-backup","version":9}'], 'b.json')] } });
  expect((await screen.findByRole('alert')).textContent).toMatch(/Nothing was imported: .*newer Citelens/);
  fireEvent.change(input, { target: { files: [new File([files[0].text], 'b.json')] } });
  expect((await screen.findByRole('status')).textContent).toMatch(/0 notes added, 0 updated, 2 already here/);

  expect(screen.getByText(/Used: 2 KB of 10.0 MB/)).toBeTruthy();
  // Not persisted: the page says what that means, and asking again reports the answer.
  expect(screen.getByText(/may delete Citelens’ notes without asking/)).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Ask the browser to keep my notes' }));
  await screen.findByText('The browser will keep Citelens’ data when space runs low.');
  db.close();
});

it('turns the weekly backup on only when the browser grants downloads, and off again', async () => {
  const db = freshDb();
  unwrap(await saveNote(db, { pageUrl: SEED_URL, target: { kind: 'page' }, body: 'Back me up' }, 1));
  const env: NotesEnv = { db, describeSelection: async () => ({ ok: false, reason: '' }), anchorNotes: async () => ({ ok: true, value: [] }), now: () => Date.UTC(2025, 0, 2) };
  let grant = false;
  let granted = false;
  const saved: string[] = [];
  const api: BackupBrowser = {
    permissions: { contains: async () => granted, request: async () => (granted = grant), remove: async () => !(granted = false) },
    downloads: { download: async ({ filename }) => saved.push(filename) },
  };
  render(
    <NotesProvider value={env}>
      <LibraryView nav={{}} download={() => {}} autoBackup={{ api, toUrl: () => 'blob:test', revoke: () => {} }} />
    </NotesProvider>,
  );
  const box = screen.getByRole('checkbox', { name: /Back up automatically every week/ }) as HTMLInputElement;
  expect(box.checked).toBe(false);

  fireEvent.click(box);
  expect((await screen.findByRole('alert')).textContent).toMatch(/not allowed to save files to Downloads/);
  expect(box.checked).toBe(false);
  expect(saved).toEqual([]);

  grant = true;
  fireEvent.click(box);
  expect((await screen.findByRole('status')).textContent).toMatch(/Automatic backup is on: every week, to Downloads\/citelens\/ \(the first one was just saved\)/);
  expect(saved).toEqual(['citelens/citelens-backup-2025-01-02.json']);
  await waitFor(() => expect(box.checked).toBe(true));
  await screen.findByText(/Last backup: (?!never)/);

  fireEvent.click(box);
  await screen.findByText('Automatic backup is off.');
  expect(granted).toBe(false);
  await waitFor(() => expect(box.checked).toBe(false));
  db.close();
});

it('says what to do when nothing is saved yet, and when a search finds nothing', async () => {
  const db = freshDb();
  const env: NotesEnv = { db, describeSelection: async () => ({ ok: false, reason: '' }), anchorNotes: async () => ({ ok: true, value: [] }), now: () => 1 };
  render(<NotesProvider value={env}><LibraryView nav={{}} download={() => {}} /></NotesProvider>);
  const pages = await screen.findByRole('region', { name: 'Saved pages' });
  expect((await within(pages).findByText('No saved pages yet.')).parentElement!.textContent).toMatch(/add a note in its Notes tab/);
  fireEvent.input(screen.getByRole('searchbox', { name: /Search notes/ }), { target: { value: '<b>zzz' } });
  const matches = await screen.findByRole('region', { name: 'Matching notes' });
  expect(within(matches).getByText('No note matches “<b>zzz”.')).toBeTruthy();
  expect(matches.querySelector('b')).toBeNull();
  db.close();
});

it('shows the import as it runs, then the report; a broad search says how many match and shows more on request', async () => {
  const db = freshDb();
  unwrap(await savePage(db, SEED_URL, SEED_TITLE, seedReport(), 1));
  for (let i = 0; i < 60; i++) unwrap(await saveNote(db, { pageUrl: SEED_URL, target: { kind: 'page' }, body: `Budget line ${i}` }, 10 + i));
  const env: NotesEnv = { db, describeSelection: async () => ({ ok: false, reason: '' }), anchorNotes: async () => ({ ok: true, value: [] }), now: () => Date.UTC(2025, 0, 2) };
  render(<NotesProvider value={env}><LibraryView nav={{}} download={() => {}} /></NotesProvider>);

  fireEvent.input(screen.getByRole('searchbox', { name: /Search notes/ }), { target: { value: 'budg' } });
  const matches = await screen.findByRole('region', { name: 'Matching notes' });
  await within(matches).findByText('Matching notes (60)');
  expect(within(matches).getByText(/Showing the newest 50 of 60/)).toBeTruthy();
  expect(within(matches).getAllByRole('listitem')).toHaveLength(50);
  expect(within(matches).getByText(hitBody('Budget line 59'))).toBeTruthy();
  expect(within(matches).queryByText(hitBody('Budget line 9'))).toBeNull();
  fireEvent.click(within(matches).getByRole('button', { name: 'Show 10 more' }));
  await waitFor(() => expect(within(matches).getAllByRole('listitem')).toHaveLength(60));
  expect(within(matches).queryByText(/Showing the newest/)).toBeNull();

  const notes = Array.from({ length: 30 }, (_, i) => ({ id: `imported-${i}`, pageUrl: SEED_URL, target: { kind: 'page' }, body: `Imported ${i}`, tags: [], createdAt: i, updatedAt: i }));
  const file = JSON.stringify({ format: 'citelens-backup', version: 1, exportedAt: 'x', pages: [], notes, checks: [] });
  const input = screen.getByLabelText('Import backup') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([file], 'b.json')] } });
  const bar = await screen.findByRole('progressbar', { name: 'Import progress' });
  expect(input.disabled).toBe(true);
  expect((await screen.findByRole('status')).textContent).toMatch(/30 notes added, 0 updated, 0 already here/);
  expect(bar.isConnected).toBe(false);
  expect(input.disabled).toBe(false);
  expect(await noteCount(db)).toBe(90);
  db.close();
});

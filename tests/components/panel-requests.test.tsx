// @vitest-environment jsdom
// What the reader sees after "Add note in Citelens" (menu or Alt+Shift+K), after clicking a highlight on the page,
// on the panel's first run, and when exporting a page's notes as Markdown.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadLazyParts } from './lazy-parts';
import { PanelView } from '@/components/panel/PanelView';
import { PanelApp } from '@/components/panel/PanelApp';
import { NotesProvider, type NotesEnv } from '@/components/notes/env';
import { NotesExport } from '@/components/notes/NotesExport';
import type { PanelController, PanelSnapshot } from '@/lib/panel/controller';
import type { PanelRequest } from '@/lib/panel/requests';
import { saveNote } from '@/lib/store/notes';
import { readSetting, WELCOMED_KEY } from '@/lib/store/settings';
import { freshDb, unwrap } from '../store/helpers';
import { SEED_TITLE, SEED_URL, seedReport } from '../export/seed-report';

beforeAll(loadLazyParts, 30_000);
afterEach(cleanup);

/** Dexie's first open and liveQuery round trips can take over the default 1 s on a busy machine. */
const WAIT = { timeout: 5_000 };
const noop = () => {};

function testEnv(selection = ''): NotesEnv {
  let clock = 1_000;
  return {
    db: freshDb(),
    describeSelection: async () => ({ ok: true, value: { quote: selection, selectors: selection ? [{ type: 'TextQuoteSelector', exact: selection, prefix: '', suffix: '' }] : [] } }),
    anchorNotes: async (_tab, notes) => ({ ok: true, value: notes.map((n) => ({ noteId: n.noteId, status: 'exact' as const })) }),
    now: () => (clock += 1000),
  };
}

const snap = (request: PanelRequest | null): PanelSnapshot => ({ tabId: 1, state: { kind: 'report', report: seedReport(), forced: false }, section: null, jumpError: null, request });

function panel(env: NotesEnv, request: PanelRequest | null) {
  return render(
    <NotesProvider value={env}>
      <PanelView snapshot={snap(request)} onJump={noop} onReload={noop} />
    </NotesProvider>,
  );
}

describe('requests from outside the panel', () => {
  it('"Add note" from the menu opens the Notes tab with the composer quoting the selection', async () => {
    const env = testEnv('a finalized peace deal');
    panel(env, { kind: 'compose', seq: 1 });
    expect(screen.getByRole('tab', { name: 'Notes' }).getAttribute('aria-selected')).toBe('true');
    const note = await screen.findByRole('textbox', { name: 'Note' }, WAIT);
    expect(screen.getByText('a finalized peace deal').tagName).toBe('BLOCKQUOTE');
    await waitFor(() => expect(document.activeElement).toBe(note), WAIT);
    env.db.close();
  });

  it('acts on a request once: back on the Notes tab later, no composer opens by itself', async () => {
    const env = testEnv('quoted');
    panel(env, { kind: 'compose', seq: 1 });
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }, WAIT));
    fireEvent.click(screen.getByRole('tab', { name: /Outline/ }));
    fireEvent.click(screen.getByRole('tab', { name: 'Notes' }));
    await screen.findByRole('button', { name: 'Add note' }, WAIT);
    expect(screen.queryByRole('textbox', { name: 'Note' })).toBeNull();
    env.db.close();
  });

  it('a click on a highlight on the page shows and focuses that note', async () => {
    const env = testEnv();
    const saved = unwrap(await saveNote(env.db, { pageUrl: SEED_URL, target: { kind: 'page' }, body: 'The clicked one' }, 5));
    unwrap(await saveNote(env.db, { pageUrl: SEED_URL, target: { kind: 'page' }, body: 'Another' }, 6));
    const { container } = panel(env, { kind: 'note', noteId: saved.id, seq: 1 });
    await screen.findByText('The clicked one', {}, WAIT);
    const item = container.querySelector(`[data-note-id="${saved.id}"]`)!;
    await waitFor(() => expect(document.activeElement).toBe(item), WAIT);
    expect(item.classList.contains('shown')).toBe(true);
    expect(container.querySelectorAll('.note.shown')).toHaveLength(1);
    env.db.close();
  });
});

describe('first-run help', () => {
  const controller = (): PanelController => ({ get: () => snap(null), subscribe: () => () => {}, reload: async () => {}, jumpTo: async () => {}, start: async () => {}, stop: () => {} });

  it('shows once, names the shortcuts the browser has, and stays dismissed; Help brings it back', async () => {
    const env = testEnv();
    const shortcuts = async () => ({ openPanel: 'Alt+Shift+L', addNote: 'Ctrl+Shift+Y' });
    const first = render(<NotesProvider value={env}><PanelApp controller={controller()} shortcuts={shortcuts} /></NotesProvider>);
    const help = await screen.findByRole('region', { name: 'How Citelens reads this page' }, WAIT);
    await waitFor(() => expect(help.textContent).toContain('Ctrl+Shift+Y'), WAIT);
    expect(help.textContent).toContain('unless you press “Check online”');
    fireEvent.click(screen.getByRole('button', { name: 'Got it' }));
    expect(screen.queryByRole('region', { name: 'How Citelens reads this page' })).toBeNull();
    await waitFor(async () => expect(await readSetting(env.db, WELCOMED_KEY)).toBeTypeOf('number'), WAIT);
    first.unmount();

    render(<NotesProvider value={env}><PanelApp controller={controller()} /></NotesProvider>);
    await screen.findByRole('tab', { name: 'Notes' });
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('region', { name: 'How Citelens reads this page' })).toBeNull();
    const button = screen.getByRole('button', { name: 'Help' });
    fireEvent.click(button);
    const again = screen.getByRole('region', { name: 'How Citelens reads this page' });
    await waitFor(() => expect(document.activeElement).toBe(again));
    fireEvent.keyDown(again, { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'How Citelens reads this page' })).toBeNull();
    env.db.close();
  });
});

describe('Notes tab: export as Markdown', () => {
  it('copies and downloads this page’s notes with the page’s outline', async () => {
    const env = testEnv();
    unwrap(await saveNote(env.db, { pageUrl: SEED_URL, target: { kind: 'quote', quote: 'a finalized peace deal', selectors: [], sectionId: null }, body: 'Check *this*', tags: ['peace talks'] }, 5));
    const copy = vi.fn(async (_text: string) => {});
    const save = vi.fn((_text: string, _filename: string, _mime: string) => {});
    render(<NotesProvider value={env}><NotesExport pageUrl={SEED_URL} title={SEED_TITLE} report={seedReport()} copy={copy} save={save} /></NotesProvider>);
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(copy).toHaveBeenCalledTimes(1), WAIT);
    const text = copy.mock.calls[0][0];
    expect(text).toMatch(/^---\n/); // Front matter: a file of its own.
    expect(text).toContain('> a finalized peace deal');
    expect(text).toContain('Check *this*');
    expect(text).toContain('#peace-talks');
    expect(text).toContain(seedReport().outline[1].text);
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1), WAIT);
    const [saved, filename, mime] = save.mock.calls[0];
    const undated = (t: string) => t.replace(/^exported: .*$/m, '');
    expect(undated(saved)).toBe(undated(text)); // The same document, but for the export's date.
    expect(filename).toMatch(/-notes\.md$/);
    expect(mime).toBe('text/markdown');
    env.db.close();
  });
});

/**
 * The Notes tab of the side panel. "Add note" opens a composer that reads top to bottom: what the note is attached
 * to, the quote (the passage selected on the page, when there is one), the note, its tags, Save. Below it, the page's
 * notes grouped by what they are about (the page, each section, references, quotes no longer found), each with its
 * anchor, Edit and Delete (with Undo). Needs <NotesProvider value={createNotesEnv()}> above it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageReport } from '../../lib/extract/types';
import { deleteNote, notesForPage, parseTags, restoreNote, saveNote, updateNote } from '../../lib/store/notes';
import { savePage } from '../../lib/store/pages';
import { entryFingerprint } from '../../lib/store/fingerprint';
import { askPersistOnce } from '../../lib/store/status';
import type { Note, NoteTarget } from '../../lib/store/types';
import { plural } from '../../lib/panel/entries';
import type { PanelRequest } from '../../lib/panel/requests';
import { NotesProvider, useNotesEnv } from './env';
import { NoteItem } from './NoteItem';
import { NotesExport } from './NotesExport';
import { useLiveQuery } from './useLiveQuery';
import { useNoteAnchors, type Anchors } from './useNoteAnchors';

export interface NotesViewProps {
  pageUrl: string;
  title: string;
  report: PageReport | null;
  tabId: number | null;
  /** The section being read (scroll-spy), used for new quote notes; optional. */
  sectionId?: string | null;
  /** Start a note on the selection, or show one note (a click on its highlight); `onRequestDone` once acted on. */
  request?: PanelRequest | null;
  onRequestDone?(): void;
  /** How each quote note was found on the page, when the host paints them (components/notes/NoteHighlights.tsx). */
  anchors?: Anchors;
}

/** How long "Undo" stays offered after a delete: long enough to notice, short enough not to linger (Gmail uses 5–30 s). */
export const UNDO_MS = 10_000;
/** Characters of a reference entry shown in the "Attach to" list; the select stays one line at the panel's width. */
const ENTRY_OPTION_CHARS = 60;

/** What the browser's refusal to keep the data means, said once, when the first note is saved. */
export const PERSIST_REFUSED =
  'Note saved. The browser did not promise to keep Citelens’ data: if the disk runs low it may delete notes without asking. Export a JSON backup from the Library now and then.';

type Status = { kind: 'error' | 'info'; text: string; undo?: Note } | null;

function targetKey(t: NoteTarget): string {
  if (t.kind === 'section') return `s:${t.sectionId}`;
  if (t.kind === 'entry') return `e:${t.fingerprint}`;
  return t.kind;
}

export function NotesView({ pageUrl, title, report, tabId, sectionId = null, request = null, onRequestDone, anchors: anchorsFromPanel }: NotesViewProps) {
  const env = useNotesEnv();
  const { db } = env;
  const { value: notes, error: loadError } = useLiveQuery(() => notesForPage(db, pageUrl), [db, pageUrl], null as Note[] | null);
  const [composing, setComposing] = useState(false);
  const [text, setText] = useState('');
  const [tags, setTags] = useState('');
  const [target, setTarget] = useState<NoteTarget>({ kind: 'page' });
  const [status, setStatus] = useState<Status>(null);
  /** The note whose highlight was clicked on the page: scrolled to and focused. */
  const [shownNote, setShownNote] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const list = notes ?? [];

  const quoteNotes = list.filter((n) => n.target.kind === 'quote');
  // In the panel, NoteHighlights paints the quotes and passes what it found; mounted alone, this view does it.
  const ownAnchors = useNoteAnchors(env, notes, tabId, report, anchorsFromPanel === undefined);
  const anchors = anchorsFromPanel ?? ownAnchors;

  // Keep the library's snapshot of a saved page's outline and references fresh.
  useEffect(() => {
    if (report && list.length > 0) void savePage(db, pageUrl, title, report, env.now());
  }, [report, list.length > 0]);

  // Undo is offered for UNDO_MS; a keyboard reader lands on it right after deleting.
  useEffect(() => {
    if (!status?.undo) return;
    undoRef.current?.focus();
    const timer = setTimeout(() => setStatus(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [status]);

  useEffect(() => {
    if (composing) textRef.current?.focus();
  }, [composing]);

  useEffect(() => {
    if (!request) return;
    if (request.kind === 'compose') void addNote();
    else setShownNote(request.noteId);
    onRequestDone?.();
  }, [request?.seq]);

  /** Take the reader's selection on the page as the quote; without one the note is about the whole page. */
  async function quoteSelection() {
    const r = await env.describeSelection(tabId);
    if (r.ok && r.value.quote.trim()) {
      setTarget({ kind: 'quote', quote: r.value.quote, selectors: r.value.selectors, sectionId });
      setStatus(null);
    } else {
      if (target.kind === 'quote') setTarget({ kind: 'page' });
      if (!r.ok) setStatus({ kind: 'info', text: `${r.reason} The note will be about the whole page.` });
    }
  }

  async function addNote() {
    setComposing(true);
    await quoteSelection();
    textRef.current?.focus();
  }

  function close() {
    setComposing(false);
    setText('');
    setTags('');
    setTarget({ kind: 'page' });
    // The composer's button is gone: focus goes back to where a new note starts.
    setTimeout(() => addRef.current?.focus(), 0);
  }

  async function save(event?: Event) {
    event?.preventDefault();
    if (!text.trim()) {
      setStatus({ kind: 'error', text: 'Write something in the note first.' });
      textRef.current?.focus();
      return;
    }
    const r = await saveNote(db, { pageUrl, pageTitle: title, target, body: text, tags: parseTags(tags) }, env.now());
    if (!r.ok) {
      setStatus({ kind: 'error', text: r.reason }); // The draft stays in the box.
      return;
    }
    if (report) void savePage(db, pageUrl, title, report, env.now());
    close();
    setStatus(null);
    // The first note is when keeping the data starts to matter: ask the browser then, once.
    const persisted = await askPersistOnce(db, env.nav ?? {}, env.now());
    if (persisted === 'refused') setStatus({ kind: 'info', text: PERSIST_REFUSED });
  }

  async function remove(note: Note) {
    const r = await deleteNote(db, note.id);
    setStatus(r.ok ? { kind: 'info', text: 'Note deleted.', undo: r.value } : { kind: 'error', text: r.reason });
  }

  async function undo(note: Note) {
    const r = await restoreNote(db, note);
    setStatus(r.ok ? { kind: 'info', text: 'Note restored.' } : { kind: 'error', text: r.reason });
  }

  async function reattach(note: Note) {
    const sel = await env.describeSelection(tabId);
    if (!sel.ok || !sel.value.quote.trim()) {
      setStatus({ kind: 'error', text: sel.ok ? 'Select the passage on the page first, then press “Re-attach to selection”.' : sel.reason });
      return;
    }
    const r = await updateNote(db, note.id, { target: { kind: 'quote', quote: sel.value.quote, selectors: sel.value.selectors, sectionId } }, env.now());
    setStatus(r.ok ? { kind: 'info', text: 'Note re-attached to the selected passage.' } : { kind: 'error', text: r.reason });
  }

  function chooseTarget(value: string) {
    if (value === 'quote') return;
    if (value === 'page') setTarget({ kind: 'page' });
    else if (value.startsWith('s:')) {
      const item = report?.outline.find((o) => o.id === value.slice(2));
      if (item) setTarget({ kind: 'section', sectionId: item.id, sectionText: item.text });
    } else if (value.startsWith('e:')) {
      const entry = report?.referenceLists.flatMap((l) => l.entries).find((e) => entryFingerprint(e.text) === value.slice(2));
      if (entry) setTarget({ kind: 'entry', entryId: entry.id, fingerprint: entryFingerprint(entry.text), entryText: entry.text });
    }
  }

  const orphans = quoteNotes.filter((n) => anchors.get(n.id) === 'orphan');
  const orphanIds = new Set(orphans.map((n) => n.id));
  const outline = report?.outline ?? [];
  const known = new Set(outline.map((o) => o.id));
  const sectionOf = (n: Note) => (n.target.kind === 'section' ? n.target.sectionId : n.target.kind === 'quote' ? n.target.sectionId ?? null : null);
  const placed = list.filter((n) => !orphanIds.has(n.id));
  const onPage = placed.filter((n) => n.target.kind !== 'entry' && !known.has(sectionOf(n) ?? ''));
  const onEntries = placed.filter((n) => n.target.kind === 'entry');
  const quoteSection = target.kind === 'quote' && target.sectionId ? outline.find((o) => o.id === target.sectionId) : undefined;
  const item = (n: Note, reattachable = false) => (
    <NoteItem key={n.id} note={n} anchor={anchors.get(n.id)} onDelete={remove} onReattach={reattachable ? reattach : undefined} shown={n.id === shownNote} />
  );
  const group = (id: string, name: string, notesHere: Note[], explain?: string, reattachable = false) => (
    <section class="note-group" aria-labelledby={id} key={id}>
      <h3 id={id}>{name}</h3>
      {explain && <p class="hint">{explain}</p>}
      <ul class="note-list">{notesHere.map((n) => item(n, reattachable))}</ul>
    </section>
  );

  return (
    <NotesProvider value={env}>
      <section class="notes-view" aria-label="Notes">
        {composing ? (
          // Escape closes an empty composer; with a draft it does nothing (the draft is not saved anywhere yet).
          <form class="notes-composer card" aria-labelledby="composer-title" onSubmit={save} onKeyDown={(e) => e.key === 'Escape' && !text.trim() && close()}>
            <h2 id="composer-title" class="composer-title">New note</h2>
            <div class="field">
              <label class="field-label" for="note-target">Attach to</label>
              <select id="note-target" value={target.kind === 'quote' ? 'quote' : targetKey(target)} onChange={(e) => chooseTarget(e.currentTarget.value)}>
                {target.kind === 'quote' && <option value="quote">Selected passage</option>}
                <option value="page">This page</option>
                {outline.map((o) => <option value={`s:${o.id}`}>Section: {o.text}</option>)}
                {(report?.referenceLists ?? []).flatMap((l) => l.entries).map((e) => (
                  <option value={`e:${entryFingerprint(e.text)}`}>Reference {e.label}: {e.text.slice(0, ENTRY_OPTION_CHARS)}</option>
                ))}
              </select>
            </div>
            {target.kind === 'quote' ? (
              <div class="composer-quote" key="quote">
                <blockquote class="note-quote">{target.quote}</blockquote>
                {quoteSection && <p class="hint">In the section “{quoteSection.text}”.</p>}
              </div>
            ) : (
              <p class="hint" key="quote-hint">To quote a passage, select it on the page, then press “Quote the selection”.</p>
            )}
            {/* Keyed: the quote above comes and goes, and the note box must stay the same element (focus, typed text). */}
            <div class="field" key="body">
              <label class="field-label" for="note-body">Note</label>
              <textarea id="note-body" ref={textRef} value={text} onInput={(e) => setText(e.currentTarget.value)} />
            </div>
            <div class="field" key="tags">
              <label class="field-label" for="note-tags">Tags</label>
              <input id="note-tags" value={tags} aria-describedby="note-tags-hint" onInput={(e) => setTags(e.currentTarget.value)} />
              <span class="hint" id="note-tags-hint">Separate tags with commas.</span>
            </div>
            <div class="row composer-actions">
              <button type="submit" class="primary">Save note</button>
              <button type="button" onClick={quoteSelection}>Quote the selection</button>
              <button type="button" class="quiet" onClick={close}>Cancel</button>
            </div>
          </form>
        ) : (
          <div class="notes-start">
            <button type="button" class="primary" ref={addRef} onClick={addNote}>Add note</button>
            <p class="hint">Select a passage on the page first to quote it; otherwise the note is about the whole page.</p>
          </div>
        )}

        {status && (
          <p class={status.kind === 'error' ? 'message error' : 'message'} role={status.kind === 'error' ? 'alert' : 'status'}>
            <span>{status.text}</span>
            {status.undo && <button type="button" ref={undoRef} onClick={() => undo(status.undo!)}>Undo</button>}
          </p>
        )}
        {loadError && <p class="message error" role="alert">Notes could not be read: {loadError}. Reload the panel to try again.</p>}
        {notes === null && !loadError && <p class="loading">Loading notes…</p>}
        {notes !== null && list.length === 0 && !composing && (
          <div class="empty-state">
            <strong>No notes on this page yet.</strong>
            Press “Add note” to write one. Notes stay in this browser; the Library lists them for every page.
          </div>
        )}
        {list.length > 0 && <h2 class="notes-count">{plural(list.length, 'note')}</h2>}
        {list.length > 0 && <NotesExport pageUrl={pageUrl} title={title} report={report} />}

        {onPage.length > 0 && group('notes-on-page', 'On this page', onPage)}
        {outline.map((o) => {
          const here = placed.filter((n) => n.target.kind !== 'entry' && sectionOf(n) === o.id);
          return here.length ? group(`notes-s-${o.id}`, o.text, here) : null;
        })}
        {onEntries.length > 0 && group('notes-on-references', 'On references', onEntries)}
        {orphans.length > 0 &&
          group('notes-orphaned', 'Orphaned notes', orphans, 'These quotes were not found on the page as it is now. Select the passage again and press “Re-attach to selection”.', true)}
      </section>
    </NotesProvider>
  );
}

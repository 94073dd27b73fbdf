/**
 * The Notes tab of the side panel: the page's notes grouped by what they are about (page, sections, references,
 * orphaned quotes), a composer ("Add note" takes the selection from the page), edit, delete with undo.
 * Needs <NotesProvider value={createNotesEnv()}> above it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageReport } from '../../lib/extract/types';
import type { AnchorResult } from '../../lib/anchor/types';
import { deleteNote, notesForPage, parseTags, restoreNote, saveNote, updateNote } from '../../lib/store/notes';
import { savePage } from '../../lib/store/pages';
import { entryFingerprint } from '../../lib/store/fingerprint';
import type { Note, NoteTarget } from '../../lib/store/types';
import { NotesProvider, useNotesEnv } from './env';
import { NoteItem } from './NoteItem';
import { useLiveQuery } from './useLiveQuery';

export interface NotesViewProps {
  pageUrl: string;
  title: string;
  report: PageReport | null;
  tabId: number | null;
  /** The section being read (scroll-spy), used for new quote notes; optional. */
  sectionId?: string | null;
}

/** How long "Undo" stays offered after a delete: long enough to notice, short enough not to linger (Gmail uses 5–30 s). */
export const UNDO_MS = 10_000;

type Status = { kind: 'error' | 'info'; text: string; undo?: Note } | null;

function targetKey(t: NoteTarget): string {
  if (t.kind === 'section') return `s:${t.sectionId}`;
  if (t.kind === 'entry') return `e:${t.fingerprint}`;
  return t.kind;
}

export function NotesView({ pageUrl, title, report, tabId, sectionId = null }: NotesViewProps) {
  const env = useNotesEnv();
  const { db } = env;
  const { value: notes, error: loadError } = useLiveQuery(() => notesForPage(db, pageUrl), [db, pageUrl], [] as Note[]);
  const [text, setText] = useState('');
  const [tags, setTags] = useState('');
  const [target, setTarget] = useState<NoteTarget>({ kind: 'page' });
  const [status, setStatus] = useState<Status>(null);
  const [anchors, setAnchors] = useState<Map<string, AnchorResult['status']>>(new Map());
  const textRef = useRef<HTMLTextAreaElement>(null);

  // Paint quotes on the page and learn which are orphaned, whenever the quote notes change or the page is read again
  // (a reload or a large change brings a new report, and a reloaded page has lost its highlights).
  const quoteNotes = notes.filter((n) => n.target.kind === 'quote');
  const anchorKey = quoteNotes.map((n) => `${n.id}:${n.updatedAt}`).join(',');
  useEffect(() => {
    let live = true;
    const requests = quoteNotes.map((n) => ({ noteId: n.id, selectors: n.target.kind === 'quote' ? n.target.selectors : [] }));
    env.anchorNotes(tabId, requests).then((r) => {
      if (live && r.ok) setAnchors(new Map(r.value.map((a) => [a.noteId, a.status])));
    });
    return () => {
      live = false;
    };
  }, [anchorKey, tabId, report]);

  // Keep the library's snapshot of a saved page's outline and references fresh.
  useEffect(() => {
    if (report && notes.length > 0) void savePage(db, pageUrl, title, report, env.now());
  }, [report, notes.length > 0]);

  // Undo is offered for UNDO_MS.
  useEffect(() => {
    if (!status?.undo) return;
    const timer = setTimeout(() => setStatus(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [status]);

  async function addNote() {
    const r = await env.describeSelection(tabId);
    if (r.ok && r.value.quote.trim()) {
      setTarget({ kind: 'quote', quote: r.value.quote, selectors: r.value.selectors, sectionId });
      setStatus(null);
    } else {
      setTarget({ kind: 'page' });
      if (!r.ok) setStatus({ kind: 'info', text: `${r.reason} The note will be about the whole page.` });
    }
    textRef.current?.focus();
  }

  async function save() {
    if (!text.trim()) {
      setStatus({ kind: 'error', text: 'Write something in the note first.' });
      return;
    }
    const r = await saveNote(db, { pageUrl, pageTitle: title, target, body: text, tags: parseTags(tags) }, env.now());
    if (!r.ok) {
      setStatus({ kind: 'error', text: r.reason }); // The draft stays in the box.
      return;
    }
    if (report) void savePage(db, pageUrl, title, report, env.now());
    setText('');
    setTags('');
    setTarget({ kind: 'page' });
    setStatus(null);
  }

  async function remove(note: Note) {
    const r = await deleteNote(db, note.id);
    setStatus(r.ok ? { kind: 'info', text: 'Note deleted.', undo: r.value } : { kind: 'error', text: r.reason });
  }

  async function undo(note: Note) {
    const r = await restoreNote(db, note);
    setStatus(r.ok ? null : { kind: 'error', text: r.reason });
  }

  async function reattach(note: Note) {
    const sel = await env.describeSelection(tabId);
    if (!sel.ok || !sel.value.quote.trim()) {
      setStatus({ kind: 'error', text: sel.ok ? 'Select the passage on the page first.' : sel.reason });
      return;
    }
    const r = await updateNote(db, note.id, { target: { kind: 'quote', quote: sel.value.quote, selectors: sel.value.selectors, sectionId } }, env.now());
    if (!r.ok) setStatus({ kind: 'error', text: r.reason });
  }

  function chooseTarget(value: string) {
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
  const placed = notes.filter((n) => !orphanIds.has(n.id));
  const onPage = placed.filter((n) => n.target.kind !== 'entry' && !known.has(sectionOf(n) ?? ''));
  const onEntries = placed.filter((n) => n.target.kind === 'entry');
  const item = (n: Note, reattachable = false) => (
    <NoteItem key={n.id} note={n} anchor={anchors.get(n.id)} onDelete={remove} onReattach={reattachable ? reattach : undefined} />
  );

  return (
    <NotesProvider value={env}>
      <section class="notes-view" aria-label="Notes">
        <div class="notes-composer">
          <button type="button" onClick={addNote}>Add note</button>
          {target.kind === 'quote' && <blockquote class="note-quote">{target.quote}</blockquote>}
          <label>
            Attach to{' '}
            <select value={target.kind === 'quote' ? 'quote' : targetKey(target)} onChange={(e) => chooseTarget(e.currentTarget.value)}>
              {target.kind === 'quote' && <option value="quote">Selected passage</option>}
              <option value="page">This page</option>
              {outline.map((o) => <option value={`s:${o.id}`}>Section: {o.text}</option>)}
              {(report?.referenceLists ?? []).flatMap((l) => l.entries).map((e) => (
                <option value={`e:${entryFingerprint(e.text)}`}>Reference {e.label}: {e.text.slice(0, 60)}</option>
              ))}
            </select>
          </label>
          <label>
            Note
            <textarea ref={textRef} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </label>
          <label>
            Tags <input value={tags} placeholder="comma, separated" onInput={(e) => setTags(e.currentTarget.value)} />
          </label>
          <button type="button" onClick={save}>Save note</button>
        </div>

        {status && (
          <p role={status.kind === 'error' ? 'alert' : 'status'}>
            {status.text}
            {status.undo && <button type="button" onClick={() => undo(status.undo!)}>Undo</button>}
          </p>
        )}
        {loadError && <p role="alert">Notes could not be read: {loadError}</p>}
        {notes.length === 0 && <p>No notes on this page yet.</p>}

        {onPage.length > 0 && (
          <section aria-label="On this page">
            <h3>On this page</h3>
            <ul>{onPage.map((n) => item(n))}</ul>
          </section>
        )}
        {outline.map((o) => {
          const here = placed.filter((n) => n.target.kind !== 'entry' && sectionOf(n) === o.id);
          return here.length ? (
            <section aria-label={o.text}>
              <h3>{o.text}</h3>
              <ul>{here.map((n) => item(n))}</ul>
            </section>
          ) : null;
        })}
        {onEntries.length > 0 && (
          <section aria-label="On references">
            <h3>On references</h3>
            <ul>{onEntries.map((n) => item(n))}</ul>
          </section>
        )}
        {orphans.length > 0 && (
          <section aria-label="Orphaned notes">
            <h3>Orphaned notes</h3>
            <p>These quotes were not found on the page as it is now.</p>
            <ul>{orphans.map((n) => item(n, true))}</ul>
          </section>
        )}
      </section>
    </NotesProvider>
  );
}

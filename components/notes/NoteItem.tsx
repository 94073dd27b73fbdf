/**
 * One note: its anchor (the quote and how it was found on the page, or the section or reference it is about), its
 * text, tags and date, then Edit / Delete. A failed save keeps the edited text.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { parseTags, updateNote } from '../../lib/store/notes';
import type { AnchorStatus } from '../../lib/anchor/types';
import type { Note } from '../../lib/store/types';
import { useNotesEnv } from './env';
import { NoteText } from './NoteText';

export interface NoteItemProps {
  note: Note;
  /** How the note's quote was found on the page (exact, fuzzy, orphan); absent for other notes or before the page answers. */
  anchor?: AnchorStatus;
  onDelete(note: Note): void;
  /** Shown for orphaned quotes: re-attach the note to the current selection. */
  onReattach?(note: Note): void;
  /** Its highlight was just clicked on the page: scroll to it and focus it. */
  shown?: boolean;
}

/** What a quote's place on the page means to the reader; an exact match needs no word. */
const ANCHOR_LABELS: Partial<Record<AnchorStatus, string>> = {
  fuzzy: 'Found approximately: the page has changed',
  orphan: 'Not found on the page',
};

function targetLabel(note: Note): string | null {
  const t = note.target;
  if (t.kind === 'section') return `Section: ${t.sectionText}`;
  if (t.kind === 'entry') return `Reference: ${t.entryText}`;
  return null;
}

export function NoteItem({ note, anchor, onDelete, onReattach, shown = false }: NoteItemProps) {
  const { db, now } = useNotesEnv();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.body);
  const [tags, setTags] = useState(note.tags.join(', '));
  const [error, setError] = useState<string | null>(null);
  const editRef = useRef<HTMLTextAreaElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const itemRef = useRef<HTMLLIElement>(null);
  const label = targetLabel(note);
  const anchorLabel = anchor ? ANCHOR_LABELS[anchor] : undefined;
  const fieldId = `edit-${note.id}`;

  useEffect(() => {
    if (editing) editRef.current?.focus();
  }, [editing]);

  useEffect(() => {
    if (!shown) return;
    itemRef.current?.scrollIntoView?.({ block: 'nearest' });
    itemRef.current?.focus();
  }, [shown]);

  function stopEditing() {
    setEditing(false);
    setError(null);
    setTimeout(() => editButton.current?.focus(), 0);
  }

  async function save(event: Event) {
    event.preventDefault();
    const r = await updateNote(db, note.id, { body: text, tags: parseTags(tags) }, now());
    if (r.ok) stopEditing();
    else setError(r.reason); // The edited text stays in the box.
  }

  return (
    <li ref={itemRef} tabIndex={shown ? -1 : undefined} class={`note${anchor === 'orphan' ? ' orphan' : ''}${shown ? ' shown' : ''}`} data-note-id={note.id} data-anchor={anchor}>
      {note.target.kind === 'quote' && <blockquote class="note-quote">{note.target.quote}</blockquote>}
      {anchorLabel && <p class={anchor === 'orphan' ? 'badge warn' : 'badge'}>{anchorLabel}</p>}
      {label && <p class="note-target">{label}</p>}
      {editing ? (
        <form class="note-edit" onSubmit={save}>
          <div class="field">
            <label class="field-label" for={`${fieldId}-body`}>Edit note</label>
            <textarea id={`${fieldId}-body`} ref={editRef} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label class="field-label" for={`${fieldId}-tags`}>Edit tags</label>
            <input id={`${fieldId}-tags`} value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
          </div>
          <div class="row">
            <button type="submit" class="primary">Save changes</button>
            <button type="button" class="quiet" onClick={() => { setText(note.body); setTags(note.tags.join(', ')); stopEditing(); }}>Cancel</button>
          </div>
        </form>
      ) : (
        <>
          <NoteText text={note.body} />
          {note.tags.length > 0 && (
            <ul class="note-tags" aria-label="Tags">
              {note.tags.map((t) => <li>{t}</li>)}
            </ul>
          )}
          <div class="note-foot">
            {Number.isFinite(note.updatedAt) && (
              <time class="hint" dateTime={new Date(note.updatedAt).toISOString()}>{new Date(note.updatedAt).toLocaleDateString()}</time>
            )}
            <span class="note-actions">
              <button type="button" class="quiet" ref={editButton} onClick={() => { setText(note.body); setTags(note.tags.join(', ')); setEditing(true); }}>Edit</button>
              <button type="button" class="quiet danger" onClick={() => onDelete(note)}>Delete</button>
              {onReattach && <button type="button" onClick={() => onReattach(note)}>Re-attach to selection</button>}
            </span>
          </div>
        </>
      )}
      {error && <p class="message error" role="alert">{error}</p>}
    </li>
  );
}

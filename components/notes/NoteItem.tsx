/** One note: its quote or target, its text, tags, and Edit / Delete. A failed save keeps the edited text. */
import { useState } from 'preact/hooks';
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
}

function targetLabel(note: Note): string | null {
  const t = note.target;
  if (t.kind === 'section') return `Section: ${t.sectionText}`;
  if (t.kind === 'entry') return `Reference: ${t.entryText}`;
  return null;
}

export function NoteItem({ note, anchor, onDelete, onReattach }: NoteItemProps) {
  const { db, now } = useNotesEnv();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.body);
  const [tags, setTags] = useState(note.tags.join(', '));
  const [error, setError] = useState<string | null>(null);
  const label = targetLabel(note);

  async function save() {
    const r = await updateNote(db, note.id, { body: text, tags: parseTags(tags) }, now());
    if (r.ok) {
      setEditing(false);
      setError(null);
    } else {
      setError(r.reason); // The edited text stays in the box.
    }
  }

  return (
    <li class="note" data-note-id={note.id} data-anchor={anchor}>
      {note.target.kind === 'quote' && <blockquote class="note-quote">{note.target.quote}</blockquote>}
      {label && <p class="note-target">{label}</p>}
      {editing ? (
        <div class="note-edit">
          <textarea aria-label="Edit note" value={text} onInput={(e) => setText(e.currentTarget.value)} />
          <input aria-label="Edit tags" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
          <button type="button" onClick={save}>Save changes</button>
          <button type="button" onClick={() => { setEditing(false); setText(note.body); setError(null); }}>Cancel</button>
        </div>
      ) : (
        <>
          <NoteText text={note.body} />
          {note.tags.length > 0 && (
            <ul class="note-tags" aria-label="Tags">
              {note.tags.map((t) => <li>{t}</li>)}
            </ul>
          )}
          <button type="button" onClick={() => { setText(note.body); setTags(note.tags.join(', ')); setEditing(true); }}>Edit</button>
          <button type="button" onClick={() => onDelete(note)}>Delete</button>
          {onReattach && <button type="button" onClick={() => onReattach(note)}>Re-attach to selection</button>}
        </>
      )}
      {error && <p role="alert">{error}</p>}
    </li>
  );
}

/**
 * First-run help: what the tabs show, how to start a note, and that nothing leaves the browser unless asked. Shown
 * until the reader dismisses it; the panel's "Help" button brings it back.
 */
import { useEffect, useRef } from 'preact/hooks';

export interface WelcomeProps {
  /** The keyboard shortcuts as the browser has them now (the reader may have changed them); absent ones are left out. */
  shortcuts: { openPanel?: string; addNote?: string };
  onClose(): void;
  /** Focus the help when it was opened on request (not on first run, which must not steal the focus). */
  focus?: boolean;
}

export function Welcome({ shortcuts, onClose, focus = false }: WelcomeProps) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <section ref={ref} class="welcome card" aria-labelledby="welcome-title" tabIndex={-1} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h2 id="welcome-title">How Citelens reads this page</h2>
      <ul>
        <li><strong>Outline</strong>: the article’s own headings. Choose one to jump there; the section you are reading is marked.</li>
        <li><strong>References</strong>: every reference list, with each entry that carries no link flagged, so you can see which sources cannot be followed.</li>
        <li><strong>Citations</strong>: the markers in the text and the entries they point to.</li>
        <li>
          <strong>Notes</strong>: select a passage, then “Add note” in the Notes tab, or “Add note in Citelens” in the page’s right-click menu
          {shortcuts.addNote ? <>, or <kbd>{shortcuts.addNote}</kbd></> : null}. Notes stay in this browser; the Library lists them all.
        </li>
      </ul>
      <p class="hint">
        Nothing about the page leaves your browser unless you press “Check online” on the References tab.
        {shortcuts.openPanel ? <> <kbd>{shortcuts.openPanel}</kbd> opens this panel.</> : null}
      </p>
      <div class="row">
        <button type="button" class="primary" onClick={onClose}>Got it</button>
      </div>
    </section>
  );
}

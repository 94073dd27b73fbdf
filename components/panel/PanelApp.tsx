import { useEffect, useRef, useState } from 'preact/hooks';
import type { PanelController } from '@/lib/panel/controller';
import { readSetting, WELCOMED_KEY, writeSetting } from '@/lib/store/settings';
import { useNotesEnv } from '@/components/notes/env';
import { PanelView, type PanelViewProps } from './PanelView';
import type { WelcomeProps } from './Welcome';
import { lazyComponent } from '@/components/ui/lazy';

/** The help in a chunk of its own: shown on first run and when asked, not on every panel start. */
const Welcome = lazyComponent<WelcomeProps>(() => import('./Welcome').then((m) => m.Welcome));

export interface PanelAppProps {
  controller: PanelController;
  /** Open the library page in a new tab (lib/panel/library.ts); the button is hidden when absent. */
  openLibrary?: () => Promise<void>;
  /** The keyboard shortcuts the help names (browser.commands.getAll() in the panel); none when absent. */
  shortcuts?: () => Promise<WelcomeProps['shortcuts']>;
  onFindings?: PanelViewProps['onFindings'];
}

/** How the help is shown: on first run (until dismissed), or because the reader pressed "Help". */
type Help = 'hidden' | 'first-run' | 'asked';

/** Connects the controller (tabs, messages) to the view, under a small bar with Help and Library. */
export function PanelApp({ controller, openLibrary, shortcuts, onFindings }: PanelAppProps) {
  const { db, now } = useNotesEnv();
  const [snapshot, setSnapshot] = useState(controller.get());
  const [libraryError, setLibraryError] = useState<string | null>(null);
  const [help, setHelp] = useState<Help>('hidden');
  const [keys, setKeys] = useState<WelcomeProps['shortcuts']>({});
  const helpButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const unsubscribe = controller.subscribe(setSnapshot);
    void controller.start();
    return () => {
      unsubscribe();
      controller.stop();
    };
  }, [controller]);
  useEffect(() => {
    void readSetting(db, WELCOMED_KEY).then((seen) => seen === undefined && setHelp((h) => (h === 'hidden' ? 'first-run' : h)));
    void shortcuts?.().then(setKeys, () => {});
  }, [db]);
  const library = () =>
    openLibrary?.().then(
      () => setLibraryError(null),
      (error: unknown) => setLibraryError(`The library could not be opened (${error instanceof Error ? error.message : String(error)}).`),
    );
  const closeHelp = () => {
    if (help === 'first-run') void writeSetting(db, WELCOMED_KEY, now());
    setHelp('hidden');
    setTimeout(() => helpButton.current?.focus(), 0);
  };
  return (
    <main class="panel">
      <div class="panel-bar">
        <button type="button" class="quiet" ref={helpButton} aria-expanded={help !== 'hidden'} onClick={() => (help === 'hidden' ? setHelp('asked') : closeHelp())}>
          Help
        </button>
        {openLibrary && (
          <button type="button" class="library-open" onClick={library} title="Every saved page and note, search, export and backup (opens a new tab)">
            Library
          </button>
        )}
        {libraryError && <span role="alert">{libraryError}</span>}
      </div>
      {help !== 'hidden' && <Welcome shortcuts={keys} onClose={closeHelp} focus={help === 'asked'} />}
      <PanelView snapshot={snapshot} onJump={(t) => void controller.jumpTo(t)} onReload={(force) => void controller.reload(force)} onFindings={onFindings} />
    </main>
  );
}

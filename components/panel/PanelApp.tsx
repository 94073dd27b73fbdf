import { useEffect, useState } from 'preact/hooks';
import type { PanelController } from '@/lib/panel/controller';
import { PanelView } from './PanelView';

export interface PanelAppProps {
  controller: PanelController;
  /** Open the library page in a new tab (lib/panel/library.ts); the button is hidden when absent. */
  openLibrary?: () => Promise<void>;
}

/** Connects the controller (tabs, messages) to the view, under a small bar that opens the library. */
export function PanelApp({ controller, openLibrary }: PanelAppProps) {
  const [snapshot, setSnapshot] = useState(controller.get());
  const [libraryError, setLibraryError] = useState<string | null>(null);
  useEffect(() => {
    const unsubscribe = controller.subscribe(setSnapshot);
    void controller.start();
    return () => {
      unsubscribe();
      controller.stop();
    };
  }, [controller]);
  const library = () =>
    openLibrary?.().then(
      () => setLibraryError(null),
      (error: unknown) => setLibraryError(`The library could not be opened (${error instanceof Error ? error.message : String(error)}).`),
    );
  return (
    <main class="panel">
      {openLibrary && (
        <div class="panel-bar">
          <button type="button" class="library-open" onClick={library} title="Every saved page and note, search, export and backup (opens a new tab)">
            Library
          </button>
          {libraryError && <span role="alert">{libraryError}</span>}
        </div>
      )}
      <PanelView snapshot={snapshot} onJump={(t) => void controller.jumpTo(t)} onReload={(force) => void controller.reload(force)} />
    </main>
  );
}

import { useEffect, useState } from 'preact/hooks';
import type { PanelController } from '@/lib/panel/controller';
import { PanelView } from './PanelView';

export interface PanelAppProps {
  controller: PanelController;
}

/** Connects the controller (tabs, messages) to the view. */
export function PanelApp({ controller }: PanelAppProps) {
  const [snapshot, setSnapshot] = useState(controller.get());
  useEffect(() => {
    const unsubscribe = controller.subscribe(setSnapshot);
    void controller.start();
    return () => {
      unsubscribe();
      controller.stop();
    };
  }, [controller]);
  return (
    <main class="panel">
      <PanelView snapshot={snapshot} onJump={(t) => void controller.jumpTo(t)} onReload={(force) => void controller.reload(force)} />
    </main>
  );
}

import { render } from 'preact';
import { PanelApp } from '@/components/panel/PanelApp';
import '@/components/panel/panel.css';
import { createPanelController, type PanelBrowser } from '@/lib/panel/controller';
import { parseTarget } from '@/lib/panel/target';

// Thin: the controller follows the tab named by ?tabId= / ?url=, else the active tab of this window.
const controller = createPanelController(browser as unknown as PanelBrowser, parseTarget(location.search));
render(<PanelApp controller={controller} />, document.getElementById('app')!);

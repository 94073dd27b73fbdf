/**
 * Bundled by bench/run.ts into an IIFE that sets `window.__panel`: the panel's reference list (components/panel), with
 * the panel's stylesheet (added by run.ts), rendered from props (no extension APIs needed).
 */
import { render } from 'preact';
import { ReferencesView } from '../../components/panel/ReferencesView';
import type { ReferenceList } from '../../lib/extract/types';

function mount(container: Element, lists: ReferenceList[]): void {
  render(<ReferencesView lists={lists} onJumpEntry={() => {}} onJumpMarker={() => {}} />, container);
}

function unmount(container: Element): void {
  render(null, container);
}

const api = { mount, unmount };
export type PanelBenchApi = typeof api;
(globalThis as unknown as { __panel: PanelBenchApi }).__panel = api;

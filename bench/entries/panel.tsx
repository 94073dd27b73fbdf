/**
 * Bundled by bench/run.ts into an IIFE that sets `window.__panel`: the panel's reference list (components/panel), with
 * the panel's stylesheet (added by run.ts), rendered from props (no extension APIs needed).
 */
import { render } from 'preact';
import { ReferencesView } from '../../components/panel/ReferencesView';
import { PAGE_SIZE } from '../../components/panel/usePaged';
import type { ReferenceList } from '../../lib/extract/types';

function mount(container: Element, lists: ReferenceList[]): void {
  render(<ReferencesView lists={lists} onJumpEntry={() => {}} onJumpMarker={() => {}} />, container);
}

function unmount(container: Element): void {
  render(null, container);
}

/** Entries the list draws in the end without "Show more": the first page of each list. */
function pageRows(lists: ReferenceList[]): number {
  return lists.reduce((n, l) => n + Math.min(l.entries.length, PAGE_SIZE), 0);
}

const api = { mount, unmount, pageRows };
export type PanelBenchApi = typeof api;
(globalThis as unknown as { __panel: PanelBenchApi }).__panel = api;

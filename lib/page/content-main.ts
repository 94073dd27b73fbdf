/**
 * Wires the page session to messaging and to the content-script context: every listener and timer goes through `ctx`
 * so it dies with the context (extension reload or update).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { NoteAnchoring } from '../anchor/session';
import { fromContent, toContent } from '../messages';
import { watchLargeChanges } from './changes';
import { FIRST_LOOK_TIMEOUT_MS } from './constants';
import { watchNavigations } from './navigation';
import { createPageSession, type BuildReport, type QuickDetect } from './session';
import type { PageWindow } from './text';

/** Fire-and-forget: nobody may be listening (panel closed), which is fine. */
function quietly(promise: Promise<unknown>): void {
  promise.catch(() => {});
}

/** What the content script runs on: the extractor (lib/extract) and the notes' anchoring (lib/anchor). */
export interface ContentParts {
  build: BuildReport;
  quickDetect: QuickDetect;
  notes: NoteAnchoring;
}

export function startContent(ctx: ContentScriptContext, doc: Document, win: PageWindow, { build, quickDetect, notes }: ContentParts): void {
  const url = () => win.location.href;
  const session = createPageSession({
    doc,
    win,
    build,
    quickDetect,
    noteRange: (noteId) => notes.rangeOf(noteId),
    sendBadge: (unlinked) => quietly(fromContent.sendMessage('badge', { unlinked })),
    sendSection: (outlineId) => quietly(fromContent.sendMessage('sectionChanged', { url: url(), outlineId })),
  });

  const removers = [
    toContent.onMessage('getReport', ({ data }) => session.getReport(data?.force === true)),
    toContent.onMessage('jumpTo', ({ data }) => session.jumpTo(data)),
    toContent.onMessage('describeSelection', () => notes.describeSelection()),
    toContent.onMessage('pageText', () => notes.pageText()),
    toContent.onMessage('paintNotes', ({ data }) => notes.paintNotes(data)),
  ];

  // A click on a painted note quote tells the panel which note it was.
  ctx.addEventListener(doc, 'click', (event: MouseEvent) => {
    const noteId = notes.noteAt(event.clientX, event.clientY);
    if (noteId !== null) quietly(fromContent.sendMessage('noteClicked', { noteId }));
  });

  const pageChanged = () => {
    if (ctx.isInvalid) return;
    session.invalidate();
    quietly(session.refreshBadge());
    quietly(fromContent.sendMessage('pageChanged', { url: url() }));
  };

  // After a navigation without reload, wait for the new view to settle (lib/page/navigation.ts).
  watchNavigations(ctx, win, { started: () => session.invalidate(), settled: pageChanged });
  // The page's own timers, not ctx's: stopWatching (on invalidation) clears them, and each ctx timer would add a
  // listener to the context that stays until the script ends.
  const stopWatching = watchLargeChanges(win, doc, win, pageChanged);

  ctx.onInvalidated(() => {
    for (const remove of removers) remove();
    stopWatching();
    session.stop();
    notes.dispose();
  });

  // First look once the page is idle: the badge, and a hello so an open panel showing this tab asks for the report.
  ctx.requestIdleCallback(
    () => {
      if (ctx.isInvalid) return;
      quietly(session.refreshBadge());
      quietly(fromContent.sendMessage('pageChanged', { url: url() }));
    },
    { timeout: FIRST_LOOK_TIMEOUT_MS },
  );
}

import { useEffect, useState } from 'preact/hooks';
import type { JumpTarget } from '@/lib/messages';
import type { PanelSnapshot } from '@/lib/panel/controller';
import type { PanelRequest } from '@/lib/panel/requests';
import type { BadgeFindings } from '@/lib/background/toolbar';
import type { PageReport } from '@/lib/extract/types';
import type { NotesViewProps } from '@/components/notes/NotesView';
import type { NoteHighlightsProps } from '@/components/notes/NoteHighlights';
import type { Anchors } from '@/components/notes/useNoteAnchors';
import { lazyComponent } from '@/components/ui/lazy';
import { AuditView } from './AuditView';
import { OutlineView } from './OutlineView';
import { ReferencesTab } from './ReferencesTab';
import { NotArticle, StatusMessage } from './StatusView';
import { Tabs } from './Tabs';

/** The page's notes painted on it whichever tab is open; in a chunk of its own, loaded right after the panel shows. */
const NoteHighlights = lazyComponent<NoteHighlightsProps>(() => import('@/components/notes/NoteHighlights').then((m) => m.NoteHighlights));
/** The Notes tab in a chunk of its own, loaded when the tab is first opened. */
const NotesView = lazyComponent<NotesViewProps>(
  () => import('@/components/notes/NotesView').then((m) => m.NotesView),
  () => <p class="hint" role="status">Loading notes…</p>,
);

export interface PanelViewProps {
  snapshot: PanelSnapshot;
  onJump(target: JumpTarget): void;
  onReload(force: boolean): void;
  /** Put what an online check found on the tab's toolbar badge (entrypoints/sidepanel/main.tsx). */
  onFindings?(tabId: number, report: PageReport, findings: BadgeFindings): void;
}

/**
 * The whole panel for one snapshot: a header, then Outline / References / Citations / Notes, or a status. The
 * References check statuses and the Notes tab use the notes env of the NotesProvider the panel is mounted in
 * (entrypoints/sidepanel/main.tsx), so they share one database connection.
 */
export function PanelView({ snapshot, onJump, onReload, onFindings }: PanelViewProps) {
  const [tab, setTab] = useState('outline');
  // A request from outside (the "Add note" menu entry or command, a click on a highlight) opens the Notes tab, which
  // acts on it once, then says so.
  const [pending, setPending] = useState<PanelRequest | null>(null);
  const [anchors, setAnchors] = useState<Anchors>(() => new Map());
  useEffect(() => {
    if (!snapshot.request) return;
    setPending(snapshot.request);
    setTab('notes');
  }, [snapshot.request?.seq]);
  const { state } = snapshot;
  if (state.kind === 'loading') return <p class="status loading" role="status" aria-busy="true">Reading the page…</p>;
  if (state.kind === 'no-tab') return <StatusMessage title="No page" message={state.message} />;
  if (state.kind === 'unavailable') return <StatusMessage title="Citelens cannot read this page" message={state.message} onRetry={() => onReload(false)} />;
  if (state.kind === 'error') return <StatusMessage title="Something went wrong" message={state.message} onRetry={() => onReload(false)} />;
  const { report } = state;
  if (!report.isArticle && !state.forced) return <NotArticle report={report} onForce={() => onReload(true)} />;

  const entries = report.referenceLists.reduce((n, l) => n + l.entries.length, 0);
  const tabs = [
    { id: 'outline', label: `Outline (${report.outline.length})` },
    { id: 'references', label: `References (${entries})` },
    { id: 'citations', label: 'Citations' },
    { id: 'notes', label: 'Notes' },
  ];
  const jumpEntry = (id: string) => onJump({ kind: 'entry', id });
  const tabId = snapshot.tabId;
  const findings = onFindings && tabId !== null ? (f: BadgeFindings) => onFindings(tabId, report, f) : undefined;
  const jumpMarker = (id: string) => onJump({ kind: 'marker', id });
  return (
    <>
      <header class="page-head">
        <h1>{report.title || 'Untitled page'}</h1>
        {!report.isArticle && <p class="hint">Read anyway: this page did not look like an article.</p>}
        {report.truncated && <p class="hint">The page is very large; this report is partial.</p>}
      </header>
      <NoteHighlights pageUrl={report.url} tabId={snapshot.tabId} report={report} onAnchors={setAnchors} />
      <p class="jump-error" role="status" aria-live="polite">
        {snapshot.jumpError ?? ''}
      </p>
      <Tabs tabs={tabs} selected={tab} onSelect={setTab}>
        {tab === 'outline' && <OutlineView outline={report.outline} current={snapshot.section} onJump={(id) => onJump({ kind: 'heading', id })} />}
        {tab === 'references' && <ReferencesTab report={report} onJumpEntry={jumpEntry} onJumpMarker={jumpMarker} onFindings={findings} />}
        {tab === 'citations' && <AuditView report={report} onJumpEntry={jumpEntry} onJumpMarker={jumpMarker} />}
        {tab === 'notes' && (
          <NotesView pageUrl={report.url} title={report.title} report={report} tabId={snapshot.tabId} sectionId={snapshot.section} request={pending} onRequestDone={() => setPending(null)} anchors={anchors} />
        )}
      </Tabs>
    </>
  );
}

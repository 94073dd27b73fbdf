import type { PageReport } from '@/lib/extract/types';
import { useChecks } from '@/components/notes/useChecks';
import { ReferencesView } from './ReferencesView';
import { useState } from 'preact/hooks';
import { lazyComponent } from '@/components/ui/lazy';
import { OnlineChecksLazy } from './OnlineChecksLazy';
import type { BadgeFindings } from '@/lib/background/toolbar';
import type { ReferencesExportProps } from './ReferencesExport';

/** The export controls in a chunk of their own, loaded when "Export references" is first opened. */
const ReferencesExport = lazyComponent<Omit<ReferencesExportProps, 'loadWorks'>>(() => import('./ReferencesExport').then((m) => m.ReferencesExportStored));

export interface ReferencesTabProps {
  report: PageReport;
  onJumpEntry(id: string): void;
  onJumpMarker(id: string): void;
  /** Online findings for the toolbar badge (OnlineChecks). */
  onFindings?(findings: BadgeFindings): void;
}

/**
 * The References tab with the reader's check statuses: the page's checks, live from the notes database (the panel's
 * one NotesProvider), a "3 of 12 verified" count, and a status control beside each entry; above them "Check online"
 * (loaded on its own, sends nothing until the reader asks) and "Export references" (BibTeX, RIS, CSL-JSON, Markdown).
 */
export function ReferencesTab({ report, onJumpEntry, onJumpMarker, onFindings }: ReferencesTabProps) {
  const { checks, label, error } = useChecks(report.url, report);
  const [exportOpen, setExportOpen] = useState(false);
  return (
    <>
      <OnlineChecksLazy report={report} onFindings={onFindings} />
      {report.referenceLists.length > 0 && (
        <details class="references-export-box" onToggle={(e) => setExportOpen((e.currentTarget as HTMLDetailsElement).open)}>
          <summary>Export references</summary>
          {exportOpen && <ReferencesExport report={report} />}
        </details>
      )}
      <ReferencesView
        lists={report.referenceLists}
        checks={{ pageUrl: report.url, title: report.title, records: checks, label, error }}
        onJumpEntry={onJumpEntry}
        onJumpMarker={onJumpMarker}
      />
    </>
  );
}

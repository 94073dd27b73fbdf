import type { PageReport } from '@/lib/extract/types';
import { useChecks } from '@/components/notes/useChecks';
import { ReferencesView } from './ReferencesView';
import { OnlineChecksLazy } from './OnlineChecksLazy';

export interface ReferencesTabProps {
  report: PageReport;
  onJumpEntry(id: string): void;
  onJumpMarker(id: string): void;
}

/**
 * The References tab with the reader's check statuses: the page's checks, live from the notes database (the panel's
 * one NotesProvider), a "3 of 12 verified" count, and a status control beside each entry; above them "Check online"
 * (loaded on its own, sends nothing until the reader asks).
 */
export function ReferencesTab({ report, onJumpEntry, onJumpMarker }: ReferencesTabProps) {
  const { checks, label, error } = useChecks(report.url, report);
  return (
    <>
      <OnlineChecksLazy report={report} />
      <ReferencesView
        lists={report.referenceLists}
        checks={{ pageUrl: report.url, title: report.title, records: checks, label, error }}
        onJumpEntry={onJumpEntry}
        onJumpMarker={onJumpMarker}
      />
    </>
  );
}

/** "Export references": the page's reference lists as BibTeX, RIS, CSL-JSON or Markdown, all or only the flagged
 * entries, copied or downloaded. Loaded in its own chunk when the reader opens it (ReferencesTab). */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { useNotesEnv } from '@/components/notes/env';
import type { PageReport } from '@/lib/extract/types';
import { saveFile } from '@/components/ui/save-file';
import { exportReferences, REFERENCE_FORMATS, type ReferenceFormat, type ReferenceScope } from '@/lib/export/references';
import type { RegistryWork } from '@/lib/export/registry';
import { exportWorksForPage } from '@/lib/store/online';

export interface ReferencesExportProps {
  report: Pick<PageReport, 'title' | 'url' | 'referenceLists'>;
  /** Clipboard and file saving, injected so tests see what would be written. */
  copy?: (text: string) => Promise<void>;
  save?: (text: string, filename: string, mime: string) => void;
  /** The registry's works of entries the online checks resolved or the reader accepted (used in BibTeX, RIS, CSL-JSON). */
  loadWorks?: () => Promise<ReadonlyMap<string, RegistryWork>>;
}

export function ReferencesExport({ report, copy = (t) => navigator.clipboard.writeText(t), save = saveFile, loadWorks }: ReferencesExportProps) {
  const [format, setFormat] = useState<ReferenceFormat>('bibtex');
  const [scope, setScope] = useState<ReferenceScope>('all');
  const [status, setStatus] = useState('');
  const [works, setWorks] = useState<ReadonlyMap<string, RegistryWork> | undefined>(undefined);
  // Read once when the controls open (a database read, nothing sent); until it answers, entries export as their text.
  useEffect(() => {
    let live = true;
    loadWorks?.().then((w) => live && setWorks(w), () => {});
    return () => {
      live = false;
    };
  }, [loadWorks]);
  const run = async (how: 'copy' | 'save') => {
    const out = exportReferences(report, format, scope, works);
    if (!out.count) return setStatus(scope === 'flagged' ? 'No entry without a link to export.' : 'No reference to export.');
    const what = `${out.count} ${out.count === 1 ? 'entry' : 'entries'} as ${REFERENCE_FORMATS[format].label}`;
    if (how === 'save') {
      save(out.text, out.filename, out.mime);
      return setStatus(`Saved ${what} (${out.filename}).`);
    }
    try {
      await copy(out.text);
      setStatus(`Copied ${what}.`);
    } catch {
      setStatus('The browser did not allow copying: use Download instead.');
    }
  };
  return (
    <div class="references-export">
      <div class="field-row">
        <label>
          Format{' '}
          <select value={format} onChange={(e) => setFormat((e.currentTarget as HTMLSelectElement).value as ReferenceFormat)}>
            {(Object.keys(REFERENCE_FORMATS) as ReferenceFormat[]).map((f) => (
              <option key={f} value={f}>{REFERENCE_FORMATS[f].label}</option>
            ))}
          </select>
        </label>
        <label>
          Entries{' '}
          <select value={scope} onChange={(e) => setScope((e.currentTarget as HTMLSelectElement).value as ReferenceScope)}>
            <option value="all">All</option>
            <option value="flagged">Only without a link</option>
          </select>
        </label>
      </div>
      <div class="field-row">
        <button type="button" onClick={() => void run('copy')}>Copy</button>
        <button type="button" onClick={() => void run('save')}>Download</button>
      </div>
      <p class="hint" role="status">{status}</p>
    </div>
  );
}

/** The export controls with the works kept in the notes database (what the References tab shows). */
export function ReferencesExportStored(props: Omit<ReferencesExportProps, 'loadWorks'>) {
  const { db } = useNotesEnv();
  const loadWorks = useCallback(() => exportWorksForPage(db, props.report), [db, props.report]);
  return <ReferencesExport {...props} loadWorks={loadWorks} />;
}

/** "Export notes": this page's notes, under their sections, with its references, as Markdown, copied or downloaded. */
import { useState } from 'preact/hooks';
import type { PageReport } from '../../lib/extract/types';
import { exportPageMarkdown, markdownFilename } from '../../lib/export/all';
import { saveFile } from '../ui/save-file';
import { useNotesEnv } from './env';

export interface NotesExportProps {
  pageUrl: string;
  title: string;
  report: PageReport | null;
  /** Clipboard and file saving, injected so tests see what would be written. */
  copy?: (text: string) => Promise<void>;
  save?: (text: string, filename: string, mime: string) => void;
}

export function NotesExport({ pageUrl, title, report, copy = (t) => navigator.clipboard.writeText(t), save = saveFile }: NotesExportProps) {
  const { db, now } = useNotesEnv();
  const [status, setStatus] = useState('');
  const current = report ? { url: pageUrl, title, outline: report.outline, referenceLists: report.referenceLists } : undefined;
  const run = async (how: 'copy' | 'save') => {
    const text = await exportPageMarkdown(db, pageUrl, new Date(now()), current);
    if (how === 'save') {
      const filename = markdownFilename(title, pageUrl);
      save(text, filename, 'text/markdown');
      return setStatus(`Saved this page’s notes as Markdown (${filename}).`);
    }
    try {
      await copy(text);
      setStatus('Copied this page’s notes as Markdown.');
    } catch {
      setStatus('The browser did not allow copying: use Download instead.');
    }
  };
  return (
    <div class="notes-export row">
      <span class="field-label">Export notes as Markdown</span>
      <button type="button" onClick={() => void run('copy')}>Copy</button>
      <button type="button" onClick={() => void run('save')}>Download</button>
      <p class="hint" aria-live="polite">{status}</p>
    </div>
  );
}

/**
 * The library page: every saved page, full-text search over notes, quotes and titles, filters by tag and check
 * status, export (Markdown, JSON backup), import with a report, and storage status. Needs <NotesProvider>.
 */
import { useEffect, useState } from 'preact/hooks';
import { backupToJson, exportBackup, importBackup, type ImportProgress } from '../../lib/export/backup';
import { AUTO_BACKUP_FOLDER, autoBackupEnabled, DOWNLOADS_PERMISSION, runAutoBackup, setAutoBackup, type BackupBrowser } from '../../lib/export/autobackup';
import { exportAllMarkdown } from '../../lib/export/all';
import { allTags } from '../../lib/store/notes';
import { listPages, pagesWithTag, type PageSummary } from '../../lib/store/pages';
import { DEFAULT_SEARCH_LIMIT, searchNotesPaged, type SearchResult } from '../../lib/store/search';
import { recordBackup, requestPersist, storageStatus, type StorageStatus } from '../../lib/store/status';
import { CHECK_STATUSES, type CheckStatusValue, type Note } from '../../lib/store/types';
import { tokenize } from '../../lib/store/words';
import { CHECK_STATUS_LABELS } from './CheckStatus';
import { useNotesEnv } from './env';
import { safeHttpUrl } from '../../lib/links';
import type { ComponentChildren } from 'preact';

/** A saved page's address as a link only when it is http(s): an imported backup may hold any text as a page URL. */
function PageLink({ url, children }: { url: string; children: ComponentChildren }) {
  const href = safeHttpUrl(url);
  return href ? <a href={href} target="_blank" rel="noopener noreferrer">{children}</a> : <span>{children}</span>;
}
import { useLiveQuery } from './useLiveQuery';

type StorageNavigator = Parameters<typeof storageStatus>[1];

export interface LibraryViewProps {
  /** navigator (tests pass a stub); its `storage` gives estimate/persist. */
  nav: StorageNavigator;
  /** Save a file (the page uses a Blob link; tests capture it). */
  download(name: string, type: string, text: string): void;
  /** The optional weekly backup (lib/export/autobackup.ts); the setting is shown only when given. */
  autoBackup?: AutoBackupHost;
}

export interface AutoBackupHost {
  api: BackupBrowser;
  /** A URL the downloads API can read the backup from (a Blob URL), and how to free it. */
  toUrl(json: string): string;
  revoke(url: string): void;
}

function formatBytes(n: number | null): string {
  if (n === null) return 'unknown';
  return n > 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

function date(ms: number | null): string {
  return ms === null ? 'never' : new Date(ms).toLocaleString();
}

export function LibraryView({ nav, download, autoBackup }: LibraryViewProps) {
  const { db, now } = useNotesEnv();
  const { value: pages } = useLiveQuery(() => listPages(db), [db], [] as PageSummary[]);
  const { value: tags } = useLiveQuery(() => allTags(db), [db], []);
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [check, setCheck] = useState<CheckStatusValue | ''>('');
  const [result, setResult] = useState<SearchResult | null>(null);
  const [limit, setLimit] = useState(DEFAULT_SEARCH_LIMIT);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const hits: Note[] | null = result ? result.notes : null;
  const [pageFilter, setPageFilter] = useState<Set<string> | null>(null);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const [storage, setStorage] = useState<StorageStatus | null>(null);
  const { value: autoOn } = useLiveQuery(() => autoBackupEnabled(db), [db], false);

  const refreshStorage = () => storageStatus(db, nav).then(setStorage);
  useEffect(() => {
    void refreshStorage();
  }, [db]);

  // A new query starts again from the first DEFAULT_SEARCH_LIMIT notes.
  useEffect(() => setLimit(DEFAULT_SEARCH_LIMIT), [query]);
  useEffect(() => {
    let live = true;
    (query.trim() ? searchNotesPaged(db, query, limit) : Promise.resolve(null)).then((r) => live && setResult(r));
    return () => {
      live = false;
    };
  }, [query, limit, db]);

  useEffect(() => {
    let live = true;
    (async () => {
      let urls: Set<string> | null = null;
      if (tag) urls = await pagesWithTag(db, tag);
      if (check) {
        const withStatus = new Set((await db.checks.where('status').equals(check).toArray()).map((c) => c.pageUrl));
        urls = urls ? new Set([...urls].filter((u) => withStatus.has(u))) : withStatus;
      }
      if (live) setPageFilter(urls);
    })();
    return () => {
      live = false;
    };
  }, [tag, check, db]);

  const terms = tokenize(query);
  const titleMatch = (p: PageSummary) => terms.every((t) => tokenize(p.title).some((w) => w.startsWith(t)));
  const shown = pages.filter((p) => (!pageFilter || pageFilter.has(p.url)) && (!terms.length || titleMatch(p) || hits?.some((n) => n.pageUrl === p.url)));
  const titles = new Map(pages.map((p) => [p.url, p.title || p.url]));

  async function exportJson() {
    const backup = await exportBackup(db, new Date(now()));
    download(`citelens-backup-${backup.exportedAt.slice(0, 10)}.json`, 'application/json', backupToJson(backup));
    await recordBackup(db, now());
    await refreshStorage();
  }

  async function exportMd() {
    download('citelens-notes.md', 'text/markdown', await exportAllMarkdown(db, new Date(now())));
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    setMessage(null);
    setProgress({ phase: 'reading', done: 0, total: file.size });
    const r = await importBackup(db, await file.text(), setProgress);
    setProgress(null);
    setMessage(
      r.ok
        ? { kind: 'status', text: `Imported: ${r.value.added} notes added, ${r.value.updated} updated, ${r.value.skipped} already here; ${r.value.pages.added} pages and ${r.value.checks.added} checks added.` }
        : { kind: 'alert', text: `Nothing was imported: ${r.reason}` },
    );
  }

  async function toggleAutoBackup(box: HTMLInputElement) {
    const on = box.checked;
    if (!autoBackup) return;
    const refuse = (text: string) => {
      box.checked = !on; // The setting did not change: show it as it is.
      setMessage({ kind: 'alert', text });
    };
    if (on) {
      // First call in the handler: the browser grants optional permissions only during the reader's gesture.
      const granted = await autoBackup.api.permissions.request(DOWNLOADS_PERMISSION).catch(() => false);
      if (!granted) return refuse('Citelens was not allowed to save files to Downloads, so automatic backup stays off.');
      const r = await setAutoBackup(db, true);
      if (!r.ok) return refuse(r.reason);
      const outcome = await runAutoBackup(db, autoBackup.api, autoBackup.toUrl, autoBackup.revoke, now());
      setMessage(
        typeof outcome === 'object'
          ? { kind: 'alert', text: `Automatic backup is on, but this backup failed: ${outcome.failed}` }
          : { kind: 'status', text: `Automatic backup is on: every week, to Downloads/${AUTO_BACKUP_FOLDER}/${outcome === 'saved' ? ' (the first one was just saved)' : ''}.` },
      );
    } else {
      const r = await setAutoBackup(db, false);
      if (!r.ok) return refuse(r.reason);
      await autoBackup.api.permissions.remove(DOWNLOADS_PERMISSION).catch(() => false);
      setMessage({ kind: 'status', text: 'Automatic backup is off.' });
    }
    await refreshStorage();
  }

  async function persist() {
    const granted = await requestPersist(nav);
    setMessage({ kind: 'status', text: granted ? 'The browser will keep Citelens’ data when space runs low.' : 'The browser did not grant persistent storage; keep regular backups.' });
    await refreshStorage();
  }

  return (
    <main class="library">
      <h1>Citelens library</h1>
      <section aria-label="Search and filter">
        <label>Search notes, quotes and titles <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} /></label>
        <label>
          Tag{' '}
          <select value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
            <option value="">Any tag</option>
            {tags.map((t) => <option value={t.tag}>{t.tag} ({t.count})</option>)}
          </select>
        </label>
        <label>
          Check status{' '}
          <select value={check} onChange={(e) => setCheck(e.currentTarget.value as CheckStatusValue | '')}>
            <option value="">Any status</option>
            {CHECK_STATUSES.map((s) => <option value={s}>{CHECK_STATUS_LABELS[s]}</option>)}
          </select>
        </label>
      </section>

      {hits && (
        <section aria-label="Matching notes">
          <h2>Matching notes ({result!.total.toLocaleString('en')})</h2>
          {result!.total > hits.length && (
            <p>
              Showing the newest {hits.length} of {result!.total.toLocaleString('en')}.{' '}
              <button type="button" onClick={() => setLimit(limit + DEFAULT_SEARCH_LIMIT)}>Show {Math.min(DEFAULT_SEARCH_LIMIT, result!.total - hits.length)} more</button>
            </p>
          )}
          <ul>
            {hits.map((n) => (
              <li data-note-id={n.id}>
                {n.target.kind === 'quote' && <blockquote>{n.target.quote}</blockquote>}
                <p>{n.body}</p>
                <PageLink url={n.pageUrl}>{titles.get(n.pageUrl) ?? n.pageUrl}</PageLink>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-label="Saved pages">
        <h2>Saved pages ({shown.length})</h2>
        <table>
          <thead><tr><th>Title</th><th>Site</th><th>Saved</th><th>Notes</th><th>Unlinked</th></tr></thead>
          <tbody>
            {shown.map((p) => (
              <tr>
                <td><PageLink url={p.url}>{p.title || p.url}</PageLink></td>
                <td>{p.site}</td>
                <td>{new Date(p.firstSavedAt).toLocaleDateString()}</td>
                <td>{p.noteCount}</td>
                <td>{p.unlinked} of {p.entries}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-label="Backup">
        <h2>Backup</h2>
        <button type="button" onClick={exportMd}>Export Markdown</button>
        <button type="button" onClick={exportJson}>Export JSON backup</button>
        <label>Import backup <input type="file" accept="application/json,.json" disabled={progress !== null} onChange={(e) => importFile(e.currentTarget.files?.[0])} /></label>
        {autoBackup && (
          <label>
            <input type="checkbox" checked={autoOn} onChange={(e) => toggleAutoBackup(e.currentTarget)} /> Back up automatically every week
            (to Downloads/{AUTO_BACKUP_FOLDER}; asks to save downloads)
          </label>
        )}
        {progress && <ImportProgressBar progress={progress} />}
        {message && <p role={message.kind}>{message.text}</p>}
      </section>

      <section aria-label="Storage">
        <h2>Storage</h2>
        {storage && (
          <ul>
            <li>Used: {formatBytes(storage.usage)} of {formatBytes(storage.quota)}</li>
            <li>Persistent: {storage.persisted === null ? 'unknown' : storage.persisted ? 'yes' : 'no'}</li>
            <li>Last backup: {date(storage.lastBackupAt)}</li>
          </ul>
        )}
        <button type="button" onClick={persist}>Ask the browser to keep my notes</button>
      </section>
    </main>
  );
}

const PHASE_LABELS: Record<ImportProgress['phase'], string> = { reading: 'Reading the file', checking: 'Checking rows', saving: 'Saving rows' };

/** Where a running import is: a bar per phase (reading has no steps, so its bar is indeterminate) and the counts. */
function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  const { phase, done, total } = progress;
  const label = phase === 'reading' ? `${PHASE_LABELS.reading}…` : `${PHASE_LABELS[phase]}: ${done.toLocaleString('en')} of ${total.toLocaleString('en')}`;
  return (
    <p>
      <progress aria-label="Import progress" max={phase === 'reading' ? undefined : Math.max(total, 1)} value={phase === 'reading' ? undefined : done} aria-valuetext={label} />{' '}
      <span>{label}</span>
    </p>
  );
}

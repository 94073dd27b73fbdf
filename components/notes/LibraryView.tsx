/**
 * The library page: every saved page with its counts, full-text search over notes, quotes and titles (matches
 * highlighted), filters by tag and check status, export (Markdown, JSON backup), import with progress, the weekly
 * backup, and storage status. Every query goes through lib/store. Needs <NotesProvider>.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { backupToJson, exportBackup, importBackup, type ImportProgress } from '../../lib/backup/backup';
import { AUTO_BACKUP_FOLDER, autoBackupEnabled, DOWNLOADS_PERMISSION, runAutoBackup, setAutoBackup, type BackupBrowser } from '../../lib/backup/auto';
import { exportAllMarkdown, exportPageMarkdown, markdownFilename } from '../../lib/export/all';
import { safeHttpUrl } from '../../lib/links';
import { plural } from '../../lib/panel/entries';
import { allTags } from '../../lib/store/notes';
import { filterPages, listPages, type PageSummary } from '../../lib/store/pages';
import { DEFAULT_SEARCH_LIMIT, searchNotesPaged, type SearchResult } from '../../lib/store/search';
import { recordBackup, requestPersist, storageStatus, type StorageNavigator, type StorageStatus } from '../../lib/store/status';
import { CHECK_STATUSES, type CheckStatusValue } from '../../lib/store/types';
import { tokenize } from '../../lib/store/words';
import { CHECK_STATUS_LABELS } from './CheckStatus';
import { useNotesEnv } from './env';
import { Highlight } from './Highlight';
import { useLiveQuery } from './useLiveQuery';

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

/** What persistent storage means to the reader, for each answer the browser gives. */
export const PERSIST_MEANING = {
  yes: 'The browser will keep Citelens’ notes even when the disk runs low.',
  no: 'Not guaranteed: when the disk runs low, the browser may delete Citelens’ notes without asking. Keep a JSON backup, or ask the browser to keep them.',
  unknown: 'This browser does not say whether it keeps Citelens’ notes when the disk runs low. Keep a JSON backup.',
  refused:
    'The browser said no. Browsers decide this themselves (Chrome from how you use the extension; Firefox may ask you). Until it says yes, export a JSON backup now and then.',
  granted: 'The browser will keep Citelens’ data when space runs low.',
} as const;

/** A saved page's address as a link only when it is http(s): an imported backup may hold any text as a page URL. */
function PageLink({ url, children }: { url: string; children: ComponentChildren }) {
  const href = safeHttpUrl(url);
  return href ? <a href={href} target="_blank" rel="noopener noreferrer">{children}</a> : <span>{children}</span>;
}

const MB = 1024 * 1024;
const GB = 1024 * MB;

function formatBytes(n: number | null): string {
  if (n === null) return 'unknown';
  if (n >= GB) return `${(n / GB).toFixed(1)} GB`;
  return n > MB ? `${(n / MB).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

function date(ms: number | null): string {
  return ms === null ? 'never' : new Date(ms).toLocaleString();
}

export function LibraryView({ nav, download, autoBackup }: LibraryViewProps) {
  const { db, now } = useNotesEnv();
  const { value: pages, error: pagesError } = useLiveQuery(() => listPages(db), [db], null as PageSummary[] | null);
  const { value: tags } = useLiveQuery(() => allTags(db), [db], []);
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [check, setCheck] = useState<CheckStatusValue | ''>('');
  const [result, setResult] = useState<SearchResult | null>(null);
  const [limit, setLimit] = useState(DEFAULT_SEARCH_LIMIT);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [pageFilter, setPageFilter] = useState<Set<string> | null>(null);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const [storage, setStorage] = useState<StorageStatus | null>(null);
  const [persistAnswer, setPersistAnswer] = useState<boolean | null>(null);
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
    filterPages(db, { tag: tag || undefined, status: check || undefined }).then((urls) => live && setPageFilter(urls));
    return () => {
      live = false;
    };
  }, [tag, check, db]);

  const searching = query.trim() !== '';
  const hits = searching && result ? result.notes : null;
  const terms = tokenize(query);
  const titleMatch = (p: PageSummary) => terms.every((t) => tokenize(p.title).some((w) => w.startsWith(t)));
  const all = pages ?? [];
  const shown = all.filter((p) => (!pageFilter || pageFilter.has(p.url)) && (!terms.length || titleMatch(p) || hits?.some((n) => n.pageUrl === p.url)));
  const titles = new Map(all.map((p) => [p.url, p.title || p.url]));
  const totalNotes = all.reduce((n, p) => n + p.noteCount, 0);
  const filtered = shown.length !== all.length;

  async function exportJson() {
    const backup = await exportBackup(db, new Date(now()));
    download(`citelens-backup-${backup.exportedAt.slice(0, 10)}.json`, 'application/json', backupToJson(backup));
    await recordBackup(db, now());
    await refreshStorage();
  }

  async function exportMd() {
    download('citelens-notes.md', 'text/markdown', await exportAllMarkdown(db, new Date(now())));
  }

  async function exportPage(p: PageSummary) {
    download(markdownFilename(p.title, p.url), 'text/markdown', await exportPageMarkdown(db, p.url, new Date(now())));
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    setMessage(null);
    setProgress({ phase: 'reading', done: 0, total: file.size });
    const r = await importBackup(db, await file.text(), setProgress);
    setProgress(null);
    setMessage(
      r.ok
        ? { kind: 'status', text: `Imported: ${r.value.added} notes added, ${r.value.updated} updated, ${r.value.skipped} already here; ${r.value.pages.added} pages, ${r.value.checks.added} checks and ${r.value.matches.added} online matches added.` }
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
    setPersistAnswer(granted);
    await refreshStorage();
  }

  return (
    <main class="library">
      <header class="library-head">
        <h1>Citelens library</h1>
        {pages !== null && (
          <p class="hint">
            {plural(all.length, 'saved page')} · {plural(totalNotes, 'note')}
          </p>
        )}
      </header>

      <section class="card library-search" aria-label="Search and filter">
        <label class="field">
          <span class="field-label">Search notes, quotes and titles</span>
          <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} aria-describedby="search-hint" />
        </label>
        <p class="hint" id="search-hint">Finds words that start with what you type, in every note, quote and page title.</p>
        <div class="library-filters">
          <label class="field">
            <span class="field-label">Tag</span>
            <select value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
              <option value="">Any tag</option>
              {tags.map((t) => <option value={t.tag}>{t.tag} ({t.count})</option>)}
            </select>
          </label>
          <label class="field">
            <span class="field-label">Check status</span>
            <select value={check} onChange={(e) => setCheck(e.currentTarget.value as CheckStatusValue | '')}>
              <option value="">Any status</option>
              {CHECK_STATUSES.map((s) => <option value={s}>{CHECK_STATUS_LABELS[s]}</option>)}
            </select>
          </label>
        </div>
      </section>

      {hits && (
        <section class="library-section" aria-label="Matching notes">
          <h2>Matching notes ({result!.total.toLocaleString('en')})</h2>
          {result!.total > hits.length && (
            <p class="row">
              <span>Showing the newest {hits.length} of {result!.total.toLocaleString('en')}.</span>
              <button type="button" onClick={() => setLimit(limit + DEFAULT_SEARCH_LIMIT)}>Show {Math.min(DEFAULT_SEARCH_LIMIT, result!.total - hits.length)} more</button>
            </p>
          )}
          {hits.length === 0 ? (
            <div class="empty-state">
              <strong>No note matches “{query.trim()}”.</strong>
              Try the start of a word (“secur” finds “security”), fewer words, or another spelling.
            </div>
          ) : (
            <ul class="hit-list">
              {hits.map((n) => (
                <li class="hit" data-note-id={n.id}>
                  {n.target.kind === 'quote' && <blockquote><Highlight text={n.target.quote} query={query} /></blockquote>}
                  <p class="hit-body"><Highlight text={n.body} query={query} /></p>
                  <p class="hit-page hint">
                    <PageLink url={n.pageUrl}><Highlight text={titles.get(n.pageUrl) ?? n.pageUrl} query={query} /></PageLink>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <section class="library-section" aria-label="Saved pages">
        <h2>Saved pages ({shown.length})</h2>
        {pagesError && <p class="message error" role="alert">The library could not be read: {pagesError}. Close other Citelens tabs and reload this page.</p>}
        {pages === null && !pagesError && <p class="loading">Loading saved pages…</p>}
        {pages !== null && all.length === 0 && (
          <div class="empty-state">
            <strong>No saved pages yet.</strong>
            Open an article, open the Citelens panel from the toolbar and add a note in its Notes tab (or mark a reference as checked): the page appears here. To bring notes from another browser, import a JSON backup below.
          </div>
        )}
        {all.length > 0 && shown.length === 0 && (
          <div class="empty-state">
            <strong>No saved page matches.</strong>
            {filtered && 'Clear the search or set Tag and Check status back to “Any”.'}
          </div>
        )}
        {shown.length > 0 && (
          <ul class="page-list">
            {shown.map((p) => (
              <li class="page-item" data-page-url={p.url}>
                <h3 class="page-title">
                  <PageLink url={p.url}>{searching ? <Highlight text={p.title || p.url} query={query} /> : p.title || p.url}</PageLink>
                </h3>
                <p class="page-meta hint">
                  {p.site && <span>{p.site}</span>}
                  <span>Saved {new Date(p.firstSavedAt).toLocaleDateString()}</span>
                </p>
                <p class="page-counts">
                  <span class="badge">{plural(p.noteCount, 'note')}</span>
                  {p.entries > 0 && (
                    <span class={p.unlinked > 0 ? 'badge warn' : 'badge'}>
                      <span>{p.unlinked} of {p.entries}</span> references without a link
                    </span>
                  )}
                  <button type="button" class="quiet" aria-label={`Export “${p.title || p.url}” as Markdown`} onClick={() => void exportPage(p)}>Markdown</button>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <div class="library-grid">
        <section class="card" aria-label="Backup">
          <h2>Backup</h2>
          <p class="hint">Your notes live only in this browser. A JSON backup brings them back here or into another browser; Markdown is for reading.</p>
          <div class="row">
            <button type="button" class="primary" onClick={exportJson}>Export JSON backup</button>
            <button type="button" onClick={exportMd}>Export Markdown</button>
          </div>
          <label class="field">
            <span class="field-label">Import backup</span>
            <input type="file" accept="application/json,.json" disabled={progress !== null} onChange={(e) => importFile(e.currentTarget.files?.[0])} />
          </label>
          {progress && <ImportProgressBar progress={progress} />}
          {autoBackup && (
            <label class="check-field">
              <input type="checkbox" checked={autoOn} onChange={(e) => toggleAutoBackup(e.currentTarget)} />
              <span>Back up automatically every week (to Downloads/{AUTO_BACKUP_FOLDER}; asks to save downloads)</span>
            </label>
          )}
          {message && <p class={message.kind === 'alert' ? 'message error' : 'message'} role={message.kind}>{message.text}</p>}
        </section>

        <section class="card" aria-label="Storage">
          <h2>Storage</h2>
          {storage ? (
            <StorageDetails storage={storage} />
          ) : (
            <p class="loading">Reading storage…</p>
          )}
          {storage?.persisted !== true && (
            <button type="button" onClick={persist}>Ask the browser to keep my notes</button>
          )}
          {persistAnswer !== null && (
            <p class={persistAnswer ? 'message' : 'message error'}>{persistAnswer ? PERSIST_MEANING.granted : PERSIST_MEANING.refused}</p>
          )}
        </section>
      </div>
    </main>
  );
}

function StorageDetails({ storage }: { storage: StorageStatus }) {
  const { usage, quota, persisted, lastBackupAt } = storage;
  const meaning = persisted === null ? PERSIST_MEANING.unknown : persisted ? PERSIST_MEANING.yes : PERSIST_MEANING.no;
  return (
    <ul class="storage-list">
      <li>
        Used: {formatBytes(usage)} of {formatBytes(quota)}
        {usage !== null && quota !== null && quota > 0 && <meter aria-label="Storage used" min={0} max={quota} value={usage} />}
      </li>
      <li>
        <span class={persisted ? 'badge' : 'badge warn'}>Persistent: {persisted === null ? 'unknown' : persisted ? 'yes' : 'no'}</span>
        <span class="hint"> {meaning}</span>
      </li>
      <li>Last backup: {date(lastBackupAt)}</li>
    </ul>
  );
}

const PHASE_LABELS: Record<ImportProgress['phase'], string> = { reading: 'Reading the file', checking: 'Checking rows', saving: 'Saving rows' };

/** Where a running import is: a bar per phase (reading has no steps, so its bar is indeterminate) and the counts. */
function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  const { phase, done, total } = progress;
  const label = phase === 'reading' ? `${PHASE_LABELS.reading}…` : `${PHASE_LABELS[phase]}: ${done.toLocaleString('en')} of ${total.toLocaleString('en')}`;
  return (
    <p class="import-progress">
      <progress aria-label="Import progress" max={phase === 'reading' ? undefined : Math.max(total, 1)} value={phase === 'reading' ? undefined : done} aria-valuetext={label} />
      <span>{label}</span>
    </p>
  );
}

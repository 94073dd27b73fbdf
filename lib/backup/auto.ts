/**
 * Optional weekly backup to the Downloads folder. Off until the reader turns it on in the library page, which asks
 * for the optional `downloads` permission at that moment; turning it off gives the permission back. There is no
 * alarm and no background work: the panel and the library page check when they open, and save a JSON backup when the
 * last one (manual or automatic) is older than a week. The setting lives in the notes database's meta table.
 */
import type { CitelensDb } from '../store/db';
import type { StoreResult } from '../store/errors';
import { recordBackup } from '../store/status';
import { AUTO_BACKUP_KEY, LAST_BACKUP_KEY, readSetting, writeSetting } from '../store/settings';
import { exportBackup } from './export';
import { backupToJson } from './format';

/** Weekly: often enough that a lost profile costs at most a week of notes, rare enough not to fill the Downloads folder. */
export const AUTO_BACKUP_EVERY_MS = 7 * 24 * 60 * 60 * 1000;
/** Automatic backups go to a subfolder of Downloads, so they do not mix with the reader's own files. */
export const AUTO_BACKUP_FOLDER = 'citelens';
export const DOWNLOADS_PERMISSION = { permissions: ['downloads'] };

/** The extension calls this needs (the real `browser`; tests pass a recording fake). */
export interface BackupBrowser {
  permissions: {
    contains(p: typeof DOWNLOADS_PERMISSION): Promise<boolean>;
    request(p: typeof DOWNLOADS_PERMISSION): Promise<boolean>;
    remove(p: typeof DOWNLOADS_PERMISSION): Promise<boolean>;
  };
  /** Present only once the optional permission is granted. */
  downloads?: { download(options: { url: string; filename: string; saveAs?: boolean; conflictAction?: 'uniquify' }): Promise<number> };
}

export async function autoBackupEnabled(db: CitelensDb): Promise<boolean> {
  return (await readSetting(db, AUTO_BACKUP_KEY)) === true;
}

export function setAutoBackup(db: CitelensDb, enabled: boolean): Promise<StoreResult<boolean>> {
  return writeSetting(db, AUTO_BACKUP_KEY, enabled);
}

export function backupDue(lastBackupAt: number | null, now: number): boolean {
  return lastBackupAt === null || now - lastBackupAt >= AUTO_BACKUP_EVERY_MS;
}

export type AutoBackupOutcome = 'off' | 'not-due' | 'no-permission' | 'saved' | { failed: string };

/**
 * Save a backup if automatic backup is on, permitted and due. `toUrl` turns the JSON into a URL the downloads API
 * can fetch (a Blob URL in extension pages); `revoke` frees it afterwards. Never throws.
 */
export async function runAutoBackup(
  db: CitelensDb,
  api: BackupBrowser,
  toUrl: (json: string) => string,
  revoke: (url: string) => void = () => {},
  now: number = Date.now(),
): Promise<AutoBackupOutcome> {
  try {
    if (!(await autoBackupEnabled(db))) return 'off';
    const last = await readSetting(db, LAST_BACKUP_KEY);
    if (!backupDue(typeof last === 'number' ? last : null, now)) return 'not-due';
    if (!api.downloads || !(await api.permissions.contains(DOWNLOADS_PERMISSION))) return 'no-permission';
    const backup = await exportBackup(db, new Date(now));
    const url = toUrl(backupToJson(backup));
    try {
      await api.downloads.download({ url, filename: `${AUTO_BACKUP_FOLDER}/citelens-backup-${backup.exportedAt.slice(0, 10)}.json`, saveAs: false, conflictAction: 'uniquify' });
    } finally {
      // The download has started reading the URL by the time download() resolves; give it a moment before freeing it.
      setTimeout(() => revoke(url), 60_000);
    }
    const recorded = await recordBackup(db, now);
    return recorded.ok ? 'saved' : { failed: recorded.reason };
  } catch (error) {
    return { failed: error instanceof Error ? error.message : String(error) };
  }
}

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AUTO_BACKUP_EVERY_MS, backupDue, runAutoBackup, setAutoBackup, type BackupBrowser } from '../../lib/backup/auto';
import { parseBackup } from '../../lib/backup/backup';
import { saveNote } from '../../lib/store/notes';
import { recordBackup, storageStatus } from '../../lib/store/status';
import { freshDb, unwrap } from '../store/helpers';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2025, 2, 10, 12);

/** A browser whose `downloads` permission is granted or not, recording each download's JSON and file name. */
function browserWith(granted: boolean) {
  const saved: Array<{ filename: string; json: string }> = [];
  const urls = new Map<string, string>();
  let granted_ = granted;
  const api: BackupBrowser = {
    permissions: {
      contains: async () => granted_,
      request: async () => (granted_ = granted),
      remove: async () => !(granted_ = false),
    },
    downloads: granted
      ? {
          async download({ url, filename }) {
            saved.push({ filename, json: urls.get(url)! });
            return saved.length;
          },
        }
      : undefined,
  };
  const toUrl = (json: string) => {
    const url = `blob:test/${urls.size}`;
    urls.set(url, json);
    return url;
  };
  return { api, saved, toUrl };
}

describe('weekly automatic backup', () => {
  it('is due when there was never a backup or the last one is a week old', () => {
    expect(backupDue(null, NOW)).toBe(true);
    expect(backupDue(NOW - 6 * DAY, NOW)).toBe(false);
    expect(backupDue(NOW - AUTO_BACKUP_EVERY_MS, NOW)).toBe(true);
  });

  it('does nothing while it is off', async () => {
    const db = freshDb();
    const { api, saved, toUrl } = browserWith(true);
    expect(await runAutoBackup(db, api, toUrl, undefined, NOW)).toBe('off');
    expect(saved).toEqual([]);
    db.close();
  });

  it('saves a valid backup to Downloads/citelens when on and due, records it, then waits a week', async () => {
    const db = freshDb();
    unwrap(await saveNote(db, { pageUrl: 'https://example.org/a', target: { kind: 'page' }, body: 'Keep me' }, 1));
    unwrap(await setAutoBackup(db, true));
    const { api, saved, toUrl } = browserWith(true);
    expect(await runAutoBackup(db, api, toUrl, undefined, NOW)).toBe('saved');
    expect(saved.map((s) => s.filename)).toEqual(['citelens/citelens-backup-2025-03-10.json']);
    const backup = parseBackup(saved[0].json);
    expect(backup.ok && backup.value.notes.map((n) => n.body)).toEqual(['Keep me']);
    expect((await storageStatus(db, {})).lastBackupAt).toBe(NOW);

    expect(await runAutoBackup(db, api, toUrl, undefined, NOW + 6 * DAY)).toBe('not-due');
    expect(await runAutoBackup(db, api, toUrl, undefined, NOW + 7 * DAY)).toBe('saved');
    expect(saved).toHaveLength(2);
    db.close();
  });

  it('counts a manual backup: no automatic one within the week after it', async () => {
    const db = freshDb();
    unwrap(await setAutoBackup(db, true));
    unwrap(await recordBackup(db, NOW - DAY));
    const { api, saved, toUrl } = browserWith(true);
    expect(await runAutoBackup(db, api, toUrl, undefined, NOW)).toBe('not-due');
    expect(saved).toEqual([]);
    db.close();
  });

  it('says so, and saves nothing, when the downloads permission was taken back', async () => {
    const db = freshDb();
    unwrap(await setAutoBackup(db, true));
    const { api, toUrl } = browserWith(false);
    expect(await runAutoBackup(db, api, toUrl, undefined, NOW)).toBe('no-permission');
    expect((await storageStatus(db, {})).lastBackupAt).toBeNull();
    db.close();
  });

  it('reports a failed download as a value and records no backup', async () => {
    const db = freshDb();
    unwrap(await setAutoBackup(db, true));
    const { api, toUrl } = browserWith(true);
    api.downloads!.download = async () => {
      throw new Error('Download canceled');
    };
    expect(await runAutoBackup(db, api, toUrl, undefined, NOW)).toEqual({ failed: 'Download canceled' });
    expect((await storageStatus(db, {})).lastBackupAt).toBeNull();
    db.close();
  });
});

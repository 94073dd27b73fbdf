/** Export everything as a backup (the weekly backup needs only this, not the checks of an import). */
import type { CitelensDb } from '../store/db';
import { readEverything } from '../store/bulk';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './format';

/** Everything, as rows (the word index is derived, and rebuilt on import). */
export async function exportBackup(db: CitelensDb, now: Date = new Date()): Promise<Backup> {
  const rows = await readEverything(db);
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), ...rows };
}

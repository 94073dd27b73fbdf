/** Backups in one import, for the library page and tests; the weekly backup imports lib/backup/export.ts alone. */
export { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_BYTES, backupToJson, type Backup } from './format';
export { parseBackup } from './checks';
export { exportBackup } from './export';
export { importBackup, type ImportProgress, type ImportReport, type OnImportProgress } from './import';
export type { MergeCounts } from '../store/bulk';

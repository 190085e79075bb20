/**
 * Automatic backups: when they are taken and which are kept. A backup is a complete hand-off
 * package (every table and attachment) written outside IndexedDB, named
 * `eco-desk-backup-<YYYYMMDD-HHmmss>-<reason>.zip`.
 */

export type BackupReason = 'daily' | 'import' | 'migration' | 'restore' | 'manual';

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  daily: '每日自动',
  import: '导入前',
  migration: '升级前',
  restore: '恢复前',
  manual: '手动',
};

export interface BackupFile {
  name: string;
  size: number;
  /** When it was taken (ISO, from the name). */
  at: string;
  reason: BackupReason;
}

export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12 };

const NAME =
  /^eco-desk-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(daily|import|migration|restore|manual)\.zip$/;

/** The file name for a backup taken at `now` (UTC) for `reason`. */
export function backupName(now: Date, reason: BackupReason): string {
  const iso = now.toISOString();
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
  return `eco-desk-backup-${stamp}-${reason}.zip`;
}

/** Reads a backup's time and reason from its name; null for any other file. */
export function parseBackupName(name: string, size: number): BackupFile | null {
  const m = NAME.exec(name);
  if (!m) return null;
  return {
    name,
    size,
    at: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`,
    reason: m[7] as BackupReason,
  };
}

/** Monday-based week key of an ISO date: the date of that week's Monday. */
function weekKey(at: string): string {
  const d = new Date(`${at.slice(0, 10)}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Which backups to keep: the newest of each of the last `daily` days that have one, of the last
 * `weekly` weeks and of the last `monthly` months (a backup may count for several). The newest
 * backup is always kept. Returns the names to delete.
 */
export function backupsToDelete(
  backups: readonly BackupFile[],
  policy: RotationPolicy = DEFAULT_ROTATION,
): string[] {
  const newestFirst = [...backups].sort((a, b) => b.at.localeCompare(a.at));
  const keep = new Set<string>(newestFirst.slice(0, 1).map((b) => b.name));
  const buckets: [(at: string) => string, number][] = [
    [(at) => at.slice(0, 10), policy.daily],
    [weekKey, policy.weekly],
    [(at) => at.slice(0, 7), policy.monthly],
  ];
  for (const [key, count] of buckets) {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      const k = key(b.at);
      if (seen.has(k)) continue;
      if (seen.size >= count) break;
      seen.add(k);
      keep.add(b.name);
    }
  }
  return newestFirst.filter((b) => !keep.has(b.name)).map((b) => b.name);
}

/** A daily backup is due when none was taken on today's (local) date. */
export function dailyBackupDue(backups: readonly BackupFile[], today: string): boolean {
  return !backups.some((b) => toLocalDate(new Date(b.at)) === today);
}

function toLocalDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

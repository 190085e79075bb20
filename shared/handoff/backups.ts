/**
 * Automatic backups: when they are taken and which are kept. A backup is a complete hand-off
 * package (every table and attachment) written outside IndexedDB, named after the PC's local
 * time with its offset from UTC, so that the office reads its own clock and the instant is still
 * exact: `eco-desk-backup-<YYYYMMDD-HHmmss><±HHMM>-<reason>[-<n>].zip` (`-n` when a backup of the
 * same second and reason is already there; a backup never replaces another).
 * Names of earlier versions, in UTC and without an offset, are still read.
 */

export type BackupReason = 'daily' | 'import' | 'migration' | 'restore' | 'manual';

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  daily: '每日自动',
  import: '导入前',
  migration: '升级前',
  restore: '恢复前',
  manual: '手动',
};

/** Restore points: the state just before an import, a restore or a schema upgrade. */
const RESTORE_POINTS: ReadonlySet<BackupReason> = new Set(['import', 'restore', 'migration']);

export interface BackupFile {
  name: string;
  size: number;
  /** When it was taken: the exact instant (ISO, UTC). */
  at: string;
  /** The same moment on the clock of the PC that took it: `YYYY-MM-DDTHH:mm:ss`. */
  local: string;
  reason: BackupReason;
}

export interface RotationPolicy {
  /** Every backup younger than this is kept. */
  keepAllHours: number;
  /** Every restore point (导入前/恢复前/升级前) younger than this is kept. */
  restorePointDays: number;
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_ROTATION: RotationPolicy = {
  keepAllHours: 48,
  restorePointDays: 30,
  daily: 7,
  weekly: 4,
  monthly: 12,
};

const NAME =
  /^eco-desk-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:([+-])(\d{2})(\d{2}))?-(daily|import|migration|restore|manual)(?:-([1-9]\d{0,3}))?\.zip$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The file name for a backup taken at `now` for `reason`, in local time: `offsetMinutes` is the
 * PC's offset east of UTC at that moment (Beijing +480); `n` > 1 tells apart backups of the same
 * second.
 */
export function backupName(
  now: Date,
  reason: BackupReason,
  offsetMinutes: number = -now.getTimezoneOffset(),
  n = 1,
): string {
  const local = new Date(now.getTime() + offsetMinutes * 60_000);
  const stamp =
    `${local.getUTCFullYear()}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}-` +
    `${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}${pad(local.getUTCSeconds())}`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const zone = `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
  return `eco-desk-backup-${stamp}${zone}-${reason}${n > 1 ? `-${n}` : ''}.zip`;
}

/**
 * A name for a backup that is not yet taken: the first of `backupName(now, reason, offset, n)`,
 * n = 1, 2, …, that none of `taken` has.
 */
export function freeBackupName(
  now: Date,
  reason: BackupReason,
  taken: ReadonlySet<string>,
  offsetMinutes: number = -now.getTimezoneOffset(),
): string {
  for (let n = 1; ; n += 1) {
    const name = backupName(now, reason, offsetMinutes, n);
    if (!taken.has(name)) return name;
  }
}

/** Reads a backup's time and reason from its name; null for any other file. */
export function parseBackupName(name: string, size: number): BackupFile | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, sign, zh, zm, reason] = m;
  const local = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  const wall = Date.parse(`${local}.000Z`);
  if (Number.isNaN(wall)) return null;
  const offset = sign ? (sign === '-' ? -1 : 1) * (Number(zh) * 60 + Number(zm)) : 0;
  return {
    name,
    size,
    at: new Date(wall - offset * 60_000).toISOString(),
    local,
    reason: reason as BackupReason,
  };
}

/** Newest first; backups of the same instant in the order they were taken (-2 after -1). */
export function sortBackups(backups: readonly BackupFile[]): BackupFile[] {
  const seq = (b: BackupFile) => Number(/-(\d+)\.zip$/.exec(b.name)?.[1] ?? 1);
  return [...backups].sort((a, b) => b.at.localeCompare(a.at) || seq(b) - seq(a));
}

/** Monday-based week key of a local date: the date of that week's Monday. */
function weekKey(local: string): string {
  const d = new Date(`${local.slice(0, 10)}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Which backups to delete at `now`. Kept: every backup of the last `keepAllHours`, every restore
 * point of the last `restorePointDays`, and then the newest of each of the last `daily` days,
 * `weekly` weeks and `monthly` months (by the PC's local calendar; a backup may count for
 * several). The newest backup is always kept. Returns the names to delete.
 */
export function backupsToDelete(
  backups: readonly BackupFile[],
  now: Date,
  policy: RotationPolicy = DEFAULT_ROTATION,
): string[] {
  const newestFirst = sortBackups(backups);
  const keep = new Set<string>(newestFirst.slice(0, 1).map((b) => b.name));
  const age = (b: BackupFile) => now.getTime() - Date.parse(b.at);
  for (const b of newestFirst) {
    if (age(b) < policy.keepAllHours * 3_600_000) keep.add(b.name);
    if (RESTORE_POINTS.has(b.reason) && age(b) < policy.restorePointDays * 86_400_000)
      keep.add(b.name);
  }
  const buckets: [(local: string) => string, number][] = [
    [(local) => local.slice(0, 10), policy.daily],
    [weekKey, policy.weekly],
    [(local) => local.slice(0, 7), policy.monthly],
  ];
  for (const [key, count] of buckets) {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      const k = key(b.local);
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
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

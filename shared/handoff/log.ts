/** A hand-off log entry (数据交换记录): every package written or imported. */
export interface HandoffLogEntry {
  id: string;
  at: string;
  /** A restore replaces the data with a backup's: logged as such, not as an import. */
  direction: 'export' | 'import' | 'restore';
  /** Where it was written (path), or the name of the file imported. */
  place: string;
  /** SHA-256 of the whole package file, hex. */
  sha256: string;
  size: number;
  period: { from: string; to: string };
  counts: Record<string, number>;
  /** The signing fingerprint of the package. */
  fingerprint: string;
  by: string;
}

/** What a caller says of a hand-off; the log adds who, when and which way. */
export type HandoffLogInput = Omit<HandoffLogEntry, 'id' | 'at' | 'by' | 'direction'>;

/** How often the county expects a hand-off, in days (configurable). */
export const DEFAULT_HANDOFF_INTERVAL_DAYS = 30;

/**
 * Whether the county is waiting for data: the days since the last export (or, never having
 * exported, since the town was set up) when they are more than the interval; else null.
 */
export function handoffDue(
  log: readonly Pick<HandoffLogEntry, 'at' | 'direction'>[],
  setUpAt: string | undefined,
  now: Date,
  intervalDays: number,
): { days: number; never: boolean } | null {
  const last = log
    .filter((e) => e.direction === 'export')
    .map((e) => e.at)
    .sort()
    .at(-1);
  const from = last ?? setUpAt;
  if (!from) return null;
  const days = Math.floor((now.getTime() - Date.parse(from)) / 86_400_000);
  return days > intervalDays ? { days, never: last === undefined } : null;
}

/** The interval is whole days from 1 to 365; returns a Chinese message or null. */
export function checkInterval(days: number): string | null {
  return Number.isInteger(days) && days >= 1 && days <= 365
    ? null
    : '报送间隔应为 1 到 365 之间的整数天。';
}

/** What an export includes. Town, villages, people, standards and settings always go. */
export interface ExportChoice {
  /** First and last month included (YYYY-MM), or '' for no bound. */
  from: string;
  to: string;
  assessment: boolean;
  ledger: boolean;
  attachments: boolean;
}

/**
 * A package's file name, `<town>-<period>-<yyyymmdd-hhmm>.zip` (DOMAIN.md §7), on the PC's own
 * clock: the period is one month (2026-10) or a range (2026-01至2026-10).
 */
export function packageFileName(
  town: string,
  period: { from: string; to: string },
  now: Date,
): string {
  const span = period.from === period.to ? period.from : `${period.from}至${period.to}`;
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
  // A town's name never holds a path: anything a file system refuses becomes a dash.
  const safe = [...town]
    .map((c) => (c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c) ? '-' : c))
    .join('');
  return `${safe}-${span}-${stamp}.zip`;
}

/** A hand-off log entry (数据交换记录): every package written or imported. */
export interface HandoffLogEntry {
  id: string;
  at: string;
  direction: 'export' | 'import';
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

/** How often the county expects a hand-off, in days (configurable). */
export const DEFAULT_HANDOFF_INTERVAL_DAYS = 30;

/**
 * Days since the last export when it is older than the interval (the dashboard warns), else
 * null. Never exported counts as due.
 */
export function handoffOverdueDays(
  log: readonly Pick<HandoffLogEntry, 'at' | 'direction'>[],
  now: Date,
  intervalDays: number,
): number | null {
  const last = log
    .filter((e) => e.direction === 'export')
    .map((e) => e.at)
    .sort()
    .at(-1);
  if (!last) return Number.POSITIVE_INFINITY;
  const days = Math.floor((now.getTime() - Date.parse(last)) / 86_400_000);
  return days > intervalDays ? days : null;
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

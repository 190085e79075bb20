import { changedFields } from '../domain/audit';
import { STATUS_LABELS, type ProblemStatus } from '../domain/ledger';

/**
 * What restoring a backup will change, before anything is written: each table's count now and
 * after, and which ledger items will disappear or go back to an earlier state. A restore makes the
 * data exactly the backup's, so whatever was entered after the backup is gone from the database
 * (it stays in the 恢复前 backup taken first).
 */
export interface RestorePreview {
  tables: { table: string; now: number; after: number }[];
  /** Ledger items here now that the backup does not have (entered after it). */
  lost: ProblemLine[];
  /**
   * Ledger items that the backup has otherwise than now: `to` is the state it goes back to, and
   * `fields` the fields whose content goes back besides the state (notes, deadlines, photos…).
   */
  reverted: (ProblemLine & { to: string; fields: string[] })[];
}

export interface ProblemLine {
  number: string;
  description: string;
  /** The state now, in words. */
  status: string;
}

interface ProblemRow {
  id: string;
  number: string;
  description: string;
  status: ProblemStatus;
  deletedAt?: string | undefined;
}

const isLive = (p: { deletedAt?: string | undefined | null }) =>
  p.deletedAt === undefined || p.deletedAt === null;

const statusOf = (p: ProblemRow) => STATUS_LABELS[p.status] ?? '（未知状态）';

export function restorePreview(input: {
  /** Rows per table here now. */
  now: Record<string, number>;
  /** Rows per table in the backup. */
  after: Record<string, number>;
  problemsNow: readonly ProblemRow[];
  problemsAfter: readonly ProblemRow[];
}): RestorePreview {
  const names = [...new Set([...Object.keys(input.now), ...Object.keys(input.after)])];
  const tables = names.map((table) => ({
    table,
    now: input.now[table] ?? 0,
    after: input.after[table] ?? 0,
  }));
  const inBackup = new Map(input.problemsAfter.map((p) => [p.id, p] as const));
  const lost: ProblemLine[] = [];
  const reverted: RestorePreview['reverted'] = [];
  for (const p of input.problemsNow) {
    if (!isLive(p)) continue;
    const line = { number: p.number, description: p.description, status: statusOf(p) };
    const then = inBackup.get(p.id);
    if (!then || !isLive(then)) lost.push(line);
    else {
      const fields = changedFields(p, then).filter((f) => f !== 'status');
      if (then.status !== p.status || fields.length > 0)
        reverted.push({ ...line, to: statusOf(then), fields });
    }
  }
  const byNumber = (a: ProblemLine, b: ProblemLine) => a.number.localeCompare(b.number);
  return { tables, lost: lost.sort(byNumber), reverted: reverted.sort(byNumber) };
}

/**
 * The audit log: one entry per change, written in the same transaction as the change, never
 * edited. The discipline committee relies on it (DOMAIN.md §1, §4).
 */
export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'restore'
  | 'import'
  | 'merge'
  | 'restoreBackup'
  | 'correct'
  | 'void'
  | 'resetPassword'
  | 'changePassword'
  | 'acknowledge'
  | 'reveal';

/**
 * The stamp of what comes with the software (the built-in standard): the same on every
 * installation, so two PCs agree it is one record; shown as 软件内置, not as a date.
 */
export const BUILT_IN_AT = '2000-01-01T00:00:00.000Z';

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  restore: '恢复',
  import: '批量导入',
  merge: '合并两台电脑的修改',
  restoreBackup: '从备份恢复',
  correct: '更正',
  void: '作废',
  resetPassword: '重设密码',
  changePassword: '修改密码',
  acknowledge: '确认已知悉',
  reveal: '查看保密信息',
};

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  table: string;
  recordId: string;
  action: AuditAction;
  /** A short human label of the record, e.g. the village name, kept for reading the log. */
  label: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Why, when a rule demands one (e.g. editing a closed period). */
  reason?: string | undefined;
  /** The user's step this entry is part of (关闭2026年11月考核), when one step wrote many. */
  group?: string | undefined;
  /**
   * The hash chain's links (docs/audit-chain.md): the installation that wrote it, its place in
   * that installation's chain, the previous entry's hash and its own. Only the built-in
   * standard's entry, the same on every PC, is outside every chain.
   */
  chain?: string | undefined;
  seq?: number | undefined;
  prev?: string | undefined;
  hash?: string | undefined;
}

/**
 * Stamps that change on every write, and keys for the software's own use (the record's id, the
 * key of an upper-level list): they say nothing to a reader about what changed.
 */
const STAMP_FIELDS = new Set([
  'updatedAt',
  'updatedBy',
  'createdAt',
  'createdBy',
  'rev',
  'id',
  'externalKey',
]);

/** The fields whose values differ, in a stable order; stamps and internal keys left out. */
export function changedFields(before: object | null, after: object | null): string[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys]
    .filter((key) => !STAMP_FIELDS.has(key))
    .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .sort();
}

export function auditAction(
  before: { deletedAt?: string | undefined } | null | undefined,
  after: { deletedAt?: string | undefined },
): AuditAction {
  if (!before) return 'create';
  if (before.deletedAt === undefined && after.deletedAt !== undefined) return 'delete';
  if (before.deletedAt !== undefined && after.deletedAt === undefined) return 'restore';
  return 'update';
}

/** Entries as the history shows them: one user's step that wrote many records is one row. */
export type HistoryRow =
  | { kind: 'entry'; entry: AuditEntry }
  | { kind: 'step'; group: string; at: string; actor: string; entries: AuditEntry[] };

/**
 * Groups consecutive entries of one step (same `group`, moment and person) into one row, in the
 * order given; every entry stays, to be opened under its step.
 */
export function historyRows(entries: readonly AuditEntry[]): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (const entry of entries) {
    const last = rows.at(-1);
    if (
      entry.group &&
      last?.kind === 'step' &&
      last.group === entry.group &&
      last.at === entry.at &&
      last.actor === entry.actor
    )
      last.entries.push(entry);
    else if (entry.group)
      rows.push({
        kind: 'step',
        group: entry.group,
        at: entry.at,
        actor: entry.actor,
        entries: [entry],
      });
    else rows.push({ kind: 'entry', entry });
  }
  return rows;
}

/** What one step did, in words: 修改 考核月份 1 条，新建 后续事项 9 条. */
export function stepSummary(
  entries: readonly AuditEntry[],
  tableLabel: (table: string) => string,
): string {
  const counts = new Map<string, number>();
  for (const e of entries) {
    const key = `${AUDIT_ACTION_LABELS[e.action]} ${tableLabel(e.table)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([what, n]) => `${what} ${n} 条`).join('，');
}

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
  | 'void';

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

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

type Fields = Record<string, unknown> | null;

const listOf = (record: Fields, key: string): unknown[] => {
  const value = record?.[key];
  return Array.isArray(value) ? value : [];
};
/** One more element in a list field, nothing else changed in it. */
const grew = (before: Fields, after: Fields, key: string) =>
  listOf(after, key).length === listOf(before, key).length + 1;

const PROBLEM_STEPS: Record<string, string> = {
  'pending>inProgress': '开始整改',
  'inProgress>closeRequested': '申请销号',
  'closeRequested>inProgress': '退回',
  'closeRequested>closed': '验收销号',
};

/**
 * A ledger item's edit named as the step the problem page offers (新增整改措施, 完成整改措施,
 * 申请销号, 延期…), told from the values before and after; null for any other edit, which
 * stays 修改 with the fields it changed.
 */
function problemStep(before: Fields, after: Fields): string | null {
  const fields = changedFields(before, after);
  if (fields.includes('status')) {
    const to = String(after?.status);
    if (to === 'unfixable') return '认定无法整改';
    if (to === 'closed' && fields.includes('longTerm')) return '验收销号（已完成·长期坚持）';
    return PROBLEM_STEPS[`${String(before?.status)}>${to}`] ?? null;
  }
  // 延期 moves the deadline and keeps the old one in the extensions.
  if (
    fields.every((f) => f === 'deadline' || f === 'extensions') &&
    grew(before, after, 'extensions')
  )
    return '延期';
  // 回头看 (recheck.ts): a visit, one that found the problem back (the item marked 反弹 with it).
  if (fields.includes('rechecks') && grew(before, after, 'rechecks'))
    return fields.includes('reboundTo') ? '回头看：反弹' : '回头看：巩固';
  if (fields.length === 1 && fields[0] === 'reboundTo') return '标记反弹';
  if (fields.length === 1 && fields[0] === 'countyRecheckDates') return '填写上级回头看日期';
  if (fields.length === 1 && fields[0] === 'longTerm') return '结束长期坚持';
  if (fields.length !== 1) return null;
  const [field] = fields;
  switch (field) {
    case 'measures': {
      if (grew(before, after, field)) return '新增整改措施';
      const was = listOf(before, field) as { id?: unknown; done?: unknown }[];
      const now = listOf(after, field) as { id?: unknown; done?: unknown }[];
      if (was.length !== now.length) return null;
      const ticked = now.filter((m, i) => m.done === true && was[i]?.done !== true).length;
      const unticked = now.filter((m, i) => m.done !== true && was[i]?.done === true).length;
      if (ticked > 0 && unticked === 0) return '完成整改措施';
      if (unticked > 0 && ticked === 0) return '取消完成整改措施';
      return null;
    }
    case 'beforePhotos':
      return grew(before, after, field) ? '添加整改前照片' : null;
    case 'afterPhotos':
      return grew(before, after, field) ? '添加整改后照片或证明' : null;
    case 'progress':
      return grew(before, after, field) ? '填写进展情况' : null;
    case 'accountability':
      return grew(before, after, field) ? '记录约谈/通报/问责' : null;
    case 'reports':
      return grew(before, after, field) ? '报送进展' : null;
    case 'supervised':
      return after?.supervised === true ? '加入督办' : '取消督办';
    case 'exposed':
      return after?.exposed === true ? '加入曝光台' : '移出曝光台';
    default:
      return null;
  }
}

/** A signing key replaced by a new PC's, the old one kept among the previous keys. */
const rekeyed = (before: Fields, after: Fields) =>
  grew(before, after, 'previousKeys') && changedFields(before, after).includes('fingerprint');

/** Tables whose edits are named by the step they were, not only 修改. */
const STEP_NAMES: Partial<Record<string, (before: Fields, after: Fields) => string | null>> = {
  problems: problemStep,
  // On a town's PC the county's registered key is a setting; the county keeps each town's.
  settings: (before, after) => (rekeyed(before, after) ? '更换县级密钥' : null),
  countyTowns: (before, after) => (rekeyed(before, after) ? '更换密钥' : null),
};

/**
 * What an entry did, in words, as the history shows it: the step of a ledger item's page when
 * the edit was one (新增整改措施 and 完成整改措施 are told apart), else the action's label.
 */
export function entryActionLabel(entry: Pick<AuditEntry, 'table' | 'action' | 'before' | 'after'>) {
  const named =
    entry.action === 'update' ? STEP_NAMES[entry.table]?.(entry.before, entry.after) : null;
  return named ?? AUDIT_ACTION_LABELS[entry.action];
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

/**
 * Importing a package (or a backup) into the local data: every incoming record is compared with
 * the local one of the same id, and the dry run says what a commit would do, table by table.
 * Records carry `updatedAt` (ISO time of their last change); `since` is when this PC last
 * exchanged with the package's maker (null: never), so that "both sides changed" can be told
 * from "one side is newer".
 */

export type MergeKind = 'new' | 'changed' | 'unchanged' | 'keptLocal' | 'conflict' | 'rejected';

export interface MergeItem {
  table: string;
  id: string;
  kind: MergeKind;
  incoming?: Record<string, unknown>;
  local?: Record<string, unknown>;
  /** For rejected records: why, in Chinese. */
  reason?: string;
}

export interface MergePlan {
  items: MergeItem[];
  counts: Record<MergeKind, number>;
}

type Row = Record<string, unknown>;

/** Equal as JSON values (key order ignored): what a round trip through a package preserves. */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => sameRecord(v, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Row)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Row)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameRecord((a as Row)[k], (b as Row)[k]));
}

const stampOf = (r: Row): string => (typeof r.updatedAt === 'string' ? r.updatedAt : '');

/**
 * The dry run. `keyOf` gives each table's primary key field (`id`, or `key` for settings);
 * tables not in `keyOf` are refused as unknown.
 */
export function planMerge(input: {
  incoming: Record<string, readonly unknown[]>;
  local: Record<string, ReadonlyMap<string, Row>>;
  keyOf: Record<string, string>;
  since: string | null;
}): MergePlan {
  const items: MergeItem[] = [];
  for (const [table, rows] of Object.entries(input.incoming)) {
    const key = input.keyOf[table];
    for (const raw of rows) {
      if (key === undefined) {
        items.push({ table, id: '', kind: 'rejected', reason: `不认识的数据表“${table}”。` });
        continue;
      }
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        items.push({ table, id: '', kind: 'rejected', reason: '记录不是一个对象。' });
        continue;
      }
      const incoming = raw as Row;
      const id = incoming[key];
      if (typeof id !== 'string' || id === '' || id.length > 200) {
        items.push({ table, id: '', kind: 'rejected', reason: `记录缺少编号（${key}）。` });
        continue;
      }
      const local = input.local[table]?.get(id);
      if (!local) {
        items.push({ table, id, kind: 'new', incoming });
        continue;
      }
      if (sameRecord(local, incoming)) {
        items.push({ table, id, kind: 'unchanged', incoming, local });
        continue;
      }
      // Since the last exchange: both sides changed it → conflict; only theirs → take it; only
      // ours, or neither → keep ours. Never exchanged: the newer one wins.
      const theirsChanged = input.since === null || stampOf(incoming) > input.since;
      const oursChanged = input.since !== null && stampOf(local) > input.since;
      const kind: MergeKind =
        input.since === null
          ? stampOf(incoming) > stampOf(local)
            ? 'changed'
            : 'keptLocal'
          : theirsChanged && oursChanged
            ? 'conflict'
            : theirsChanged
              ? 'changed'
              : 'keptLocal';
      items.push({ table, id, kind, incoming, local });
    }
  }
  const counts = { new: 0, changed: 0, unchanged: 0, keptLocal: 0, conflict: 0, rejected: 0 };
  for (const item of items) counts[item.kind] += 1;
  return { items, counts };
}

/**
 * What a commit writes: new and changed records, and for each conflict the side the user chose
 * (`theirs` ids take the incoming record; the others keep the local one).
 */
export function recordsToWrite(
  plan: MergePlan,
  theirs: ReadonlySet<string>,
): Record<string, Row[]> {
  const out: Record<string, Row[]> = {};
  for (const item of plan.items) {
    const take =
      item.kind === 'new' ||
      item.kind === 'changed' ||
      (item.kind === 'conflict' && theirs.has(`${item.table}/${item.id}`));
    if (take && item.incoming) (out[item.table] ??= []).push(item.incoming);
  }
  return out;
}

import { auditWithoutPrivate, privateFieldsOf, withoutPrivate } from '../domain/privacy';
import { compareRevisions, joinRevisions, type Revision } from '../domain/record';

/**
 * Importing a package (or a backup) into the local data: every incoming record is compared with
 * the local one of the same id, and the dry run says what a commit would do, table by table.
 *
 * Who changed what is told by each record's revision (`rev`: how many changes each installation
 * has made to it, DOMAIN.md §7), not by clocks: if the incoming revision includes everything the
 * local one has seen, only the other side changed it (take theirs); if the local one includes the
 * incoming one, only this side did (keep ours); otherwise both changed it since they last agreed.
 * Then the last version both had (from the history both sides hold) tells field by field who
 * changed what: a field changed on one side only is taken from that side, lists that both added
 * to keep both additions, and only a field both changed differently is asked of the user.
 */

export type MergeKind =
  'new' | 'changed' | 'unchanged' | 'keptLocal' | 'merged' | 'conflict' | 'rejected';

export type Side = 'local' | 'incoming';

/** A field (or a group of fields that go together) that differs between the two sides. */
export interface FieldDiff {
  /** The field's name, or the first of a group's. */
  field: string;
  /** Every field this diff decides (one, or a group such as status with its verification). */
  fields: readonly string[];
  local: unknown;
  incoming: unknown;
  /** Decided without asking: one side (it alone changed the field), or both lists joined. */
  auto?: { take: Side } | { take: 'both'; value: unknown };
}

export interface MergeItem {
  table: string;
  id: string;
  kind: MergeKind;
  incoming?: Row;
  local?: Row;
  /** For rejected records: why, in Chinese. */
  reason?: string;
  /** For merged records and conflicts: the fields that differ. */
  fields?: FieldDiff[];
}

export interface MergePlan {
  items: MergeItem[];
  counts: Record<MergeKind, number>;
}

export type Row = Record<string, unknown>;

/** An import's dry run, with the arriving ledger items that will get another number here. */
export type ImportPlan = MergePlan & {
  renumbered: { id: string; from: string; to: string; description: string }[];
};

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

/** Fields that say when and by whom, not what: never merged, written anew by a merge. */
const STAMPS = new Set(['id', 'createdAt', 'updatedAt', 'updatedBy', 'rev']);

/**
 * Fields that only make sense together: taken from one side as a whole (a status without the
 * verification that closed it would be a record no one made).
 */
const FIELD_GROUPS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  problems: [
    ['status', 'verification', 'unfixable'],
    ['deadline', 'originalDeadline', 'extensions'],
    // A void is its removal and its reason together.
    ['deletedAt', 'voided'],
  ],
};

const revOf = (r: Row): Revision | undefined =>
  typeof r.rev === 'object' && r.rev !== null ? (r.rev as Revision) : undefined;

/** Versioned records carry stamps; settings, attachments and log entries do not. */
const isVersioned = (r: Row) => typeof r.updatedAt === 'string';

/** The record's content: stamps and private fields (in a history entry too) left out. */
function contentOf(table: string, r: Row): Row {
  const plain =
    table === 'audit' && typeof r.table === 'string'
      ? auditWithoutPrivate(r as Row & { table: string; before: unknown; after: unknown })
      : withoutPrivate(table, r);
  const out: Row = {};
  for (const [k, v] of Object.entries(plain)) if (!STAMPS.has(k) && v !== undefined) out[k] = v;
  return out;
}

/**
 * The dry run. `keyOf` gives each table's primary key field (`id`, or `key` for settings);
 * tables not in `keyOf` are refused as unknown. `base` gives, for a record both sides changed,
 * the last version both had (or undefined when none is known).
 */
export function planMerge(input: {
  incoming: Record<string, readonly unknown[]>;
  local: Record<string, ReadonlyMap<string, Row>>;
  keyOf: Record<string, string>;
  base?: (table: string, id: string) => Row | undefined;
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
      const mine = contentOf(table, local);
      const theirs = contentOf(table, incoming);
      if (sameRecord(mine, theirs)) {
        items.push({ table, id, kind: 'unchanged', incoming, local });
        continue;
      }
      // Settings and other unversioned rows: this PC's own stays.
      if (!isVersioned(local) || !isVersioned(incoming)) {
        items.push({ table, id, kind: 'keptLocal', incoming, local });
        continue;
      }
      const order = compareRevisions(revOf(incoming), revOf(local));
      if (order === 'after') {
        items.push({ table, id, kind: 'changed', incoming, local });
        continue;
      }
      if (order === 'before') {
        items.push({ table, id, kind: 'keptLocal', incoming, local });
        continue;
      }
      const base = input.base?.(table, id);
      const fields = diffFields(table, base ? contentOf(table, base) : undefined, mine, theirs);
      const kind = fields.every((f) => f.auto) ? 'merged' : 'conflict';
      items.push({ table, id, kind, incoming, local, fields });
    }
  }
  const counts = {
    new: 0,
    changed: 0,
    unchanged: 0,
    keptLocal: 0,
    merged: 0,
    conflict: 0,
    rejected: 0,
  };
  for (const item of items) counts[item.kind] += 1;
  return { items, counts };
}

/** Whether the dry run of this pair will want the last version both sides had. */
export function wantsBase(table: string, local: Row, incoming: Row): boolean {
  if (!isVersioned(local) || !isVersioned(incoming)) return false;
  if (sameRecord(contentOf(table, local), contentOf(table, incoming))) return false;
  const order = compareRevisions(revOf(incoming), revOf(local));
  return order === 'same' || order === 'concurrent';
}

/**
 * Of the versions both sides have in their history (each an entry's `after`), the last one: the
 * one whose revision includes the others' (by time only among versions without a revision).
 */
export function lastCommonVersion(
  versions: readonly { at: string; after: Row | null }[],
): Row | undefined {
  let best: { at: string; after: Row } | undefined;
  for (const v of versions) {
    if (!v.after) continue;
    if (!best) {
      best = { at: v.at, after: v.after };
      continue;
    }
    const order = compareRevisions(revOf(v.after), revOf(best.after));
    if (order === 'after' || ((order === 'same' || order === 'concurrent') && v.at > best.at))
      best = { at: v.at, after: v.after };
  }
  return best?.after;
}

/** The fields (and groups) whose content differs, each with what the merge can decide alone. */
function diffFields(table: string, base: Row | undefined, mine: Row, theirs: Row): FieldDiff[] {
  const groups = FIELD_GROUPS[table] ?? [];
  const grouped = new Map<string, readonly string[]>();
  for (const g of groups) for (const f of g) grouped.set(f, g);
  const names = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])];
  const seen = new Set<string>();
  const diffs: FieldDiff[] = [];
  for (const name of names) {
    if (seen.has(name)) continue;
    const fields = grouped.get(name) ?? [name];
    for (const f of fields) seen.add(f);
    const pick = (r: Row | undefined) =>
      fields.length === 1 ? r?.[name] : Object.fromEntries(fields.map((f) => [f, r?.[f]]));
    const [b, l, i] = [pick(base), pick(mine), pick(theirs)];
    if (sameRecord(l, i)) continue;
    const diff: FieldDiff = { field: fields[0]!, fields, local: l, incoming: i };
    if (base && sameRecord(l, b)) diff.auto = { take: 'incoming' };
    else if (base && sameRecord(i, b)) diff.auto = { take: 'local' };
    else if (fields.length === 1 && Array.isArray(l) && Array.isArray(i)) {
      const joined = joinLists(Array.isArray(b) ? b : undefined, l, i);
      if (joined) diff.auto = { take: 'both', value: joined };
    }
    diffs.push(diff);
  }
  return diffs;
}

/** What identifies an element of a list across both sides. */
function identity(element: unknown): string {
  if (typeof element === 'object' && element !== null) {
    const e = element as Row;
    if (typeof e.id === 'string') return `id:${e.id}`;
    if (typeof e.attachmentId === 'string') return `file:${e.attachmentId}`;
  }
  return `value:${JSON.stringify(element)}`;
}

/**
 * Both sides' additions to a list, and neither side's removals undone: the local order, then
 * what only the other side added; by time when every element has one (progress notes). Without
 * the common version nothing counts as removed. Null when an element both sides have differs
 * and neither kept the common version of it: that is the user's to decide.
 */
function joinLists(
  base: readonly unknown[] | undefined,
  mine: readonly unknown[],
  theirs: readonly unknown[],
): unknown[] | null {
  const index = (list: readonly unknown[]) => new Map(list.map((e) => [identity(e), e] as const));
  const [b, l, i] = [index(base ?? []), index(mine), index(theirs)];
  const out: unknown[] = [];
  for (const [key, element] of l) {
    if (!i.has(key)) {
      // Removed over there (it was in the common version), or added here.
      if (!b.has(key)) out.push(element);
      continue;
    }
    const other = i.get(key);
    if (sameRecord(element, other)) out.push(element);
    else if (b.has(key) && sameRecord(b.get(key), element)) out.push(other);
    else if (b.has(key) && sameRecord(b.get(key), other)) out.push(element);
    else return null;
  }
  for (const [key, element] of i) if (!l.has(key) && !b.has(key)) out.push(element);
  const at = (e: unknown) =>
    typeof e === 'object' && e !== null && typeof (e as Row).at === 'string'
      ? ((e as Row).at as string)
      : null;
  if (out.length > 0 && out.every((e) => at(e) !== null))
    out.sort((x, y) => at(x)!.localeCompare(at(y)!));
  return out;
}

/**
 * What the user decided for a record both sides changed: for each field both changed
 * differently (by `FieldDiff.field`), which side's value it keeps.
 */
export interface Decision {
  fields?: Readonly<Record<string, Side>>;
}

export const decisionKey = (item: Pick<MergeItem, 'table' | 'id'>) => `${item.table}/${item.id}`;

/** Whether every field of a conflict that needs a person has been decided. */
export function isDecided(item: MergeItem, decision: Decision | undefined): boolean {
  if (item.kind !== 'conflict') return true;
  return (item.fields ?? []).every((f) => f.auto || decision?.fields?.[f.field]);
}

/**
 * A merged record's content: the local record with each differing field taken as decided (by
 * the merge alone, or by the user). Stamps stay the local ones; the caller stamps the result
 * (with a revision that includes both sides').
 */
export function resolveRecord(item: MergeItem, decision: Decision | undefined): Row {
  const local = item.local ?? {};
  const incoming = item.incoming ?? {};
  const out: Row = { ...local };
  for (const diff of item.fields ?? []) {
    const auto = diff.auto;
    if (auto?.take === 'both') {
      out[diff.field] = auto.value;
      continue;
    }
    const take = auto?.take ?? decision?.fields?.[diff.field] ?? 'local';
    const from = take === 'incoming' ? incoming : local;
    for (const f of diff.fields) {
      if (from[f] === undefined) delete out[f];
      else out[f] = from[f];
    }
  }
  return out;
}

/** The incoming record with this PC's private fields (a package never carries them). */
export function keepPrivate(table: string, incoming: Row, local: Row | undefined): Row {
  const fields = privateFieldsOf(table);
  if (fields.length === 0) return incoming;
  const out = withoutPrivate(table, incoming);
  for (const f of fields) if (local?.[f] !== undefined) out[f] = local[f];
  return out;
}

export interface Writes {
  /** Records written as they arrive (new, or changed only over there), by table. */
  taken: Record<string, Row[]>;
  /** Records both sides changed, merged: each to be stamped and written with a history entry. */
  merged: { item: MergeItem; record: Row }[];
}

/**
 * What a commit writes: new and changed records as they arrive (with this PC's private fields),
 * and every record both sides changed, merged as decided — also when this side's version is kept
 * whole, so that its revision includes the other side's and the next exchange takes it there.
 */
export function recordsToWrite(plan: MergePlan, decisions: ReadonlyMap<string, Decision>): Writes {
  const taken: Record<string, Row[]> = {};
  const merged: Writes['merged'] = [];
  for (const item of plan.items) {
    if ((item.kind === 'new' || item.kind === 'changed') && item.incoming)
      (taken[item.table] ??= []).push(keepPrivate(item.table, item.incoming, item.local));
    if (item.kind === 'merged' || item.kind === 'conflict')
      merged.push({ item, record: resolveRecord(item, decisions.get(decisionKey(item))) });
  }
  return { taken, merged };
}

/** The revision a merged record is written with: both sides' together (the caller adds its own). */
export function mergedRevision(item: MergeItem): Revision {
  return joinRevisions(revOf(item.local ?? {}) ?? {}, revOf(item.incoming ?? {}) ?? {});
}

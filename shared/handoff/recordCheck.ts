import type { z } from 'zod';
import { charLength } from '../domain/validation';
import { fieldLabel, partLabel, recordValueLabel } from './fieldLabels';
import { RECORD_SCHEMAS, type CheckKind } from './recordSchemas';
import { inTableOrder, tableLabel } from './tables';

/**
 * The records of a verified package judged before anything is written (issue 15 §3): which
 * tables it may carry at all, every record against its table's schema (recordSchemas.ts), and
 * what each record points at. Every problem is one sentence naming the table, the record and
 * the field as people read them.
 */

type Row = Record<string, unknown>;

/**
 * What an import never takes, whatever a package says: this PC's own town, settings, sign-in
 * accounts and hand-off log. Only a restore (of a backup) replaces the town and the settings.
 */
export const NEVER_IMPORTED: readonly string[] = [
  'town',
  'settings',
  'accounts',
  'handoffs',
  // The county desk's own: only ever in a county PC's backup.
  'countyTowns',
  'countyPackages',
  'countyRecords',
  'countyFeedback',
];
/**
 * A backup may carry everything of its PC, its sign-in accounts included (a restore takes them
 * only onto a PC that has none: a new one, or a damaged database rescued).
 */
const NEVER_RESTORED: readonly string[] = [];
/** What packages of format version 1 carried that an import now leaves out. */
const LEFT_OUT_OF_VERSION_1: readonly string[] = ['town', 'settings', 'handoffs'];

/**
 * The tables of a package an import takes: a package of format version 1 still imports, its
 * town, settings and hand-off log left out (named in `leftOut`, for the import page to say).
 */
export function importableTables(
  tables: Record<string, unknown[]>,
  formatVersion: number,
): { tables: Record<string, unknown[]>; leftOut: string[] } {
  if (formatVersion !== 1) return { tables, leftOut: [] };
  const kept: Record<string, unknown[]> = {};
  const leftOut: string[] = [];
  for (const [table, rows] of Object.entries(tables)) {
    if (!LEFT_OUT_OF_VERSION_1.includes(table)) kept[table] = rows;
    else if (rows.length > 0) leftOut.push(table);
  }
  return { tables: kept, leftOut: inTableOrder(leftOut) };
}

/** The tables records may point at, and a river's segments (`<river id>/<segment id>`). */
export type ReferencedTable =
  'villages' | 'people' | 'periods' | 'standards' | 'rivers' | 'riverSegments' | 'forestPlots';

const REFERENCED_LABELS: Record<ReferencedTable, string> = {
  villages: '村',
  people: '人员',
  periods: '考核月份',
  standards: '考核标准',
  rivers: '河流',
  riverSegments: '河段',
  forestPlots: '山头地块',
};

/** What this PC's database holds of the referenced tables (nothing, for a restore). */
export type HeldIds = Partial<Record<ReferencedTable, ReadonlySet<string>>>;

type Path = readonly (string | number)[];
interface Reference {
  path: Path;
  to: ReferencedTable;
  id: unknown;
}

const each = (rows: unknown, field: string, to: ReferencedTable, at: string): Reference[] =>
  Array.isArray(rows)
    ? rows.map((r: Row, i) => ({ path: [at, i, field], to, id: r?.[field] }))
    : [];

/**
 * What each record points at that must be there: villages, people, months, the standard, rivers
 * and their segments, forest plots. Links to ledger items are not among them: a package of
 * chosen months, or without the ledger, rightly carries a deduction or a patrol finding whose
 * item lies outside it.
 */
const REFERENCES: Record<string, (r: Row) => Reference[]> = {
  villages: (r) => [{ path: ['leaderId'], to: 'people', id: r.leaderId }],
  people: (r) => [{ path: ['villageId'], to: 'villages', id: r.villageId }],
  periods: (r) => [{ path: ['standardId'], to: 'standards', id: r.standardId }],
  deductions: (r) => [
    { path: ['periodId'], to: 'periods', id: r.periodId },
    { path: ['villageId'], to: 'villages', id: r.villageId },
  ],
  villageChecks: (r) => [
    { path: ['periodId'], to: 'periods', id: r.periodId },
    { path: ['villageId'], to: 'villages', id: r.villageId },
  ],
  results: (r) => [
    ...each(r.rows, 'villageId', 'villages', 'rows'),
    ...each(r.unscored, 'villageId', 'villages', 'unscored'),
  ],
  dueActions: (r) => [{ path: ['villageId'], to: 'villages', id: r.villageId }],
  problems: (r) => [{ path: ['villageId'], to: 'villages', id: r.villageId }],
  rivers: (r) => [
    ...each(r.segments, 'chiefId', 'people', 'segments'),
    ...each(r.segments, 'villageId', 'villages', 'segments'),
  ],
  riverPatrols: (r) => [
    { path: ['riverId'], to: 'rivers', id: r.riverId },
    { path: ['segmentId'], to: 'riverSegments', id: `${String(r.riverId)}/${String(r.segmentId)}` },
    { path: ['chiefId'], to: 'people', id: r.chiefId },
  ],
  forestPlots: (r) => [
    { path: ['villageId'], to: 'villages', id: r.villageId },
    { path: ['cadreId'], to: 'people', id: r.cadreId },
    { path: ['rangerId'], to: 'people', id: r.rangerId },
  ],
  forestPatrols: (r) => [
    { path: ['plotId'], to: 'forestPlots', id: r.plotId },
    { path: ['rangerId'], to: 'people', id: r.rangerId },
  ],
  workRecords: (r) => [{ path: ['villageId'], to: 'villages', id: r.villageId }],
};

/** The ids of a package's own records that others may point at. */
function packageIds(tables: Record<string, readonly unknown[]>): HeldIds {
  const ids = (table: string) =>
    new Set(
      (tables[table] ?? []).map((r) => (r as Row | null)?.id).filter((i) => typeof i === 'string'),
    );
  const segments = new Set<string>();
  for (const river of (tables.rivers ?? []) as (Row | null)[])
    if (Array.isArray(river?.segments))
      for (const s of river.segments as (Row | null)[])
        segments.add(`${String(river.id)}/${String(s?.id)}`);
  return {
    villages: ids('villages'),
    people: ids('people'),
    periods: ids('periods'),
    standards: ids('standards'),
    rivers: ids('rivers'),
    riverSegments: segments,
    forestPlots: ids('forestPlots'),
  };
}

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Deeper than anything the app writes (a briefing inside a history entry is eight levels). */
const MAX_DEPTH = 32;

/**
 * The first own key that could reach an object's prototype, at any depth (JSON.parse makes
 * `"__proto__"` an own key, which zod would not report), or a nesting deeper than the app ever
 * writes. Checked before the schema.
 */
function unsafeKey(value: unknown): { path: Path; key?: string } | null {
  const path: (string | number)[] = [];
  const walk = (v: unknown): { path: Path; key?: string } | null => {
    if (typeof v !== 'object' || v === null) return null;
    if (path.length > MAX_DEPTH) return { path: [...path] };
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i += 1) {
        path.push(i);
        const found = walk(v[i]);
        path.pop();
        if (found) return found;
      }
      return null;
    }
    for (const key of Object.keys(v)) {
      if (PROTOTYPE_KEYS.has(key)) return { path: [...path], key };
      path.push(key);
      const found = walk((v as Row)[key]);
      path.pop();
      if (found) return found;
    }
    return null;
  };
  return walk(value);
}

/** The record as people know it: a ledger item by its number, a setting by its key, else its id. */
function recordName(table: string, record: Row, index: number): string {
  const own =
    table === 'problems' && typeof record.number === 'string'
      ? record.number
      : table === 'settings'
        ? record.key
        : record.id;
  if (typeof own !== 'string' || own === '') return `第 ${index + 1} 条`;
  return charLength(own) > 80 ? `${Array.from(own).slice(0, 80).join('')}…` : own;
}

/** A field with its parts as people read it: “延期记录”第 1 条的“延至”. */
function fieldText(table: string, record: Row, path: Path): string {
  const [field, ...rest] = path;
  if (typeof field !== 'string') return '';
  let out = `“${fieldLabel(table, field)}”`;
  let parent = field;
  for (const step of rest) {
    if (typeof step === 'number') {
      out += `第 ${step + 1} 条`;
      continue;
    }
    const label =
      table === 'workRecords' && parent === 'values'
        ? recordValueLabel(record.kind, step)
        : partLabel(parent, step);
    if (label === null) return `${out}中的一项`;
    out += `的“${label}”`;
    parent = step;
  }
  return out;
}

const valueAt = (record: unknown, path: Path): unknown =>
  path.reduce<unknown>(
    (v, step) => (typeof v === 'object' && v !== null ? (v as Row)[step] : undefined),
    record,
  );

/** A value quoted in a sentence: short, on one line. */
function shown(value: unknown): string {
  const text =
    typeof value === 'string' ? value : value === undefined ? '' : (JSON.stringify(value) ?? '');
  const one = text.replace(/\s+/g, ' ');
  return charLength(one) > 30 ? `${Array.from(one).slice(0, 30).join('')}…` : one;
}

const TYPES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '“是”或“否”',
  array: '一组内容',
  object: '一组内容',
  record: '一组内容',
  null: '空',
};

const CUSTOM: Record<CheckKind, string> = {
  date: '不是有效日期',
  month: '不是有效月份',
  period: '不是有效的月份或季度',
  moment: '不是有效时间',
  time: '不是有效的时:分',
  tooLong: '太长',
  hex: '不是有效的校验值',
};

/** One zod issue of a record in words, without the record's name (the caller adds it). */
function issueText(table: string, record: Row, issue: z.core.$ZodIssue): string {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const where = path.length > 0 ? `的${fieldText(table, record, path)}` : '';
  const value = valueAt(record, path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${where}有本程序不认识的字段${issue.keys.map((k) => `“${shown(k)}”`).join('、')}`;
    case 'invalid_type':
      return value === undefined
        ? `缺少${path.length > 0 ? fieldText(table, record, path) : '内容'}`
        : `${where}应为${TYPES[issue.expected] ?? '别的类型'}（现在是“${shown(value)}”）`;
    case 'too_big':
      return issue.origin === 'array'
        ? `${where}条数太多（最多 ${String(issue.maximum)} 条）`
        : issue.origin === 'string'
          ? `${where}太长`
          : `${where}超出范围（最大 ${String(issue.maximum)}，现在是 ${shown(value)}）`;
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `${where}不能为空`
        : `${where}超出范围（最小 ${String(issue.minimum)}，现在是 ${shown(value)}）`;
    case 'invalid_value':
      return `${where}不是可选的值（“${shown(value)}”）`;
    case 'invalid_format':
      return `${where}格式不对（“${shown(value)}”）`;
    case 'invalid_union':
      return `${where}不是可选的值（“${shown(value)}”）`;
    case 'custom': {
      const params = issue.params as { kind?: CheckKind; max?: number } | undefined;
      if (params?.kind === 'tooLong')
        return typeof value === 'string'
          ? `${where}太长（最多 ${params.max} 个字，现在是 ${charLength(value)} 个字）`
          : `${where}太多（最多 ${params.max} 项）`;
      const what = params?.kind ? CUSTOM[params.kind] : '不符合要求';
      return `${where}${what}（${shown(value)}）`;
    }
    default:
      return `${where}不符合要求`;
  }
}

export interface RecordCheckOptions {
  /** An import of another PC's package, or the restore of a backup (which replaces the data). */
  purpose: 'import' | 'restore';
  /** What this PC holds that a record may point at; none for a restore (it replaces them). */
  held?: HeldIds;
}

/** Stops collecting problems past this many (the screen lists fewer; the count goes on). */
const COLLECT = 200;

/**
 * Every problem with a package's tables, in words, and how many there are in all: tables it may
 * not carry or that this program does not know, records that are no records, that hold a key
 * reaching the prototype, do not match their table's schema, appear twice, or point at a
 * record that is neither in the package nor on this PC. Nothing is written; empty when fine.
 */
export function checkPackageRecords(
  tables: Record<string, readonly unknown[]>,
  { purpose, held = {} }: RecordCheckOptions,
): { problems: string[]; total: number } {
  const problems: string[] = [];
  let total = 0;
  const say = (message: string) => {
    total += 1;
    if (problems.length < COLLECT) problems.push(message);
  };
  const refused = purpose === 'import' ? NEVER_IMPORTED : NEVER_RESTORED;
  const what = purpose === 'import' ? '数据交换包' : '备份';
  const shaped: [string, Row][] = [];
  for (const [table, rows] of Object.entries(tables)) {
    const label = tableLabel(table);
    if (refused.includes(table)) {
      if (rows.length > 0)
        say(
          purpose === 'import'
            ? `数据交换包里带有“${label}”的记录（${rows.length} 条）：导入从不替换本机的乡镇、设置、账号和交换记录，这个包不能导入。`
            : `备份里带有“${label}”的记录（${rows.length} 条）：账号只属于各自的电脑，恢复不会带入，这个备份不能恢复。`,
        );
      continue;
    }
    const schema = RECORD_SCHEMAS[table];
    if (!schema) {
      say(`${what}里有本程序不认识的数据“${shown(table)}”（${rows.length} 条）。`);
      continue;
    }
    const key = table === 'settings' || table === 'countyRecords' ? 'key' : 'id';
    const seen = new Set<unknown>();
    rows.forEach((raw, index) => {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        say(`${label}的第 ${index + 1} 条不是一条记录。`);
        return;
      }
      const record = raw as Row;
      const name = recordName(table, record, index);
      const unsafe = unsafeKey(record);
      if (unsafe) {
        const where = unsafe.path.length > 0 ? `的${fieldText(table, record, unsafe.path)}` : '';
        say(
          unsafe.key === undefined
            ? `${label} ${name} ${where}层层嵌套过深。`
            : `${label} ${name} ${where}有不允许的字段名“${unsafe.key}”。`,
        );
        return;
      }
      const parsed = schema.safeParse(record);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          say(`${label} ${name} ${issueText(table, record, issue)}。`);
        return;
      }
      if (seen.has(record[key])) {
        say(`${label} ${name} 在${what}里出现了不止一次。`);
        return;
      }
      seen.add(record[key]);
      shaped.push([table, record]);
    });
  }
  const own = packageIds(tables);
  const where = purpose === 'import' ? '不在包里，本机也没有' : '不在备份里';
  for (const [table, record] of shaped) {
    for (const ref of REFERENCES[table]?.(record) ?? []) {
      // An optional link left empty points at nothing.
      if (valueAt(record, ref.path) === undefined) continue;
      const id = String(ref.id);
      if (own[ref.to]?.has(id) || held[ref.to]?.has(id)) continue;
      const value = ref.to === 'riverSegments' ? id.slice(id.indexOf('/') + 1) : id;
      say(
        `${tableLabel(table)} ${recordName(table, record, 0)} 的${fieldText(table, record, ref.path)}指向的${REFERENCED_LABELS[ref.to]}（${shown(value)}）${where}。`,
      );
    }
  }
  return { problems, total };
}

/** How many problems the screen lists; the rest are counted. */
const LISTED = 20;

/** The problems as they are shown: the first twenty, and how many more there are. */
export function listedProblems({
  problems,
  total,
}: {
  problems: string[];
  total: number;
}): string[] {
  const listed = problems.slice(0, LISTED);
  return total > listed.length
    ? [...listed, `……另有 ${total - listed.length} 处问题未列出。`]
    : listed;
}

import { checkDate, type DateBounds } from './dates';
import type { BaseRecord } from './record';
import { charLength, cleanText, type ValidationIssue } from './validation';

/**
 * The office's work records (工作记录) and campaigns (专项行动): theory study, publicity, village
 * compacts, the ten eliminations, 百日集中攻坚, toilet renovation and greening. Each kind is a list
 * of fields; one form, one table and one check serve them all, and the year-end summary counts
 * them.
 */

export const MEETING_TYPES = ['镇党委会议', '党委理论学习中心组', '镇村干部职工例会'] as const;
export const PUBLICITY_CHANNELS = [
  '抖音',
  '微信公众号',
  '会议',
  '法治大讲堂',
  '道德大讲堂',
  '活动',
] as const;
export const TOILET_TYPES = ['三格式', '双瓮式', '完整下水道水冲式', '其他'] as const;
export const TOILET_USE = ['正常使用', '闲置', '无法使用'] as const;
/** The ten eliminations (十项消除): the default of the town's own, editable list. */
export const DEFAULT_ELIMINATIONS = [
  '生活垃圾',
  '建筑垃圾',
  '柴粪土堆',
  '残垣断壁',
  '乱搭乱建',
  '旱厕/露天粪坑',
  '废弃圈舍',
  '乱涂乱画',
  '塘沟漂浮物/黑臭水',
  '露天焚烧',
];

export type FieldType = 'date' | 'text' | 'longText' | 'count' | 'decimal' | 'village' | 'choice';

export interface RecordField {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  /** For 'choice': the options (the ten eliminations come from the settings). */
  choices?: readonly string[] | 'eliminations';
  max?: number;
}

export const RECORD_KINDS = [
  'study',
  'publicity',
  'compact',
  'elimination',
  'campaign',
  'toilet',
  'greening',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const RECORD_DEFS: Record<
  RecordKind,
  { label: string; dateField: string; fields: readonly RecordField[] }
> = {
  study: {
    label: '理论学习',
    dateField: 'date',
    fields: [
      { key: 'date', label: '日期', type: 'date', required: true },
      {
        key: 'meetingType',
        label: '会议类型',
        type: 'choice',
        required: true,
        choices: MEETING_TYPES,
      },
      { key: 'topic', label: '学习内容', type: 'text', required: true, max: 100 },
      { key: 'attendance', label: '参加人数', type: 'count', required: true, max: 1000 },
    ],
  },
  publicity: {
    label: '宣传活动',
    dateField: 'date',
    fields: [
      { key: 'date', label: '日期', type: 'date', required: true },
      {
        key: 'channel',
        label: '方式',
        type: 'choice',
        required: true,
        choices: PUBLICITY_CHANNELS,
      },
      { key: 'title', label: '标题或主题', type: 'text', required: true, max: 100 },
      { key: 'reach', label: '覆盖人数（人次）', type: 'count', required: false, max: 10_000_000 },
    ],
  },
  compact: {
    label: '村规民约',
    dateField: 'adoptedOn',
    fields: [
      { key: 'villageId', label: '村', type: 'village', required: true },
      { key: 'adoptedOn', label: '村民代表大会通过日期', type: 'date', required: true },
      { key: 'title', label: '名称', type: 'text', required: true, max: 60 },
    ],
  },
  elimination: {
    label: '十项消除',
    dateField: 'date',
    fields: [
      { key: 'date', label: '日期', type: 'date', required: true },
      { key: 'villageId', label: '村', type: 'village', required: true },
      { key: 'item', label: '消除项目', type: 'choice', required: true, choices: 'eliminations' },
      { key: 'count', label: '处数', type: 'count', required: true, max: 10_000 },
    ],
  },
  campaign: {
    label: '百日集中攻坚',
    dateField: 'from',
    fields: [
      { key: 'name', label: '名称', type: 'text', required: true, max: 40 },
      { key: 'from', label: '开始日期', type: 'date', required: true },
      { key: 'to', label: '结束日期', type: 'date', required: true },
      { key: 'note', label: '主要内容', type: 'longText', required: false, max: 500 },
    ],
  },
  toilet: {
    label: '农村改厕',
    dateField: 'date',
    fields: [
      { key: 'date', label: '登记日期', type: 'date', required: true },
      { key: 'villageId', label: '村', type: 'village', required: true },
      { key: 'planned', label: '计划（座）', type: 'count', required: true, max: 10_000 },
      { key: 'completed', label: '完成（座）', type: 'count', required: true, max: 10_000 },
      { key: 'toiletType', label: '类型', type: 'choice', required: true, choices: TOILET_TYPES },
      { key: 'use', label: '使用情况', type: 'choice', required: true, choices: TOILET_USE },
    ],
  },
  greening: {
    label: '绿化管护',
    dateField: 'date',
    fields: [
      { key: 'date', label: '登记日期', type: 'date', required: true },
      { key: 'road', label: '道路', type: 'text', required: true, max: 40 },
      { key: 'km', label: '管护里程（公里）', type: 'decimal', required: true, max: 1000 },
      { key: 'maintainedBy', label: '管护单位或责任人', type: 'text', required: true, max: 40 },
    ],
  },
};

export type RecordValues = Record<string, string | number>;

/** A stored work record: its kind, the date it is filed under, the village if any, its values. */
export interface WorkRecord extends BaseRecord {
  kind: RecordKind;
  date: string;
  villageId?: string | undefined;
  values: RecordValues;
}

/**
 * Checks a form's raw values (as typed) against its kind and returns the clean values, or every
 * problem in Chinese. Numbers come back as numbers; texts trimmed.
 */
export function checkRecord(
  kind: RecordKind,
  raw: Record<string, string>,
  context: {
    past: DateBounds;
    villageIds: ReadonlySet<string>;
    eliminations: readonly string[];
  },
): { values: RecordValues; issues: ValidationIssue[] } {
  const def = RECORD_DEFS[kind];
  const values: RecordValues = {};
  const issues: ValidationIssue[] = [];
  for (const field of def.fields) {
    const text = cleanText(raw[field.key] ?? '');
    const fail = (message: string) => issues.push({ field: field.key, message });
    if (text === '') {
      if (field.required) fail(`请填写${field.label}。`);
      continue;
    }
    switch (field.type) {
      case 'date':
        {
          const problem = checkDate(field.label, text, context.past);
          if (problem) fail(problem);
          else values[field.key] = text;
        }
        break;
      case 'count':
      case 'decimal': {
        const n = Number(text);
        const ok =
          /^\d+(\.\d+)?$/.test(text) &&
          Number.isFinite(n) &&
          (field.type === 'decimal' || Number.isInteger(n));
        if (!ok)
          fail(
            `${field.label}应为${field.type === 'count' ? '不小于 0 的整数' : '不小于 0 的数'}。`,
          );
        else if (field.max !== undefined && n > field.max)
          fail(`${field.label}不能超过 ${field.max}。`);
        else values[field.key] = field.type === 'decimal' ? Math.round(n * 100) / 100 : n;
        break;
      }
      case 'village':
        if (!context.villageIds.has(text)) fail(`请选择${field.label}。`);
        else values[field.key] = text;
        break;
      case 'choice': {
        const choices =
          field.choices === 'eliminations' ? context.eliminations : (field.choices ?? []);
        if (!choices.includes(text)) fail(`请选择${field.label}。`);
        else values[field.key] = text;
        break;
      }
      default:
        if (field.max !== undefined && charLength(text) > field.max)
          fail(`${field.label}最多 ${field.max} 字。`);
        else values[field.key] = text;
    }
  }
  if (kind === 'campaign' && typeof values.from === 'string' && typeof values.to === 'string') {
    if (values.to < values.from)
      issues.push({ field: 'to', message: '结束日期不能早于开始日期。' });
  }
  if (kind === 'toilet' && Number(values.completed) > Number(values.planned))
    issues.push({ field: 'completed', message: '完成数不能多于计划数。' });
  return { values, issues };
}

/** The date a record is filed (and counted in a year) under. */
export function recordDate(kind: RecordKind, values: RecordValues): string {
  return String(values[RECORD_DEFS[kind].dateField] ?? '');
}

/** 十项消除 per village: counts by item, and the village's total. */
export function eliminationTable(
  records: readonly WorkRecord[],
  items: readonly string[],
): Map<string, { byItem: Map<string, number>; total: number }> {
  const table = new Map<string, { byItem: Map<string, number>; total: number }>();
  for (const r of records) {
    if (r.kind !== 'elimination' || r.deletedAt !== undefined || !r.villageId) continue;
    const item = String(r.values.item);
    if (!items.includes(item)) continue;
    const row = table.get(r.villageId) ?? { byItem: new Map<string, number>(), total: 0 };
    const count = Number(r.values.count) || 0;
    row.byItem.set(item, (row.byItem.get(item) ?? 0) + count);
    row.total += count;
    table.set(r.villageId, row);
  }
  return table;
}

/** The whole town's row of `eliminationTable`: each item and the total summed over `rows`. */
export function eliminationTotals(
  rows: Iterable<{ byItem: ReadonlyMap<string, number>; total: number }>,
): { byItem: Map<string, number>; total: number } {
  const sum = { byItem: new Map<string, number>(), total: 0 };
  for (const row of rows) {
    for (const [item, n] of row.byItem) sum.byItem.set(item, (sum.byItem.get(item) ?? 0) + n);
    sum.total += row.total;
  }
  return sum;
}

/** 农村改厕 per village: planned and completed summed over the records. */
export function toiletProgress(
  records: readonly WorkRecord[],
): Map<string, { planned: number; completed: number }> {
  const table = new Map<string, { planned: number; completed: number }>();
  for (const r of records) {
    if (r.kind !== 'toilet' || r.deletedAt !== undefined || !r.villageId) continue;
    const row = table.get(r.villageId) ?? { planned: 0, completed: 0 };
    row.planned += Number(r.values.planned) || 0;
    row.completed += Number(r.values.completed) || 0;
    table.set(r.villageId, row);
  }
  return table;
}

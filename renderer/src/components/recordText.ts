import { ACCOUNTABILITY_LABELS, CHANNEL_LABELS, UPPER_LEVEL_LABELS } from '@shared/domain/problem';
import { CONSEQUENCE_LABELS } from '@shared/domain/consequences';
import { periodLabel } from '@shared/domain/period';
import { RIGHT_LABELS, ROLES, type Right, type Role } from '@shared/domain/accounts';
import { RECORD_DEFS } from '@shared/domain/workRecords';
import { SOURCE_LABELS, STATUS_LABELS } from '@shared/domain/ledger';
import { GROUP_POSITION_LABELS, PERSON_ROLE_LABELS, type PersonRole } from '@shared/domain/person';
import { isPrivateField, maskPrivate } from '@shared/domain/privacy';
import { formatTimestamp } from './format';

/**
 * A stored record's fields and values as people read them, in the history, in an import's
 * comparison and wherever a record is shown field by field: Chinese names, names instead of ids,
 * words instead of codes, private values masked. No table, field or status identifier shows.
 */

import { tableLabel } from '@shared/handoff/tables';

export { inTableOrder, TABLE_LABELS, tableLabel } from '@shared/handoff/tables';

// Field names live in shared: an import's refusals name fields as the history does.
export { fieldLabel } from '@shared/handoff/fieldLabels';

/** Codes whose words depend on the table: a month is 已关闭, an item 已销号. */
const CODE_LABELS_BY_TABLE: Record<string, Record<string, Record<string, string>>> = {
  periods: { status: { open: '评分中', closed: '已关闭' } },
  dueActions: { kind: CONSEQUENCE_LABELS },
  workRecords: {
    kind: Object.fromEntries(Object.entries(RECORD_DEFS).map(([k, d]) => [k, d.label])),
  },
};

/** The labels of a work record's own fields, whatever its kind. */
const RECORD_FIELD_LABELS: Record<string, string> = Object.fromEntries(
  Object.values(RECORD_DEFS).flatMap((d) => d.fields.map((f) => [f.key, f.label] as const)),
);

const CODE_LABELS: Record<string, Record<string, string>> = {
  status: { ...STATUS_LABELS, open: '评分中' },
  cadence: { month: '按月', quarter: '按季度' },
  source: SOURCE_LABELS,
  channel: CHANNEL_LABELS,
  upperLevel: UPPER_LEVEL_LABELS,
  groupPosition: GROUP_POSITION_LABELS,
  kind: ACCOUNTABILITY_LABELS,
};

type Names = ReadonlyMap<string, string>;

const EMPTY = '（空）';

/** A stored id (a village's, in a record's values), not a word. */
const isIdLike = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(v);

/** Keys of the software's own: ids resolved to names where there is one, else left out. */
const isIdKey = (key: string) => key === 'id' || key.endsWith('Id');

/** One element of a list field, in words. */
function elementText(value: unknown, names: Names): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value !== 'object' || value === null) return '';
  const e = value as Record<string, unknown>;
  if (typeof e.text === 'string') return `${e.text}${e.done === true ? '（已完成）' : ''}`;
  if (typeof e.reason === 'string' && typeof e.to === 'string')
    return `延至 ${e.to}（${e.reason}）`;
  if (typeof e.kind === 'string' && typeof e.person === 'string')
    return `${CODE_LABELS.kind?.[e.kind] ?? ''} ${e.person}${typeof e.note === 'string' && e.note ? `：${e.note}` : ''}`;
  const parts: string[] = [];
  for (const [key, v] of Object.entries(e)) {
    if (typeof v !== 'string' || v === '') continue;
    if (isIdKey(key)) {
      // A village named beside its id (a result row) is said once.
      const name = names.get(v);
      if (name && !Object.values(e).includes(name)) parts.push(name);
      continue;
    }
    if (/^\d{4}-\d\d-\d\dT/.test(v)) {
      // A moment (when it was voided, noted…): in the office's local time.
      parts.push(formatTimestamp(v));
      continue;
    }
    parts.push(ELEMENT_CODES[key]?.[v] ?? v);
  }
  return parts.join('，');
}

/** Codes inside list elements: a result row's flag, a river segment's level. */
const ELEMENT_CODES: Record<string, Record<string, string>> = {
  flag: { red: '红旗', yellow: '黄旗' },
  level: { town: '镇级', village: '村级' },
};

/** A stored value as a person reads it: names instead of ids, Chinese labels for codes. */
export function formatValue(table: string, field: string, value: unknown, names: Names): string {
  if (value === undefined || value === null || value === '') return EMPTY;
  if (isPrivateField(table, field) && typeof value === 'string')
    return `${maskPrivate(value)}（保密）`;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (table === 'accounts' && field === 'roles' && Array.isArray(value))
    return value.map((role: Role) => ROLES[role]?.label ?? '').join('、') || EMPTY;
  if (table === 'accounts' && field === 'rights' && Array.isArray(value))
    return value.map((right: Right) => RIGHT_LABELS[right] ?? '').join('、') || EMPTY;
  if (field === 'roles' && Array.isArray(value))
    return value.map((role: PersonRole) => PERSON_ROLE_LABELS[role] ?? '').join('、') || EMPTY;
  const codes = CODE_LABELS_BY_TABLE[table]?.[field] ?? CODE_LABELS[field];
  if (codes && typeof value === 'string') return codes[value] ?? value;
  if (field === 'deductionId' && typeof value === 'string') {
    // `<month>:<village>:<item>`, the cell the item was opened from.
    const [month = '', village = '', code = ''] = value.split(':');
    return `${month} ${names.get(village) ?? ''} ${code}`.replace(/\s+/g, ' ').trim();
  }
  if (isIdKey(field) && typeof value === 'string') return names.get(value) ?? '（已不存在）';
  if (field === 'patrol' && typeof value === 'object' && value !== null) {
    const table = (value as { table?: unknown }).table;
    return typeof table === 'string' ? tableLabel(table) : EMPTY;
  }
  if (field === 'deletedAt' && typeof value === 'string')
    return ['problems', 'riverPatrols', 'forestPatrols'].includes(table)
      ? `已作废（${formatTimestamp(value)}）`
      : `已删除（${formatTimestamp(value)}）`;
  if ((field === 'periodId' || field === 'periodKey') && typeof value === 'string')
    return periodLabel(value);
  // A work record's own fields, each named: 会议类型：镇党委会议，参加人数：18.
  if (
    table === 'workRecords' &&
    field === 'values' &&
    typeof value === 'object' &&
    !Array.isArray(value)
  )
    return (
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined && v !== null && v !== '')
        .map(
          ([k, v]) =>
            `${RECORD_FIELD_LABELS[k] ?? '其他'}：${isIdLike(v) ? (names.get(String(v)) ?? '') : String(v)}`,
        )
        .join('，') || EMPTY
    );
  // A moment stored as an ISO timestamp (关闭时间, 完成时间…) in the office's local time.
  if (field.endsWith('At') && typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value))
    return formatTimestamp(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return EMPTY;
    if (value.every((v) => typeof v === 'object' && v !== null && 'attachmentId' in v))
      return `${value.length} 张照片`;
    const plain = value.every((v) => typeof v === 'string' || typeof v === 'number');
    return value.map((v) => elementText(v, names)).join(plain ? '、' : '；');
  }
  if (typeof value === 'object') {
    const e = value as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    if ('verifier' in e) return `验收人 ${text(e.verifier)}，${text(e.date)}，${text(e.opinion)}`;
    if ('approver' in e) return `${text(e.reason)}（批准人 ${text(e.approver)}）`;
    return elementText(value, names) || EMPTY;
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value) : EMPTY;
}

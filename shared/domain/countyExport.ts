import type { PeriodResult } from './assessment';
import { cellText, matchColumns, type Cell } from './countyImport';
import { isValidIsoDate } from './dates';
import { FLAG_LABELS } from './flags';
import { deadlineState, SOURCE_LABELS, STATUS_LABELS } from './ledger';
import { daysBetween, periodLabel } from './period';
import { UPPER_LEVEL_LABELS, type Problem } from './problem';
import { charLength, cleanText } from './validation';

/**
 * The county's spreadsheets (县级报表): the assessment results and the ledger as .xlsx, laid out
 * the county's way — which fields, in which order, under which headers, below the county's own
 * title rows — and remembered per report. Figures are numbers and dates are dates in Excel.
 */
export type CountyReport = 'results' | 'ledger';

export type FieldKind = 'text' | 'number' | 'date';

export interface ExportField {
  key: string;
  label: string;
  kind: FieldKind;
  /** Header words the county's templates use for it (for reading a template). */
  words: readonly string[];
}

export const REPORT_LABELS: Record<CountyReport, string> = {
  results: '考核结果表',
  ledger: '问题整改台账',
};

export const REPORT_FIELDS: Record<CountyReport, readonly ExportField[]> = {
  results: [
    { key: 'month', label: '考核月份', kind: 'text', words: ['考核月份', '月份', '考核时间'] },
    { key: 'rank', label: '排名', kind: 'number', words: ['排名', '名次'] },
    {
      key: 'village',
      label: '村名',
      kind: 'text',
      words: ['村名', '村（社区）', '村(社区)', '村'],
    },
    { key: 'score', label: '得分', kind: 'number', words: ['得分', '考核得分', '分数', '总分'] },
    {
      key: 'scoreChange',
      label: '较上月增减',
      kind: 'number',
      words: ['较上月增减', '较上月', '增减'],
    },
    { key: 'flag', label: '红黄旗', kind: 'text', words: ['红黄旗', '旗帜', '评旗结果'] },
    { key: 'flagReason', label: '评旗理由', kind: 'text', words: ['评旗理由', '理由', '备注'] },
    {
      key: 'secretary',
      label: '村党支部书记',
      kind: 'text',
      words: ['村党支部书记', '支部书记', '书记'],
    },
    { key: 'publishedOn', label: '公布日期', kind: 'date', words: ['公布日期', '发布日期'] },
  ],
  ledger: [
    { key: 'number', label: '问题编号', kind: 'text', words: ['问题编号', '编号'] },
    { key: 'source', label: '问题来源', kind: 'text', words: ['问题来源', '来源'] },
    { key: 'upperLevel', label: '交办层级', kind: 'text', words: ['交办层级', '层级', '交办单位'] },
    { key: 'batch', label: '批次或文号', kind: 'text', words: ['批次', '文号', '交办批次'] },
    {
      key: 'countyNumber',
      label: '上级问题编号',
      kind: 'text',
      words: ['上级问题编号', '交办编号', '反馈编号'],
    },
    { key: 'requirement', label: '整改要求', kind: 'text', words: ['整改要求', '整改意见'] },
    { key: 'village', label: '所在村', kind: 'text', words: ['所在村', '所属村', '村名', '村'] },
    { key: 'category', label: '问题类别', kind: 'text', words: ['问题类别', '问题类型', '类别'] },
    { key: 'place', label: '具体位置', kind: 'text', words: ['具体位置', '地点', '位置'] },
    {
      key: 'description',
      label: '问题描述',
      kind: 'text',
      words: ['问题描述', '问题内容', '存在问题', '问题'],
    },
    {
      key: 'foundOn',
      label: '发现日期',
      kind: 'date',
      words: ['发现日期', '交办日期', '发现时间'],
    },
    {
      key: 'deadline',
      label: '整改时限',
      kind: 'date',
      words: ['整改时限', '整改期限', '完成时限'],
    },
    { key: 'measures', label: '整改措施', kind: 'text', words: ['整改措施', '措施'] },
    {
      key: 'person',
      label: '整改责任人',
      kind: 'text',
      words: ['整改责任人', '责任人'],
    },
    { key: 'leader', label: '责任领导', kind: 'text', words: ['责任领导', '分管领导'] },
    { key: 'status', label: '整改状态', kind: 'text', words: ['整改状态', '整改情况', '状态'] },
    {
      key: 'closedOn',
      label: '销号日期',
      kind: 'date',
      words: ['销号日期', '办结日期', '完成日期'],
    },
    { key: 'verifier', label: '验收人', kind: 'text', words: ['验收人', '核查人'] },
    { key: 'daysOverdue', label: '逾期天数', kind: 'number', words: ['逾期天数', '逾期'] },
    { key: 'supervised', label: '镇纪委督办', kind: 'text', words: ['镇纪委督办', '督办'] },
  ],
};

/** One column of the sheet: a field (or '' for a column the county fills in itself) and its header. */
export interface ExportColumn {
  field: string;
  header: string;
}

export interface ExportLayout {
  /** The county's rows above the header row (title, unit, date …), copied as they are. */
  titleRows: string[][];
  columns: ExportColumn[];
}

export const HEADER_MAX_CHARS = 40;
export const MAX_COLUMNS = 40;

export function defaultLayout(report: CountyReport): ExportLayout {
  return {
    titleRows: [],
    columns: REPORT_FIELDS[report].map((f) => ({ field: f.key, header: f.label })),
  };
}

/** What is wrong with a layout, in Chinese (empty when it can be used). */
export function validateLayout(report: CountyReport, layout: ExportLayout): string[] {
  const known = new Set(REPORT_FIELDS[report].map((f) => f.key));
  const problems: string[] = [];
  if (layout.columns.length === 0) problems.push('至少要有一列。');
  if (layout.columns.length > MAX_COLUMNS) problems.push(`最多 ${MAX_COLUMNS} 列。`);
  const seen = new Set<string>();
  layout.columns.forEach((c, i) => {
    const header = cleanText(c.header);
    const where = `第 ${i + 1} 列`;
    if (header === '') problems.push(`${where}没有表头。`);
    else if (charLength(header) > HEADER_MAX_CHARS)
      problems.push(`${where}的表头超过 ${HEADER_MAX_CHARS} 个字。`);
    else if (seen.has(header)) problems.push(`${where}的表头“${header}”与前面的列重复。`);
    seen.add(header);
    if (c.field !== '' && !known.has(c.field)) problems.push(`${where}的内容不认识。`);
  });
  return problems;
}

/** A layout read back from the settings: anything malformed gives the default. */
export function parseLayout(report: CountyReport, value: unknown): ExportLayout {
  const v = value as Partial<ExportLayout> | null | undefined;
  if (
    !v ||
    !Array.isArray(v.columns) ||
    !Array.isArray(v.titleRows) ||
    !v.columns.every((c) => typeof c?.field === 'string' && typeof c?.header === 'string') ||
    !v.titleRows.every((r) => Array.isArray(r) && r.every((t) => typeof t === 'string'))
  )
    return defaultLayout(report);
  const layout = { titleRows: v.titleRows, columns: v.columns };
  return validateLayout(report, layout).length === 0 ? layout : defaultLayout(report);
}

/**
 * A layout from the county's own template: the header row is the first of the first 10 rows
 * where at least two of the report's fields are recognised; the rows above it are kept as the
 * title rows; each header cell keeps its text, matched to a field where its words say which
 * (a header that matches nothing stays as an empty column for the county to fill in).
 */
export function layoutFromTemplate(
  report: CountyReport,
  rows: readonly (readonly Cell[])[],
): ExportLayout | string {
  const fields = REPORT_FIELDS[report];
  const synonyms = Object.fromEntries(fields.map((f) => [f.key, f.words])) as Record<
    string,
    readonly string[]
  >;
  for (let r = 0; r < Math.min(rows.length, 10); r += 1) {
    const headers = (rows[r] ?? []).map(cellText);
    const mapping = matchColumns(headers, synonyms);
    if (Object.values(mapping).filter((c) => c !== null).length < 2) continue;
    const fieldOf = new Map(
      Object.entries(mapping)
        .filter(([, column]) => column !== null)
        .map(([field, column]) => [column!, field]),
    );
    const last = headers.reduce((end, h, i) => (h ? i : end), -1);
    const columns = headers
      .slice(0, last + 1)
      .map((header, i) => ({ field: fieldOf.get(i) ?? '', header: header || `第${i + 1}列` }));
    const titleRows = rows.slice(0, r).map((row) => {
      const texts = row.map(cellText);
      const end = texts.reduce((e, t, i) => (t ? i : e), -1);
      return texts.slice(0, end + 1);
    });
    return { titleRows, columns };
  }
  return `没有在前 10 行找到表头：请确认这是${REPORT_LABELS[report]}的模板（表头应含有如“${fields
    .slice(0, 3)
    .map((f) => f.label)
    .join('”“')}”等列）。`;
}

/** A value for a cell: text, a number, a date (written as an Excel date), or empty. */
export type ExportValue = string | number | { date: string } | null;

type Values = Record<string, ExportValue>;

const dateValue = (iso: string | undefined): ExportValue =>
  iso && isValidIsoDate(iso) ? { date: iso } : null;

/** Each village's line of a month's results, as field values. */
export function resultValues(
  result: PeriodResult,
  previous: PeriodResult | undefined,
  secretaries: ReadonlyMap<string, string>,
): Values[] {
  const before = new Map(previous?.rows.map((r) => [r.villageId, r]) ?? []);
  return result.rows.map((r) => {
    const last = before.get(r.villageId);
    const flag = r.flag && !r.withdrawn ? r.flag : null;
    return {
      month: periodLabel(result.id),
      rank: r.rank,
      village: r.name,
      score: r.score,
      scoreChange: last ? Math.round((r.score - last.score) * 100) / 100 : null,
      flag: flag ? FLAG_LABELS[flag].word : '',
      flagReason: flag ? r.flagReason : r.withdrawn ? `已摘旗：${r.withdrawn.reason}` : '',
      secretary: secretaries.get(r.villageId) ?? '',
      publishedOn: dateValue(result.publishedAt.slice(0, 10)),
    };
  });
}

/** Each ledger item as field values, overdue counted on `today`. */
export function ledgerValues(
  problems: readonly Problem[],
  nameOf: ReadonlyMap<string, string>,
  today: string,
): Values[] {
  return [...problems]
    .filter((p) => p.deletedAt === undefined)
    .sort((a, b) => a.number.localeCompare(b.number))
    .map((p) => ({
      number: p.number,
      source: SOURCE_LABELS[p.source],
      upperLevel: p.upperLevel ? UPPER_LEVEL_LABELS[p.upperLevel] : '',
      batch: p.batch ?? '',
      countyNumber: p.countyNumber ?? '',
      requirement: p.requirement ?? '',
      village: p.villageId ? (nameOf.get(p.villageId) ?? '') : '',
      category: p.category,
      place: p.place,
      description: p.description,
      foundOn: dateValue(p.foundOn),
      deadline: dateValue(p.deadline),
      measures: p.measures.map((m, i) => `${i + 1}. ${m.text}`).join('\n'),
      person: p.responsiblePerson,
      leader: p.responsibleLeader,
      status: STATUS_LABELS[p.status],
      closedOn: p.status === 'closed' ? dateValue(p.verification?.date) : null,
      verifier: p.status === 'closed' ? (p.verification?.verifier ?? '') : '',
      daysOverdue:
        deadlineState(p.status, p.deadline, today) === 'overdue'
          ? daysBetween(p.deadline, today)
          : 0,
      supervised: p.supervised ? '是' : '否',
    }));
}

/** The sheet's data rows in the layout's column order ('' columns stay empty). */
export function layoutRows(layout: ExportLayout, values: readonly Values[]): ExportValue[][] {
  return values.map((v) => layout.columns.map((c) => (c.field ? (v[c.field] ?? null) : null)));
}

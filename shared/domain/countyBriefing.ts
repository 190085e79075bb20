import type { TownMonth } from './county';
import { periodLabel } from './period';

/**
 * The county's comparison of its towns for a month, as 全县总览 shows it, as the county briefing
 * (A4) prints it and as the .xlsx exports it: the same columns, the same values.
 */

export const COMPARISON_LABELS = {
  town: '乡镇',
  average: '平均分',
  red: '红旗',
  yellow: '黄旗',
  open: '未销号',
  overdue: '逾期',
  closureRate: '销号率',
  median: '销号天数',
  upperOpen: '上级未销',
  patrolCompliance: '巡查达标',
  workRecords: '工作记录',
  lastPackage: '最近报送',
  waited: '已等天数',
} as const;

export type ComparisonColumn = keyof typeof COMPARISON_LABELS;
export const COMPARISON_COLUMNS = Object.keys(COMPARISON_LABELS) as ComparisonColumn[];

export const NOT_PUBLISHED = '未发布';

/** A local calendar day of an instant (the county's clock). */
const localDay = (iso: string) => new Date(iso).toLocaleDateString('sv-SE');

/** Percent with one decimal: 0.8185 → 81.9%. */
export const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

/** How a column's value reads (a rate as a percentage, no score as 未发布, nothing as —). */
export function comparisonText(row: TownMonth, column: ComparisonColumn): string {
  switch (column) {
    case 'town':
      return row.town;
    case 'average':
      return row.average === null ? NOT_PUBLISHED : row.average.toFixed(2);
    case 'closureRate':
      return row.closureRate === null ? '—' : percent(row.closureRate);
    case 'median':
      return row.medianDaysToClose === null ? '—' : String(row.medianDaysToClose);
    case 'lastPackage':
      return row.lastPackageAt ? localDay(row.lastPackageAt) : '—';
    case 'waited':
      return row.waitedDays === null ? '—' : String(row.waitedDays);
    case 'patrolCompliance':
      return row.patrolCompliance === null ? '—' : percent(row.patrolCompliance);
    default:
      return String(row[column]);
  }
}

/** The value a column sorts by, and the spreadsheet holds: numbers as numbers, none as null. */
export function comparisonValue(row: TownMonth, column: ComparisonColumn): number | string | null {
  switch (column) {
    case 'town':
      return row.town;
    case 'average':
      return row.average;
    case 'closureRate':
      return row.closureRate === null ? null : Math.round(row.closureRate * 1000) / 1000;
    case 'patrolCompliance':
      return row.patrolCompliance;
    case 'median':
      return row.medianDaysToClose;
    case 'lastPackage':
      return row.lastPackageAt ? localDay(row.lastPackageAt) : null;
    case 'waited':
      return row.waitedDays;
    default:
      return row[column];
  }
}

/** The spreadsheet's headers: the overview's, the rate said to be in percent. */
export const comparisonSheetHeader = (c: ComparisonColumn) =>
  c === 'closureRate' || c === 'patrolCompliance'
    ? `${COMPARISON_LABELS[c]}（%）`
    : COMPARISON_LABELS[c];

/** The rows of the spreadsheet: a town a row, numbers as numbers (the rate in percent). */
export function comparisonSheetRows(rows: readonly TownMonth[]): (string | number | null)[][] {
  return rows.map((row) =>
    COMPARISON_COLUMNS.map((c) =>
      c === 'average' && row.average === null
        ? NOT_PUBLISHED
        : (c === 'closureRate' || c === 'patrolCompliance') && row[c] !== null
          ? Math.round(row[c] * 1000) / 10
          : comparisonValue(row, c),
    ),
  );
}

/** How long a town may go without sending data before the briefing names it. */
export const WAIT_LIMIT_DAYS = 30;

/**
 * The briefing's summary, one sentence a paragraph: how many towns reported, the county's open
 * and overdue items, the best and lowest average, the most overdue, and the towns the county
 * has waited on longer than `WAIT_LIMIT_DAYS`.
 */
export function countySummary(input: {
  county: string;
  month: string;
  today: string;
  rows: readonly TownMonth[];
}): string[] {
  const { rows } = input;
  const reported = rows.filter((r) => r.lastPackageAt !== null);
  const sum = (pick: (r: TownMonth) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const paragraphs: string[] = [];
  paragraphs.push(
    `${periodLabel(input.month)}，${input.county}登记乡镇 ${rows.length} 个，其中 ${reported.length} 个报送了数据。以下情况均取自各乡镇最近一次报送的数据包。`,
  );
  if (reported.length === 0) return paragraphs;
  paragraphs.push(
    `${input.month === input.today.slice(0, 7) ? '截至今天' : '截至月底'}，全县未销号问题 ${sum((r) => r.open)} 个，其中逾期 ${sum((r) => r.overdue)} 个；上级督查反馈问题尚未销号 ${sum((r) => r.upperOpen)} 个。本月巡河巡林 ${sum((r) => r.patrols)} 次，工作记录 ${sum((r) => r.workRecords)} 条。`,
  );
  const scored = reported
    .filter((r) => r.average !== null)
    .sort((a, b) => b.average! - a.average! || a.town.localeCompare(b.town, 'zh-CN'));
  if (scored.length >= 2) {
    const best = scored[0]!;
    const low = scored.at(-1)!;
    paragraphs.push(
      `村庄考核平均分最高的是${best.town}（${best.average!.toFixed(2)} 分），最低的是${low.town}（${low.average!.toFixed(2)} 分）；${rows.length - scored.length} 个乡镇本月红黄榜未发布或未报送。`,
    );
  } else if (scored.length === 1)
    paragraphs.push(
      `本月只有${scored[0]!.town}发布了红黄榜（平均 ${scored[0]!.average!.toFixed(2)} 分）。`,
    );
  const late = reported
    .filter((r) => r.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue || a.town.localeCompare(b.town, 'zh-CN'))
    .slice(0, 3);
  if (late.length > 0)
    paragraphs.push(
      `逾期问题较多的乡镇：${late.map((r) => `${r.town}（${r.overdue} 个）`).join('、')}，请抓紧整改。`,
    );
  const waiting = rows
    .filter((r) => r.waitedDays === null || r.waitedDays > WAIT_LIMIT_DAYS)
    .sort((a, b) => (b.waitedDays ?? Infinity) - (a.waitedDays ?? Infinity));
  if (waiting.length > 0)
    paragraphs.push(
      `超过 ${WAIT_LIMIT_DAYS} 天未报送数据的乡镇：${waiting
        .map((r) =>
          r.waitedDays === null
            ? `${r.town}（没有可用的数据包）`
            : `${r.town}（已等 ${r.waitedDays} 天）`,
        )
        .join('、')}。`,
    );
  return paragraphs;
}

import { useParams } from 'react-router';
import {
  COMPARISON_COLUMNS,
  COMPARISON_LABELS,
  comparisonText,
  countySummary,
  type ComparisonColumn,
} from '@shared/domain/countyBriefing';
import type { TownMonth } from '@shared/domain/county';
import { formatChineseDate, toIsoDate } from '@shared/domain/dates';
import { isMonthKey, lastDayOfMonth, periodLabel } from '@shared/domain/period';
import { PrintLayout } from '../print/PrintLayout';
import { PrintTable, type PrintColumn } from '../print/PrintTable';
import { PRINT } from '../print/strings';
import { COUNTY } from './strings';
import { useCountyName, useCountyOverview, useFeedbackLists } from '../../db/hooks';

/** Columns of figures: right-aligned, on one line. */
const NUMBERS = new Set<ComparisonColumn>(
  COMPARISON_COLUMNS.filter((c) => c !== 'town' && c !== 'lastPackage'),
);

/**
 * `#/print/county/:month`: the county's briefing of its towns for a month (A4 landscape, the
 * town's print rules): a summary in sentences, the comparison as 全县总览 shows it (ordered by
 * the average score), and the feedback lists issued that month.
 */
export function CountyBriefingPrintPage() {
  const { month = '' } = useParams();
  const today = toIsoDate(new Date());
  const valid = isMonthKey(month);
  const county = useCountyName();
  const rows = useCountyOverview(valid ? month : today.slice(0, 7), today);
  const lists = useFeedbackLists();
  const asOf = valid && lastDayOfMonth(month) < today ? lastDayOfMonth(month) : today;
  const title = `${county ?? ''}各乡镇生态环境工作情况通报`;
  const ordered = [...(rows ?? [])].sort(
    (a, b) => (b.average ?? -1) - (a.average ?? -1) || a.town.localeCompare(b.town, 'zh-CN'),
  );
  const issued = (lists ?? []).filter(
    (l) =>
      l.status === 'issued' && l.issuedAt && toIsoDate(new Date(l.issuedAt)).slice(0, 7) === month,
  );
  const columns: PrintColumn<TownMonth>[] = COMPARISON_COLUMNS.map((c) => ({
    header: COMPARISON_LABELS[c],
    cell: (r: TownMonth) => comparisonText(r, c),
    ...(NUMBERS.has(c) ? { align: 'num' as const, nowrap: true } : { nowrap: true }),
    ...(c === 'town' ? { width: '10%' } : {}),
  }));
  return (
    <PrintLayout
      title={`${title}（${periodLabel(month)}）`}
      header={PRINT.header(county ?? '', periodLabel(month))}
      landscape
      ready={valid && county !== undefined && rows !== undefined && lists !== undefined}
      fileName={`${title}（${periodLabel(month)}）.pdf`}
    >
      <article data-testid="county-briefing">
        <h1>{title}</h1>
        <p className="doc-subtitle">
          {periodLabel(month)} · 截至 {formatChineseDate(asOf)}
        </p>
        {countySummary({ county: county ?? '', month, today, rows: rows ?? [] }).map((p) => (
          <p key={p}>{p}</p>
        ))}
        <h2>一、各乡镇情况对比</h2>
        <PrintTable rows={ordered} empty="还没有接收过乡镇的数据。" columns={columns} />
        <p className="plain">注：{COUNTY.overview.columnHelp}</p>
        <h2>二、本月下发的督查反馈清单</h2>
        <PrintTable
          rows={issued}
          empty="本月没有下发督查反馈清单。"
          columns={[
            { header: '乡镇', cell: (l) => l.townName, width: '14%', nowrap: true },
            { header: '批次或文号', cell: (l) => l.batch },
            { header: '交办日期', cell: (l) => l.issuedOn, width: '14%', nowrap: true },
            {
              header: '问题数',
              cell: (l) => l.items.length,
              align: 'num',
              width: '10%',
              nowrap: true,
            },
            {
              header: '其中督办',
              cell: (l) => l.items.filter((i) => i.presses).length,
              align: 'num',
              width: '10%',
              nowrap: true,
            },
          ]}
        />
      </article>
    </PrintLayout>
  );
}

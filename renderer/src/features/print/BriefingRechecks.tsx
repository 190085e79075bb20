import type { BriefingRechecks } from '@shared/domain/recheck';
import { percent } from '@shared/domain/recheck';
import { periodLabel } from '@shared/domain/period';
import { PrintTable } from './PrintTable';

/** How many due re-checks the briefing names; the rest are counted in the sentence. */
const LISTED = 30;

const rate = (rebounded: number, closed: number) =>
  percent(closed === 0 ? null : rebounded / closed);

/**
 * The ledger section's 回头看 part: a sentence with the month's checks, the rebound rate of the
 * last 12 months and the month's rebounds, then the checks still to do by name.
 */
export function BriefingRecheckPart({ r, month }: { r: BriefingRechecks; month: string }) {
  const bySource = r.rate.bySource.filter((s) => s.closed > 0);
  return (
    <>
      <h3>（四）回头看与反弹</h3>
      <p data-testid="briefing-rechecks">
        {periodLabel(month)}应回头看 {r.month.due} 次，按时完成 {r.month.onTime} 次
        {r.month.late > 0 ? `、补做 ${r.month.late} 次` : ''}
        {r.month.missed > 0 ? `，${r.month.missed} 次尚未完成` : ''}。近 12 个月（{r.rate.from} 至{' '}
        {r.rate.to}）销号 {r.rate.closed} 个问题，{r.rate.months} 个月内反弹 {r.rate.rebounded}{' '}
        个，反弹率 {rate(r.rate.rebounded, r.rate.closed)}
        {bySource.length > 0
          ? `（${bySource.map((s) => `${s.label} ${s.rebounded}/${s.closed}`).join('，')}）`
          : ''}
        。
        {r.rebounds.length > 0
          ? `本月发现反弹 ${r.rebounds.length} 个：${r.rebounds
              .map((x) => `${x.village}${x.category} ${x.number}（另开 ${x.newNumber}）`)
              .join('；')}。`
          : '本月未发现反弹。'}
      </p>
      {r.due.length > 0 ? (
        <>
          <p>
            待回头看 {r.due.length} 项{r.due.length > LISTED ? `，列出最早的 ${LISTED} 项` : ''}：
          </p>
          <PrintTable
            testId="briefing-recheck-due"
            rows={r.due.slice(0, LISTED)}
            empty=""
            columns={[
              { header: '编号', cell: (d) => d.number, width: '18%', nowrap: true },
              { header: '村', cell: (d) => d.village, width: '12%' },
              { header: '类别', cell: (d) => d.category },
              { header: '次别', cell: (d) => d.label, width: '18%' },
              { header: '应查日期', cell: (d) => d.due, align: 'center', width: '14%' },
              {
                header: '逾期天数',
                cell: (d) => (d.daysOverdue > 0 ? d.daysOverdue : ''),
                align: 'num',
                width: '10%',
              },
            ]}
          />
        </>
      ) : null}
    </>
  );
}

import type { PeriodResult } from '../domain/assessment';
import type { Briefing } from '../domain/briefing';
import { isLive } from '../domain/record';
import { SOURCE_LABELS, STATUS_LABELS } from '../domain/ledger';
import type { Problem } from '../domain/problem';

/**
 * The readable copies inside a package, for people at the county who open it without the app:
 * the ledger and the published results as sheet rows (header first). The complainant of a
 * public complaint is never in them.
 */
export function ledgerSheet(
  problems: readonly Problem[],
  villageNames: ReadonlyMap<string, string>,
): (string | number)[][] {
  return [
    [
      '编号',
      '来源',
      '上级问题编号',
      '类别',
      '村',
      '地点',
      '问题描述',
      '整改要求',
      '发现日期',
      '整改时限',
      '责任人',
      '状态',
      '督办',
    ],
    ...[...problems]
      .filter((p) => p.deletedAt === undefined)
      .sort((a, b) => a.number.localeCompare(b.number))
      .map((p) => [
        p.number,
        SOURCE_LABELS[p.source],
        p.countyNumber ?? '',
        p.category,
        p.villageId ? (villageNames.get(p.villageId) ?? '') : '',
        p.place,
        p.description,
        p.requirement ?? '',
        p.foundOn,
        p.deadline,
        p.responsiblePerson,
        STATUS_LABELS[p.status],
        p.supervised ? '是' : '',
      ]),
  ];
}

const FLAG = { red: '红旗', yellow: '黄旗' } as const;

export function resultsSheet(results: readonly PeriodResult[]): (string | number)[][] {
  return [
    ['期别', '村', '得分', '名次', '红黄旗', '原因'],
    ...[...results]
      .sort((a, b) => a.id.localeCompare(b.id))
      .flatMap((r) =>
        r.rows.map((row) => [
          r.id,
          row.name,
          row.score,
          row.rank,
          row.flag && !(row.flag === 'red' && row.withdrawn) ? FLAG[row.flag] : '',
          row.flagReason,
        ]),
      ),
  ];
}

/**
 * The briefing a package carries as a PDF for people at the county: the latest issued one of the
 * period — of its last month that has one, the last issued (a re-issue replaces the earlier one).
 * Months are `YYYY-MM`; an empty bound is open.
 */
export function briefingForPackage(
  issued: readonly Briefing[],
  period: { from: string; to: string },
): Briefing | null {
  const inPeriod = issued.filter(
    (b) =>
      b.status === 'issued' &&
      isLive(b) &&
      (period.from === '' || b.month >= period.from) &&
      (period.to === '' || b.month <= period.to),
  );
  const latest = (a: Briefing, b: Briefing) =>
    b.month.localeCompare(a.month) || (b.issuedAt ?? '').localeCompare(a.issuedAt ?? '');
  return [...inPeriod].sort(latest)[0] ?? null;
}

/** Where a briefing's PDF goes in a package. */
export const briefingPdfName = (month: string) => `readable/月度通报-${month}.pdf`;

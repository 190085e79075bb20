import { useMemo } from 'react';
import type { PeriodResult } from '@shared/domain/assessment';
import { averageTrend, villageTiles } from '@shared/domain/dashboard';
import { setupProgress } from '@shared/domain/setupProgress';
import { toIsoDate } from '@shared/domain/dates';
import {
  useAllResults,
  usePeople,
  useLedgerStats,
  useRuleDocuments,
  useTown,
  useVillages,
} from '../../db/hooks';

export function useDashboard(requestedMonth: string | null) {
  const town = useTown();
  const villages = useVillages();
  const people = usePeople();
  const ruleDocuments = useRuleDocuments();
  const results = useAllResults();
  const ledger = useLedgerStats(toIsoDate(new Date()));
  // What does not depend on the chosen month is computed once per data change, so that a month
  // change recomputes (and re-renders) only what shows that month.
  const base = useMemo(() => {
    if (!results) return undefined;
    return {
      byId: new Map<string, PeriodResult>(results.map((r) => [r.id, r])),
      months: results
        .filter((r) => r.cadence === 'month')
        .map((r) => r.id)
        .reverse(),
      trend: averageTrend(results),
    };
  }, [results]);
  const progress = useMemo(
    () =>
      villages && people && ruleDocuments
        ? setupProgress({ villages, people, ruleDocuments })
        : undefined,
    [villages, people, ruleDocuments],
  );
  return useMemo(() => {
    // The ledger's figures may arrive a moment after the tiles: they never hold the page back.
    if (!town || !villages || !people || !base || !progress) return undefined;
    const { byId, months } = base;
    const month = requestedMonth && byId.has(requestedMonth) ? requestedMonth : (months[0] ?? null);
    const current = month ? byId.get(month) : undefined;
    const leaders = new Map(people.map((p) => [p.id, p.name]));
    return {
      town,
      progress,
      months,
      month,
      current,
      trend: base.trend,
      ledger,
      resultOf: (key: string | null) => (key ? byId.get(key) : undefined),
      tiles: villageTiles(villages, byId, month ?? '').map((tile, i) => ({
        ...tile,
        secretary: villages[i]?.secretary ?? '',
        leaderName: leaders.get(villages[i]?.leaderId ?? '') ?? '',
        problems: ledger?.byVillage.get(tile.villageId) ?? { open: 0, overdue: 0, closed: 0 },
      })),
      flagCounts: {
        red: current?.rows.filter((r) => r.flag === 'red' && !r.withdrawn).length ?? 0,
        yellow: current?.rows.filter((r) => r.flag === 'yellow').length ?? 0,
      },
    };
  }, [town, villages, people, base, progress, ledger, requestedMonth]);
}

import { useMemo } from 'react';
import type { PeriodResult } from '@shared/domain/assessment';
import { averageTrend, villageTiles } from '@shared/domain/dashboard';
import { setupProgress } from '@shared/domain/setupProgress';
import { useAllResults, usePeople, useRuleDocuments, useTown, useVillages } from '../../db/hooks';

export function useDashboard(requestedMonth: string | null) {
  const town = useTown();
  const villages = useVillages();
  const people = usePeople();
  const ruleDocuments = useRuleDocuments();
  const results = useAllResults();
  return useMemo(() => {
    if (!town || !villages || !people || !ruleDocuments || !results) return undefined;
    const byId = new Map<string, PeriodResult>(results.map((r) => [r.id, r]));
    const months = results
      .filter((r) => r.cadence === 'month')
      .map((r) => r.id)
      .reverse();
    const month = requestedMonth && byId.has(requestedMonth) ? requestedMonth : (months[0] ?? null);
    const current = month ? byId.get(month) : undefined;
    return {
      town,
      progress: setupProgress({ villages, people, ruleDocuments }),
      months,
      month,
      current,
      tiles: villageTiles(villages, byId, month ?? '').map((tile) => {
        const village = villages.find((v) => v.id === tile.villageId);
        return {
          ...tile,
          secretary: village?.secretary ?? '',
          leaderName: people.find((p) => p.id === village?.leaderId)?.name ?? '',
        };
      }),
      trend: averageTrend(results),
      flagCounts: {
        red: current?.rows.filter((r) => r.flag === 'red' && !r.withdrawn).length ?? 0,
        yellow: current?.rows.filter((r) => r.flag === 'yellow').length ?? 0,
      },
    };
  }, [town, villages, people, ruleDocuments, results, requestedMonth]);
}

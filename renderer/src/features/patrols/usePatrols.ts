import { useMemo } from 'react';
import { toIsoDate } from '@shared/domain/dates';
import { inSeason, monthCompliance } from '@shared/domain/patrol';
import {
  useForestPlots,
  usePatrolMonth,
  usePatrolRules,
  usePeople,
  useRivers,
  useVillages,
} from '../../db/hooks';

/** A month of patrols with who is behind, the grid (rivers, plots) and the names to show. */
export function usePatrols(month: string) {
  const rivers = useRivers();
  const plots = useForestPlots();
  const rules = usePatrolRules();
  const people = usePeople();
  const villages = useVillages();
  const patrols = usePatrolMonth(month);
  const today = toIsoDate(new Date());
  return useMemo(() => {
    if (!rivers || !plots || !rules || !people || !villages || !patrols) return undefined;
    const names = new Map<string, string>([
      ...people.map((p) => [p.id, p.name] as [string, string]),
      ...villages.map((v) => [v.id, v.name] as [string, string]),
    ]);
    const compliance = monthCompliance({
      rivers,
      people,
      river: patrols.river,
      forest: patrols.forest,
      rules,
      month,
      asOf: today,
    });
    return {
      today,
      rivers,
      plots,
      rules,
      people,
      villages,
      names,
      patrols,
      riverRows: compliance.river,
      rangerRows: compliance.rangers,
      fireSeason: inSeason(today, rules.fireSeason),
      highRisk: rules.highRisk.filter((r) => inSeason(today, r)).map((r) => r.name),
      segmentName: (riverId: string, segmentId: string) => {
        const river = rivers.find((r) => r.id === riverId);
        return `${river?.name ?? ''}${river?.segments.find((s) => s.id === segmentId)?.name ?? ''}`;
      },
      plotName: (plotId: string) => plots.find((p) => p.id === plotId)?.name ?? '',
    };
  }, [rivers, plots, rules, people, villages, patrols, month, today]);
}

export type PatrolData = NonNullable<ReturnType<typeof usePatrols>>;

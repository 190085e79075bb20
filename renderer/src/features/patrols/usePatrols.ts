import { useMemo } from 'react';
import { toIsoDate } from '@shared/domain/dates';
import { inSeason, rangerCompliance, riverCompliance } from '@shared/domain/patrol';
import { PERSON_ROLE_LABELS } from '@shared/domain/person';
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
    const rangers = people
      .filter(
        (p) => p.roles.includes('publicWelfareRanger') || p.roles.includes('ecologicalRanger'),
      )
      .map((p) => ({
        id: p.id,
        name: p.name,
        type: p.roles.includes('publicWelfareRanger')
          ? PERSON_ROLE_LABELS.publicWelfareRanger
          : PERSON_ROLE_LABELS.ecologicalRanger,
      }));
    return {
      today,
      rivers,
      plots,
      rules,
      people,
      villages,
      names,
      patrols,
      riverRows: riverCompliance({
        rivers,
        patrols: patrols.river,
        names,
        rules,
        month,
        asOf: today,
      }),
      rangerRows: rangerCompliance({ rangers, patrols: patrols.forest, rules, month, asOf: today }),
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

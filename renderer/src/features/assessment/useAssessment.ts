import { useMemo } from 'react';
import { scorePeriod } from '@shared/domain/assessment';
import type { VillageScore } from '@shared/domain/scoring';
import { usePeriodData } from '../../db/hooks';

/** A month's scoring data, with every village's score computed live from its cells. */
export function usePeriodView(month: string) {
  const view = usePeriodData(month);
  return useMemo(() => {
    if (!view) return undefined;
    const cells = new Map(view.deductions.map((d) => [`${d.villageId}:${d.itemCode}`, d]));
    const checks = new Map(view.checks.map((c) => [c.villageId, c]));
    const computed = view.standard
      ? scorePeriod({
          standard: view.standard,
          villages: view.villages,
          deductions: view.deductions,
          checks: view.checks,
        })
      : null;
    return {
      ...view,
      cells,
      checks,
      scores: computed?.scores ?? new Map<string, VillageScore>(),
      inputs: computed?.inputs ?? [],
    };
  }, [view]);
}

export type PeriodView = NonNullable<ReturnType<typeof usePeriodView>>;

import { useMemo } from 'react';
import { setupProgress } from '@shared/domain/setupProgress';
import { usePeople, useRuleDocuments, useTown, useVillages } from '../../db/hooks';

export function useDashboard() {
  const town = useTown();
  const villages = useVillages();
  const people = usePeople();
  const ruleDocuments = useRuleDocuments();
  return useMemo(() => {
    if (!town || !villages || !people || !ruleDocuments) return undefined;
    const names = new Map(people.map((p) => [p.id, p.name]));
    return {
      town,
      progress: setupProgress({ villages, people, ruleDocuments }),
      villages: villages.map((v) => ({
        ...v,
        leaderName: v.leaderId ? names.get(v.leaderId) : undefined,
      })),
    };
  }, [town, villages, people, ruleDocuments]);
}

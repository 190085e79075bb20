import { countByRole, type Person } from './person';
import type { RuleDocument } from './ruleDocument';
import type { Village } from './village';

export interface SetupProgress {
  villages: number;
  villagesWithoutSecretary: number;
  villagesWithoutLeader: number;
  people: number;
  townLeaders: number;
  riverChiefs: number;
  forestChiefs: number;
  publicWelfareRangers: number;
  ecologicalRangers: number;
  leadingGroupMembers: number;
  ruleDocuments: number;
}

/** What the town's set-up holds and what is still missing, counted over live records only. */
export function setupProgress(input: {
  villages: readonly Village[];
  people: readonly Person[];
  ruleDocuments: readonly RuleDocument[];
}): SetupProgress {
  const villages = input.villages.filter((v) => v.deletedAt === undefined);
  const people = input.people.filter((p) => p.deletedAt === undefined);
  const leaderIds = new Set(people.filter((p) => p.roles.includes('townLeader')).map((p) => p.id));
  const roles = countByRole(people);
  return {
    villages: villages.length,
    villagesWithoutSecretary: villages.filter((v) => v.secretary.trim() === '').length,
    villagesWithoutLeader: villages.filter((v) => !v.leaderId || !leaderIds.has(v.leaderId)).length,
    people: people.length,
    townLeaders: roles.townLeader,
    riverChiefs: roles.townRiverChief + roles.villageRiverChief,
    forestChiefs: roles.forestChief,
    publicWelfareRangers: roles.publicWelfareRanger,
    ecologicalRangers: roles.ecologicalRanger,
    leadingGroupMembers: people.filter((p) => p.groupPosition !== undefined).length,
    ruleDocuments: input.ruleDocuments.filter((d) => d.deletedAt === undefined).length,
  };
}

import type { DueAction, PeriodResult, ResultRow } from './assessment';
import { dueActions, type ConsequenceRules } from './consequences';
import { awardFlags, type FlagRules } from './flags';
import { addDays } from './period';
import { averageScore, rankVillages, type RankInput } from './ranking';

/** The 红黄榜 of a flag period: ranked rows with their flags and reasons. */
export function buildResultRows(
  inputs: readonly RankInput[],
  rules: FlagRules,
  withFlags: boolean,
): Pick<PeriodResult, 'rows' | 'unscored' | 'average'> {
  const { ranked, unscored } = rankVillages(inputs);
  const flags = withFlags ? awardFlags(ranked, rules) : [];
  const flagOf = new Map(flags.map((f) => [f.villageId, f]));
  const lossesOf = new Map(inputs.map((i) => [i.villageId, i.losses ?? '']));
  // A yellow flag says what cost the village its points, not only its rank.
  const reasonOf = (villageId: string) => {
    const flag = flagOf.get(villageId);
    if (!flag) return '';
    const losses = lossesOf.get(villageId);
    return flag.color === 'yellow' && losses ? `${flag.reason}主要扣分：${losses}。` : flag.reason;
  };
  const rows: ResultRow[] = ranked.map((v) => ({
    villageId: v.villageId,
    name: v.name,
    score: v.score,
    rank: v.rank,
    rankFromBottom: v.rankFromBottom,
    tied: v.tied,
    seriousCount: v.seriousCount,
    flag: flagOf.get(v.villageId)?.color ?? null,
    flagReason: reasonOf(v.villageId),
  }));
  return {
    rows,
    unscored: unscored.map((u) => ({ villageId: u.villageId, name: u.name })),
    average: averageScore(ranked),
  };
}

/** Flags in force: awarded and not withdrawn. */
export function effectiveFlags(rows: readonly ResultRow[]) {
  return rows
    .filter((r) => r.flag !== null && !r.withdrawn)
    .map((r) => ({ villageId: r.villageId, color: r.flag!, reason: r.flagReason }));
}

export function yellowSet(result: Pick<PeriodResult, 'rows'> | undefined): Set<string> {
  return new Set(
    effectiveFlags(result?.rows ?? [])
      .filter((f) => f.color === 'yellow')
      .map((f) => f.villageId),
  );
}

/**
 * The actions a published result calls for. `earlier` holds the earlier flag periods' results,
 * most recent first, stopping at the first missing one (a gap breaks a streak).
 */
export function actionsForResult(input: {
  result: Pick<PeriodResult, 'id' | 'rows'>;
  earlier: readonly Pick<PeriodResult, 'rows'>[];
  rules: ConsequenceRules;
  publishedOn: string;
}): Pick<DueAction, 'periodKey' | 'villageId' | 'kind' | 'title' | 'dueDate' | 'amountYuan'>[] {
  const previous = input.earlier[0];
  const drafts = dueActions({
    flags: effectiveFlags(input.result.rows),
    priorYellows: input.earlier.map(yellowSet),
    ranks: new Map(input.result.rows.map((r) => [r.villageId, r.rank])),
    previousRanks: previous ? new Map(previous.rows.map((r) => [r.villageId, r.rank])) : null,
    rules: input.rules,
  });
  const dueDate = addDays(input.publishedOn, input.rules.dueDays);
  return drafts.map((d) => ({ ...d, periodKey: input.result.id, dueDate }));
}

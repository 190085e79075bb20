import type { FlagAward } from './flags';

export type ConsequenceKind = 'speech' | 'interview' | 'redReward' | 'progressPrize';

export const CONSEQUENCE_LABELS: Record<ConsequenceKind, string> = {
  speech: '表态发言',
  interview: '镇纪委约谈',
  redReward: '红旗奖励',
  progressPrize: '进步奖',
};

export interface ConsequenceRules {
  /** A yellow flag: the village secretary speaks at the results meeting. */
  speechOnYellow: boolean;
  /** This many yellow flags in a row (this period included): 镇纪委约谈. 0 turns it off. */
  interviewAfterYellows: number;
  /** Climbing at least this many places since the last period wins the progress prize; 0 = off. */
  progressPlaces: number;
  redRewardYuan: number;
  progressRewardYuan: number;
  /** Days after the period's results within which the action is due. */
  dueDays: number;
}

export const DEFAULT_CONSEQUENCE_RULES: ConsequenceRules = {
  speechOnYellow: true,
  interviewAfterYellows: 2,
  progressPlaces: 3,
  redRewardYuan: 2000,
  progressRewardYuan: 1000,
  dueDays: 10,
};

export interface DueActionDraft {
  villageId: string;
  kind: ConsequenceKind;
  /** What is due, worded for the list and the briefing. */
  title: string;
  amountYuan?: number | undefined;
}

/**
 * The actions a period's flags and ranks call for.
 * - `flags`: this period's flags, withdrawn red flags already removed;
 * - `priorYellows`: the villages with a yellow flag in each earlier flag period, most recent first
 *   (so the streak runs across a year boundary: 2026-01 follows 2025-12);
 * - `ranks` and `previousRanks`: this and the previous period's ranks, for the progress prize.
 */
export function dueActions(input: {
  flags: readonly FlagAward[];
  priorYellows: readonly ReadonlySet<string>[];
  ranks: ReadonlyMap<string, number>;
  previousRanks: ReadonlyMap<string, number> | null;
  rules: ConsequenceRules;
}): DueActionDraft[] {
  const { rules } = input;
  const actions: DueActionDraft[] = [];
  for (const flag of input.flags) {
    if (flag.color === 'red' && rules.redRewardYuan > 0) {
      actions.push({
        villageId: flag.villageId,
        kind: 'redReward',
        title: `发放红旗奖励 ${rules.redRewardYuan} 元`,
        amountYuan: rules.redRewardYuan,
      });
    }
    if (flag.color !== 'yellow') continue;
    if (rules.speechOnYellow) {
      actions.push({
        villageId: flag.villageId,
        kind: 'speech',
        title: '村党支部书记在评比结果通报会上表态发言',
      });
    }
    if (rules.interviewAfterYellows > 0) {
      let streak = 1;
      for (const yellows of input.priorYellows) {
        if (!yellows.has(flag.villageId)) break;
        streak += 1;
      }
      if (streak >= rules.interviewAfterYellows) {
        actions.push({
          villageId: flag.villageId,
          kind: 'interview',
          title: `连续 ${streak} 次黄旗，由镇纪委约谈村党支部书记`,
        });
      }
    }
  }
  if (input.previousRanks && rules.progressPlaces > 0) {
    for (const [villageId, rank] of input.ranks) {
      const before = input.previousRanks.get(villageId);
      if (before === undefined) continue;
      const climbed = before - rank;
      if (climbed >= rules.progressPlaces) {
        actions.push({
          villageId,
          kind: 'progressPrize',
          title: `排名从第 ${before} 名升至第 ${rank} 名（上升 ${climbed} 位），发放进步奖${rules.progressRewardYuan > 0 ? ` ${rules.progressRewardYuan} 元` : ''}`,
          amountYuan: rules.progressRewardYuan > 0 ? rules.progressRewardYuan : undefined,
        });
      }
    }
  }
  return actions;
}

export function validateConsequenceRules(rules: ConsequenceRules): string[] {
  const problems: string[] = [];
  const whole = (n: number, max: number) => Number.isInteger(n) && n >= 0 && n <= max;
  if (!whole(rules.interviewAfterYellows, 12))
    problems.push('约谈条件应为 0 到 12 之间的整数（0 表示不约谈）。');
  if (!whole(rules.progressPlaces, 50))
    problems.push('进步奖名次应为 0 到 50 之间的整数（0 表示不设进步奖）。');
  if (!whole(rules.redRewardYuan, 1_000_000))
    problems.push('红旗奖励金额应为不小于 0 的整数（元）。');
  if (!whole(rules.progressRewardYuan, 1_000_000))
    problems.push('进步奖金额应为不小于 0 的整数（元）。');
  if (!whole(rules.dueDays, 365)) problems.push('完成期限应为 0 到 365 之间的整数（天）。');
  return problems;
}

/** Where an action a flag calls for stands, the same on every screen. */
export type ActionState = 'done' | 'overdue' | 'pending';

/** Done once marked done; overdue from the day after its due date; else still to be done. */
export function actionState(
  action: { dueDate: string; doneAt?: string | undefined },
  today: string,
): ActionState {
  if (action.doneAt) return 'done';
  return action.dueDate < today ? 'overdue' : 'pending';
}

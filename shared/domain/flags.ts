import type { RankedVillage } from './ranking';

export type FlagColor = 'red' | 'yellow';

export const FLAG_LABELS: Record<FlagColor, { word: string; symbol: string }> = {
  red: { word: '红旗', symbol: '▲' },
  yellow: { word: '黄旗', symbol: '▼' },
};

export interface FlagRules {
  /** 'month': flags every month; 'quarter': on the mean of the quarter's months. */
  cadence: 'month' | 'quarter';
  redCount: number;
  redMinScore: number;
  yellowCount: number;
  yellowBelowScore: number;
}

export const DEFAULT_FLAG_RULES: FlagRules = {
  cadence: 'month',
  redCount: 3,
  redMinScore: 90,
  yellowCount: 3,
  yellowBelowScore: 80,
};

export interface FlagAward {
  villageId: string;
  color: FlagColor;
  reason: string;
}

/**
 * Red flags to the top N whose score is at least R; yellow flags to the bottom N whose score is
 * below Y. Ranks are shared on ties, so a tie at the cut gives the flag to every tied village;
 * a period can give fewer flags when too few villages qualify. A village never gets both.
 */
export function awardFlags(ranked: readonly RankedVillage[], rules: FlagRules): FlagAward[] {
  const awards: FlagAward[] = [];
  for (const v of ranked) {
    if (v.rank <= rules.redCount && v.score >= rules.redMinScore) {
      awards.push({
        villageId: v.villageId,
        color: 'red',
        reason: `得分 ${v.score} 分，全镇第 ${v.rank} 名${v.tied ? '（并列）' : ''}；红旗标准：前 ${rules.redCount} 名且不低于 ${rules.redMinScore} 分。`,
      });
    }
  }
  const red = new Set(awards.map((a) => a.villageId));
  for (const v of [...ranked].reverse()) {
    if (red.has(v.villageId)) continue;
    if (v.rankFromBottom <= rules.yellowCount && v.score < rules.yellowBelowScore) {
      awards.push({
        villageId: v.villageId,
        color: 'yellow',
        reason: `得分 ${v.score} 分，倒数第 ${v.rankFromBottom} 名${v.tied ? '（并列）' : ''}；黄旗标准：后 ${rules.yellowCount} 名且低于 ${rules.yellowBelowScore} 分。`,
      });
    }
  }
  return awards;
}

export function validateFlagRules(rules: FlagRules): string[] {
  const problems: string[] = [];
  const count = (n: number) => Number.isInteger(n) && n >= 0 && n <= 50;
  const score = (n: number) => Number.isFinite(n) && n >= 0 && n <= 100;
  if (!count(rules.redCount)) problems.push('红旗名额应为 0 到 50 之间的整数。');
  if (!count(rules.yellowCount)) problems.push('黄旗名额应为 0 到 50 之间的整数。');
  if (!score(rules.redMinScore)) problems.push('红旗最低分应在 0 到 100 之间。');
  if (!score(rules.yellowBelowScore)) problems.push('黄旗分数线应在 0 到 100 之间。');
  if (
    score(rules.redMinScore) &&
    score(rules.yellowBelowScore) &&
    rules.yellowBelowScore > rules.redMinScore
  ) {
    problems.push('黄旗分数线不能高于红旗最低分。');
  }
  return problems;
}

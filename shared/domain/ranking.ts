import { round2 } from './standard';

export interface RankInput {
  villageId: string;
  name: string;
  /** Null when the village was not scored this period. */
  score: number | null;
  seriousCount: number;
  /** What cost it its points (its largest deductions), for a yellow flag's reason. */
  losses?: string | undefined;
}

export interface RankedVillage {
  villageId: string;
  name: string;
  score: number;
  seriousCount: number;
  /** Competition rank: villages with equal scores share it (1, 2, 2, 4). */
  rank: number;
  /** The same counted from the bottom: 1 is the lowest score. */
  rankFromBottom: number;
  tied: boolean;
}

/**
 * Ranks the scored villages: higher score first; equal scores share a rank and are listed by
 * fewer serious deductions, then by name (pinyin order). Unscored villages are listed apart.
 */
export function rankVillages(inputs: readonly RankInput[]): {
  ranked: RankedVillage[];
  unscored: RankInput[];
} {
  const scored = inputs.filter((v): v is RankInput & { score: number } => v.score !== null);
  const unscored = inputs.filter((v) => v.score === null);
  const ordered = [...scored].sort(
    (a, b) =>
      b.score - a.score || a.seriousCount - b.seriousCount || a.name.localeCompare(b.name, 'zh-CN'),
  );
  const ranked = ordered.map((v) => {
    const higher = scored.filter((o) => o.score > v.score).length;
    const lower = scored.filter((o) => o.score < v.score).length;
    const same = scored.filter((o) => o.score === v.score).length;
    return {
      villageId: v.villageId,
      name: v.name,
      score: v.score,
      seriousCount: v.seriousCount,
      rank: higher + 1,
      rankFromBottom: lower + 1,
      tied: same > 1,
    };
  });
  return { ranked, unscored };
}

/** The town average of the scored villages, or null when none was scored. */
export function averageScore(ranked: readonly { score: number }[]): number | null {
  if (ranked.length === 0) return null;
  return round2(ranked.reduce((sum, v) => sum + v.score, 0) / ranked.length);
}

/**
 * Quarterly scores: each village's mean over the months of the quarter in which it was scored
 * (a month it missed is left out, not counted as zero); serious deductions add up.
 */
export function quarterlyInputs(months: readonly (readonly RankInput[])[]): RankInput[] {
  const byVillage = new Map<string, { name: string; scores: number[]; serious: number }>();
  for (const month of months) {
    for (const v of month) {
      const entry = byVillage.get(v.villageId) ?? { name: v.name, scores: [], serious: 0 };
      if (v.score !== null) {
        entry.scores.push(v.score);
        entry.serious += v.seriousCount;
      }
      byVillage.set(v.villageId, entry);
    }
  }
  return [...byVillage].map(([villageId, v]) => ({
    villageId,
    name: v.name,
    score:
      v.scores.length === 0 ? null : round2(v.scores.reduce((s, x) => s + x, 0) / v.scores.length),
    seriousCount: v.serious,
  }));
}

import type { PeriodResult } from './assessment';
import type { FlagColor } from './flags';
import { previousMonth } from './period';

/** DHIS2-scorecard style bands: the score's band, and where it stands against the average. */
export type Band = 'good' | 'watch' | 'bad';

export function scoreBand(
  score: number,
  rules: { good: number; bad: number } = { good: 90, bad: 80 },
): Band {
  if (score >= rules.good) return 'good';
  if (score < rules.bad) return 'bad';
  return 'watch';
}

export const BAND_LABELS: Record<Band, string> = { good: '优', watch: '中', bad: '差' };

export interface VillageTile {
  villageId: string;
  name: string;
  score: number | null;
  rank: number | null;
  flag: FlagColor | null;
  withdrawn: boolean;
  /** Places climbed since the previous month (positive = up); null without both ranks. */
  rankChange: number | null;
  scoreChange: number | null;
  band: Band | null;
  /** Compared with the town average: 'above', 'below' or 'equal'. */
  versusAverage: 'above' | 'below' | 'equal' | null;
}

/** The dashboard's tile for every village in a month's result, with the change since last month. */
export function villageTiles(
  villages: readonly { id: string; name: string }[],
  results: ReadonlyMap<string, PeriodResult>,
  month: string,
): VillageTile[] {
  const current = results.get(month);
  const previous = current ? results.get(previousMonth(month)) : undefined;
  const rowOf = new Map(current?.rows.map((r) => [r.villageId, r]) ?? []);
  const before = new Map(previous?.rows.map((r) => [r.villageId, r]) ?? []);
  const average = current?.average ?? null;
  return villages.map((v) => {
    const row = rowOf.get(v.id);
    const last = before.get(v.id);
    return {
      villageId: v.id,
      name: v.name,
      score: row?.score ?? null,
      rank: row?.rank ?? null,
      flag: row?.flag ?? null,
      withdrawn: Boolean(row?.withdrawn),
      rankChange: row && last ? last.rank - row.rank : null,
      scoreChange: row && last ? Math.round((row.score - last.score) * 100) / 100 : null,
      band: row ? scoreBand(row.score) : null,
      versusAverage:
        row && average !== null
          ? row.score > average
            ? 'above'
            : row.score < average
              ? 'below'
              : 'equal'
          : null,
    };
  });
}

/** The town average month by month, for the trend chart (at most `limit` points, latest last). */
export function averageTrend(
  results: readonly PeriodResult[],
  limit = 24,
): { month: string; average: number }[] {
  return results
    .filter((r) => r.cadence === 'month' && r.average !== null)
    .sort((a, b) => a.id.localeCompare(b.id))
    .slice(-limit)
    .map((r) => ({ month: r.id, average: r.average! }));
}

import type { ConsequenceKind } from './consequences';
import type { FlagColor } from './flags';
import type { RankInput } from './ranking';
import type { BaseRecord } from './record';
import { largestLosses, scoreVillage, type DeductionEntry, type VillageScore } from './scoring';
import type { StandardVersion } from './standard';

/** One month of assessment (考核期). Closing it freezes it and publishes its results. */
export interface Period extends BaseRecord {
  /** The month, `YYYY-MM`. */
  id: string;
  status: 'open' | 'closed';
  standardId: string;
  /** 检查人员, as written on the inspection sheet. */
  inspectors: string;
  /** 检查日期 (YYYY-MM-DD). */
  inspectedOn: string;
  closedAt?: string | undefined;
  closedBy?: string | undefined;
}

/** What was found against one item in one village in one period (one grid cell). */
export interface Deduction extends BaseRecord, DeductionEntry {
  periodId: string;
  villageId: string;
  note: string;
  place: string;
  /** The rectification item opened from this deduction (the ledger links back). */
  problemId?: string | undefined;
  /** Photos taken on site, stored as attachments with a small thumbnail. */
  photos?: PhotoRef[] | undefined;
}

export interface PhotoRef {
  attachmentId: string;
  thumbnailId: string;
  name: string;
  size: number;
}

/** Site photos: JPEG or PNG, at most 10 MB each, at most 6 per cell. */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
export const PHOTOS_PER_CELL = 6;

/** Per village and period: bonus points, or "not inspected this period" (then no score). */
export interface VillageCheck extends BaseRecord {
  /** `${periodId}:${villageId}` */
  id: string;
  periodId: string;
  villageId: string;
  skipped: boolean;
  bonus: number;
  bonusReason: string;
}

export interface ResultRow {
  villageId: string;
  name: string;
  score: number;
  rank: number;
  rankFromBottom: number;
  tied: boolean;
  seriousCount: number;
  flag: FlagColor | null;
  flagReason: string;
  /** A red flag taken back (摘旗), with why, when and by whom. */
  withdrawn?: { reason: string; at: string; by: string } | undefined;
}

/** The published 红黄榜 of a flag period (a month, or a quarter when flags are quarterly). */
export interface PeriodResult extends BaseRecord {
  /** `YYYY-MM` or `YYYY-Qn`. */
  id: string;
  cadence: 'month' | 'quarter';
  rows: ResultRow[];
  unscored: { villageId: string; name: string }[];
  average: number | null;
  publishedAt: string;
  /** False for a month's scores when flags are quarterly: ranks only. */
  flagsAwarded: boolean;
}

/** An action a period's flags call for, and whether it was done. */
export interface DueAction extends BaseRecord {
  periodKey: string;
  villageId: string;
  kind: ConsequenceKind;
  title: string;
  dueDate: string;
  amountYuan?: number | undefined;
  doneAt?: string | undefined;
  doneNote?: string | undefined;
}

/** Scores every live village of a period; skipped villages get no score. */
export function scorePeriod(input: {
  standard: Pick<StandardVersion, 'categories' | 'items' | 'bonusCap'>;
  villages: readonly { id: string; name: string }[];
  deductions: readonly Pick<Deduction, 'villageId' | 'itemCode' | 'count' | 'points'>[];
  checks: readonly Pick<VillageCheck, 'villageId' | 'skipped' | 'bonus'>[];
}): { inputs: RankInput[]; scores: Map<string, VillageScore> } {
  const checks = new Map(input.checks.map((c) => [c.villageId, c]));
  const byVillage = new Map<string, DeductionEntry[]>();
  for (const d of input.deductions) {
    const list = byVillage.get(d.villageId) ?? [];
    list.push({ itemCode: d.itemCode, count: d.count, points: d.points });
    byVillage.set(d.villageId, list);
  }
  const scores = new Map<string, VillageScore>();
  const inputs = input.villages.map((village) => {
    const check = checks.get(village.id);
    if (check?.skipped)
      return { villageId: village.id, name: village.name, score: null, seriousCount: 0 };
    const result = scoreVillage({
      categories: input.standard.categories,
      items: input.standard.items,
      entries: byVillage.get(village.id) ?? [],
      bonus: check?.bonus ?? 0,
      bonusCap: input.standard.bonusCap,
    });
    scores.set(village.id, result);
    return {
      villageId: village.id,
      name: village.name,
      score: result.score,
      seriousCount: result.seriousCount,
      losses: largestLosses(result, input.standard.items),
    };
  });
  return { inputs, scores };
}

/**
 * The villages of a month that nothing was entered for: no deduction, no bonus, not marked 未检查.
 * They would rank with full marks; closing the month names them, since a village nobody
 * inspected must not win a red flag by default.
 */
export function untouchedVillages<V extends { id: string; name: string }>(
  villages: readonly V[],
  deductions: readonly Pick<Deduction, 'villageId' | 'count' | 'points'>[],
  checks: readonly Pick<VillageCheck, 'villageId' | 'skipped' | 'bonus'>[],
): V[] {
  const touched = new Set<string>();
  for (const d of deductions)
    if ((d.count ?? 0) > 0 || (d.points ?? 0) > 0) touched.add(d.villageId);
  for (const c of checks) if (c.skipped || (c.bonus ?? 0) > 0) touched.add(c.villageId);
  return villages.filter((v) => !touched.has(v.id));
}

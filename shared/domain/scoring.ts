import { round2, type StandardCategory, type StandardItem } from './standard';

/** What the inspectors recorded against one item for one village in one period. */
export interface DeductionEntry {
  itemCode: string;
  /** Instances found; points follow the item's rule. Null when points were entered directly. */
  count: number | null;
  /** Points entered directly (discretionary); ignored when count is given. */
  points: number | null;
}

export interface ItemDeduction {
  itemCode: string;
  /** Points as recorded, before the category cap. */
  points: number;
  /** True when count × per-instance went over the item's cap and was cut to it. */
  capped: boolean;
  serious: boolean;
}

export interface VillageScore {
  score: number;
  deducted: number;
  bonus: number;
  byCategory: Record<string, number>;
  items: ItemDeduction[];
  seriousCount: number;
  /** Categories zeroed by an item such as open burning. */
  zeroedCategories: string[];
}

/**
 * Points of one entry under the item's rule: count × per instance, stopping at the cap
 * (扣完为止); for an item that zeroes its category, the whole category.
 */
export function entryPoints(
  item: StandardItem,
  entry: DeductionEntry,
  categoryPoints: number,
): ItemDeduction {
  if (item.zeroesCategory) {
    const found = (entry.count ?? 0) > 0 || (entry.points ?? 0) > 0;
    return {
      itemCode: item.code,
      points: found ? categoryPoints : 0,
      capped: false,
      serious: found,
    };
  }
  const raw = entry.count !== null ? entry.count * item.perInstance : (entry.points ?? 0);
  const points = Math.min(item.cap, Math.max(0, raw));
  return {
    itemCode: item.code,
    points: round2(points),
    capped: raw > item.cap,
    serious: item.serious && points > 0,
  };
}

/**
 * A village's score for a period: 100 − deductions (each category stopping at its points),
 * + bonus up to the cap, kept within 0–100.
 */
export function scoreVillage(input: {
  categories: readonly StandardCategory[];
  items: readonly StandardItem[];
  entries: readonly DeductionEntry[];
  bonus: number;
  bonusCap: number;
}): VillageScore {
  const itemsByCode = new Map(input.items.map((item) => [item.code, item]));
  const categoryPoints = new Map(input.categories.map((c) => [c.name, c.points]));
  const byCategory: Record<string, number> = Object.fromEntries(
    input.categories.map((c) => [c.name, 0]),
  );
  const zeroed = new Set<string>();
  const items: ItemDeduction[] = [];
  for (const entry of input.entries) {
    const item = itemsByCode.get(entry.itemCode);
    if (!item) continue;
    const points = categoryPoints.get(item.category) ?? 0;
    const deduction = entryPoints(item, entry, points);
    if (deduction.points === 0) continue;
    items.push(deduction);
    if (item.zeroesCategory) zeroed.add(item.category);
    byCategory[item.category] = (byCategory[item.category] ?? 0) + deduction.points;
  }
  for (const [name, points] of categoryPoints) {
    byCategory[name] = round2(zeroed.has(name) ? points : Math.min(points, byCategory[name] ?? 0));
  }
  const deducted = round2(Object.values(byCategory).reduce((sum, v) => sum + v, 0));
  const bonus = round2(Math.min(input.bonusCap, Math.max(0, input.bonus)));
  const score = round2(Math.min(100, Math.max(0, 100 - deducted + bonus)));
  return {
    score,
    deducted,
    bonus,
    byCategory,
    items,
    seriousCount: items.filter((i) => i.serious).length,
    zeroedCategories: [...zeroed],
  };
}

/** Checks a directly entered deduction against the item; null when acceptable. */
export function checkEntry(item: StandardItem, entry: DeductionEntry): string | null {
  if (entry.count !== null) {
    if (!Number.isInteger(entry.count) || entry.count < 0)
      return `“${item.code} ${item.title}”的处数应为 0 或正整数。`;
    if (entry.count > MAX_COUNT)
      return `“${item.code}”的处数最多 ${MAX_COUNT}，${entry.count} 太大，请核对。`;
    return null;
  }
  if (entry.points !== null) {
    if (!Number.isFinite(entry.points) || entry.points < 0)
      return `“${item.code}”的扣分不能为负数。`;
    if (!item.zeroesCategory && entry.points > item.cap) {
      return `“${item.code} ${item.title}”最多扣 ${item.cap} 分（扣完为止），不能扣 ${entry.points} 分。`;
    }
  }
  return null;
}

/** The most instances one item can be counted in one village and month: more is a typing slip. */
export const MAX_COUNT = 99;

export type CountReading =
  | {
      ok: true;
      count: number;
      /** Said before saving when the cap applies (扣完为止). */ capped: string | null;
    }
  | { ok: false; message: string };

/**
 * What was typed into a grid cell, read as a count of instances the way a person means it
 * (blank is 0, full-width digits are digits), or the reason it is not one. A count whose points
 * go past the item's cap is a count all the same; the reading says the cap applies.
 */
export function readCount(item: StandardItem, typed: string): CountReading {
  const text = typed
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/^[－—]/, '-');
  if (text === '') return { ok: true, count: 0, capped: null };
  const range = `请输入 0 到 ${MAX_COUNT} 之间的整数。`;
  if (/^-\s*\d/.test(text)) return { ok: false, message: `处数不能是负数：${range}` };
  if (/^\d+[.．。]\d*$/.test(text))
    return { ok: false, message: `处数应是整数（几${item.unit || '处'}）：${range}` };
  if (!/^\d+$/.test(text)) return { ok: false, message: `“${typed.trim()}”不是处数：${range}` };
  const count = Number(text);
  if (count > MAX_COUNT)
    return { ok: false, message: `处数最多 ${MAX_COUNT}，${count} 太大，请核对。` };
  const points = round2(count * item.perInstance);
  const capped =
    !item.zeroesCategory && points > item.cap
      ? `${count} ${item.unit || '处'} × ${item.perInstance} 分 = ${points} 分，超过本条上限 ${item.cap} 分：扣完为止，按 ${item.cap} 分计。`
      : null;
  return { ok: true, count, capped };
}

/**
 * What cost a village its points, in words: its largest deductions (at most `n`), largest first,
 * e.g. 露天焚烧秸秆（扣 20 分）、垃圾收集点周边散落垃圾（扣 4 分）.
 */
export function largestLosses(
  score: Pick<VillageScore, 'items'>,
  items: readonly Pick<StandardItem, 'code' | 'title'>[],
  n = 3,
): string {
  const titleOf = new Map(items.map((i) => [i.code, i.title]));
  return score.items
    .filter((i) => i.points > 0)
    .sort((a, b) => b.points - a.points || a.itemCode.localeCompare(b.itemCode))
    .slice(0, n)
    .map((i) => `${titleOf.get(i.itemCode) ?? i.itemCode}（扣 ${i.points} 分）`)
    .join('、');
}

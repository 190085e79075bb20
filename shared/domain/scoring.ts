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
    if (entry.count > 999) return `“${item.code}”的处数过大，请核对。`;
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

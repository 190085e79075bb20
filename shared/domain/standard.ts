import type { BaseRecord } from './record';
import { charLength, cleanText, type ValidationIssue } from './validation';

/**
 * The town's 五十条标准: items in categories, each with a deduction rule. Category points add
 * up to 100; deductions stop at the item's cap and at the category's points (扣完为止).
 */
export interface StandardCategory {
  name: string;
  /** The most this category can lose: its share of the 100 points. */
  points: number;
}

export interface StandardItem {
  /** Stable code within the standard, e.g. `A03`. */
  code: string;
  category: string;
  title: string;
  /** Points deducted per instance found (per pile, per household …). */
  perInstance: number;
  /** The most this item can deduct. */
  cap: number;
  /** Unit of an instance, e.g. 处, 户, 次. */
  unit: string;
  /** Any instance zeroes the whole category (e.g. open burning). */
  zeroesCategory: boolean;
  /** Counts as a serious deduction when ranks tie. */
  serious: boolean;
}

/** One version of the standard; a period is scored against the version in force then. */
export interface StandardVersion extends BaseRecord {
  version: number;
  /** First month (YYYY-MM) this version applies to. */
  effectiveFrom: string;
  /** Most bonus points a village can earn in a period. */
  bonusCap: number;
  categories: StandardCategory[];
  items: StandardItem[];
}

export const ITEM_TITLE_MAX = 60;

/** Checks a standard as a whole; messages name the item by its code. */
export function validateStandard(
  standard: Pick<StandardVersion, 'categories' | 'items' | 'bonusCap'>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const categoryNames = standard.categories.map((c) => c.name);
  const total = standard.categories.reduce((sum, c) => sum + c.points, 0);
  if (Math.abs(total - 100) > 1e-9) {
    issues.push({
      field: 'categories',
      message: `各类别分值合计应为 100 分，现在是 ${round2(total)} 分。`,
    });
  }
  if (new Set(categoryNames).size !== categoryNames.length) {
    issues.push({ field: 'categories', message: '类别名称重复。' });
  }
  if (!(standard.bonusCap >= 0 && standard.bonusCap <= 20)) {
    issues.push({ field: 'bonusCap', message: '加分上限应在 0 到 20 分之间。' });
  }
  const codes = new Set<string>();
  for (const item of standard.items) {
    const where = `第 ${item.code || '?'} 条`;
    if (!/^[A-Z][0-9]{2}$/.test(item.code)) {
      issues.push({
        field: 'code',
        message: `${where}：编号应为一个大写字母加两位数字，例如 A01。`,
      });
    }
    if (codes.has(item.code)) issues.push({ field: 'code', message: `${where}：编号重复。` });
    codes.add(item.code);
    if (!categoryNames.includes(item.category)) {
      issues.push({ field: 'category', message: `${where}：类别“${item.category}”不存在。` });
    }
    const title = cleanText(item.title);
    if (title === '' || charLength(title) > ITEM_TITLE_MAX) {
      issues.push({
        field: 'title',
        message: `${where}：内容不能为空，最多 ${ITEM_TITLE_MAX} 个字。`,
      });
    }
    if (!item.zeroesCategory) {
      if (!(item.perInstance > 0 && item.perInstance <= 100)) {
        issues.push({ field: 'perInstance', message: `${where}：每处扣分应大于 0。` });
      }
      const categoryPoints = standard.categories.find((c) => c.name === item.category)?.points ?? 0;
      if (!(item.cap > 0 && item.cap <= categoryPoints)) {
        issues.push({
          field: 'cap',
          message: `${where}：扣分上限应大于 0，且不超过所属类别的 ${categoryPoints} 分。`,
        });
      }
    }
  }
  return issues;
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The version in force for a month: the latest whose effectiveFrom is not after it. */
export function standardFor<T extends Pick<StandardVersion, 'effectiveFrom' | 'version'>>(
  versions: readonly T[],
  month: string,
): T | undefined {
  return [...versions]
    .filter((v) => v.effectiveFrom <= month)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version)[0];
}

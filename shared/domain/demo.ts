import type { Deduction, VillageCheck } from './assessment';
import { monthKey, parseMonthKey } from './period';
import type { StandardItem } from './standard';

/**
 * Synthetic, realistic-looking data for training, demonstrations and the benchmark. Always
 * labelled 示例数据 on screen. Deterministic: the same seed gives the same data.
 */
export const DEMO_VILLAGE_NAMES = [
  '青山村',
  '柳湾村',
  '石桥村',
  '杨家坪村',
  '大河村',
  '小河村',
  '李家沟村',
  '王家庄村',
  '东岭村',
  '西岭村',
  '南坪村',
  '北山村',
  '红岩村',
  '白水村',
  '黄土梁村',
  '马家湾村',
  '张家坝村',
  '陈家河村',
  '赵家岭村',
  '新庄村',
  '老庄村',
  '上坪村',
  '下坪村',
  '中寨村',
  '梨园村',
  '桃花村',
  '松林村',
];

/** mulberry32: a small, fast, well-distributed PRNG. */
export function randomGenerator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The `count` months ending with `last`, oldest first. */
export function monthsEndingWith(last: string, count: number): string[] {
  const { year, month } = parseMonthKey(last);
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i -= 1) {
    const index = year * 12 + (month - 1) - i;
    months.push(monthKey(Math.floor(index / 12), (index % 12) + 1));
  }
  return months;
}

export type DemoCell = Pick<
  Deduction,
  'periodId' | 'villageId' | 'itemCode' | 'count' | 'points' | 'note' | 'place'
>;

/**
 * One month's inspection sheet for every village: each village has a lasting "care" level, so
 * some are often on top and some often at the bottom, with month-to-month noise; open burning
 * is rare. Returns the cells with something found and the villages not inspected.
 */
export function demoMonth(input: {
  month: string;
  villageIds: readonly string[];
  items: readonly StandardItem[];
  random: () => number;
}): {
  cells: DemoCell[];
  checks: Pick<VillageCheck, 'villageId' | 'skipped' | 'bonus' | 'bonusReason'>[];
} {
  const { random } = input;
  const cells: DemoCell[] = [];
  const checks: Pick<VillageCheck, 'villageId' | 'skipped' | 'bonus' | 'bonusReason'>[] = [];
  const ordinary = input.items.filter((i) => !i.zeroesCategory);
  const burning = input.items.find((i) => i.zeroesCategory);
  input.villageIds.forEach((villageId, index) => {
    if (random() < 0.01) {
      checks.push({ villageId, skipped: true, bonus: 0, bonusReason: '' });
      return;
    }
    // Care runs from 1 (village 1) to 8 (village 27) expected findings, plus noise: the town
    // averages in the high 80s, the worst villages dip below 80 now and then.
    const care = 1 + (index / Math.max(1, input.villageIds.length - 1)) * 7;
    const findings = Math.max(0, Math.round(care + (random() - 0.5) * 5));
    const used = new Set<string>();
    for (let f = 0; f < findings; f += 1) {
      const item = ordinary[Math.floor(random() * ordinary.length)]!;
      if (used.has(item.code)) continue;
      used.add(item.code);
      cells.push({
        periodId: input.month,
        villageId,
        itemCode: item.code,
        count: 1 + Math.floor(random() * 4),
        points: null,
        note: '',
        place: '',
      });
    }
    if (burning && random() < 0.004) {
      cells.push({
        periodId: input.month,
        villageId,
        itemCode: burning.code,
        count: 1,
        points: null,
        note: '田间焚烧秸秆',
        place: '',
      });
    }
    if (random() < 0.03)
      checks.push({ villageId, skipped: false, bonus: 1, bonusReason: '主动开展义务清扫' });
  });
  return { cells, checks };
}

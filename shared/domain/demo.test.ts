import { describe, expect, it } from 'vitest';
import {
  demoMonth,
  demoPhotoPlan,
  DEMO_VILLAGE_NAMES,
  monthsEndingWith,
  randomGenerator,
} from './demo';
import { DEFAULT_ITEMS } from './standardDefault';

describe('demo data', () => {
  it('has 27 distinct village names', () => {
    expect(new Set(DEMO_VILLAGE_NAMES).size).toBe(27);
  });

  it('lists 120 months for 10 years, ending with the given month', () => {
    const months = monthsEndingWith('2026-10', 120);
    expect(months).toHaveLength(120);
    expect(months[0]).toBe('2016-11');
    expect(months.at(-1)).toBe('2026-10');
  });

  it('is deterministic and gives careful villages fewer findings than careless ones', () => {
    const ids = DEMO_VILLAGE_NAMES.map((_, i) => `v${i}`);
    const run = () =>
      demoMonth({
        month: '2026-01',
        villageIds: ids,
        items: DEFAULT_ITEMS,
        random: randomGenerator(7),
      });
    expect(run()).toEqual(run());
    let first = 0;
    let last = 0;
    const random = randomGenerator(42);
    for (let m = 0; m < 60; m += 1) {
      const { cells } = demoMonth({
        month: '2026-01',
        villageIds: ids,
        items: DEFAULT_ITEMS,
        random,
      });
      first += cells.filter((c) => c.villageId === 'v0').length;
      last += cells.filter((c) => c.villageId === 'v26').length;
    }
    expect(first).toBeLessThan(last);
  });
});

describe('demoProblems', () => {
  it('makes perMonth items a month, closed when old, open when recent', async () => {
    const { demoProblems } = await import('./demo');
    const months = monthsEndingWith('2026-10', 12);
    const items = demoProblems({ months, villages: 27, perMonth: 10, random: randomGenerator(3) });
    expect(items).toHaveLength(120);
    const old = items.filter((p) => p.foundOn < '2026-09');
    expect(old.every((p) => p.status === 'closed' || p.status === 'unfixable')).toBe(true);
    const recent = items.filter((p) => p.foundOn >= '2026-09');
    expect(recent.every((p) => p.status !== 'closed')).toBe(true);
    expect(items.every((p) => p.deadline > p.foundOn)).toBe(true);
  });
});

describe('demoPhotoPlan', () => {
  it('gives photos to about 1 in 8 closed items, 1 in 20 deductions and every patrol finding', () => {
    // Ten years of the demo: about 19,600 closed items, 13,800 deductions, 1,350 findings.
    const plan = demoPhotoPlan({
      closedProblems: 19_600,
      deductions: 13_800,
      patrolsWithFindings: 1_350,
    });
    // 19,600 / 8 = 2,450 and 13,800 / 20 = 690, give or take the draw (±5 %).
    expect(plan.problems.size).toBeGreaterThan(2_450 * 0.95);
    expect(plan.problems.size).toBeLessThan(2_450 * 1.05);
    expect(plan.deductions.size).toBeGreaterThan(690 * 0.9);
    expect(plan.deductions.size).toBeLessThan(690 * 1.1);
    expect(plan.patrols.size).toBe(1_350);
    // The same seed, the same choice.
    expect([
      ...demoPhotoPlan({ closedProblems: 100, deductions: 0, patrolsWithFindings: 0 }).problems,
    ]).toEqual([
      ...demoPhotoPlan({ closedProblems: 100, deductions: 0, patrolsWithFindings: 0 }).problems,
    ]);
  });
});

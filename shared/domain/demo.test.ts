import { describe, expect, it } from 'vitest';
import {
  DEMO_SEED,
  demoMonth,
  demoPatrols,
  demoPhotoPlan,
  demoProblems,
  demoSeeds,
  demoWorkRecords,
  DEMO_VILLAGE_NAMES,
  monthsEndingWith,
  parseDemoSeed,
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

/** A year of the demo drawn as loadDemoData draws it: one stream for the records, one for photos. */
function demoYear(seed?: number) {
  const seeds = demoSeeds(seed);
  const random = randomGenerator(seeds.records);
  const months = monthsEndingWith('2026-10', 12);
  const villageIds = DEMO_VILLAGE_NAMES.map((_, i) => `v${i}`);
  const sheets = months.map((month) =>
    demoMonth({ month, villageIds, items: DEFAULT_ITEMS, random }),
  );
  const problems = demoProblems({ months, villages: 27, perMonth: 20, random });
  const patrols = demoPatrols({ months, segments: 27, townSegments: 3, plots: 27, random });
  const records = demoWorkRecords({ months, villages: 27, eliminations: ['垃圾'], random });
  const photos = demoPhotoPlan({
    closedProblems: problems.length,
    deductions: 500,
    patrolsWithFindings: 0,
    seed: seeds.photos,
  });
  return { sheets, problems, patrols, records, photos: [...photos.problems, ...photos.deductions] };
}

describe('the demo seed', () => {
  it('gives the same year twice for one seed and another year for another seed, in every stream', () => {
    const seven = demoYear(7);
    expect(demoYear(7)).toEqual(seven);
    const eight = demoYear(8);
    expect(eight.sheets).not.toEqual(seven.sheets);
    expect(eight.problems).not.toEqual(seven.problems);
    expect(eight.patrols).not.toEqual(seven.patrols);
    expect(eight.records).not.toEqual(seven.records);
    expect(eight.photos).not.toEqual(seven.photos);
  });

  it('without one draws what the demo always drew: records from 20231231, photos from 20240101', () => {
    expect(DEMO_SEED).toBe(20231231);
    expect(demoSeeds()).toEqual({ records: 20231231, photos: 20240101 });
    expect(demoYear()).toEqual(demoYear(20231231));
    // 2³² − 1 + 8,870 wraps round to 8,869: still a 32-bit seed.
    expect(demoSeeds(2 ** 32 - 1)).toEqual({ records: 4294967295, photos: 8869 });
  });

  it('reads a whole number from 0 to 4294967295 as written in the address, nothing else', () => {
    expect(parseDemoSeed('7')).toEqual({ ok: true, seed: 7 });
    expect(parseDemoSeed(' 12 ')).toEqual({ ok: true, seed: 12 });
    expect(parseDemoSeed('0')).toEqual({ ok: true, seed: 0 });
    expect(parseDemoSeed('4294967295')).toEqual({ ok: true, seed: 4294967295 });
    expect(parseDemoSeed(null)).toEqual({ ok: true, seed: undefined });
    expect(parseDemoSeed('')).toEqual({ ok: true, seed: undefined });
    for (const bad of ['7.5', '-1', 'abc', '4294967296', '1e3', '0x10', '７'])
      expect(parseDemoSeed(bad)).toEqual({
        ok: false,
        message: `随机种子“${bad}”不是 0 到 4294967295 之间的整数。请改成这样的整数（例如 7），或不写随机种子。`,
      });
  });
});

import { describe, expect, it } from 'vitest';
import type { PeriodResult } from './assessment';
import {
  digestTown,
  drillStats,
  figuresOf,
  ledgerAtMonthEnds,
  monthFromDigest,
  type ForestMark,
  type LedgerFields,
  type RiverMark,
  type TownInputs,
} from './countyDigest';
import { randomGenerator } from './demo';
import { ledgerStats } from './ledgerStats';
import { lastDayOfMonth, nextMonth } from './period';
import type { River } from './patrol';
import type { Person } from './person';
import type { Problem } from './problem';

let next = 0;
const item = (over: Partial<LedgerFields>): LedgerFields => ({
  id: `p${(next += 1)}`,
  source: 'town',
  category: '人居环境',
  status: 'pending',
  foundOn: '2026-10-01',
  deadline: '2026-12-31',
  responsiblePerson: '张三',
  ...over,
});
const closedOn = (date: string) => ({
  status: 'closed' as const,
  verification: { verifier: '王', date, opinion: '' },
});

const river: River = {
  id: 'r1',
  name: '清水河',
  segments: [{ id: 's1', name: '上游段', level: 'village', chiefId: 'c1', villageId: 'v1' }],
} as unknown as River;
const people = [
  { id: 'c1', name: '李河长', roles: ['villageRiverChief'] },
  { id: 'g1', name: '赵护林', roles: ['publicWelfareRanger'] },
] as unknown as Person[];

/** A town of a few items around the day its package is received (12-03). */
function town(): TownInputs {
  const problems = [
    // Found in September, closed 10-15 (44 days): settled long before.
    item({ foundOn: '2026-09-01', ...closedOn('2026-10-15') }),
    // Found in October, closed 12-02, the day before the digest: settled.
    item({ foundOn: '2026-10-20', ...closedOn('2026-12-02') }),
    // Open, overdue since 11-20.
    item({ foundOn: '2026-11-01', deadline: '2026-11-20', source: 'upper' }),
    // Open, due 12-10: overdue only on a later day.
    item({ foundOn: '2026-11-25', deadline: '2026-12-10', category: '河道' }),
    // Unfixable: ended, not closed.
    item({ foundOn: '2026-10-05', status: 'unfixable' }),
    // Closed with a date after the digest's day (typed ahead): not settled.
    item({ foundOn: '2026-11-10', ...closedOn('2026-12-20') }),
    // Found after the digest's day (typed ahead): not settled, not counted before it.
    item({ foundOn: '2026-12-15', deadline: '2026-12-20' }),
    // Voided: nowhere.
    item({ foundOn: '2026-11-01', deletedAt: '2026-11-02T00:00:00.000Z' }),
  ];
  const results = [
    {
      id: '2026-11',
      flagsAwarded: true,
      average: 90.5,
      rows: [
        { villageId: 'v1', flag: 'red' },
        { villageId: 'v2', flag: 'yellow' },
      ],
    },
    { id: '2026-12', flagsAwarded: false, average: 88, rows: [] },
  ] as unknown as PeriodResult[];
  const riverMarks = new Map<string, RiverMark[]>([
    [
      '2026-11',
      ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'].map((date) => ({
        segmentId: 's1',
        chiefId: 'c1',
        date,
      })),
    ],
    ['2026-12', [{ segmentId: 's1', chiefId: 'c1', date: '2026-12-01' }]],
  ]);
  const forestMarks = new Map<string, ForestMark[]>([
    ['2026-12', [{ rangerId: 'g1', date: '2026-12-02' }]],
  ]);
  return {
    results,
    problems,
    river: riverMarks,
    forest: forestMarks,
    records: new Map([
      ['2026-10', 3],
      ['2026-12', 1],
    ]),
    rivers: [river],
    people,
  };
}

describe('a town’s digest at the county', () => {
  const inputs = town();
  const digest = digestTown(inputs, '2026-12-03');

  it('keeps each month that ended before it was made, counted at the month’s end', () => {
    expect(Object.keys(digest.months)).toEqual(['2026-09', '2026-10', '2026-11']);
    // At 11-30: items 1 (closed 10-15) and 5 (unfixable) ended; 2 (closed only on 12-02),
    // 3, 6 (closed only on 12-20) open; 4 found 11-25 open. 3 is overdue (due 11-20).
    expect(digest.months['2026-11']).toMatchObject({
      average: 90.5,
      red: 1,
      yellow: 1,
      open: 4,
      overdue: 1,
      // 1 closed of 6 found by then.
      closureRate: 0.167,
      medianDaysToClose: 44,
      upperOpen: 1,
      patrols: 4,
    });
    expect(digest.months['2026-10']).toMatchObject({ open: 1, workRecords: 3, patrols: 0 });
  });

  it('keeps only the items whose state could differ on a later day', () => {
    // Open (3, 4), closed after the day (6), found after it (7).
    expect(digest.tail.unsettled.map((p) => p.foundOn)).toEqual([
      '2026-11-01',
      '2026-11-25',
      '2026-11-10',
      '2026-12-15',
    ]);
    expect(digest.tail.results.map((r) => r.id)).toEqual(['2026-12']);
    expect([...digest.tail.river.keys()]).toEqual(['2026-12']);
  });

  it('counts the month not yet over on the day it is looked at', () => {
    // 12-12: 3 and 4 overdue (due 11-20, 12-10); 6 still open (closed only 12-20); 7 not found.
    // Closed: 1 (44 days) and 2 (43 days): median 43.5; 2 closed of 6 found.
    expect(monthFromDigest(digest, '2026-12', '2026-12-12')).toMatchObject({
      average: 88,
      red: 0,
      open: 3,
      overdue: 2,
      closureRate: 0.333,
      medianDaysToClose: 43.5,
      patrols: 2,
      workRecords: 1,
    });
    // 12-25: 6 closed on 12-20 (40 days), 7 found and overdue (due 12-20).
    expect(monthFromDigest(digest, '2026-12', '2026-12-25')).toMatchObject({
      open: 3,
      overdue: 3,
      closureRate: 0.429,
      medianDaysToClose: 43,
    });
  });

  it('gives every month and day what the records give', () => {
    const months = ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01'];
    const days = [
      '2026-12-03',
      '2026-12-04',
      '2026-12-12',
      '2026-12-31',
      '2027-01-10',
      '2027-03-01',
    ];
    for (const month of months)
      for (const today of days)
        expect([month, today, monthFromDigest(digest, month, today)]).toEqual([
          month,
          today,
          figuresOf(inputs, month, today),
        ]);
  });

  it('cannot tell a day before it was made (a clock set back), nor a month older than it keeps', () => {
    expect(monthFromDigest(digest, '2026-12', '2026-12-02')).toBeNull();
    const old = digestTown(
      { ...inputs, problems: [item({ foundOn: '1990-01-01' })] },
      '2026-12-03',
    );
    expect(old.months['1990-01']).toBeUndefined();
    expect(monthFromDigest(old, '1990-01', '2026-12-03')).toBeNull();
    expect(monthFromDigest(old, '2010-01', '2026-12-03')).toEqual(
      figuresOf(
        { ...inputs, problems: [item({ foundOn: '1990-01-01' })] },
        '2010-01',
        '2026-12-03',
      ),
    );
  });

  it('counts the drill-down’s ledger as the records do, on any day', () => {
    const live = inputs.problems.filter((p) => !p.deletedAt) as Problem[];
    for (const today of ['2026-12-01', '2026-12-12', '2027-02-01']) {
      const a = drillStats(digest, today);
      const b = ledgerStats(live, today);
      expect([a.bySource, [...a.byCategory], a.closureRate, a.medianDaysToClose]).toEqual([
        b.bySource,
        [...b.byCategory],
        b.closureRate,
        b.medianDaysToClose,
      ]);
    }
    // As the package has them, whatever the day: 1, 2 and 6 closed (6 dated ahead), 5 unfixable.
    expect(drillStats(digest, '2026-12-12').bySource.town.closed).toBe(3);
  });

  it('counts the ledger at each month’s end in one pass as townMonth does, on a random ledger', () => {
    const random = randomGenerator(7);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const day = () =>
      `202${pick(['4', '5', '6'])}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const problems = Array.from({ length: 600 }, () => {
      const status = pick([
        'pending',
        'inProgress',
        'closeRequested',
        'closed',
        'unfixable',
      ] as const);
      return item({
        source: pick(['upper', 'town', 'village', 'public'] as const),
        status,
        foundOn: day(),
        deadline: day(),
        // Some 销号 dated before the finding (typed wrongly), some without a date.
        ...(status === 'closed' && random() < 0.9 ? closedOn(day()) : {}),
        ...(random() < 0.05 ? { deletedAt: '2026-01-01T00:00:00.000Z' } : {}),
      });
    });
    const months: string[] = [];
    for (let m = '2023-11'; m <= '2027-02'; m = nextMonth(m)) months.push(m);
    const swept = ledgerAtMonthEnds(problems, months);
    const randomTown = { ...inputs, problems };
    for (const [i, month] of months.entries()) {
      const whole = figuresOf(randomTown, month, lastDayOfMonth(month));
      expect([month, swept[i]]).toEqual([
        month,
        {
          open: whole.open,
          overdue: whole.overdue,
          closureRate: whole.closureRate,
          medianDaysToClose: whole.medianDaysToClose,
          upperOpen: whole.upperOpen,
        },
      ]);
    }
  });
});

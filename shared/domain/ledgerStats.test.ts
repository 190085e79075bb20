import { describe, expect, it } from 'vitest';
import {
  applyToTally,
  histogramMedian,
  tallyOf,
  recurrenceTable,
  combineLedgerStats,
  daysToClose,
  ledgerStats,
  ledgerTotals,
  medianOfMiddle,
  medianPositions,
} from './ledgerStats';
import { problemFixture } from './testFixtures';

const problem = problemFixture;

describe('ledgerStats (today 2026-06-10)', () => {
  const today = '2026-06-10';
  const items = [
    problem({ deadline: '2026-06-01' }), // open, overdue, 张三
    problem({ deadline: '2026-06-05', responsiblePerson: '李四', source: 'public' }), // open, overdue, 李四
    problem({ deadline: '2026-06-08' }), // open, overdue, 张三
    problem({ deadline: '2026-06-30', villageId: 'v2' }), // open, on time
    problem({
      status: 'closed',
      foundOn: '2026-05-01',
      verification: { verifier: 'x', date: '2026-05-11', opinion: '' },
    }), // 10 days
    problem({
      status: 'closed',
      foundOn: '2026-05-01',
      verification: { verifier: 'x', date: '2026-05-21', opinion: '' },
      villageId: 'v2',
    }), // 20 days
    problem({ status: 'unfixable', deadline: '2026-05-01' }), // ended: neither open nor overdue
    problem({ deletedAt: 't' }), // deleted: not counted
  ];

  it('counts open, overdue and closed by source, village and category', () => {
    const stats = ledgerStats(items, today);
    expect(stats.total).toBe(7);
    expect(stats.bySource.town).toEqual({ open: 3, overdue: 2, closed: 2 });
    expect(stats.bySource.public).toEqual({ open: 1, overdue: 1, closed: 0 });
    expect(stats.byVillage.get('v1')).toEqual({ open: 3, overdue: 3, closed: 1 });
    expect(stats.byVillage.get('v2')).toEqual({ open: 1, overdue: 0, closed: 1 });
    expect(stats.byCategory.get('人居环境')).toEqual({ open: 4, overdue: 3, closed: 2 });
  });

  it('closure rate 2 / 7 = 0.286; median days to close (10 + 20) / 2 = 15; overdue by person 张三 2, 李四 1', () => {
    const stats = ledgerStats(items, today);
    expect(stats.closureRate).toBe(0.286);
    expect(stats.medianDaysToClose).toBe(15);
    expect(stats.overdueByPerson).toEqual([
      { person: '张三', count: 2 },
      { person: '李四', count: 1 },
    ]);
  });

  it('has no rates for an empty ledger', () => {
    expect(ledgerStats([], today)).toMatchObject({
      total: 0,
      closureRate: null,
      medianDaysToClose: null,
    });
  });
});

describe('median helpers and days to close', () => {
  it('takes the middle of 5 values at position 2 and of 4 values at positions 1 and 2', () => {
    expect(medianPositions(0)).toEqual([]);
    expect(medianPositions(1)).toEqual([0]);
    expect(medianPositions(5)).toEqual([2]);
    expect(medianPositions(4)).toEqual([1, 2]);
    expect(medianOfMiddle([])).toBeNull();
    expect(medianOfMiddle([10, 20])).toBe(15);
  });

  it('counts days from finding to verification only for closed items: 05-01 → 06-03 is 33 days', () => {
    const verification = { verifier: 'x', date: '2026-06-03', opinion: '' };
    expect(daysToClose({ status: 'closed', foundOn: '2026-05-01', verification })).toBe(33);
    expect(daysToClose({ status: 'closeRequested', foundOn: '2026-05-01', verification })).toBe(
      undefined,
    );
  });

  it('builds the same figures from open items plus closed totals as from every record', () => {
    const today = '2026-06-10';
    const items = [
      problem({ deadline: '2026-06-01' }),
      problem({ status: 'pending', villageId: 'v3', category: '河湖四乱', deadline: '2026-06-30' }),
      problem({
        status: 'closed',
        source: 'upper',
        villageId: 'v3',
        category: '河湖四乱',
        verification: { verifier: 'x', date: '2026-05-04', opinion: '' },
      }),
    ];
    const totals = ledgerTotals(items);
    expect(totals.closedBySource.upper).toBe(1);
    expect(totals.closedByVillage.get('v3')).toBe(1);
    expect(totals.medianDaysToClose).toBe(3);
    const combined = combineLedgerStats(items.slice(0, 2), totals, today);
    expect(combined).toEqual(ledgerStats(items, today));
    expect(combined.byVillage.get('v3')).toEqual({ open: 1, overdue: 0, closed: 1 });
    expect(combined.closureRate).toBe(0.333);
  });
});

describe('the tally', () => {
  it('finds the median in a histogram: {3: 2, 10: 1, 12: 1} is 3, 3, 10, 12 → (3 + 10) / 2 = 6.5', () => {
    expect(
      histogramMedian(
        new Map([
          [10, 1],
          [3, 2],
          [12, 1],
        ]),
      ),
    ).toBe(6.5);
    expect(histogramMedian(new Map([[7, 3]]))).toBe(7);
    expect(histogramMedian(new Map())).toBeNull();
  });

  it('takes an item back out when it changes: closing moves it from open to closed with its days', () => {
    const open = problem({ status: 'closeRequested' });
    const closed = problem({
      status: 'closed',
      verification: { verifier: 'x', date: '2026-05-08', opinion: '' },
    });
    const rows = new Map(tallyOf([open, problem({})]).map((r) => [r.key, r]));
    applyToTally(rows, open, -1);
    applyToTally(rows, closed, 1);
    expect([...rows.values()]).toEqual([
      {
        key: 'town|v1|人居环境',
        source: 'town',
        villageId: 'v1',
        category: '人居环境',
        total: 2,
        closed: 1,
        unfixable: 0,
        days: { 7: 1 },
      },
    ]);
    expect(tallyOf([problem({ deletedAt: 'x' })])).toEqual([]);
  });
});

describe('recurrenceTable', () => {
  it('sums sources into village × category cells, categories with most items first', () => {
    const tally = tallyOf([
      problem({ villageId: 'v1', category: '河湖四乱' }),
      // The return (反弹) of a closed item: counted as one of the cell's items, and as a rebound.
      problem({ villageId: 'v1', category: '河湖四乱', source: 'public', reboundOf: 'old' }),
      problem({
        villageId: 'v1',
        category: '河湖四乱',
        status: 'closed',
        verification: { verifier: 'x', date: '2026-05-02', opinion: '' },
      }),
      problem({ villageId: 'v2', category: '人居环境', status: 'unfixable' }),
      problem({ villageId: undefined, category: '秸秆焚烧' }), // no village: not in the table
    ]);
    const table = recurrenceTable(tally, ['v1', 'v2']);
    expect(table.categories).toEqual(['河湖四乱', '人居环境']);
    // v1 河湖四乱: 3 items (town 2, public 1), 1 closed → 2 open; the public one a rebound.
    expect(table.cells).toEqual([
      [
        { total: 3, open: 2, rebounds: 1 },
        { total: 0, open: 0, rebounds: 0 },
      ],
      [
        { total: 0, open: 0, rebounds: 0 },
        { total: 1, open: 0, rebounds: 0 },
      ],
    ]);
    // Taking the rebound away again leaves no rebounds key behind (equal to a fresh tally).
    const rows = new Map(tally.map((r) => [r.key, { ...r, days: { ...r.days } }]));
    applyToTally(
      rows,
      problem({ villageId: 'v1', category: '河湖四乱', source: 'public', reboundOf: 'old' }),
      -1,
    );
    expect(rows.get('public|v1|河湖四乱')).toEqual({
      key: 'public|v1|河湖四乱',
      source: 'public',
      villageId: 'v1',
      category: '河湖四乱',
      total: 0,
      closed: 0,
      unfixable: 0,
      days: {},
    });
    expect(table.villageTotals).toEqual([3, 1]);
  });
});

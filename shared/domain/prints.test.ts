import { describe, expect, it } from 'vitest';
import type { PeriodResult, ResultRow } from './assessment';
import { DEFAULT_LEDGER_FILTER } from './ledgerFilter';
import {
  announcedFlags,
  noticeBasis,
  describeFilter,
  filterFromQuery,
  isLongRow,
  ledgerPrintRows,
  villageReportCard,
} from './prints';
import type { Problem } from './problem';
import { problemFixture } from './testFixtures';

const row = (over: Partial<ResultRow>): ResultRow => ({
  villageId: 'v1',
  name: '东村',
  score: 90,
  rank: 1,
  rankFromBottom: 1,
  tied: false,
  seriousCount: 0,
  flag: null,
  flagReason: '',
  ...over,
});

// Found 2026-10-01 at 村口, due 2026-10-20: 垃圾堆放.
const problem = (over: Partial<Problem>): Problem =>
  problemFixture({
    number: 'x',
    place: '村口',
    description: '垃圾堆放',
    foundOn: '2026-10-01',
    deadline: '2026-10-20',
    originalDeadline: '2026-10-20',
    ...over,
  });

describe('announcedFlags', () => {
  it('puts red before yellow, each by rank, and lists withdrawn red flags apart', () => {
    const { flags, withdrawn } = announcedFlags([
      row({ name: '甲', rank: 5, flag: 'yellow', flagReason: '倒数第一' }),
      row({ name: '乙', rank: 1, flag: 'red', flagReason: '第一' }),
      row({ name: '丙', rank: 4, flag: 'yellow', flagReason: '倒数第二' }),
      row({
        name: '丁',
        rank: 2,
        flag: 'red',
        withdrawn: { reason: '群众投诉属实', at: '', by: '' },
      }),
      row({ name: '戊', rank: 3 }),
    ]);
    expect(flags.map((f) => [f.color, f.name])).toEqual([
      ['red', '乙'],
      ['yellow', '丙'],
      ['yellow', '甲'],
    ]);
    expect(withdrawn).toEqual([{ name: '丁', reason: '群众投诉属实' }]);
  });
});

describe('ledgerPrintRows', () => {
  it('marks how many days an open item is overdue on the print date, none once closed', () => {
    const rows = ledgerPrintRows(
      [
        problem({ number: '2026-镇督-0002', deadline: '2026-10-20' }),
        problem({
          number: '2026-镇督-0001',
          deadline: '2026-10-01',
          status: 'closed',
          villageId: undefined,
        }),
        problem({ number: '2026-镇督-0003', deadline: '2026-11-30', supervised: true }),
      ],
      new Map([['v1', '东村']]),
      '2026-11-05',
    );
    expect(rows.map((r) => [r.number, r.village, r.status, r.daysOverdue, r.supervised])).toEqual([
      ['2026-镇督-0001', '', '已销号', 0, false],
      ['2026-镇督-0002', '东村', '整改中', 16, false],
      ['2026-镇督-0003', '东村', '整改中', 0, true],
    ]);
    expect(rows[1]?.source).toBe('镇级督查发现');
  });
});

describe('describeFilter and filterFromQuery', () => {
  it('words the default filter and a narrow one', () => {
    expect(describeFilter(DEFAULT_LEDGER_FILTER, new Map())).toBe('状态：未办结');
    expect(describeFilter({ ...DEFAULT_LEDGER_FILTER, status: '' }, new Map())).toBe('全部问题');
    expect(
      describeFilter(
        {
          ...DEFAULT_LEDGER_FILTER,
          source: 'upper',
          villageId: 'v1',
          overdueOnly: true,
          foundFrom: '2026-01-01',
        },
        new Map([['v1', '东村']]),
      ),
    ).toBe('来源：上级督查反馈；状态：未办结；村：东村；发现日期：2026-01-01 至 …；仅逾期');
  });

  it('reads a filter back from the print address, refusing what does not belong', () => {
    const f = { ...DEFAULT_LEDGER_FILTER, source: 'public' as const, overdueOnly: true };
    expect(filterFromQuery(JSON.stringify(f))).toEqual(f);
    expect(filterFromQuery('{not json')).toEqual(DEFAULT_LEDGER_FILTER);
    expect(filterFromQuery(null)).toEqual(DEFAULT_LEDGER_FILTER);
    expect(
      filterFromQuery(JSON.stringify({ source: 'mars', status: 'gone', overdueOnly: 'yes' })),
    ).toEqual(DEFAULT_LEDGER_FILTER);
  });
});

const item = (code: string, category: string, title: string, perInstance: number) => ({
  code,
  category,
  title,
  perInstance,
  cap: 10,
  unit: '处',
  zeroesCategory: false,
  serious: false,
});

describe('villageReportCard', () => {
  const result = (id: string, rows: ResultRow[]): PeriodResult => ({
    id,
    createdAt: '',
    updatedAt: '',
    updatedBy: '',
    cadence: 'month',
    rows,
    unscored: [],
    average: 85,
    publishedAt: '',
    flagsAwarded: true,
  });

  it('gathers the month’s score, last twelve months, deductions and open items', () => {
    const results = [];
    // 14 months, 2025-09 … 2026-10: the card keeps the last twelve (2025-11 … 2026-10).
    for (let i = 0; i < 14; i += 1) {
      const m = new Date(Date.UTC(2025, 8 + i, 1)).toISOString().slice(0, 7);
      results.push(
        result(m, [
          row({ villageId: 'v1', score: 80 + i, rank: 2 }),
          row({ villageId: 'v2', name: '西村', score: 99, rank: 1 }),
        ]),
      );
    }
    results[13]!.rows[0] = row({
      villageId: 'v1',
      score: 93,
      rank: 2,
      flag: 'yellow',
      flagReason: '末位',
    });
    const card = villageReportCard({
      village: { id: 'v1', name: '东村', secretary: '刘书记' },
      month: '2026-10',
      results: [...results, result('2026-11', [row({ villageId: 'v1', score: 50 })])],
      // B02: 2 × 2 points = 4; A01: 3 points entered directly; A05: none found.
      deductions: [
        { itemCode: 'B02', count: 2, points: null, note: '两处垃圾' },
        { itemCode: 'A01', count: null, points: 3, note: '' },
        { itemCode: 'A05', count: 0, points: null, note: '' },
      ],
      standard: {
        categories: [
          { name: '甲', points: 30 },
          { name: '乙', points: 20 },
        ],
        items: [
          item('A01', '甲', '焚烧秸秆', 3),
          item('A05', '甲', '污水直排', 5),
          item('B02', '乙', '垃圾乱堆', 2),
        ],
      },
      problems: [
        problem({ number: 'a', deadline: '2026-10-20' }),
        problem({ number: 'b', deadline: '2026-11-30', status: 'pending' }),
        problem({
          number: 'c',
          status: 'closed',
          verification: { verifier: '', date: '2026-10-09', opinion: '' },
          foundOn: '2026-09-20',
        }),
        problem({ number: 'd', villageId: 'v2' }),
      ],
      today: '2026-11-05',
    });
    expect(card.score).toBe(93);
    expect(card.rank).toBe(2);
    expect(card.villagesRanked).toBe(2);
    expect(card.flag).toBe('yellow');
    expect(card.history).toHaveLength(12);
    expect(card.history[0]).toEqual({ month: '2025-11', score: 82, rank: 2, flag: null });
    expect(card.history[11]).toEqual({ month: '2026-10', score: 93, rank: 2, flag: 'yellow' });
    expect(card.deductions.map((d) => [d.code, d.title, d.points])).toEqual([
      ['A01', '焚烧秸秆', 3],
      ['B02', '垃圾乱堆', 4],
    ]);
    expect(card.openProblems.map((p) => [p.number, p.daysOverdue])).toEqual([
      ['a', 16],
      ['b', 0],
    ]);
    expect(card.foundThisMonth).toBe(2);
    expect(card.closedThisMonth).toBe(1);
  });
});

describe('the basis a 红黄榜 notice cites', () => {
  it('is the town’s own latest scoring document, else the standard in words', () => {
    expect(
      noticeBasis([
        { title: '青山镇河长制工作方案', issuedOn: '2026-01-05' },
        { title: '青山镇环境整治五十条标准', issuedOn: '2025-03-01' },
        { title: '青山镇人居环境考评办法（修订）', issuedOn: '2026-03-01' },
        { title: '青山镇旧考评办法', issuedOn: '2026-06-01', deletedAt: '2026-07-01T00:00:00Z' },
      ]),
    ).toBe('《青山镇人居环境考评办法（修订）》');
    expect(noticeBasis([{ title: '青山镇河长制工作方案', issuedOn: '2026-01-05' }])).toBe(
      '本镇生态环境考评标准',
    );
  });
});

describe('a long printed row', () => {
  it('is one of 300 characters or more, counted over its texts, emoji as one', () => {
    expect(isLongRow('垃'.repeat(200), '路'.repeat(99))).toBe(false);
    expect(isLongRow('垃'.repeat(200), '路'.repeat(99), '止')).toBe(true);
    expect(isLongRow('🌳'.repeat(299))).toBe(false);
    expect(isLongRow(undefined, '')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { DueAction, PeriodResult, ResultRow } from './assessment';
import { assembleBriefing, briefingTitle, flagPeriodOf } from './briefing';

const villages = [
  { id: 'v1', name: '东村' },
  { id: 'v2', name: '西村' },
  { id: 'v3', name: '南村' },
];

const row = (over: Partial<ResultRow> & Pick<ResultRow, 'villageId' | 'name'>): ResultRow => ({
  score: 0,
  rank: 0,
  rankFromBottom: 0,
  tied: false,
  seriousCount: 0,
  flag: null,
  flagReason: '',
  ...over,
});

const result = (id: string, rows: ResultRow[], average: number): PeriodResult => ({
  id,
  createdAt: '',
  updatedAt: '',
  updatedBy: '',
  cadence: 'month',
  rows,
  unscored: [],
  average,
  publishedAt: `${id}-28T00:00:00Z`,
  flagsAwarded: true,
});

const october = result(
  '2026-10',
  [
    row({ villageId: 'v1', name: '东村', score: 95, rank: 1, flag: 'red', flagReason: '总分第一' }),
    row({ villageId: 'v2', name: '西村', score: 88, rank: 2 }),
    row({ villageId: 'v3', name: '南村', score: 70, rank: 3, flag: 'yellow', flagReason: '末位' }),
  ],
  84.33,
);
const september = result(
  '2026-09',
  [
    row({ villageId: 'v2', name: '西村', score: 92, rank: 1 }),
    row({ villageId: 'v1', name: '东村', score: 90, rank: 2 }),
    row({ villageId: 'v3', name: '南村', score: 70, rank: 3 }),
  ],
  84,
);

type P = Parameters<typeof assembleBriefing>[0]['problems'][number];
const problem = (over: Partial<P>): P => ({
  number: 'x',
  source: 'town',
  villageId: 'v1',
  category: '人居环境',
  description: '',
  foundOn: '2026-10-01',
  deadline: '2026-12-31',
  status: 'inProgress',
  verification: undefined,
  responsiblePerson: '王五',
  supervised: false,
  deletedAt: undefined,
  ...over,
});

// As of 2026-11-05, for October:
// p1 found and closed in October; p2 found in September, overdue 5 days (10-31 → 11-05);
// p3 found in October, open, on time; p4 found in October, overdue 26 days (10-10 → 11-05);
// p5 deleted; p6 found and closed before October, without a village.
const problems: P[] = [
  problem({
    number: '2026-镇督-0001',
    source: 'town',
    villageId: 'v1',
    foundOn: '2026-10-03',
    status: 'closed',
    verification: { verifier: '赵', date: '2026-10-20', opinion: '已整改' },
  }),
  problem({
    number: '2026-上级-0001',
    source: 'upper',
    villageId: 'v3',
    foundOn: '2026-09-10',
    deadline: '2026-10-31',
    responsiblePerson: '张三',
    description: '河道垃圾',
  }),
  problem({
    number: '2026-群众-0001',
    source: 'public',
    villageId: 'v3',
    foundOn: '2026-10-15',
    deadline: '2026-11-30',
    status: 'pending',
  }),
  problem({
    number: '2026-自查-0001',
    source: 'village',
    villageId: 'v2',
    foundOn: '2026-10-01',
    deadline: '2026-10-10',
    status: 'closeRequested',
    responsiblePerson: '李四',
    supervised: true,
  }),
  problem({ number: '2026-镇督-0002', foundOn: '2026-10-02', deletedAt: '2026-10-03T00:00:00Z' }),
  problem({
    number: '2026-上级-0000',
    source: 'upper',
    villageId: undefined,
    foundOn: '2026-08-01',
    status: 'closed',
    verification: { verifier: '赵', date: '2026-09-01', opinion: '' },
  }),
];

type A = Parameters<typeof assembleBriefing>[0]['actions'][number];
const action = (over: Partial<A>): A => ({
  periodKey: '2026-10',
  villageId: 'v3',
  kind: 'speech',
  title: '',
  dueDate: '2026-11-10',
  doneAt: undefined,
  deletedAt: undefined,
  ...over,
});
const actions: DueAction[] | A[] = [
  action({ title: '南村支书表态发言' }),
  action({ periodKey: '2026-09', kind: 'interview', title: '约谈南村', dueDate: '2026-10-15' }),
  action({
    villageId: 'v1',
    kind: 'redReward',
    title: '东村红旗奖励',
    doneAt: '2026-11-01T00:00:00Z',
  }),
  action({ periodKey: '2026-08', villageId: 'v2', kind: 'progressPrize', doneAt: '2026-09-01' }),
];

const base = {
  townName: '青山镇',
  month: '2026-10',
  asOf: '2026-11-05',
  villages,
  result: october,
  previous: september,
  flagResult: october,
  actions,
  problems,
  focus: '抓好秋冬季秸秆禁烧。',
};

describe('assembleBriefing', () => {
  it('lists the flags, red first, with their reasons', () => {
    const b = assembleBriefing(base);
    expect(b.flagPeriod).toBe('2026-10');
    expect(b.flags).toEqual([
      { color: 'red', name: '东村', score: 95, rank: 1, reason: '总分第一' },
      { color: 'yellow', name: '南村', score: 70, rank: 3, reason: '末位' },
    ]);
    expect(b.withdrawn).toEqual([]);
  });

  it('gives each village its score and the change since last month', () => {
    const b = assembleBriefing(base);
    expect(b.scores).toEqual([
      { rank: 1, name: '东村', score: 95, scoreChange: 5, rankChange: 1, flag: 'red' },
      { rank: 2, name: '西村', score: 88, scoreChange: -4, rankChange: -1, flag: null },
      { rank: 3, name: '南村', score: 70, scoreChange: 0, rankChange: 0, flag: 'yellow' },
    ]);
    expect(b.average).toBe(84.33);
    expect(b.previousAverage).toBe(84);
  });

  it('has no change without last month', () => {
    const b = assembleBriefing({ ...base, previous: undefined });
    expect(b.scores.map((s) => [s.scoreChange, s.rankChange])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
  });

  it('leaves a withdrawn red flag out of the flags and says so', () => {
    const withdrawnRow = {
      ...october.rows[0]!,
      withdrawn: { reason: '复查发现问题', at: '2026-11-02T00:00:00Z', by: '李' },
    };
    const b = assembleBriefing({
      ...base,
      result: { ...october, rows: [withdrawnRow, ...october.rows.slice(1)] },
      flagResult: { ...october, rows: [withdrawnRow, ...october.rows.slice(1)] },
    });
    expect(b.flags.map((f) => f.name)).toEqual(['南村']);
    expect(b.withdrawn).toEqual([{ name: '东村', reason: '复查发现问题' }]);
  });

  it('announces a quarter’s flags and shows none in the month’s score table', () => {
    const quarter = { ...october, id: '2026-Q3', cadence: 'quarter' as const };
    const b = assembleBriefing({ ...base, flagResult: quarter });
    expect(b.flagPeriod).toBe('2026-Q3');
    expect(b.flags).toHaveLength(2);
    expect(b.scores.every((s) => s.flag === null)).toBe(true);
  });

  it('counts the ledger’s month by source: found, closed, open and overdue', () => {
    const { bySource, total } = assembleBriefing(base).ledger;
    expect(bySource).toEqual([
      { label: '上级督查反馈', found: 0, closed: 0, open: 1, overdue: 1 },
      { label: '镇级督查发现', found: 1, closed: 1, open: 0, overdue: 0 },
      { label: '村级自查上报', found: 1, closed: 0, open: 1, overdue: 1 },
      { label: '群众申诉反映', found: 1, closed: 0, open: 1, overdue: 0 },
    ]);
    expect(total).toEqual({ label: '合计', found: 3, closed: 1, open: 3, overdue: 2 });
  });

  it('counts by village, most open first', () => {
    expect(assembleBriefing(base).ledger.byVillage).toEqual([
      { label: '南村', found: 1, closed: 0, open: 2, overdue: 1 },
      { label: '西村', found: 1, closed: 0, open: 1, overdue: 1 },
      { label: '东村', found: 1, closed: 1, open: 0, overdue: 0 },
    ]);
  });

  it('names the overdue items, longest overdue first, and counts them by person', () => {
    const { overdueItems, overdueByPerson } = assembleBriefing(base).ledger;
    expect(
      overdueItems.map((i) => [i.number, i.village, i.person, i.daysOverdue, i.supervised]),
    ).toEqual([
      ['2026-自查-0001', '西村', '李四', 26, true],
      ['2026-上级-0001', '南村', '张三', 5, false],
    ]);
    expect(overdueByPerson).toEqual([
      { person: '李四', count: 1 },
      { person: '张三', count: 1 },
    ]);
  });

  it('lists consequences not yet done and those of the flag period, earliest due first', () => {
    expect(assembleBriefing(base).actions).toEqual([
      {
        period: '2026年9月',
        village: '南村',
        kind: '镇纪委约谈',
        title: '约谈南村',
        dueDate: '2026-10-15',
        done: false,
      },
      {
        period: '2026年10月',
        village: '东村',
        kind: '红旗奖励',
        title: '东村红旗奖励',
        dueDate: '2026-11-10',
        done: true,
      },
      {
        period: '2026年10月',
        village: '南村',
        kind: '表态发言',
        title: '南村支书表态发言',
        dueDate: '2026-11-10',
        done: false,
      },
    ]);
  });

  it('keeps the focus text as written', () => {
    expect(assembleBriefing(base).focus).toBe('抓好秋冬季秸秆禁烧。');
  });
});

describe('flagPeriodOf', () => {
  it('is the month with monthly flags, the quarter in its last month, else none', () => {
    expect(flagPeriodOf('2026-10', true)).toBe('2026-10');
    expect(flagPeriodOf('2026-09', false)).toBe('2026-Q3');
    expect(flagPeriodOf('2026-12', false)).toBe('2026-Q4');
    expect(flagPeriodOf('2026-10', false)).toBeNull();
  });
});

it('titles the briefing in Chinese', () => {
  expect(briefingTitle('2026-10')).toBe('2026年10月生态环境工作通报');
});

import { describe, expect, it } from 'vitest';
import {
  addMonths,
  briefingRechecks,
  checkEndDuty,
  checkLongTermDuty,
  checkRecheck,
  DEFAULT_RECHECK_RULES,
  dueRechecks,
  parseDays,
  parseRecheckRules,
  reboundCandidates,
  reboundFigures,
  recheckDaysFor,
  recheckSchedule,
  recheckStatus,
  recheckTimeliness,
  validateRecheckRules,
  withinReboundWindow,
  type Recheck,
  type RecheckRules,
} from './recheck';
import { problemFixture } from './testFixtures';
import type { Problem } from './problem';

const closed = (date: string, over: Partial<Problem> = {}): Problem =>
  problemFixture({
    status: 'closed',
    verification: { verifier: '李镇长', date, opinion: '已整改到位' },
    ...over,
  });

const visit = (date: string, result: Recheck['result'] = 'holds'): Recheck => ({
  id: `r-${date}`,
  date,
  checker: '赵干事',
  result,
  note: '',
  photos: [],
  at: `${date}T02:00:00.000Z`,
  by: '赵干事',
});

const DEFAULT = DEFAULT_RECHECK_RULES;

describe('dates', () => {
  it('adds months keeping the day, or the month’s last day', () => {
    expect(addMonths('2026-03-15', 6)).toBe('2026-09-15');
    // 2026-08-31 + 6 months → February 2027 has 28 days → 2027-02-28.
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    // 2027-08-31 + 6 → 2028-02-29 (2028 is a leap year).
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    // 2026-11-10 + 3 → over the year end: 2027-02-10.
    expect(addMonths('2026-11-10', 3)).toBe('2027-02-10');
  });

  it('a rebound inside and outside the 6-month window', () => {
    // Closed 2026-08-31: the window ends 2027-02-28 (both days counted).
    expect(withinReboundWindow('2026-08-31', '2027-02-28', 6)).toBe(true);
    expect(withinReboundWindow('2026-08-31', '2027-03-01', 6)).toBe(false);
    // Before its own 销号 is no return.
    expect(withinReboundWindow('2026-08-31', '2026-08-30', 6)).toBe(false);
  });
});

describe('the schedule', () => {
  it('30 and 90 days after 销号, across a month end and a year end', () => {
    // Closed 2026-11-15: +30 → Nov has 30 days: 15 days left in Nov, 15 into Dec → 2026-12-15;
    // +90 → 15 (Nov) + 31 (Dec) + 31 (Jan) = 77, 13 more → 2027-02-13.
    expect(recheckSchedule(closed('2026-11-15'), DEFAULT, '2099-12-31')).toEqual([
      { due: '2026-12-15', kind: 'rule', label: '销号后 30 天' },
      { due: '2027-02-13', kind: 'rule', label: '销号后 90 天' },
    ]);
    // Closed 2027-01-31 (30 + 90 in a non-leap February): +30 → 28 days of Feb → 2027-03-02.
    expect(recheckSchedule(closed('2027-01-31'), DEFAULT, '2099-12-31')[0]!.due).toBe('2027-03-02');
  });

  it('nothing for an item that is not closed, or voided', () => {
    expect(
      recheckSchedule(problemFixture({ status: 'inProgress' }), DEFAULT, '2099-12-31'),
    ).toEqual([]);
    expect(
      recheckSchedule(
        closed('2026-01-01', { deletedAt: '2026-02-01T00:00:00.000Z' }),
        DEFAULT,
        '2099-12-31',
      ),
    ).toEqual([]);
  });

  it('the most specific rule wins: source and category, then category, then source', () => {
    const rules: RecheckRules = {
      ...DEFAULT,
      overrides: [
        { source: 'upper', days: [15, 60] },
        { category: '秸秆焚烧', days: [7] },
        { source: 'upper', category: '河湖四乱', days: [10, 20, 40] },
      ],
    };
    expect(recheckDaysFor(rules, { source: 'upper', category: '河湖四乱' })).toEqual([10, 20, 40]);
    expect(recheckDaysFor(rules, { source: 'upper', category: '秸秆焚烧' })).toEqual([7]);
    expect(recheckDaysFor(rules, { source: 'upper', category: '人居环境' })).toEqual([15, 60]);
    expect(recheckDaysFor(rules, { source: 'town', category: '人居环境' })).toEqual([30, 90]);
  });

  it('adds the upper level’s own dates from 销号 on, one check per day', () => {
    // Closed 2026-03-01: rule days → 2026-03-31 and 2026-05-30. County dates: 2026-02-20 is before
    // 销号 (dropped), 2026-03-31 is the 30-day check's day (one check), 2026-04-20 is added.
    const item = closed('2026-03-01', {
      source: 'upper',
      countyRecheckDates: ['2026-02-20', '2026-03-31', '2026-04-20'],
    });
    expect(recheckSchedule(item, DEFAULT, '2099-12-31').map((c) => [c.due, c.label])).toEqual([
      ['2026-03-31', '销号后 30 天'],
      ['2026-04-20', '上级回头看'],
      ['2026-05-30', '销号后 90 天'],
    ]);
  });

  it('stops at a rebound', () => {
    // Closed 2026-03-01, came back 2026-04-15: the 90-day check (2026-05-30) is not owed.
    const item = closed('2026-03-01', {
      reboundTo: { problemId: 'new', date: '2026-04-15' },
      rechecks: [visit('2026-03-31'), visit('2026-04-15', 'rebound')],
    });
    expect(recheckSchedule(item, DEFAULT, '2099-12-31').map((c) => c.due)).toEqual(['2026-03-31']);
  });

  it('a long-term item recurs at its interval until the duty is ended', () => {
    // Closed 2026-12-01, every 30 days: 12-31, 2027-01-30, then 01-30 + 30 = 03-01 (1 day left in
    // January, 28 in February, 1 in March), 03-31; 04-30 lies past 2027-04-15 → four checks.
    const item = closed('2026-12-01', { longTerm: { duty: '每周保洁', intervalDays: 30 } });
    expect(recheckSchedule(item, DEFAULT, '2027-04-15').map((c) => c.due)).toEqual([
      '2026-12-31',
      '2027-01-30',
      '2027-03-01',
      '2027-03-31',
    ]);
    // Ended on 2027-02-15: only the checks due by then stay owed.
    const ended = closed('2026-12-01', {
      longTerm: {
        duty: '每周保洁',
        intervalDays: 30,
        ended: { on: '2027-02-15', reason: '已纳入村规民约', at: '', by: '' },
      },
    });
    expect(recheckSchedule(ended, DEFAULT, '2099-12-31').map((c) => c.label)).toEqual([
      '长期坚持第 1 次',
      '长期坚持第 2 次',
    ]);
  });
});

describe('what became of each check', () => {
  // Closed 2026-01-10: due 2026-02-09 (+30: 21 days left in Jan, 9 in Feb) and 2026-04-10 (+90:
  // 21 + 28 + 31 = 80, 10 more in April).
  const item = closed('2026-01-10');

  it('on time, late, overdue, due soon and upcoming', () => {
    expect(recheckStatus(item, DEFAULT, '2026-02-05').map((c) => c.state)).toEqual([
      'dueSoon', // 4 days ahead (< 7)
      'upcoming',
    ]);
    expect(recheckStatus(item, DEFAULT, '2026-02-10').map((c) => c.state)).toEqual([
      'overdue',
      'upcoming',
    ]);
    const done = recheckStatus({ ...item, rechecks: [visit('2026-02-09')] }, DEFAULT, '2026-02-10');
    expect(done[0]).toMatchObject({ state: 'done', doneOn: '2026-02-09', onTime: true });
  });

  it('one late visit catches up every check due before it', () => {
    // A visit on 2026-04-20 does both (both late); nothing is left.
    const status = recheckStatus(
      { ...item, rechecks: [visit('2026-04-20')] },
      DEFAULT,
      '2026-05-01',
    );
    expect(status.map((c) => [c.state, c.onTime])).toEqual([
      ['done', false],
      ['done', false],
    ]);
  });

  it('an early visit does the next check, on time', () => {
    // 2026-01-25 is before the first due date: it does the 30-day check; the 90-day stays owed.
    const status = recheckStatus(
      { ...item, rechecks: [visit('2026-01-25')] },
      DEFAULT,
      '2026-04-11',
    );
    expect(status.map((c) => [c.state, c.onTime])).toEqual([
      ['done', true],
      ['overdue', undefined],
    ]);
  });

  it('lists the checks overdue or due within a week, earliest first', () => {
    const other = closed('2026-01-20', { id: 'p2' }); // due 2026-02-19 and 2026-04-20
    // Today 2026-02-15: item's 02-09 is 6 days overdue; p2's 02-19 is due in 4 days (≤ 02-21).
    expect(dueRechecks([other, item], DEFAULT, '2026-02-15')).toEqual([
      {
        problemId: item.id,
        due: '2026-02-09',
        label: '销号后 30 天',
        overdue: true,
        daysOverdue: 6,
      },
      { problemId: 'p2', due: '2026-02-19', label: '销号后 30 天', overdue: false, daysOverdue: 0 },
    ]);
  });
});

describe('rebounds', () => {
  const near = closed('2026-03-01', {
    id: 'a',
    villageId: 'v1',
    category: '人居环境',
    place: '村口 河道',
  });
  const old = closed('2025-08-01', {
    id: 'b',
    villageId: 'v1',
    category: '人居环境',
    place: '村口河道',
  });

  it('offers the closed items of the same village, category and place within N months', () => {
    // Found 2026-06-01, N = 6: a closed on 2026-03-01 is 3 months back (offered; “村口 河道”
    // is the same place as “村口河道”); b on 2025-08-01 is 10 months back (not offered).
    const form = {
      villageId: 'v1',
      category: '人居环境',
      place: '村口河道',
      foundOn: '2026-06-01',
    };
    expect(reboundCandidates(form, [old, near], 6).map((p) => p.id)).toEqual(['a']);
    // With N = 12 both, the latest closed first.
    expect(reboundCandidates(form, [old, near], 12).map((p) => p.id)).toEqual(['a', 'b']);
    // Another place, another village, an empty place: none.
    expect(reboundCandidates({ ...form, place: '小学门口' }, [near], 6)).toEqual([]);
    expect(reboundCandidates({ ...form, villageId: 'v2' }, [near], 6)).toEqual([]);
    expect(reboundCandidates({ ...form, place: '' }, [{ ...near, place: '' }], 6)).toEqual([]);
    // Already marked 反弹: not offered again.
    expect(
      reboundCandidates(form, [{ ...near, reboundTo: { problemId: 'x', date: '2026-04-01' } }], 6),
    ).toEqual([]);
  });

  it('refuses a re-check that cannot be one', () => {
    const input = { date: '2026-04-01', checker: '赵干事', result: 'holds' as const, note: '' };
    expect(checkRecheck(near, input)).toBeNull();
    expect(checkRecheck(problemFixture(), input)).toBe('只有已销号的问题才能回头看。');
    expect(checkRecheck(near, { ...input, date: '2026-02-28' })).toBe(
      '回头看日期不能早于销号日期（2026-03-01）。',
    );
    expect(checkRecheck(near, { ...input, checker: ' ' })).toBe('请填写回头看的人。');
    expect(checkRecheck(near, { ...input, result: 'rebound', note: '又有' })).toMatch(
      /至少 4 个字/,
    );
  });
});

describe('long-term duties', () => {
  it('a duty needs words and an interval of 1–366 days', () => {
    expect(checkLongTermDuty({ duty: '每周保洁一次', intervalDays: 30 })).toBeNull();
    expect(checkLongTermDuty({ duty: '', intervalDays: 30 })).toMatch(/请写明/);
    expect(checkLongTermDuty({ duty: '每周保洁', intervalDays: 0 })).toMatch(/1 到 366/);
    expect(checkLongTermDuty({ duty: '每周保洁', intervalDays: 2.5 })).toMatch(/整数/);
  });

  it('ends once, with a reason, not before 销号', () => {
    const item = closed('2026-03-01', { longTerm: { duty: '每周保洁', intervalDays: 30 } });
    expect(checkEndDuty(item, '2026-09-01', '已纳入村规民约长效管护')).toBeNull();
    expect(checkEndDuty(item, '2026-02-01', '已纳入村规民约长效管护')).toBe(
      '结束日期不能早于销号日期。',
    );
    expect(checkEndDuty(item, '2026-09-01', '好')).toMatch(/4/);
    expect(checkEndDuty(closed('2026-03-01'), '2026-09-01', '已纳入村规民约')).toBe(
      '这个问题不是长期坚持的工作。',
    );
  });
});

describe('figures', () => {
  // Closed in 2026: four items. u1 (upper, v1, 人居环境) came back 2026-05-01, 2 months after
  // its 销号 on 03-01 (counted); t1 (town, v1, 人居环境) came back 2026-12-01, 8 months after
  // 04-01 (outside 6 months, not counted); t2 (town, v2, 河湖四乱) and p1 (public, v2, 人居环境)
  // held. Closed 2025-12-31 (outside the span): not counted at all.
  const items = [
    closed('2026-03-01', {
      id: 'u1',
      source: 'upper',
      villageId: 'v1',
      category: '人居环境',
      reboundTo: { problemId: 'n1', date: '2026-05-01' },
    }),
    closed('2026-04-01', {
      id: 't1',
      source: 'town',
      villageId: 'v1',
      category: '人居环境',
      reboundTo: { problemId: 'n2', date: '2026-12-01' },
    }),
    closed('2026-05-01', { id: 't2', source: 'town', villageId: 'v2', category: '河湖四乱' }),
    closed('2026-06-01', { id: 'p1', source: 'public', villageId: 'v2', category: '人居环境' }),
    closed('2025-12-31', {
      id: 'x',
      source: 'town',
      villageId: 'v1',
      reboundTo: { problemId: 'n3', date: '2026-01-05' },
    }),
    problemFixture({ id: 'open', source: 'town' }),
  ];
  const names = new Map([
    ['v1', '一村'],
    ['v2', '二村'],
  ]);

  it('rebound rate by source, category and village: 1 of 4 = 25%', () => {
    const f = reboundFigures(items, { from: '2026-01-01', to: '2026-12-31' }, 6, names);
    expect(f.total).toEqual({ label: '合计', closed: 4, rebounded: 1, rate: 0.25 });
    expect(f.bySource.map((r) => [r.label, r.closed, r.rebounded])).toEqual([
      ['上级督查反馈', 1, 1],
      ['镇级督查发现', 2, 0],
      ['村级自查上报', 0, 0],
      ['群众申诉反映', 1, 0],
    ]);
    // 人居环境: u1, t1, p1 → 1 of 3; 河湖四乱: t2 → 0 of 1.
    expect(f.byCategory.map((r) => [r.label, r.closed, r.rebounded])).toEqual([
      ['人居环境', 3, 1],
      ['河湖四乱', 1, 0],
    ]);
    // 一村: u1, t1 → 1 of 2 = 50%; 二村: 0 of 2.
    expect(f.byVillage.map((r) => [r.label, r.closed, r.rebounded, r.rate])).toEqual([
      ['一村', 2, 1, 0.5],
      ['二村', 2, 0, 0],
    ]);
    // With a 12-month window t1's return (8 months) counts too: 2 of 4.
    expect(
      reboundFigures(items, { from: '2026-01-01', to: '2026-12-31' }, 12).total.rebounded,
    ).toBe(2);
  });

  it('re-checks done on time', () => {
    // a: closed 2026-01-10 → due 02-09 (done 02-08, on time) and 04-10 (done 04-15, late).
    // b: closed 2026-02-01 → due 03-03 (+30: 27 days left in Feb, 3 in Mar; not done: missed)
    //    and 05-02 (after today 2026-04-20: not counted yet).
    const a = closed('2026-01-10', {
      id: 'a',
      rechecks: [visit('2026-02-08'), visit('2026-04-15')],
    });
    const b = closed('2026-02-01', { id: 'b' });
    expect(
      recheckTimeliness([a, b], DEFAULT, { from: '2026-01-01', to: '2026-12-31' }, '2026-04-20'),
    ).toEqual({ due: 3, onTime: 1, late: 1, missed: 1, rate: 1 / 3 });
  });
});

describe('the rules in 设置', () => {
  const categories = ['人居环境', '河湖四乱'];

  it('reads days as typed', () => {
    expect(parseDays('90，30 30')).toEqual([30, 90]);
    expect(parseDays('30、六十')).toBeNull();
  });

  it('refuses what cannot be a rule', () => {
    expect(validateRecheckRules(DEFAULT, categories)).toEqual([]);
    expect(
      validateRecheckRules(
        {
          days: [],
          reboundMonths: 0,
          overrides: [
            { days: [30] },
            { category: '人居环境', days: [30] },
            { category: '人居环境', days: [5000] },
            { category: '噪声', days: [30] },
          ],
        },
        categories,
      ),
    ).toEqual([
      '默认规则至少要有一次回头看。',
      '反弹认定期限应是 1 到 36 之间的整数（月）。',
      '第 1 条规则请选择问题来源或问题类别。',
      '第 3 条规则的天数应是 1 到 3650 之间的整数。',
      '第 3 条规则与前面的规则重复。',
      '第 4 条规则的类别“噪声”不在问题类别中。',
    ]);
  });

  it('falls back to the defaults for what is stored wrong', () => {
    expect(parseRecheckRules(undefined)).toEqual(DEFAULT);
    expect(
      parseRecheckRules({ days: [15], reboundMonths: 'x', overrides: [{ days: [1] }] }),
    ).toEqual({ days: [15], overrides: [], reboundMonths: 6 });
  });
});

describe('the monthly briefing', () => {
  it('due checks by the month’s end, the month’s checks, its rebounds and the 12-month rate', () => {
    const names = new Map([['v1', '一村']]);
    // a: closed 2026-06-15 → due 07-15 (done 07-15) and 09-13 (+90: 15 + 31 + 31 = 77 to
    //    08-31, 13 more); by 09-30 the 09-13 check is 17 days overdue.
    // b: closed 2026-08-10 → due 09-09 (+30: 21 left in August, 9 in September): a visit on
    //    09-12 did it late; it found the problem back (new item n, 2026-镇督-0009).
    // c: closed 2026-09-20 → due 10-20: after the month, not listed.
    // old: closed 2024-01-05, more than two years before: its missed checks are not listed.
    const items = [
      closed('2026-06-15', { id: 'a', number: '2026-镇督-0001', rechecks: [visit('2026-07-15')] }),
      closed('2026-08-10', {
        id: 'b',
        number: '2026-镇督-0002',
        rechecks: [visit('2026-09-12', 'rebound')],
        reboundTo: { problemId: 'n', date: '2026-09-12' },
      }),
      problemFixture({ id: 'n', number: '2026-镇督-0009', foundOn: '2026-09-12', reboundOf: 'b' }),
      closed('2026-09-20', { id: 'c', number: '2026-镇督-0003' }),
      closed('2024-01-05', { id: 'old', number: '2024-镇督-0001' }),
    ];
    const b = briefingRechecks({
      month: '2026-09',
      asOf: '2026-10-05',
      items,
      rules: DEFAULT,
      villageNames: names,
    });
    expect(b.due).toEqual([
      {
        number: '2026-镇督-0001',
        village: '一村',
        category: '人居环境',
        label: '销号后 90 天',
        due: '2026-09-13',
        daysOverdue: 17,
      },
    ]);
    // Due in September: a's 09-13 (missed) and b's 09-09 (late).
    expect(b.month).toEqual({ due: 2, onTime: 0, late: 1, missed: 1 });
    expect(b.rebounds).toEqual([
      {
        number: '2026-镇督-0002',
        village: '一村',
        category: '人居环境',
        date: '2026-09-12',
        newNumber: '2026-镇督-0009',
      },
    ]);
    // Closed 2025-10-01 … 2026-09-30: a, b, c (old is earlier) → 1 of 3 came back.
    expect(b.rate).toMatchObject({ from: '2025-10-01', to: '2026-09-30', closed: 3, rebounded: 1 });
    expect(b.rate.bySource[1]).toEqual({ label: '镇级督查发现', closed: 3, rebounded: 1 });
    // Read in mid-September (as of 09-10): b's return on 09-12 is not known yet.
    const early = briefingRechecks({
      month: '2026-09',
      asOf: '2026-09-10',
      items,
      rules: DEFAULT,
      villageNames: names,
    });
    expect(early.rebounds).toEqual([]);
    expect(early.rate.rebounded).toBe(0);
  });
});

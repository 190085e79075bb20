import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PATROL_RULES,
  elapsedDays,
  inSeason,
  owed,
  rangerCompliance,
  riverCompliance,
  rulesFromForm,
  rulesToForm,
  validateForestPatrol,
  validatePatrolRules,
  validateRiverPatrol,
  type River,
} from './patrol';

const river: River = {
  id: 'r1',
  createdAt: '',
  updatedAt: '',
  updatedBy: '',
  name: '东河',
  segments: [
    { id: 's1', name: '东村段', level: 'village', chiefId: 'p1', villageId: 'v1' },
    { id: 's2', name: '全段', level: 'town', chiefId: 'p2' },
  ],
};

/** Today 2026-11-28; the town set up a year ago, dates back to 2015 accepted. */
const past = { today: '2026-11-28', earliest: '2015-11-28' };

describe('seasons', () => {
  it('runs the fire season over New Year', () => {
    const season = DEFAULT_PATROL_RULES.fireSeason; // 11-15 → 04-15
    expect(inSeason('2026-11-15', season)).toBe(true);
    expect(inSeason('2027-01-10', season)).toBe(true);
    expect(inSeason('2027-04-15', season)).toBe(true);
    expect(inSeason('2027-04-16', season)).toBe(false);
    expect(inSeason('2026-07-01', season)).toBe(false);
    expect(inSeason('2026-03-30', { from: '03-25', to: '04-10' })).toBe(true);
  });
});

describe('what is owed by a day of the month', () => {
  it('counts pro rata, whole patrols only', () => {
    // November has 30 days.
    expect(elapsedDays('2026-11', '2026-11-28')).toBe(28);
    expect(elapsedDays('2026-11', '2026-12-02')).toBe(30);
    expect(elapsedDays('2026-11', '2026-10-31')).toBe(0);
    expect(owed(1, 7, 28)).toBe(4); // weekly: 4 by the 28th
    expect(owed(1, 7, 27)).toBe(3);
    expect(owed(1, 30, 28)).toBe(0); // monthly: only once the month is over
    expect(owed(1, 30, 30)).toBe(1);
    expect(owed(20, 30, 15)).toBe(10); // a ranger's 20 days: 10 by mid-month
    expect(owed(20, 30, 30)).toBe(20);
  });
});

describe('riverCompliance', () => {
  it('says who is behind and by how much', () => {
    const rows = riverCompliance({
      rivers: [river],
      patrols: [
        { segmentId: 's1', chiefId: 'p1', date: '2026-11-03', deletedAt: undefined },
        { segmentId: 's1', chiefId: 'p1', date: '2026-11-20', deletedAt: undefined },
        { segmentId: 's1', chiefId: 'p1', date: '2026-10-30', deletedAt: undefined }, // last month
        { segmentId: 's1', chiefId: 'p1', date: '2026-11-21', deletedAt: '2026-11-22' }, // deleted
        { segmentId: 's2', chiefId: 'p2', date: '2026-11-10', deletedAt: undefined },
      ],
      names: new Map([
        ['p1', '李河长'],
        ['p2', '王镇长'],
      ]),
      rules: DEFAULT_PATROL_RULES,
      month: '2026-11',
      asOf: '2026-11-28',
    });
    expect(rows).toEqual([
      {
        personId: 'p1',
        name: '李河长',
        role: '村级河长 · 东河东村段',
        required: 4,
        done: 2,
        behind: 2,
        lastDate: '2026-11-20',
      },
      {
        personId: 'p2',
        name: '王镇长',
        role: '镇级河长 · 东河全段',
        required: 0,
        done: 1,
        behind: 0,
        lastDate: '2026-11-10',
      },
    ]);
  });
});

describe('rangerCompliance', () => {
  it('counts distinct days against the quota', () => {
    const patrols = ['2026-11-01', '2026-11-01', '2026-11-02', '2026-11-05'].map((date) => ({
      rangerId: 'g1',
      date,
      deletedAt: undefined,
    }));
    const rows = rangerCompliance({
      rangers: [
        { id: 'g1', name: '赵护林', type: '公益护林员' },
        { id: 'g2', name: '钱护林', type: '生态护林员' },
      ],
      patrols,
      rules: DEFAULT_PATROL_RULES,
      month: '2026-11',
      asOf: '2026-11-15',
    });
    // 20 days × 15/30 = 10 owed by the 15th.
    expect(rows.map((r) => [r.name, r.required, r.done, r.behind, r.lastDate])).toEqual([
      ['钱护林', 10, 0, 10, null],
      ['赵护林', 10, 3, 7, '2026-11-05'],
    ]);
  });
});

describe('validation', () => {
  const river = {
    riverId: 'r1',
    segmentId: 's1',
    date: '2026-11-20',
    startTime: '08:30',
    endTime: '10:00',
    routeFrom: '东村桥',
    routeTo: '西村坝',
    checked: '河面、河岸',
    findings: [],
    action: '',
  };
  it('accepts a complete river patrol and names every problem of a bad one', () => {
    expect(validateRiverPatrol(river, past)).toEqual([]);
    const issues = validateRiverPatrol(
      {
        ...river,
        date: '2026-11-31',
        endTime: '07:00',
        routeTo: ' ',
        findings: [{ kind: '乱倒', note: '' }],
      },
      past,
    ).map((i) => i.message);
    expect(issues).toEqual([
      '巡河日期“2026-11-31”不存在：2026年11月只有 30 天。',
      '结束时间应晚于开始时间。',
      '请填写巡河起点和终点。',
      '第 1 个发现问题请选择类型。',
      '第 1 个发现问题请写明情况。',
      '发现问题时请填写处理情况。',
    ]);
    expect(validateRiverPatrol({ ...river, date: '2026-12-01' }, past)[0]?.message).toBe(
      '巡河日期“2026-12-01”还没到（今天是 2026-11-28），请核对。',
    );
  });

  it('checks a forest patrol and the rules', () => {
    expect(
      validateForestPatrol(
        { plotId: 'f1', date: '2026-11-20', weather: '晴', findings: [], note: '' },
        past,
      ),
    ).toEqual([]);
    expect(
      validateForestPatrol(
        { plotId: '', date: '2026-11-20', weather: '台风', findings: [], note: '' },
        past,
      ).map((i) => i.message),
    ).toEqual(['请选择山头地块。', '请选择天气。']);
    expect(validatePatrolRules(DEFAULT_PATROL_RULES)).toEqual([]);
    expect(
      validatePatrolRules({
        ...DEFAULT_PATROL_RULES,
        rangerDaysPerMonth: 40,
        fireSeason: { from: '13-01', to: '04-15' },
      }),
    ).toEqual([
      '护林员每月巡林天数应为 0–31 的整数。',
      '防火期的起止日期应写成“11-15”这样的月-日。',
    ]);
  });
});

describe('the rules form', () => {
  it('round-trips the rules and reads high-risk periods a line each', () => {
    expect(rulesFromForm(rulesToForm(DEFAULT_PATROL_RULES))).toEqual(DEFAULT_PATROL_RULES);
    expect(
      rulesFromForm({
        ...rulesToForm(DEFAULT_PATROL_RULES),
        highRisk: ' 清明  03-25 04-10\n\n春节 01-20 02-20 ',
      }).highRisk,
    ).toEqual([
      { name: '清明', from: '03-25', to: '04-10' },
      { name: '春节', from: '01-20', to: '02-20' },
    ]);
  });

  it('names a blank count instead of taking it for 0', () => {
    const rules = rulesFromForm({
      ...rulesToForm(DEFAULT_PATROL_RULES),
      ranger: ' ',
      villageChief: '一',
    });
    expect(validatePatrolRules(rules)).toEqual([
      '村级河长每周巡河次数应为 0–7 的整数。',
      '护林员每月巡林天数应为 0–31 的整数。',
    ]);
  });
});

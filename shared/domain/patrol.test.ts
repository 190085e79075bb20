import { describe, expect, it } from 'vitest';
import {
  checkPatrolCorrection,
  checkPatrolVoid,
  correctedFindings,
  DEFAULT_PATROL_RULES,
  isSamePatrol,
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
  type RiverPatrol,
} from './patrol';
import { checkReason } from './textLimits';

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

describe('correcting and voiding a patrol', () => {
  const stored: RiverPatrol = {
    id: 'p1',
    createdAt: '2026-11-20T01:00:00.000Z',
    updatedAt: '2026-11-20T01:00:00.000Z',
    updatedBy: '张环保',
    riverId: 'r1',
    segmentId: 's1',
    chiefId: 'c1',
    date: '2026-11-20',
    startTime: '08:30',
    endTime: '10:00',
    routeFrom: '东村桥',
    routeTo: '西村坝',
    checked: '河面、河岸',
    findings: [
      { id: 'f1', kind: '乱堆', note: '建筑垃圾约 3 方', problemId: 'item1' },
      { id: 'f2', kind: '乱倒', note: '生活垃圾一处' },
    ],
    action: '已通知村上清理',
  };

  it('keeps the id and the ledger item of a kept finding, and gives a new one an id', () => {
    const ids = ['n1', 'n2'];
    const findings = correctedFindings(
      stored.findings,
      [
        { id: 'f1', kind: '乱堆', note: ' 建筑垃圾约 5 方 ' },
        { kind: '乱建', note: '河边搭建板房' },
        // An id the patrol does not have is a new finding, and gets no ledger item.
        { id: 'other', kind: '乱占', note: '占用河道', problemId: 'forged' },
      ],
      () => ids.shift()!,
    );
    expect(findings).toEqual([
      { id: 'f1', kind: '乱堆', note: '建筑垃圾约 5 方', problemId: 'item1' },
      { id: 'n1', kind: '乱建', note: '河边搭建板房' },
      { id: 'n2', kind: '乱占', note: '占用河道' },
    ]);
  });

  it('asks for a change and a reason of at least 4 characters', () => {
    expect(checkPatrolCorrection(stored, { ...stored }, '时间录错了')).toEqual([
      { field: '', message: '没有改动：内容与现在相同。' },
    ]);
    expect(checkPatrolCorrection(stored, { ...stored, endTime: '11:00' }, '录错')).toEqual([
      { field: 'reason', message: '更正需要写明原因（至少 4 个字），例如“河段选错”。' },
    ]);
    expect(checkPatrolCorrection(stored, { ...stored, endTime: '11:00' }, '结束时间录错')).toEqual(
      [],
    );
    // A finding without a ledger item may go.
    expect(
      checkPatrolCorrection(stored, { ...stored, findings: [stored.findings[0]!] }, '重复的发现'),
    ).toEqual([]);
  });

  it('keeps a finding turned into a ledger item, of its type, on its segment', () => {
    const messages = (next: RiverPatrol) =>
      checkPatrolCorrection(stored, next, '河段选错了').map((i) => i.message);
    expect(messages({ ...stored, findings: [stored.findings[1]!] })).toEqual([
      '发现问题“乱堆：建筑垃圾约 3 方”已转整改，不能删除或改类型；如有误，请在台账中更正或作废该问题。',
    ]);
    expect(
      messages({
        ...stored,
        findings: [{ ...stored.findings[0]!, kind: '乱占' }, stored.findings[1]!],
      }),
    ).toHaveLength(1);
    expect(messages({ ...stored, segmentId: 's2' })).toEqual([
      '这次巡查已有发现问题转整改，不能更改河段或山头地块。',
    ]);
    // Without a ledger item the segment may change.
    const plain = { ...stored, findings: [stored.findings[1]!] };
    expect(checkPatrolCorrection(plain, { ...plain, segmentId: 's2' }, '河段选错了')).toEqual([]);
  });

  it('voids only with a reason and no live ledger item of its findings', () => {
    expect(checkPatrolVoid(1, '重复录入')).toBe(
      '这次巡查的发现问题已转整改，不能作废；如是误录，请先在台账中作废相应问题。',
    );
    expect(checkPatrolVoid(0, '重复')).toBe('作废需要写明原因（至少 4 个字），例如“重复录入”。');
    expect(checkPatrolVoid(0, '同一次巡查录了两遍')).toBeNull();
    expect(checkReason('作废', '理'.repeat(201))).toBe('作废原因最多 200 个字。');
    expect(checkReason('更正', '', { required: false })).toBeNull();
  });
});

describe('a patrol entered twice', () => {
  it('is the same segment, day and start time, or the same plot and day', () => {
    const river = { segmentId: 's1', date: '2026-11-20', startTime: '08:30' };
    expect(isSamePatrol(river, { ...river })).toBe(true);
    expect(isSamePatrol(river, { ...river, startTime: '14:00' })).toBe(false);
    expect(isSamePatrol(river, { ...river, segmentId: 's2' })).toBe(false);
    const forest = { plotId: 'p1', date: '2026-11-20' };
    expect(isSamePatrol(forest, { ...forest })).toBe(true);
    expect(isSamePatrol(forest, { ...forest, date: '2026-11-21' })).toBe(false);
    expect(isSamePatrol(forest, river)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hasFieldLabel } from './fieldLabels';
import { checkPackageRecords, importableTables, listedProblems, type HeldIds } from './recordCheck';
import { RECORD_SCHEMAS } from './recordSchemas';

/** Hand-made records as the app writes them; each test breaks one thing. */
const AT = '2026-11-02T08:30:00.000Z';
const stamps = (id: string) => ({ id, createdAt: AT, updatedAt: AT, updatedBy: '张环保' });
const village = {
  ...stamps('v1'),
  name: '张家村',
  order: 1,
  secretary: '',
  contact: '',
  groups: [],
};
const person = { ...stamps('p1'), name: '王建国', title: '', phone: '', roles: ['townLeader'] };
const problem = {
  ...stamps('q1'),
  number: '2026-镇督-0001',
  source: 'town',
  category: '人居环境',
  villageId: 'v1',
  place: '村口',
  description: '沟渠旁积存建筑垃圾',
  foundOn: '2026-11-02',
  deadline: '2026-11-17',
  originalDeadline: '2026-11-17',
  extensions: [],
  responsiblePerson: '张三',
  responsibleLeader: '',
  measures: [],
  progress: [],
  beforePhotos: [],
  afterPhotos: [],
  status: 'pending',
  supervised: false,
  accountability: [],
  reports: [],
};
const entry = {
  id: 'a1',
  at: AT,
  actor: '张环保',
  table: 'problems',
  recordId: 'q1',
  action: 'create',
  label: '2026-镇督-0001',
  before: null,
  after: { ...problem },
  chain: '0123456789ab',
  seq: 1,
  prev: '0'.repeat(64),
  hash: 'f'.repeat(64),
};
const good = { villages: [village], people: [person], problems: [problem], audit: [entry] };

const problemsOf = (tables: Record<string, unknown[]>, held: HeldIds = {}) =>
  checkPackageRecords(tables, { purpose: 'import', held }).problems;

describe('a package’s records', () => {
  it('pass as the app writes them', () => {
    expect(problemsOf(good)).toEqual([]);
  });

  it('may not carry a field the app does not write', () => {
    expect(problemsOf({ ...good, problems: [{ ...problem, owner: 'x' }] })).toEqual([
      '整改问题 2026-镇督-0001 有本程序不认识的字段“owner”。',
    ]);
    // Inside a list too: an extension with an extra field.
    const extended = {
      ...problem,
      extensions: [
        { from: '2026-11-17', to: '2026-11-27', reason: '雨天', at: AT, by: '张', x: 1 },
      ],
    };
    expect(problemsOf({ ...good, problems: [extended] })).toEqual([
      '整改问题 2026-镇督-0001 的“延期记录”第 1 条有本程序不认识的字段“x”。',
    ]);
  });

  it('refuse a wrong type, and say which field in Chinese', () => {
    expect(problemsOf({ ...good, problems: [{ ...problem, supervised: 'yes' }] })).toEqual([
      '整改问题 2026-镇督-0001 的“督办”应为“是”或“否”（现在是“yes”）。',
    ]);
    const noDeadline: Record<string, unknown> = { ...problem };
    delete noDeadline.deadline;
    expect(problemsOf({ ...good, problems: [noDeadline] })).toEqual([
      '整改问题 2026-镇督-0001 缺少“整改时限”。',
    ]);
    expect(problemsOf({ ...good, villages: [{ ...village, order: '1' }] })).toEqual([
      '村 v1 的“序号”应为数字（现在是“1”）。',
    ]);
  });

  it('refuse a date no calendar has, a month that is none, a moment that is none', () => {
    // February 2026 has 28 days; there is no 13th month.
    expect(problemsOf({ ...good, problems: [{ ...problem, deadline: '2026-02-30' }] })).toEqual([
      '整改问题 2026-镇督-0001 的“整改时限”不是有效日期（2026-02-30）。',
    ]);
    expect(
      problemsOf({
        ...good,
        problems: [
          { ...problem, verification: { verifier: '李', date: '2026-13-01', opinion: '' } },
        ],
      }),
    ).toEqual(['整改问题 2026-镇督-0001 的“验收记录”的“验收日期”不是有效日期（2026-13-01）。']);
    const period = {
      ...stamps('2026-13'),
      status: 'open',
      standardId: 's1',
      inspectors: '张',
      inspectedOn: '2026-12-01',
    };
    expect(problemsOf({ periods: [period] }, { standards: new Set(['s1']) })).toEqual([
      '考核月份 2026-13 的“月份”不是有效月份（2026-13）。',
    ]);
    expect(
      problemsOf({ ...good, villages: [{ ...village, updatedAt: '2026-11-31T00:00:00Z' }] }),
    ).toEqual(['村 v1 的“修改时间”不是有效时间（2026-11-31T00:00:00Z）。']);
  });

  it('refuse a text longer than its form allows, counted in characters', () => {
    // 村名 at most 20 characters: 21 are refused, 20 taken.
    const long = '一'.repeat(21);
    expect(problemsOf({ ...good, villages: [{ ...village, name: long }] })).toEqual([
      '村 v1 的“名称”太长（最多 20 个字，现在是 21 个字）。',
    ]);
    expect(problemsOf({ ...good, villages: [{ ...village, name: long.slice(1) }] })).toEqual([]);
  });

  it('refuse a key that reaches the prototype, at any depth, as JSON.parse makes it', () => {
    const parsed = JSON.parse(
      JSON.stringify(problem).replace('"measures":[]', '"measures":[{"__proto__":{"x":1}}]'),
    ) as Record<string, unknown>;
    expect(Object.keys((parsed.measures as object[])[0]!)).toEqual(['__proto__']);
    expect(problemsOf({ ...good, problems: [parsed] })).toEqual([
      '整改问题 2026-镇督-0001 的“整改措施”第 1 条有不允许的字段名“__proto__”。',
    ]);
    // In a history entry's record, which has no schema of its own.
    const deep = JSON.parse(
      `{"id":"a2","at":"${AT}","actor":"张","table":"villages","recordId":"v1","action":"update","label":"张家村","before":null,"after":{"groups":[{"a":{"constructor":1}}]}}`,
    ) as object;
    expect(problemsOf({ ...good, audit: [deep] })).toEqual([
      '操作记录 a2 的“修改后”中的一项有不允许的字段名“constructor”。',
    ]);
    const top = JSON.parse(`{"prototype":1,${JSON.stringify(village).slice(1)}`) as object;
    expect(problemsOf({ ...good, villages: [top] })).toEqual([
      '村 v1 有不允许的字段名“prototype”。',
    ]);
  });

  it('refuse a history entry whose links are not hash-shaped', () => {
    expect(problemsOf({ ...good, audit: [{ ...entry, hash: 'xyz' }] })).toEqual([
      '操作记录 a1 的“校验值”不是有效的校验值（xyz）。',
    ]);
    expect(problemsOf({ ...good, audit: [{ ...entry, seq: 0 }] })).toEqual([
      '操作记录 a1 的“序号”超出范围（最小 1，现在是 0）。',
    ]);
  });

  it('refuse a table this program does not know, and records that are no records', () => {
    expect(problemsOf({ ...good, ledgerTally: [{ key: 'k' }] })).toEqual([
      '数据交换包里有本程序不认识的数据“ledgerTally”（1 条）。',
    ]);
    expect(problemsOf({ villages: [null, [], 'v'] })).toEqual([
      '村的第 1 条不是一条记录。',
      '村的第 2 条不是一条记录。',
      '村的第 3 条不是一条记录。',
    ]);
    expect(problemsOf({ villages: [village, { ...village, name: '李家村' }] })).toEqual([
      '村 v1 在数据交换包里出现了不止一次。',
    ]);
  });

  it('must point at what is in the package or on this PC', () => {
    const deduction = {
      ...stamps('d1'),
      periodId: '2026-11',
      villageId: 'gone',
      itemCode: 'A01',
      count: 1,
      points: null,
      note: '',
      place: '',
    };
    const period = {
      ...stamps('2026-11'),
      status: 'open',
      standardId: 's1',
      inspectors: '张',
      inspectedOn: '2026-11-20',
    };
    const tables = { villages: [village], periods: [period], deductions: [deduction] };
    expect(problemsOf(tables, { standards: new Set(['s1']) })).toEqual([
      '扣分记录 d1 的“所在村”指向的村（gone）不在包里，本机也没有。',
    ]);
    // On this PC already: taken.
    const held = { standards: new Set(['s1']), villages: new Set(['gone']) };
    expect(problemsOf(tables, held)).toEqual([]);
    // A river patrol's segment must be one of its river's.
    const river = {
      ...stamps('r1'),
      name: '东河',
      segments: [{ id: 's1', name: '东村段', level: 'village', chiefId: 'p1' }],
    };
    const patrol = {
      ...stamps('rp1'),
      riverId: 'r1',
      segmentId: 's9',
      chiefId: 'p1',
      date: '2026-11-02',
      startTime: '08:30',
      endTime: '09:30',
      routeFrom: '桥',
      routeTo: '闸',
      checked: '',
      findings: [],
      action: '',
    };
    expect(problemsOf({ people: [person], rivers: [river], riverPatrols: [patrol] })).toEqual([
      '巡河记录 rp1 的“河段”指向的河段（s9）不在包里，本机也没有。',
    ]);
  });

  it('an import never takes the town, the settings, the accounts or the hand-off log', () => {
    const town = { ...stamps('town'), name: '青山镇', county: '绿水县', campaigns: [] };
    const tables = {
      ...good,
      town: [town],
      settings: [{ key: 'flagRules', value: {} }],
      accounts: [{ id: 'u1' }],
      handoffs: [],
    };
    expect(problemsOf(tables)).toEqual([
      '数据交换包里带有“乡镇”的记录（1 条）：导入从不替换本机的乡镇、设置、账号和交换记录，这个包不能导入。',
      '数据交换包里带有“设置”的记录（1 条）：导入从不替换本机的乡镇、设置、账号和交换记录，这个包不能导入。',
      '数据交换包里带有“账号”的记录（1 条）：导入从不替换本机的乡镇、设置、账号和交换记录，这个包不能导入。',
    ]);
    // A backup restores the town and the settings, and carries its PC's accounts — each checked
    // like any record (this one lacks everything but its id).
    const restoring = checkPackageRecords(tables, { purpose: 'restore' }).problems;
    expect(restoring[0]).toBe('账号 u1 缺少“姓名”。');
    expect(restoring.every((p) => p.startsWith('账号 u1 缺少'))).toBe(true);
  });

  it('of format version 1 import with the town, settings and hand-off log left out', () => {
    const town = { ...stamps('town'), name: '青山镇', county: '绿水县', campaigns: [] };
    const v1 = { ...good, town: [town], settings: [{ key: 'k', value: 1 }], handoffs: [] };
    const { tables, leftOut } = importableTables(v1, 1);
    expect(leftOut).toEqual(['town', 'settings']);
    expect(Object.keys(tables).sort()).toEqual(['audit', 'people', 'problems', 'villages']);
    expect(problemsOf(tables)).toEqual([]);
    // Version 2 leaves nothing out: the check refuses them instead.
    expect(importableTables(v1, 2).leftOut).toEqual([]);
  });

  it('are listed twenty at a time, with how many more (25 → 20 and 5 more)', () => {
    const bad = Array.from({ length: 25 }, (_, i) => ({ ...village, id: `v${i}`, order: 'x' }));
    const result = checkPackageRecords({ villages: bad }, { purpose: 'import' });
    expect(result.total).toBe(25);
    const listed = listedProblems(result);
    expect(listed).toHaveLength(21);
    expect(listed.at(-1)).toBe('……另有 5 处问题未列出。');
  });

  it('name every field of every table in Chinese', () => {
    const keysOf = (schema: z.ZodType): string[] =>
      schema instanceof z.ZodObject
        ? Object.keys(schema.shape)
        : schema instanceof z.ZodDiscriminatedUnion
          ? (schema.options as z.ZodObject[]).flatMap((o) => Object.keys(o.shape))
          : [];
    const unnamed = Object.entries(RECORD_SCHEMAS).flatMap(([table, schema]) =>
      keysOf(schema)
        .filter((field) => !hasFieldLabel(table, field))
        .map((field) => `${table}.${field}`),
    );
    expect(unnamed).toEqual([]);
  });
});

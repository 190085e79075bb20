import { describe, expect, it } from 'vitest';
import type { PeriodResult } from './assessment';
import {
  judgeArrival,
  townMonth,
  type ArrivingPackage,
  type ReceivedPackage,
  type RegisteredTown,
} from './county';
import type { Problem } from './problem';

const town: RegisteredTown = {
  id: 't1',
  name: '青山镇',
  publicKey: 'aa',
  fingerprint: 'AAAA BBBB',
  registeredAt: '2026-10-01T00:00:00.000Z',
  registeredBy: '县环保局 刘',
  previousKeys: [],
};
const arriving = (over: Partial<ArrivingPackage> = {}): ArrivingPackage => ({
  sha256: 'f2',
  townName: '青山镇',
  fingerprint: 'AAAA BBBB',
  createdAt: '2026-11-30T09:00:00.000Z',
  period: { from: '2026-11', to: '2026-11' },
  head: { chain: 'c1', seq: 120, hash: 'h120' },
  ...over,
});
const october: ReceivedPackage = {
  id: 'f1',
  townId: 't1',
  fileName: '青山镇-2026-10.zip',
  createdAt: '2026-10-31T09:00:00.000Z',
  period: { from: '2026-10', to: '2026-10' },
  head: { chain: 'c1', seq: 100, hash: 'h100' },
  counts: {},
  receivedAt: '2026-11-01T08:00:00.000Z',
  receivedBy: '刘',
  verdict: 'current',
  note: '',
};
const judge = (a: ArrivingPackage, hashes: Record<string, string> = {}) =>
  judgeArrival({
    arriving: a,
    registered: town,
    received: [october],
    arrivingHashAt: (chain, seq) => hashes[`${chain}:${seq}`],
  });

describe('a package arriving at the county', () => {
  it('waits for an unregistered town’s fingerprint to be compared', () => {
    const v = judgeArrival({
      arriving: arriving({ townName: '绿水镇' }),
      registered: undefined,
      received: [],
      arrivingHashAt: () => undefined,
    });
    expect(v).toMatchObject({ kind: 'unregistered', kept: false, replacesData: false });
    expect(v.message).toBe('“绿水镇”还没有登记。请与该镇核对签名指纹（AAAA BBBB）后登记，再接收。');
  });

  it('refuses a registered town’s name signed by another key, naming both fingerprints', () => {
    const v = judge(arriving({ fingerprint: 'CCCC DDDD' }));
    expect(v.kind).toBe('wrongKey');
    expect(v.kept).toBe(false);
    expect(v.message).toContain('签名指纹是 CCCC DDDD，不是该镇登记的 AAAA BBBB');
  });

  it('refuses a package signed by the key the town had before it was re-keyed', () => {
    const rekeyed: RegisteredTown = {
      ...town,
      fingerprint: 'EEEE FFFF',
      previousKeys: [
        { fingerprint: 'AAAA BBBB', until: '2026-11-20T02:00:00.000Z', by: '刘', reason: '换电脑' },
      ],
    };
    const v = judgeArrival({
      arriving: arriving(),
      registered: rekeyed,
      received: [october],
      arrivingHashAt: () => undefined,
    });
    const local = new Date('2026-11-20T02:00:00.000Z').toLocaleString('sv-SE').slice(0, 16);
    expect(v).toMatchObject({ kind: 'wrongKey', kept: false });
    expect(v.message).toBe(
      `这个包是“青山镇”更换密钥前的电脑签的（签名指纹 AAAA BBBB，${local} 由刘更换）。已拒收：该镇现在登记的签名指纹是 EEEE FFFF。`,
    );
  });

  it('says a town’s first package is its first, not that it extends the last', () => {
    const v = judgeArrival({
      arriving: arriving(),
      registered: town,
      received: [],
      arrivingHashAt: () => undefined,
    });
    expect(v).toMatchObject({ kind: 'current', replacesData: true });
    expect(v.message).toBe('这是收到该镇的第一个数据包，操作记录到第 120 条。');
  });

  it('changes nothing for the same file twice', () => {
    expect(judge(arriving({ sha256: 'f1' })).kind).toBe('duplicate');
  });

  it('keeps an older package without letting it replace newer data', () => {
    const v = judge(arriving({ createdAt: '2026-10-15T09:00:00.000Z' }));
    expect(v).toMatchObject({ kind: 'older', kept: true, replacesData: false });
    const local = (iso: string) => new Date(iso).toLocaleString('sv-SE').slice(0, 16);
    expect(v.message).toBe(
      `这个包生成于 ${local('2026-10-15T09:00:00.000Z')}，比已收到的 ${local('2026-10-31T09:00:00.000Z')} 的包旧：已留存，但不替换较新的数据。`,
    );
  });

  it('tells two packages of the same minute apart by their seconds', () => {
    const v = judge(arriving({ createdAt: '2026-10-31T09:00:20.000Z' }), {});
    const local = (iso: string) => new Date(iso).toLocaleString('sv-SE').slice(0, 19);
    // 09:00:20 is after 09:00:00: not older. 08:59:59 → a minute apart, shown to the minute.
    expect(v.kind).not.toBe('older');
    const received = [{ ...october, createdAt: '2026-10-31T09:00:40.000Z' }];
    const older = judgeArrival({
      arriving: arriving({ createdAt: '2026-10-31T09:00:20.000Z' }),
      registered: town,
      received,
      arrivingHashAt: () => undefined,
    });
    expect(older.message).toBe(
      `这个包生成于 ${local('2026-10-31T09:00:20.000Z')}，比已收到的 ${local('2026-10-31T09:00:40.000Z')} 的包旧：已留存，但不替换较新的数据。`,
    );
  });

  it('takes a history that extends the last one received', () => {
    // Entry 100 is in the package and is the one received before.
    const v = judge(arriving(), { 'c1:100': 'h100' });
    expect(v).toMatchObject({ kind: 'current', replacesData: true });
    expect(v.message).toBe('操作记录接续上次，到第 120 条。');
    // Without entry 100 in the package (it exported other months): still taken.
    expect(judge(arriving()).kind).toBe('current');
  });

  it('shows a rewound history (fewer entries) and a rewritten one (an entry changed)', () => {
    const rewound = judge(arriving({ head: { chain: 'c1', seq: 90, hash: 'h90' } }));
    expect(rewound).toMatchObject({ kind: 'rewound', kept: true, replacesData: false });
    expect(rewound.message).toContain('只到第 90 条，比上次收到的第 100 条还少');
    const rewritten = judge(arriving(), { 'c1:100': 'changed' });
    expect(rewritten).toMatchObject({ kind: 'rewritten', replacesData: false });
    expect(rewritten.message).toContain('第 100 条操作记录与上次收到的不同');
    // The same place as the last head with another hash: rewritten too.
    expect(judge(arriving({ head: { chain: 'c1', seq: 100, hash: 'other' } })).kind).toBe(
      'rewritten',
    );
  });

  it('shows a package whose own history entries do not fit each other as rewritten', () => {
    const v = judgeArrival({
      arriving: arriving(),
      registered: town,
      received: [october],
      arrivingHashAt: () => undefined,
      historyBreak: '第 105 条记录的内容被改动过（与它的校验值不符）。',
    });
    expect(v).toMatchObject({ kind: 'rewritten', kept: true, replacesData: false });
    expect(v.message).toBe(
      '这个包里的操作记录前后对不上：第 105 条记录的内容被改动过（与它的校验值不符）。已留存备查，不替换数据。',
    );
  });

  it('takes a new chain (a restore, a new PC) and says so', () => {
    const v = judge(arriving({ head: { chain: 'c2', seq: 1, hash: 'x' } }));
    expect(v).toMatchObject({ kind: 'newChain', replacesData: true });
    expect(v.message).toContain('上次收到的记录链止于第 100 条');
  });
});

describe('one town’s month in 全县总览', () => {
  const item = (over: Partial<Problem>): Problem =>
    ({
      id: Math.random().toString(),
      number: 'n',
      source: 'town',
      category: '人居环境',
      status: 'pending',
      foundOn: '2026-10-01',
      deadline: '2026-12-31',
      responsiblePerson: '张三',
      ...over,
    }) as Problem;

  it('counts the published 红黄榜, the ledger, patrols and records of the month', () => {
    const result = {
      id: '2026-11',
      flagsAwarded: true,
      average: 91.25,
      rows: [
        { villageId: 'a', flag: 'red' },
        { villageId: 'b', flag: 'red', withdrawn: { reason: '摘旗', at: '', by: '' } },
        { villageId: 'c', flag: 'yellow' },
        { villageId: 'd', flag: null },
      ],
    } as unknown as PeriodResult;
    const row = townMonth({
      townId: 't1',
      town: '青山镇',
      month: '2026-11',
      today: '2026-12-02',
      results: [result],
      problems: [
        // Open, past its deadline: open and overdue.
        item({ deadline: '2026-11-20' }),
        // Open upper-level item, on time.
        item({ source: 'upper', status: 'inProgress' }),
        // Closed in 30 days.
        item({
          status: 'closed',
          foundOn: '2026-10-01',
          verification: { verifier: '王', date: '2026-10-31', opinion: '' },
        }),
        // Voided: not counted anywhere.
        item({ deletedAt: '2026-11-02T00:00:00.000Z' }),
      ],
      patrolDates: ['2026-11-03', '2026-11-28', '2026-10-30'],
      compliance: [{ behind: 0 }, { behind: 0 }, { behind: 2 }, { behind: 0 }],
      recordDates: ['2026-11-15', '2026-12-01'],
      lastPackageAt: '2026-11-30T09:00:00.000Z',
    });
    expect(row).toEqual({
      townId: 't1',
      town: '青山镇',
      average: 91.25,
      // The withdrawn red flag is not counted.
      red: 1,
      yellow: 1,
      open: 2,
      overdue: 1,
      // 1 closed of 3 live items.
      closureRate: 0.333,
      medianDaysToClose: 30,
      upperOpen: 1,
      patrols: 2,
      // 3 of the 4 chiefs and rangers did what was asked: 0.75.
      patrolCompliance: 0.75,
      workRecords: 1,
      lastPackageAt: '2026-11-30T09:00:00.000Z',
      waitedDays: 2,
    });
  });

  it('counts the ledger as it stood at the month’s end', () => {
    const problems = [
      // Found in October, closed on 11-10: open at the end of October, closed at November's.
      item({
        status: 'closed',
        foundOn: '2026-10-01',
        deadline: '2026-10-20',
        verification: { verifier: '王', date: '2026-11-10', opinion: '' },
      }),
      // Found in November: not there at the end of October.
      item({ foundOn: '2026-11-05', deadline: '2026-11-25' }),
      // Found in October, due 10-31: on time on 10-31, overdue on 11-30.
      item({ foundOn: '2026-10-10', deadline: '2026-10-31' }),
    ];
    const of = (month: string) =>
      townMonth({
        townId: 't1',
        town: '青山镇',
        month,
        today: '2026-12-02',
        results: [],
        problems,
        patrolDates: [],
        recordDates: [],
        lastPackageAt: null,
      });
    // 10-31: two items found; both open; the first overdue (10-20 < 10-31); none closed.
    expect(of('2026-10')).toMatchObject({
      open: 2,
      overdue: 1,
      closureRate: 0,
      medianDaysToClose: null,
    });
    // 11-30: three items; one closed in 40 days (10-01 → 11-10); two open, both overdue.
    expect(of('2026-11')).toMatchObject({
      open: 2,
      overdue: 2,
      closureRate: 0.333,
      medianDaysToClose: 40,
    });
    // December, not over: as of today (12-02), the same as November's end.
    expect(of('2026-12')).toMatchObject({ open: 2, overdue: 2, closureRate: 0.333 });
  });

  it('says nothing of scores before the month is published', () => {
    const row = townMonth({
      townId: 't1',
      town: '青山镇',
      month: '2026-12',
      today: '2026-12-02',
      results: [],
      problems: [],
      patrolDates: [],
      recordDates: [],
      lastPackageAt: null,
    });
    expect(row).toMatchObject({
      average: null,
      red: 0,
      closureRate: null,
      patrolCompliance: null,
      waitedDays: null,
    });
  });
});

import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PeriodResult } from '@shared/domain/assessment';
import type { Problem } from '@shared/domain/problem';
import { summaryFigures } from '@shared/domain/yearSummary';
import { loadYearSummary, YEAR_SUMMARY_TABLES } from './repositories/recordRepo';
import { completeSetup } from './repositories/townRepo';
import { EcoDeskDb } from './schema';

let db: EcoDeskDb;
let counter = 0;
beforeEach(async () => {
  counter += 1;
  db = new EcoDeskDb(`year-summary-${counter}`);
  await completeSetup(db, {
    town: { name: '青山镇', county: '绿水县' },
    operator: '张环保',
    villageNames: ['东村', '西村'],
  });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

/** An item as the ledger keeps it: when it was found, closed, looked at again, last written. */
function item(
  n: number,
  p: {
    foundOn: string;
    closedOn?: string;
    rechecks?: string[];
    reboundOn?: string;
    updatedAt: string;
    source?: Problem['source'];
  },
): Problem {
  return {
    id: `p${n}`,
    number: `2026-镇督-${String(n).padStart(4, '0')}`,
    source: p.source ?? 'town',
    category: '人居环境',
    place: '二组村口',
    description: `第 ${n} 个问题`,
    foundOn: p.foundOn,
    deadline: p.foundOn,
    originalDeadline: p.foundOn,
    extensions: [],
    responsiblePerson: '李村长',
    responsibleLeader: '',
    measures: [],
    progress: [],
    beforePhotos: [],
    afterPhotos: [],
    status: p.closedOn ? 'closed' : 'open',
    verification: p.closedOn
      ? { verifier: '王验收', date: p.closedOn, opinion: '整改到位' }
      : undefined,
    supervised: false,
    accountability: [],
    reports: [],
    rechecks: p.rechecks?.map((date, i) => ({
      id: `p${n}-r${i}`,
      date,
      checker: '赵回头看',
      result: 'holds' as const,
      note: '',
      photos: [],
      at: `${date}T02:00:00.000Z`,
      by: '赵回头看',
    })),
    reboundTo: p.reboundOn ? { problemId: `p${n}-again`, date: p.reboundOn } : undefined,
    createdAt: `${p.foundOn}T01:00:00.000Z`,
    updatedAt: p.updatedAt,
    updatedBy: '张环保',
  } as Problem;
}

describe('the year-end draft', () => {
  it('counts the ledger as the whole ledger would, reading only the year’s items', async () => {
    await db.problems.bulkPut([
      // Found and closed in 2025, looked at again in February 2026: 回头看 of 2026.
      item(1, {
        foundOn: '2025-10-02',
        closedOn: '2025-11-20',
        rechecks: ['2025-12-20', '2026-02-18'],
        updatedAt: '2026-02-18T02:00:00.000Z',
      }),
      // Looked at again on 1 January 2026 at nine in the morning, Beijing time: still 2025 in UTC.
      item(2, {
        foundOn: '2025-08-02',
        closedOn: '2025-09-01',
        rechecks: ['2026-01-01'],
        updatedAt: '2025-12-31T17:00:00.000Z',
        source: 'public',
      }),
      // Found back in 2026 (反弹) after its 销号 in 2024.
      item(3, {
        foundOn: '2024-03-02',
        closedOn: '2024-04-01',
        reboundOn: '2026-03-09',
        updatedAt: '2026-03-09T03:00:00.000Z',
      }),
      // Found in 2026 on a PC whose clock was a year behind: found by its own index.
      item(4, { foundOn: '2026-05-06', updatedAt: '2025-05-06T03:00:00.000Z', source: 'upper' }),
      // Closed in 2026 on that PC: found by the index on the 销号 date.
      item(5, {
        foundOn: '2025-12-01',
        closedOn: '2026-06-01',
        updatedAt: '2025-06-01T03:00:00.000Z',
      }),
      // Found, closed and looked at in 2019, untouched since: in no figure of 2026.
      item(6, {
        foundOn: '2019-03-02',
        closedOn: '2019-04-01',
        rechecks: ['2019-07-01'],
        updatedAt: '2019-07-01T02:00:00.000Z',
      }),
      // Found in 2026 and still open.
      item(7, { foundOn: '2026-11-30', updatedAt: '2026-11-30T01:00:00.000Z', source: 'village' }),
      // Found in 2025, closed in 2026, looked at again in 2026.
      item(8, {
        foundOn: '2025-12-30',
        closedOn: '2026-01-10',
        rechecks: ['2026-02-10'],
        updatedAt: '2026-02-10T02:00:00.000Z',
      }),
    ]);
    const results = [2025, 2026].flatMap((y) =>
      ['01', '02'].map(
        (m): PeriodResult =>
          ({
            id: `${y}-${m}`,
            cadence: 'month',
            flagsAwarded: true,
            rows: [
              { villageId: 'v1', name: '东村', flag: 'red' },
              { villageId: 'v2', name: '西村', flag: 'yellow' },
            ],
          }) as unknown as PeriodResult,
      ),
    );
    await db.results.bulkPut(results);

    // Two villages whose ids sort against their order (a1 after z1 in the town's list).
    const [first] = await db.villages.orderBy('order').toArray();
    await db.villages.bulkPut([
      { ...first!, id: 'z1', name: '南村', order: 3 },
      { ...first!, id: 'a1', name: '北村', order: 4 },
    ]);

    // Read in a transaction of only YEAR_SUMMARY_TABLES: a read of any other table fails here,
    // so the list the kept draft watches for writes names every table the draft reads.
    const { figures } = await db.transaction('r', YEAR_SUMMARY_TABLES, () =>
      loadYearSummary(db, 2026),
    );
    const whole = summaryFigures({
      year: 2026,
      townName: '青山镇',
      villages: await db.villages.toArray(),
      people: await db.people.toArray(),
      ruleDocuments: await db.ruleDocuments.toArray(),
      records: await db.workRecords.toArray(),
      problems: await db.problems.toArray(),
      results: await db.results.toArray(),
      riverPatrols: await db.riverPatrols.toArray(),
      forestPatrols: await db.forestPatrols.toArray(),
    });
    const sorted = (f: Map<string, { ids: string[]; value: number | string }>) =>
      [...f.values()].map((x) => ({ ...x, ids: [...x.ids].sort() }));
    expect(sorted(figures)).toEqual(sorted(whole));
    // Worked out by hand from the items above.
    const ids = (key: string) => [...(figures.get(key)?.ids ?? [])].sort();
    expect(ids('problems.found')).toEqual(['p4', 'p7']);
    expect(ids('problems.closed')).toEqual(['p5', 'p8']);
    expect(ids('problems.rechecked')).toEqual(['p1', 'p2', 'p8']);
    expect(ids('problems.rebounded')).toEqual(['p3']);
    expect(figures.get('problems.found.upper')?.value).toBe(1);
    expect(figures.get('flags.red')?.lines).toEqual(['2026年1月 东村', '2026年2月 东村']);
    expect(figures.get('flags.yellow')?.value).toBe(2);
    // The villages in their own order, whatever their ids.
    const villages = await db.villages.orderBy('order').toArray();
    expect(villages.map((v) => v.name)).toEqual(['东村', '西村', '南村', '北村']);
    expect(figures.get('villages.count')?.ids).toEqual(villages.map((v) => v.id));
  });
});

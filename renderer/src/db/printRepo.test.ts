import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultLayout } from '@shared/domain/countyExport';
import { DEFAULT_LEDGER_FILTER } from '@shared/domain/ledgerFilter';
import { InputError } from './errors';
import { listAudit } from './repositories/auditRepo';
import {
  getCountyLayout,
  getDraftFocus,
  flagPeriods,
  getIssuedBriefing,
  issueBriefing,
  listIssuedBriefings,
  loadBriefingContent,
  loadCountyRows,
  loadVillageReportCard,
  saveCountyLayout,
  saveDraftFocus,
} from './repositories/printRepo';
import { createProblem } from './repositories/problemRepo';
import { completeSetup } from './repositories/townRepo';
import { listVillages } from './repositories/villageRepo';
import { EcoDeskDb } from './schema';
import { chainHead, INSTALLATION_KEY } from './writeContext';
import { scoreMonthOf } from './testHelpers';

let db: EcoDeskDb;
let counter = 0;
beforeEach(async () => {
  counter += 1;
  db = new EcoDeskDb(`print-${counter}`);
  await completeSetup(db, {
    town: { name: '青山镇', county: '绿水县' },
    operator: '张环保',
    villageNames: ['一村', '二村', '三村', '四村', '五村', '六村', '七村'],
  });
  // November: 一村 100 … 七村 70; December: 七村 climbs to 99 (rank 2), 一村 stays first.
  await scoreMonthOf(db, '2025-11', { 二村: 2, 三村: 5, 四村: 12, 五村: 21, 六村: 24, 七村: 30 });
  await scoreMonthOf(db, '2025-12', { 二村: 3, 三村: 5, 四村: 12, 五村: 21, 六村: 24, 七村: 1 });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const problem = (villageId: string, over: Record<string, string> = {}) =>
  createProblem(db, {
    source: 'town',
    category: '人居环境',
    villageId,
    place: '村口',
    description: '垃圾堆放',
    foundOn: '2025-12-03',
    deadline: '2025-12-10',
    responsiblePerson: '张三',
    responsibleLeader: '王副镇长',
    ...over,
  });

describe('the monthly briefing', () => {
  it('is worked out from the month’s results and the ledger as of a date', async () => {
    const v = Object.fromEntries((await listVillages(db)).map((x) => [x.name, x.id]));
    await problem(v['七村']!);
    await problem(v['七村']!, { deadline: '2026-01-31' });
    await saveDraftFocus(db, '2025-12', '抓好冬季防火。');
    const b = await loadBriefingContent(db, '2025-12', '2026-01-05');
    expect(b.townName).toBe('青山镇');
    expect(b.flagPeriod).toBe('2025-12');
    expect(b.scores.find((s) => s.name === '七村')).toMatchObject({
      score: 99,
      rank: 2,
      scoreChange: 29,
      rankChange: 5,
    });
    expect(b.ledger.total).toMatchObject({ found: 2, closed: 0, open: 2, overdue: 1 });
    expect(b.ledger.overdueItems.map((i) => [i.village, i.daysOverdue])).toEqual([['七村', 26]]);
    expect(b.focus).toBe('抓好冬季防火。');
    expect(await getDraftFocus(db, '2025-12')).toBe('抓好冬季防火。');
    expect((await listAudit(db, { table: 'briefings' })).length).toBe(1);
  });

  it('keeps an issued briefing as it was, whatever changes afterwards', async () => {
    const v = Object.fromEntries((await listVillages(db)).map((x) => [x.name, x.id]));
    await saveDraftFocus(db, '2025-12', '第一稿');
    const id = await issueBriefing(db, '2025-12', '2026-01-05');
    await problem(v['一村']!);
    await saveDraftFocus(db, '2025-12', '第二稿');
    const issued = await getIssuedBriefing(db, id);
    expect(issued?.issuedBy).toBe('张环保');
    expect(issued?.content?.focus).toBe('第一稿');
    expect(issued?.content?.ledger.total.open).toBe(0);
    const now = await loadBriefingContent(db, '2025-12', '2026-01-05');
    expect(now.ledger.total.open).toBe(1);
    expect(now.focus).toBe('第二稿');
    expect((await listIssuedBriefings(db)).map((b) => b.id)).toEqual([id]);
    // The paper anchors the history: the head of this PC's chain when it was issued, kept.
    const chain = String((await db.settings.get(INSTALLATION_KEY))?.value);
    const head = await chainHead(db, chain);
    expect(now.history).toEqual(head);
    expect(issued?.content?.history?.seq).toBeLessThan(head!.seq);
    const entry = (await db.audit.toArray()).find((e) => e.seq === issued?.content?.history?.seq);
    expect(entry?.chain).toBe(chain);
    expect(entry?.hash).toBe(issued?.content?.history?.hash);
  });

  it('refuses a month without results, and a focus that is too long, writing nothing', async () => {
    await expect(issueBriefing(db, '2026-03', '2026-04-01')).rejects.toThrow(
      '2026年3月还没有公布考核结果，不能印发通报。',
    );
    await expect(saveDraftFocus(db, '2025-12', '字'.repeat(2001))).rejects.toBeInstanceOf(
      InputError,
    );
    expect(await db.briefings.count()).toBe(0);
  });
});

it('lists flag periods newest first, a quarter just before its last month', async () => {
  const base = (await db.results.get('2025-12'))!;
  await db.results.put({ ...base, id: '2025-Q4', cadence: 'quarter' });
  expect(await flagPeriods(db)).toEqual(['2025-Q4', '2025-12', '2025-11']);
});

describe('a village’s report card', () => {
  it('has the month’s score and rank, its deductions and its open items', async () => {
    const v = Object.fromEntries((await listVillages(db)).map((x) => [x.name, x.id]));
    await problem(v['四村']!);
    const card = await loadVillageReportCard(db, v['四村']!, '2025-12', '2026-01-05');
    // December: 一村 100, 七村 99, 二村 97, 三村 95, 四村 88 — fifth.
    expect(card).toMatchObject({ name: '四村', score: 88, rank: 5, villagesRanked: 7 });
    expect(card?.deductions.reduce((sum, d) => sum + d.points, 0)).toBe(12);
    expect(card?.history.map((h) => h.month)).toEqual(['2025-11', '2025-12']);
    expect(card?.openProblems).toHaveLength(1);
    expect(await loadVillageReportCard(db, 'no-such-village', '2025-12', '2026-01-05')).toBeNull();
  });
});

describe('county spreadsheets', () => {
  it('remembers a checked layout per report and lays the rows out by it', async () => {
    expect(await getCountyLayout(db, 'results')).toEqual(defaultLayout('results'));
    const layout = {
      titleRows: [['绿水县考评汇总表']],
      columns: [
        { field: 'village', header: ' 村（社区） ' },
        { field: 'score', header: '得分' },
        { field: '', header: '县级意见' },
      ],
    };
    await saveCountyLayout(db, 'results', layout);
    expect((await getCountyLayout(db, 'results')).columns[0]?.header).toBe('村（社区）');
    const { rows } = await loadCountyRows(db, 'results', {
      month: '2025-12',
      filter: DEFAULT_LEDGER_FILTER,
      today: '2026-01-05',
    });
    expect(rows[0]).toEqual(['一村', 100, null]);
    expect(rows).toHaveLength(7);
    await expect(
      saveCountyLayout(db, 'results', { titleRows: [], columns: [{ field: 'x', header: '' }] }),
    ).rejects.toBeInstanceOf(InputError);
    expect((await getCountyLayout(db, 'results')).columns).toHaveLength(3);
    expect(await getCountyLayout(db, 'ledger')).toEqual(defaultLayout('ledger'));
  });
});

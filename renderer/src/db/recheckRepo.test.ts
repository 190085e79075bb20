import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entryActionLabel } from '@shared/domain/audit';
import { recurrenceTable, tallyOf } from '@shared/domain/ledgerStats';
import type { Problem, ProblemForm } from '@shared/domain/problem';
import { listAudit } from './repositories/auditRepo';
import {
  addAfterEvidence,
  addMeasure,
  applyWorkflow,
  createProblem,
  setMeasureDone,
} from './repositories/problemRepo';
import {
  endLongTerm,
  findReboundCandidates,
  getRecheckRules,
  loadRecheckOverview,
  loadVillageRecheck,
  recordRecheck,
  saveRecheckRules,
  setCountyRecheckDates,
} from './repositories/recheckRepo';
import { completeSetup } from './repositories/townRepo';
import { listVillages } from './repositories/villageRepo';
import { EcoDeskDb, SCHEMA_VERSIONS } from './schema';
import { createActions } from './actions';
import { endSession } from './session';
import { attachmentSize } from './attachments';

let db: EcoDeskDb;
let counter = 0;
let villageId = '';
beforeEach(async () => {
  counter += 1;
  db = new EcoDeskDb(`recheck-${counter}`);
  await completeSetup(db, {
    town: { name: '青山镇', county: '绿水县' },
    operator: '张环保',
    villageNames: ['张家村', '李家村'],
  });
  villageId = (await listVillages(db))[0]!.id;
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const form = (over: Partial<ProblemForm> = {}): ProblemForm => ({
  source: 'town',
  category: '人居环境',
  villageId,
  place: '二组村口',
  description: '沟渠旁积存建筑垃圾',
  foundOn: '2026-05-01',
  deadline: '2026-05-16',
  responsiblePerson: '张三',
  responsibleLeader: '王副镇长',
  ...over,
});

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const photo = {
  file: { name: '回头看.png', data: png },
  thumbnail: new Blob([png], { type: 'image/png' }),
};

/** An item taken to 销号 on `date`, as the page does it. */
async function closedItem(
  date: string,
  over: Partial<ProblemForm> = {},
  longTerm?: { duty: string; intervalDays: number },
): Promise<Problem> {
  const p = await createProblem(db, form(over));
  await applyWorkflow(db, p.id, { type: 'start' });
  const m = await addMeasure(db, p.id, '清运建筑垃圾');
  await setMeasureDone(db, p.id, m.measures[0]!.id, true);
  await addAfterEvidence(db, p.id, { attachmentId: 'a', thumbnailId: 't', name: 'a.jpg', size: 1 });
  await applyWorkflow(db, p.id, { type: 'requestClose' });
  return applyWorkflow(db, p.id, {
    type: 'close',
    verifier: '李干事',
    date,
    opinion: '已清理到位',
    longTerm,
  });
}

describe('回头看 in IndexedDB', () => {
  it('a 巩固 with a photo, then a 反弹 that opens a linked item; the old stays closed', async () => {
    // Closed 2026-05-28: due 06-27 (+30: 3 days of May, 27 of June) and 08-26 (+90: 3 + 30 +
    // 31 = 64 to 07-31, 26 more).
    const old = await closedItem('2026-05-28');
    const held = await recordRecheck(
      db,
      old.id,
      { date: '2026-06-27', checker: '赵干事', result: 'holds', note: '保持良好' },
      [photo],
    );
    expect(held.rebound).toBeUndefined();
    expect(held.item.rechecks).toHaveLength(1);
    const ref = held.item.rechecks![0]!.photos[0]!;
    expect(attachmentSize((await db.attachments.get(ref.attachmentId))!)).toBe(png.length);

    const { item, rebound } = await recordRecheck(db, old.id, {
      date: '2026-08-20',
      checker: '赵干事',
      result: 'rebound',
      note: '村口又堆了建筑垃圾约两方',
    });
    expect(item.status).toBe('closed');
    expect(item.reboundTo).toEqual({ problemId: rebound!.id, date: '2026-08-20' });
    expect(item.rechecks!.map((r) => [r.result, r.reboundId])).toEqual([
      ['holds', undefined],
      ['rebound', rebound!.id],
    ]);
    expect(rebound).toMatchObject({
      number: '2026-镇督-0002',
      status: 'pending',
      reboundOf: old.id,
      villageId,
      category: '人居环境',
      place: '二组村口',
      description: '村口又堆了建筑垃圾约两方',
      foundOn: '2026-08-20',
      deadline: '2026-09-04', // 15 days to fix: 11 left in August, 4 in September
      responsiblePerson: '张三',
    });
    // A rebounded item is not re-checked again; the new item carries the problem.
    await expect(
      recordRecheck(db, old.id, {
        date: '2026-08-26',
        checker: '赵干事',
        result: 'holds',
        note: '',
      }),
    ).rejects.toThrow('已经反弹');

    // The history names each step in words.
    const entries = await listAudit(db, { table: 'problems', recordId: old.id });
    expect(entries.map((e) => entryActionLabel(e))).toEqual(
      expect.arrayContaining(['回头看：反弹', '回头看：巩固', '验收销号']),
    );
    const created = await listAudit(db, { table: 'problems', recordId: rebound!.id });
    expect(created[0]!.reason).toBe('2026-镇督-0001 反弹');

    // The kept tally counts the rebound, as a fresh count does; the recurrence view shows it.
    const tally = await db.ledgerTally.toArray();
    expect(tally).toEqual(tallyOf(await db.problems.toArray()));
    const table = recurrenceTable(tally, [villageId]);
    expect(table.cells[0]![0]).toEqual({ total: 2, open: 1, rebounds: 1 });

    // Figures on 2026-12-02: the last 12 months are 2025-12-03 … 2026-12-02. One item closed,
    // rebounded within 6 months (05-28 → 08-20) → 100%. Checks due in the span: 06-27 (done on
    // the day: on time); the 90-day check 08-26 falls after the rebound and is not owed.
    const overview = await loadRecheckOverview(db, '2026-12-02');
    expect(overview.span).toEqual({ from: '2025-12-03', to: '2026-12-02' });
    expect(overview.rebound.total).toMatchObject({ closed: 1, rebounded: 1, rate: 1 });
    expect(overview.rebound.byVillage[0]).toMatchObject({ label: '张家村', rebounded: 1 });
    expect(overview.timeliness).toEqual({ due: 1, onTime: 1, late: 0, missed: 0, rate: 1 });
    expect(overview.due).toEqual([]);
  });

  it('lists what is due, and follows the rules set in 设置', async () => {
    // Closed 2026-11-01: due 2026-12-01 (+30; overdue on 12-02 by 1 day) and 2027-01-30.
    const p = await closedItem('2026-11-01');
    let overview = await loadRecheckOverview(db, '2026-12-02');
    expect(overview.due.map((d) => [d.number, d.due, d.label, d.daysOverdue])).toEqual([
      [p.number, '2026-12-01', '销号后 30 天', 1],
    ]);
    expect(overview.due[0]!.village).toBe('张家村');
    // The office checks 人居环境 at 7 days instead: due 11-08, 24 days overdue on 12-02.
    await saveRecheckRules(db, {
      ...(await getRecheckRules(db)),
      overrides: [{ category: '人居环境', days: [7] }],
    });
    overview = await loadRecheckOverview(db, '2026-12-02');
    expect(overview.due.map((d) => [d.due, d.daysOverdue])).toEqual([['2026-11-08', 24]]);
    await expect(
      saveRecheckRules(db, { days: [], overrides: [], reboundMonths: 6 }),
    ).rejects.toThrow('默认规则至少要有一次回头看。');
    const [entry] = await listAudit(db, { table: 'settings' });
    expect(entry!.label).toBe(
      '回头看规则：销号后 30、90 天回头看；人居环境 7 天；销号后 6 个月内再出现算反弹',
    );
  });

  it('an upper-level item also at the county’s dates; a long-term duty recurs until ended', async () => {
    const upper = await closedItem('2026-10-01', { source: 'upper', upperLevel: 'county' });
    await setCountyRecheckDates(db, upper.id, ['2026-11-20', '2026-11-20', '2026-12-31']);
    expect((await db.problems.get(upper.id))!.countyRecheckDates).toEqual([
      '2026-11-20',
      '2026-12-31',
    ]);
    const town = await closedItem('2026-10-01', { place: '三组' });
    await expect(setCountyRecheckDates(db, town.id, ['2026-11-20'])).rejects.toThrow(
      '只有上级督查反馈',
    );

    // Long-term, every 14 days from 2026-11-01: 11-15 and 11-29 are overdue on 12-02.
    const duty = await closedItem(
      '2026-11-01',
      { place: '河道' },
      { duty: '每周保洁一次', intervalDays: 14 },
    );
    expect(duty.longTerm).toEqual({ duty: '每周保洁一次', intervalDays: 14 });
    const labels = (await loadRecheckOverview(db, '2026-12-02')).due
      .filter((d) => d.problemId === duty.id)
      .map((d) => d.label);
    expect(labels).toEqual(['长期坚持第 1 次', '长期坚持第 2 次']);
    await expect(endLongTerm(db, duty.id, '2026-11-20', '好')).rejects.toThrow('至少 4 个字');
    await endLongTerm(db, duty.id, '2026-11-20', '已纳入村规民约长效管护');
    // Ended on 11-20: only the 11-15 check is still owed.
    const after = (await loadRecheckOverview(db, '2026-12-02')).due.filter(
      (d) => d.problemId === duty.id,
    );
    expect(after.map((d) => d.due)).toEqual(['2026-11-15']);
    const entries = await listAudit(db, { table: 'problems', recordId: duty.id });
    expect(entries.map((e) => entryActionLabel(e))).toEqual(
      expect.arrayContaining(['结束长期坚持', '验收销号（已完成·长期坚持）']),
    );
  });

  it('a village’s page reads its own items and shows what the overview says of it', async () => {
    const [first, second] = await listVillages(db);
    await closedItem('2026-11-01');
    const other = { villageId: second!.id };
    await closedItem('2026-10-01', { ...other, place: '三组' });
    await closedItem(
      '2026-11-01',
      { ...other, place: '河道' },
      { duty: '每周保洁一次', intervalDays: 14 },
    );
    // Closed more than 730 days before: no longer watched.
    await closedItem('2024-01-10', {
      ...other,
      place: '老桥',
      foundOn: '2024-01-02',
      deadline: '2024-01-17',
    });
    const today = '2026-12-02';
    const overview = await loadRecheckOverview(db, today);
    for (const village of [first!, second!]) {
      const own = await loadVillageRecheck(db, village.id, today);
      expect(own.rebound).toEqual(
        overview.rebound.byVillage.find((r) => r.villageId === village.id),
      );
      expect(own.due).toEqual(overview.due.filter((d) => d.villageId === village.id));
      expect(own.reboundMonths).toBe(overview.rules.reboundMonths);
    }
    // 李家村 on 12-02, due up to 12-08: closed 10-01 → 10-31 (+30; its +90, 12-30, is later);
    // the duty from 11-01 every 14 days → 11-15 and 11-29 (12-13 is later). Overdue by 32, 17
    // and 3 days. Two items closed in the last 12 months, none came back.
    const own = await loadVillageRecheck(db, second!.id, today);
    expect(own.due.map((d) => [d.due, d.daysOverdue, d.village])).toEqual([
      ['2026-10-31', 32, '李家村'],
      ['2026-11-15', 17, '李家村'],
      ['2026-11-29', 3, '李家村'],
    ]);
    expect(own.rebound).toMatchObject({ label: '李家村', closed: 2, rebounded: 0 });
  });

  it('offers a new item of the same village, category and place as a rebound', async () => {
    const old = await closedItem('2026-09-01');
    const candidates = await findReboundCandidates(db, {
      villageId,
      category: '人居环境',
      place: '二组 村口',
      foundOn: '2026-11-01',
    });
    expect(candidates.map((p) => p.id)).toEqual([old.id]);
    const created = await createProblem(
      db,
      form({ foundOn: '2026-11-01', deadline: '2026-11-16' }),
      {
        rebound: { of: old.id },
      },
    );
    expect(created.reboundOf).toBe(old.id);
    expect((await db.problems.get(old.id))!.reboundTo).toEqual({
      problemId: created.id,
      date: '2026-11-01',
    });
    // Marked once: the next new item is not offered the same closed one.
    expect(
      await findReboundCandidates(db, {
        villageId,
        category: '人居环境',
        place: '二组村口',
        foundOn: '2026-11-02',
      }),
    ).toEqual([]);
    await expect(createProblem(db, form(), { rebound: { of: old.id } })).rejects.toThrow(
      '已经标记过反弹了',
    );
    // The refused one wrote nothing.
    expect(await db.problems.count()).toBe(2);
  });

  it('version 12 indexes the items an earlier version wrote by their 销号 date', async () => {
    const name = `recheck-migration-${counter}`;
    const v11 = new EcoDeskDb(name, 11);
    await v11.open();
    await v11.problems.put({
      id: 'old',
      number: '2025-镇督-0001',
      status: 'closed',
      verification: { verifier: '李干事', date: '2026-11-01', opinion: '好' },
    } as Problem);
    v11.close();
    const latest = new EcoDeskDb(name);
    await latest.open();
    expect(latest.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    const found = await latest.problems
      .where('verification.date')
      .aboveOrEqual('2026-01-01')
      .toArray();
    expect(found.map((p) => p.id)).toEqual(['old']);
    expect(await latest.problems.where('longTerm.intervalDays').above(0).count()).toBe(0);
    latest.close();
    await Dexie.delete(name);
  });
});

describe('who may', () => {
  it('records a 回头看 and ends a duty only with 验收销号, the rules only with 设置', async () => {
    endSession();
    const name = `recheck-rights-${counter}`;
    const office = new EcoDeskDb(name);
    await office.open();
    const act = createActions(office);
    const password = 'qingshan2026';
    await act.completeSetup({
      town: { name: '青山镇', county: '绿水县' },
      operator: '张环保',
      villageNames: ['张家村'],
      password,
      repeat: password,
    });
    // The administrator closes an item (no other account may confirm yet, so it is allowed).
    const p = await act.createProblem(form({ villageId: undefined }));
    await act.applyWorkflow(p.id, { type: 'start' });
    const m = await act.addMeasure(p.id, '清运建筑垃圾');
    await act.setMeasureDone(p.id, m.measures[0]!.id, true);
    await act.addProblemPhoto(p.id, { kind: 'after', ...photo });
    await act.applyWorkflow(p.id, { type: 'requestClose' });
    await act.applyWorkflow(p.id, {
      type: 'close',
      verifier: '张环保',
      date: '2026-05-28',
      opinion: '已清理到位',
    });
    // 环境办 keeps the ledger but does not confirm: refused by name, nothing written.
    await act.addAccount({
      name: '赵干事',
      roles: ['office'],
      password: 'first-pass',
      repeat: 'first-pass',
    });
    endSession();
    await act.signIn('赵干事', 'first-pass');
    const visit = { date: '2026-06-27', checker: '赵干事', result: 'holds' as const, note: '' };
    await expect(act.recordRecheck(p.id, visit)).rejects.toThrow('没有“验收销号”的权限');
    await expect(act.endLongTerm(p.id, '2026-06-27', '已纳入村规民约')).rejects.toThrow(
      '没有“验收销号”的权限',
    );
    await expect(act.saveRecheckRules(await getRecheckRules(office))).rejects.toThrow(
      '没有“乡镇、村、人员、考核标准和制度设置”的权限',
    );
    expect((await office.problems.get(p.id))!.rechecks).toBeUndefined();
    // The administrator (who has 验收销号) records it, in his own name.
    endSession();
    await act.signIn('张环保', password);
    const { item } = await act.recordRecheck(p.id, { ...visit, checker: '张环保' });
    expect(item.rechecks!.map((r) => [r.checker, r.by])).toEqual([['张环保', '张环保']]);
    endSession();
    office.close();
    await Dexie.delete(name);
  });
});

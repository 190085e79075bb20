import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerStats } from '@shared/domain/ledgerStats';
import type { ProblemForm } from '@shared/domain/problem';
import { saveDeduction, startPeriod } from './repositories/assessmentRepo';
import { listAudit } from './repositories/auditRepo';
import {
  addAccountability,
  addAfterEvidence,
  addMeasure,
  addProblemPhoto,
  applyWorkflow,
  correctProblem,
  createProblem,
  extendDeadline,
  loadLedgerStats,
  setMeasureDone,
  setSupervised,
  voidProblem,
  listProblems,
} from './repositories/problemRepo';
import { completeSetup } from './repositories/townRepo';
import { listVillages } from './repositories/villageRepo';
import { EcoDeskDb } from './schema';

let db: EcoDeskDb;
let counter = 0;
beforeEach(async () => {
  counter += 1;
  db = new EcoDeskDb(`ledger-${counter}`);
  await completeSetup(db, {
    town: { name: '青山镇', county: '绿水县' },
    operator: '张环保',
    villageNames: ['张家村'],
  });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const form = (over: Partial<ProblemForm> = {}): ProblemForm => ({
  source: 'town',
  category: '人居环境',
  place: '二组村口',
  description: '沟渠旁积存建筑垃圾',
  foundOn: '2026-05-01',
  deadline: '2026-05-16',
  responsiblePerson: '张三',
  responsibleLeader: '王副镇长',
  ...over,
});

describe('the ledger', () => {
  it('numbers items per year and source, never reusing one', async () => {
    const a = await createProblem(db, form());
    const b = await createProblem(db, form());
    const c = await createProblem(
      db,
      form({ source: 'public', channel: 'hotline', complainant: '匿名' }),
    );
    expect([a.number, b.number, c.number]).toEqual([
      '2026-镇督-0001',
      '2026-镇督-0002',
      '2026-群诉-0001',
    ]);
    await db.problems.update(b.id, { deletedAt: '2026-05-02T00:00:00Z' });
    expect((await createProblem(db, form())).number).toBe('2026-镇督-0003');
  });

  it('walks an item through 退回, an extension, supervision and 销号, every step audited', async () => {
    const p = await createProblem(db, form());
    await applyWorkflow(db, p.id, { type: 'start' });
    const withMeasure = await addMeasure(db, p.id, '清运建筑垃圾');
    await expect(applyWorkflow(db, p.id, { type: 'requestClose' })).rejects.toThrow(
      '还有 1 项整改措施没有完成',
    );
    await setMeasureDone(db, p.id, withMeasure.measures[0]!.id, true);
    await expect(applyWorkflow(db, p.id, { type: 'requestClose' })).rejects.toThrow('整改后的照片');
    await addAfterEvidence(db, p.id, {
      attachmentId: 'a1',
      thumbnailId: 't1',
      name: '整改后.jpg',
      size: 10,
    });
    await applyWorkflow(db, p.id, { type: 'requestClose' });
    await applyWorkflow(db, p.id, { type: 'return', reason: '现场仍有残留' });
    await extendDeadline(db, p.id, '2026-05-30', '雨季运输困难');
    await setSupervised(db, p.id, true);
    await addAccountability(db, p.id, { kind: 'interview', person: '张三', note: '整改拖延' });
    await applyWorkflow(db, p.id, { type: 'requestClose' });
    const closed = await applyWorkflow(db, p.id, {
      type: 'close',
      verifier: '李干事',
      date: '2026-05-28',
      opinion: '已清理到位',
    });
    expect(closed).toMatchObject({
      status: 'closed',
      deadline: '2026-05-30',
      originalDeadline: '2026-05-16',
      supervised: true,
      verification: { verifier: '李干事', date: '2026-05-28', opinion: '已清理到位' },
    });
    expect(closed.progress.map((x) => x.text)).toEqual(['退回：现场仍有残留']);
    const history = await listAudit(db, { table: 'problems', recordId: p.id, limit: 100 });
    expect(history).toHaveLength(12);
    expect(history.every((e) => e.actor === '张环保')).toBe(true);
    expect(history.some((e) => e.reason === '雨季运输困难')).toBe(true);
  });

  it('keeps the measures and photos as they were from 申请销号 until 退回, and after 销号', async () => {
    const p = await createProblem(db, form());
    await applyWorkflow(db, p.id, { type: 'start' });
    const measured = await addMeasure(db, p.id, '清运建筑垃圾');
    const measure = measured.measures[0]!.id;
    await setMeasureDone(db, p.id, measure, true);
    const evidence = { attachmentId: 'a1', thumbnailId: 't1', name: '整改后.jpg', size: 10 };
    await addAfterEvidence(db, p.id, evidence);
    await applyWorkflow(db, p.id, { type: 'requestClose' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const photo = {
      kind: 'before' as const,
      file: { name: 'a.png', data: png },
      thumbnail: new Blob([png], { type: 'image/png' }),
    };
    const asked = '已申请销号，整改措施和照片不能再修改；如需修改，请由验收人先“退回”。';
    const before = await db.problems.get(p.id);
    const attachments = await db.attachments.count();
    await expect(addMeasure(db, p.id, '再补一项')).rejects.toThrow(asked);
    await expect(setMeasureDone(db, p.id, measure, false)).rejects.toThrow(asked);
    await expect(addAfterEvidence(db, p.id, evidence)).rejects.toThrow(asked);
    await expect(addProblemPhoto(db, p.id, photo)).rejects.toThrow(asked);
    await expect(addProblemPhoto(db, p.id, { ...photo, kind: 'after' })).rejects.toThrow(asked);
    // Nothing was written: not the item, not a photo's file.
    expect(await db.problems.get(p.id)).toEqual(before);
    expect(await db.attachments.count()).toBe(attachments);

    await applyWorkflow(db, p.id, { type: 'return', reason: '现场仍有残留' });
    await addMeasure(db, p.id, '复查清运');
    const reopened = await addProblemPhoto(db, p.id, photo);
    expect(reopened.measures).toHaveLength(2);
    expect(reopened.beforePhotos).toHaveLength(1);

    await setMeasureDone(db, p.id, reopened.measures[1]!.id, true);
    await applyWorkflow(db, p.id, { type: 'requestClose' });
    await applyWorkflow(db, p.id, {
      type: 'close',
      verifier: '李干事',
      date: '2026-05-28',
      opinion: '已清理到位',
    });
    const closed = '已销号的问题不能再修改整改措施和照片。';
    await expect(addMeasure(db, p.id, '再补一项')).rejects.toThrow(closed);
    await expect(setMeasureDone(db, p.id, measure, false)).rejects.toThrow(closed);
    await expect(addProblemPhoto(db, p.id, { ...photo, kind: 'after' })).rejects.toThrow(closed);
  });

  it('opens an item from a deduction, linked both ways, and only once', async () => {
    const [village] = await listVillages(db);
    await startPeriod(db, '2026-05', { inspectors: '张环保', inspectedOn: '' });
    const d = await saveDeduction(db, {
      periodId: '2026-05',
      villageId: village!.id,
      itemCode: 'A06',
      count: 1,
      points: null,
    });
    const p = await createProblem(db, form({ villageId: village!.id }), { deductionId: d.id });
    expect(p.deductionId).toBe(d.id);
    expect((await db.deductions.get(d.id))?.problemId).toBe(p.id);
    await expect(createProblem(db, form(), { deductionId: d.id })).rejects.toThrow(
      '已经开过整改问题',
    );
    expect(await db.problems.count()).toBe(1);
  });
});

describe('correcting and voiding an item', () => {
  it('corrects a slip freely while pending, with a reason once started; the history says 更正', async () => {
    const item = await createProblem(db, form());
    const corrected = await correctProblem(
      db,
      item.id,
      { ...form(), place: '三组村口', deadline: '2026-05-20' },
      '',
    );
    expect(corrected).toMatchObject({
      place: '三组村口',
      deadline: '2026-05-20',
      originalDeadline: '2026-05-20',
      number: '2026-镇督-0001',
    });
    await applyWorkflow(db, item.id, { type: 'start' });
    await expect(
      correctProblem(db, item.id, { ...form(), description: '沟渠旁积存建筑垃圾约 3 方' }, ''),
    ).rejects.toThrow('开始整改后更正需要写明原因');
    await correctProblem(
      db,
      item.id,
      {
        ...form(),
        place: '三组村口',
        deadline: '2026-05-20',
        description: '沟渠旁积存建筑垃圾约 3 方',
      },
      '录入时漏写方量',
    );
    const [entry] = await listAudit(db, { table: 'problems', recordId: item.id, limit: 1 });
    expect(entry).toMatchObject({ action: 'correct', reason: '录入时漏写方量' });
    expect(entry?.before?.description).toBe('沟渠旁积存建筑垃圾');
    expect(entry?.after?.description).toBe('沟渠旁积存建筑垃圾约 3 方');
  });

  it('voids an item entered twice: out of the lists and the figures, its number never given again', async () => {
    const kept = await createProblem(db, form());
    const twice = await createProblem(db, form());
    expect((await loadLedgerStats(db, '2026-06-01')).total).toBe(2);
    await expect(voidProblem(db, twice.id, '重复')).rejects.toThrow('作废需要写明原因');
    await voidProblem(db, twice.id, '重复录入，与 0001 是同一个问题');
    expect((await listProblems(db)).map((p) => p.number)).toEqual([kept.number]);
    expect((await loadLedgerStats(db, '2026-06-01')).total).toBe(1);
    const next = await createProblem(db, form());
    expect(next.number).toBe('2026-镇督-0003');
    const [entry] = await listAudit(db, { table: 'problems', recordId: twice.id, limit: 1 });
    expect(entry).toMatchObject({ action: 'void', reason: '重复录入，与 0001 是同一个问题' });
    expect((await db.problems.get(twice.id))?.voided?.by).toBe('张环保');
  });
});

describe('the ledger figures read from the tally', () => {
  it('equal the figures computed from every record, after each step of a small ledger', async () => {
    const today = '2026-05-20';
    const check = async () =>
      expect(await loadLedgerStats(db, today)).toEqual(
        ledgerStats(await db.problems.toArray(), today),
      );
    await check(); // empty
    const a = await createProblem(db, form());
    const b = await createProblem(db, form({ source: 'public', channel: 'hotline' }));
    await createProblem(db, form({ category: '河湖四乱', deadline: '2026-06-30' }));
    await check();
    for (const [p, date] of [
      [a, '2026-05-11'],
      [b, '2026-05-31'],
    ] as const) {
      await addMeasure(db, p.id, '清运');
      const withMeasure = (await db.problems.get(p.id))!;
      await setMeasureDone(db, p.id, withMeasure.measures[0]!.id, true);
      await addAfterEvidence(db, p.id, {
        attachmentId: 'x',
        name: 'after.jpg',
        thumbnailId: 'y',
        size: 1,
      });
      await applyWorkflow(db, p.id, { type: 'start' });
      await applyWorkflow(db, p.id, { type: 'requestClose' });
      await applyWorkflow(db, p.id, { type: 'close', verifier: '李验收', date, opinion: '到位' });
    }
    const stats = await loadLedgerStats(db, today);
    // a: 05-01 → 05-11 = 10 days, b: 05-01 → 05-31 = 30 days; median (10 + 30) / 2 = 20.
    expect(stats.medianDaysToClose).toBe(20);
    expect(stats.bySource.town).toEqual({ open: 1, overdue: 0, closed: 1 });
    expect(stats.bySource.public).toEqual({ open: 0, overdue: 0, closed: 1 });
    expect(stats.closureRate).toBe(0.667);
    await check();
  });
});

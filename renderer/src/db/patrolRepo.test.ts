import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toIsoDate } from '@shared/domain/dates';
import { addDays } from '@shared/domain/period';
import { InputError } from './errors';
import {
  addPatrolPhoto,
  loadPatrolMonth,
  openFindingProblem,
  saveForestPatrol,
  saveForestPlot,
  saveRiver,
  saveRiverPatrol,
  voidPatrol,
} from './repositories/patrolRepo';
import { voidProblem } from './repositories/problemRepo';
import { savePerson } from './repositories/personRepo';
import { loadBriefingContent } from './repositories/printRepo';
import { loadYearSummary, saveRecord, saveSummaryParagraph } from './repositories/recordRepo';
import { completeSetup } from './repositories/townRepo';
import { listVillages } from './repositories/villageRepo';
import { EcoDeskDb } from './schema';

let db: EcoDeskDb;
let counter = 0;
beforeEach(async () => {
  counter += 1;
  db = new EcoDeskDb(`patrol-${counter}`);
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

const today = toIsoDate(new Date());
const yesterday = addDays(today, -1);

async function setUp() {
  const [east] = await listVillages(db);
  const chief = await savePerson(db, undefined, {
    name: '李河长',
    title: '村主任',
    phone: '',
    villageId: east!.id,
    roles: ['villageRiverChief'],
  });
  const ranger = await savePerson(db, undefined, {
    name: '赵护林',
    title: '',
    phone: '',
    villageId: east!.id,
    roles: ['publicWelfareRanger'],
  });
  const river = await saveRiver(db, undefined, {
    name: '东河',
    segments: [{ name: '东村段', level: 'village', chiefId: chief.id, villageId: east!.id }],
  });
  const plot = await saveForestPlot(db, undefined, {
    name: '东山梁',
    villageId: east!.id,
    group: '一组',
    rangerId: ranger.id,
  });
  return { east: east!, chief, ranger, river, plot };
}

const riverForm = (riverId: string, segmentId: string) => ({
  riverId,
  segmentId,
  date: yesterday,
  startTime: '08:30',
  endTime: '10:00',
  routeFrom: '东村桥',
  routeTo: '西村坝',
  checked: '河面、河岸',
  findings: [{ kind: '乱堆', note: '河岸堆放建筑垃圾约 3 方' }],
  action: '已通知村上清理',
});

describe('patrols', () => {
  it('opens a ledger item from a finding in one step, linked both ways, and only once', async () => {
    const { river, chief, east } = await setUp();
    const patrol = await saveRiverPatrol(db, riverForm(river.id, river.segments[0]!.id));
    expect(patrol.chiefId).toBe(chief.id);
    const finding = patrol.findings[0]!;
    const problem = await openFindingProblem(db, 'riverPatrols', patrol.id, finding.id);
    expect(problem).toMatchObject({
      source: 'town',
      category: '河湖四乱',
      villageId: east.id,
      foundOn: yesterday,
      deadline: addDays(yesterday, 15),
      responsiblePerson: '李河长',
      patrol: { table: 'riverPatrols', id: patrol.id, findingId: finding.id },
    });
    expect(problem.description).toContain('乱堆：河岸堆放建筑垃圾约 3 方');
    expect((await db.riverPatrols.get(patrol.id))?.findings[0]?.problemId).toBe(problem.id);
    await expect(openFindingProblem(db, 'riverPatrols', patrol.id, finding.id)).rejects.toThrow(
      '这个发现问题已经开过整改问题了。',
    );
    expect(await db.problems.count()).toBe(1);
    expect((await db.ledgerTally.toArray()).map((t) => t.total)).toEqual([1]);
  });

  it('keeps up to six site photos on a patrol, refusing what is not a photo', async () => {
    const { river } = await setUp();
    const patrol = await saveRiverPatrol(db, riverForm(river.id, river.segments[0]!.id));
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const photo = (name: string, data = png) => ({
      file: { name, data },
      thumbnail: new Blob([png], { type: 'image/png' }),
    });
    for (let i = 1; i <= 6; i += 1)
      await addPatrolPhoto(db, 'riverPatrols', patrol.id, photo(`${i}.png`));
    await expect(addPatrolPhoto(db, 'riverPatrols', patrol.id, photo('7.png'))).rejects.toThrow(
      '一条巡查记录最多 6 张照片。',
    );
    await expect(
      addPatrolPhoto(
        db,
        'riverPatrols',
        patrol.id,
        photo('x.png', new TextEncoder().encode('MZ…')),
      ),
    ).rejects.toThrow('内容是一个程序');
    expect((await db.riverPatrols.get(patrol.id))?.photos).toHaveLength(6);
    expect(await db.attachments.count()).toBe(12); // each photo with its thumbnail
  });

  it('refuses a bad patrol with every reason and writes nothing', async () => {
    const { river } = await setUp();
    const bad = { ...riverForm(river.id, river.segments[0]!.id), endTime: '07:00', action: '' };
    await expect(saveRiverPatrol(db, bad)).rejects.toBeInstanceOf(InputError);
    await expect(
      saveForestPatrol(db, {
        plotId: 'nowhere',
        date: yesterday,
        weather: '晴',
        findings: [],
        note: '',
      }),
    ).rejects.toThrow('找不到这个山头地块。');
    expect(await db.riverPatrols.count()).toBe(0);
    expect(await db.forestPatrols.count()).toBe(0);
  });

  it('lists a month’s patrols of both kinds, newest first', async () => {
    const { river, plot, ranger } = await setUp();
    await saveRiverPatrol(db, {
      ...riverForm(river.id, river.segments[0]!.id),
      findings: [],
      action: '',
    });
    const forest = await saveForestPatrol(db, {
      plotId: plot.id,
      date: yesterday,
      weather: '晴',
      findings: [{ kind: '火灾隐患', note: '坟地周边杂草未清' }],
      note: '',
    });
    expect(forest.rangerId).toBe(ranger.id);
    const month = await loadPatrolMonth(db, yesterday.slice(0, 7));
    expect([month.river.length, month.forest.length]).toEqual([1, 1]);
    const problem = await openFindingProblem(
      db,
      'forestPatrols',
      forest.id,
      forest.findings[0]!.id,
    );
    expect(problem.category).toBe('林草/森林防火');
  });
});

describe('correcting and voiding a patrol', () => {
  it('corrects a patrol in place: photos and the ledger item kept, the reason in the history', async () => {
    const { river } = await setUp();
    const form = riverForm(river.id, river.segments[0]!.id);
    const patrol = await saveRiverPatrol(db, form);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    await addPatrolPhoto(db, 'riverPatrols', patrol.id, {
      file: { name: '河岸.png', data: png },
      thumbnail: new Blob([png], { type: 'image/png' }),
    });
    const finding = patrol.findings[0]!;
    const item = await openFindingProblem(db, 'riverPatrols', patrol.id, finding.id);
    const stored = (await db.riverPatrols.get(patrol.id))!;
    const corrected = await saveRiverPatrol(
      db,
      {
        ...form,
        endTime: '11:15',
        findings: [
          { ...stored.findings[0]!, note: '河岸堆放建筑垃圾约 5 方' },
          { kind: '乱建', note: '桥下搭建板房一处' },
        ],
      },
      { id: patrol.id, reason: '结束时间和方量录错' },
    );
    const now = (await db.riverPatrols.get(patrol.id))!;
    expect(now).toEqual(corrected);
    expect(await db.riverPatrols.count()).toBe(1);
    expect(now.endTime).toBe('11:15');
    expect(now.photos).toHaveLength(1);
    expect(now.createdAt).toBe(patrol.createdAt);
    expect(now.findings[0]).toEqual({
      id: finding.id,
      kind: '乱堆',
      note: '河岸堆放建筑垃圾约 5 方',
      problemId: item.id,
    });
    expect(now.findings[1]).toMatchObject({ kind: '乱建', note: '桥下搭建板房一处' });
    const entry = (
      await db.audit.where('[table+recordId]').equals(['riverPatrols', patrol.id]).sortBy('at')
    ).at(-1)!;
    expect(entry).toMatchObject({ action: 'correct', reason: '结束时间和方量录错' });
    expect(entry.before).toMatchObject({ endTime: '10:00' });
    expect(entry.after).toMatchObject({ endTime: '11:15' });

    // A finding that is a ledger item cannot be dropped; nothing is written.
    await expect(
      saveRiverPatrol(
        db,
        { ...form, findings: [], action: '' },
        { id: patrol.id, reason: '发现问题录错' },
      ),
    ).rejects.toThrow('已转整改，不能删除或改类型');
    expect((await db.riverPatrols.get(patrol.id))?.findings).toHaveLength(2);
  });

  it('voids a patrol logged twice: out of the month and its counts, kept in the history', async () => {
    const { river } = await setUp();
    const form = riverForm(river.id, river.segments[0]!.id);
    const first = await saveRiverPatrol(db, form);
    // The very same patrol again is refused; one with a mistyped start time gets in.
    await expect(saveRiverPatrol(db, form)).rejects.toThrow(
      `这个河段 ${yesterday} 08:30 开始的巡河已经记录过了`,
    );
    const twice = await saveRiverPatrol(db, { ...form, startTime: '08:35' });
    const item = await openFindingProblem(db, 'riverPatrols', twice.id, twice.findings[0]!.id);
    await expect(voidPatrol(db, 'riverPatrols', twice.id, '重复录入')).rejects.toThrow(
      '已转整改，不能作废',
    );
    await voidProblem(db, item.id, '重复录入的巡查');
    await expect(voidPatrol(db, 'riverPatrols', twice.id, '重复')).rejects.toThrow(
      '作废需要写明原因',
    );
    await voidPatrol(db, 'riverPatrols', twice.id, '同一次巡查录了两遍');
    const month = await loadPatrolMonth(db, yesterday.slice(0, 7));
    expect(month.river.map((p) => p.id)).toEqual([first.id]);
    const voided = (await db.riverPatrols.get(twice.id))!;
    expect(voided.voided).toMatchObject({ reason: '同一次巡查录了两遍', by: '张环保' });
    expect(voided.deletedAt).toBeTruthy();
    const entry = (
      await db.audit.where('[table+recordId]').equals(['riverPatrols', twice.id]).sortBy('at')
    ).at(-1)!;
    expect(entry).toMatchObject({ action: 'void', reason: '同一次巡查录了两遍' });
    await expect(
      saveRiverPatrol(db, { ...form, endTime: '11:00' }, { id: twice.id, reason: '结束时间录错' }),
    ).rejects.toThrow('这条巡查记录已不存在。');
    // Once voided, it no longer stands in the way of the patrol it repeated.
    await saveRiverPatrol(db, { ...form, startTime: '08:35', endTime: '09:00' });
  });
});

describe('the briefing’s patrol section', () => {
  it('counts a past month’s patrols and names who fell short, by how much', async () => {
    const { river } = await setUp();
    await saveRiverPatrol(db, {
      ...riverForm(river.id, river.segments[0]!.id),
      date: '2025-10-10',
      findings: [],
      action: '',
    });
    const { patrols } = await loadBriefingContent(db, '2025-10', '2025-11-05');
    // October has 31 days: a weekly chief owes ⌊31 ÷ 7⌋ = 4, a ranger 20 days.
    expect(patrols).toEqual({
      river: 1,
      forest: 0,
      findings: 0,
      // River chiefs first, then rangers.
      behind: [
        { name: '李河长', role: '村级河长 · 东河东村段', required: 4, done: 1 },
        { name: '赵护林', role: '公益护林员', required: 20, done: 0 },
      ],
    });
  });
});

describe('work records and the year-end summary', () => {
  it('counts the records entered, and keeps an edited paragraph until it is restored', async () => {
    const { east } = await setUp();
    const year = Number(yesterday.slice(0, 4));
    await saveRecord(db, 'study', undefined, {
      date: yesterday,
      meetingType: '镇党委会议',
      topic: '学习习近平生态文明思想',
      attendance: '12',
    });
    await saveRecord(db, 'toilet', undefined, {
      date: yesterday,
      villageId: east.id,
      planned: '20',
      completed: '18',
      toiletType: '三格式',
      use: '正常使用',
    });
    await expect(
      saveRecord(db, 'study', undefined, {
        date: yesterday,
        meetingType: '茶话会',
        topic: 'x',
        attendance: '1',
      }),
    ).rejects.toBeInstanceOf(InputError);
    const summary = await loadYearSummary(db, year);
    expect(summary.figures.get('study.party')?.value).toBe(1);
    expect(summary.figures.get('toilets.completed')?.value).toBe(18);
    expect(summary.figures.get('rangers.public')?.value).toBe(1);
    await saveSummaryParagraph(db, year, 2, '改写后的第三段。');
    expect((await loadYearSummary(db, year)).edited[2]).toBe('改写后的第三段。');
    await saveSummaryParagraph(db, year, 2, null);
    expect((await loadYearSummary(db, year)).edited[2]).toBeNull();
    await expect(saveSummaryParagraph(db, year, 2, '  ')).rejects.toBeInstanceOf(InputError);
  });
});

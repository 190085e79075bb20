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
} from './repositories/patrolRepo';
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

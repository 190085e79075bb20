import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareFirstAccount } from './repositories/accountRepo';
import { completeCountySetup, receivePackage, registerTown } from './repositories/countyRepo';
import {
  createFeedbackList,
  deleteFeedbackDraft,
  issueFeedbackList,
  loadPressable,
  pressOverdue,
  removeFeedbackItem,
  saveFeedbackItem,
} from './repositories/countyFeedbackRepo';
import { EcoDeskDb } from './schema';
import { endSession } from './session';

/**
 * The county's feedback lists on Chromium's real IndexedDB: numbered by the county across lists,
 * overdue items pressed once, frozen when issued, every step in the county's history.
 */

let db: EcoDeskDb;
let counter = 0;
let townId = '';
const NOW = '2026-11-30T09:00:00.000Z';
const problem = (id: string, deadline: string, status = 'inProgress') => ({
  id,
  number: `2026-镇督-000${id}`,
  source: 'town',
  category: '水环境',
  status,
  villageId: 'v1',
  place: '大桥下',
  description: `排污口 ${id} 未封堵`,
  foundOn: '2026-10-01',
  deadline,
  responsiblePerson: '张三',
  createdAt: NOW,
  updatedAt: NOW,
  updatedBy: '张环保',
});

beforeEach(async () => {
  counter += 1;
  db = new EcoDeskDb(`county-feedback-${counter}`);
  await completeCountySetup(db, {
    county: '绿水县',
    account: await prepareFirstAccount({
      name: '刘科长',
      password: 'county-2026',
      repeat: 'county-2026',
    }),
  });
  townId = (await registerTown(db, { name: '青山镇', publicKey: 'aa', fingerprint: 'QS-KEY' })).id;
  await receivePackage(db, {
    arriving: {
      sha256: 'p1',
      townName: '青山镇',
      fingerprint: 'QS-KEY',
      createdAt: NOW,
      period: { from: '2026-10', to: '2026-11' },
    },
    fileName: 'qs.zip',
    counts: {},
    tables: {
      villages: [{ id: 'v1', name: '东村', order: 1 }],
      problems: [
        problem('1', '2026-11-10'),
        problem('2', '2026-10-20'),
        problem('3', '2026-12-31'),
        problem('4', '2026-10-01', 'closed'),
      ],
    },
  });
});
afterEach(async () => {
  endSession();
  db.close();
  await Dexie.delete(db.name);
});

const input = {
  villageName: '东村',
  category: '垃圾治理',
  place: '村口',
  description: '河岸堆放生活垃圾',
  requirement: '清理并建立保洁制度',
  responsible: '东村书记',
  deadline: '2026-12-31',
};

describe('the county’s feedback lists', () => {
  it('numbers items across lists by the county and year, and keeps a number when edited', async () => {
    const a = await createFeedbackList(db, {
      townId,
      batch: '绿水县环督〔2026〕1号',
      issuedOn: '2026-12-01',
    });
    const b = await createFeedbackList(db, {
      townId,
      batch: '绿水县环督〔2026〕2号',
      issuedOn: '2026-12-02',
    });
    const first = await saveFeedbackItem(db, a.id, input);
    await saveFeedbackItem(db, b.id, input);
    const third = await saveFeedbackItem(db, a.id, {
      ...input,
      villageName: '',
      responsible: '王副镇长',
    });
    expect([first.number, third.number]).toEqual(['绿水县督-2026-001', '绿水县督-2026-003']);
    const edited = await saveFeedbackItem(db, a.id, { ...input, place: '村西桥头' }, first.id);
    expect(edited.number).toBe('绿水县督-2026-001');
    expect((await db.countyFeedback.get(a.id))!.items.map((i) => [i.number, i.place])).toEqual([
      ['绿水县督-2026-001', '村西桥头'],
      ['绿水县督-2026-003', '村口'],
    ]);
  });

  it('refuses an item that names no one responsible, or is due before it is handed down', async () => {
    const list = await createFeedbackList(db, { townId, batch: '1号', issuedOn: '2026-12-01' });
    await expect(
      saveFeedbackItem(db, list.id, { ...input, villageName: '', responsible: '' }),
    ).rejects.toThrow('请填写整改责任人（不属于某个村的问题，如镇分管领导）。');
    await expect(
      saveFeedbackItem(db, list.id, { ...input, deadline: '2026-11-30' }),
    ).rejects.toThrow('整改时限不能早于交办日期。');
    expect((await db.countyFeedback.get(list.id))!.items).toEqual([]);
  });

  it('presses overdue open items once, longest overdue first', async () => {
    const list = await createFeedbackList(db, { townId, batch: '督办', issuedOn: '2026-12-02' });
    const offered = await loadPressable(db, townId, '2026-12-02');
    // 2 (due 10-20) before 1 (due 11-10); 3 is not due yet, 4 is closed.
    expect(offered.map((o) => [o.problem.id, o.villageName])).toEqual([
      ['2', '东村'],
      ['1', '东村'],
    ]);
    expect(await pressOverdue(db, list.id, ['2', '1'], '2026-12-02')).toBe(2);
    const items = (await db.countyFeedback.get(list.id))!.items;
    expect(items.map((i) => [i.number, i.presses?.number, i.deadline])).toEqual([
      ['绿水县督-2026-001', '2026-镇督-0002', '2026-12-17'],
      ['绿水县督-2026-002', '2026-镇督-0001', '2026-12-17'],
    ]);
    expect(await loadPressable(db, townId, '2026-12-02')).toEqual([]);
    // Pressing again adds nothing.
    expect(await pressOverdue(db, list.id, ['2'], '2026-12-02')).toBe(0);
  });

  it('is frozen once issued, with who and when, and a draft may be thrown away', async () => {
    const list = await createFeedbackList(db, { townId, batch: '1号', issuedOn: '2026-12-01' });
    await expect(issueFeedbackList(db, list.id)).rejects.toThrow('清单里还没有问题。');
    const item = await saveFeedbackItem(db, list.id, input);
    const issued = await issueFeedbackList(db, list.id);
    expect(issued).toMatchObject({ status: 'issued', issuedBy: '刘科长' });
    await expect(saveFeedbackItem(db, list.id, input)).rejects.toThrow('已经下发，不能再修改');
    await expect(removeFeedbackItem(db, list.id, item.id)).rejects.toThrow('已经下发');
    await expect(deleteFeedbackDraft(db, list.id)).rejects.toThrow('已经下发');

    const other = await createFeedbackList(db, { townId, batch: '2号', issuedOn: '2026-12-01' });
    await deleteFeedbackDraft(db, other.id);
    expect(await db.countyFeedback.count()).toBe(1);
    const entries = (await db.audit.toArray())
      .filter((e) => e.table === 'countyFeedback')
      .sort((x, y) => (x.seq ?? 0) - (y.seq ?? 0));
    expect(entries.map((e) => [e.action, e.actor, e.reason ?? ''])).toEqual([
      ['create', '刘科长', ''],
      ['update', '刘科长', ''],
      ['update', '刘科长', '下发督查反馈清单（1 个问题）'],
      ['create', '刘科长', ''],
      ['delete', '刘科长', ''],
    ]);
  });
});

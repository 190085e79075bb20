import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { placeholderVillageNames } from '@shared/domain/village';
import { InputError } from './errors';
import { listAudit } from './repositories/auditRepo';
import { deletePerson, listPeople, savePerson } from './repositories/personRepo';
import {
  addRuleDocument,
  getAttachmentBytes,
  listRuleDocuments,
} from './repositories/ruleDocumentRepo';
import { getOperator, isSetupComplete } from './repositories/settingsRepo';
import { completeSetup, getTown } from './repositories/townRepo';
import {
  addVillages,
  listVillages,
  saveVillage,
  setVillageDeleted,
} from './repositories/villageRepo';
import { EcoDeskDb, SCHEMA_VERSIONS } from './schema';

let db: EcoDeskDb;
let counter = 0;
beforeEach(async () => {
  counter += 1;
  db = new EcoDeskDb(`test-${counter}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

async function setUpTown(villages = placeholderVillageNames(27)) {
  await completeSetup(db, {
    town: { name: '青山镇', county: '绿水县' },
    operator: '张环保',
    villageNames: villages,
  });
}

/** Catches an InputError and returns its messages, failing if anything else happened. */
async function messagesOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InputError) return error.issues.map((i) => i.message);
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('completeSetup', () => {
  it('writes the town, the operator and 27 villages in order, with one audit entry each', async () => {
    await setUpTown();
    expect(await isSetupComplete(db)).toBe(true);
    expect((await getTown(db))?.name).toBe('青山镇');
    expect(await getOperator(db)).toBe('张环保');
    const villages = await listVillages(db);
    expect(villages).toHaveLength(27);
    expect(villages[0]?.name).toBe('村庄01');
    expect(villages[26]?.order).toBe(27);
    const audit = await listAudit(db, { limit: 1000 });
    expect(audit).toHaveLength(28); // 1 town + 27 villages
    expect(audit.every((e) => e.actor === '张环保' && e.action === 'create')).toBe(true);
  });

  it('writes nothing at all when a village name is duplicated', async () => {
    const messages = await messagesOf(
      completeSetup(db, {
        town: { name: '青山镇', county: '绿水县' },
        operator: '张环保',
        villageNames: ['张家村', '张家村'],
      }),
    );
    expect(messages).toEqual(['第 2 行：村名“张家村”与第 1 行重复。']);
    expect(await isSetupComplete(db)).toBe(false);
    expect(await db.town.count()).toBe(0);
    expect(await db.villages.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });
});

describe('villages', () => {
  it('saves an edit, stamps who and when, and audits before and after', async () => {
    await setUpTown(['张家村', '李家村']);
    const [first] = await listVillages(db);
    await saveVillage(db, first!.id, {
      name: '张家湾村',
      secretary: '李明',
      contact: '13800000000',
      groups: ['一组'],
    });
    const edited = (await listVillages(db))[0]!;
    expect(edited).toMatchObject({
      name: '张家湾村',
      secretary: '李明',
      order: 1,
      updatedBy: '张环保',
    });
    expect(edited.createdAt <= edited.updatedAt).toBe(true);
    const [entry] = await listAudit(db, { table: 'villages', recordId: first!.id });
    expect(entry?.action).toBe('update');
    expect(entry?.before?.name).toBe('张家村');
    expect(entry?.after?.name).toBe('张家湾村');
  });

  it('refuses to rename a village to a name another village has, and keeps the old name', async () => {
    await setUpTown(['张家村', '李家村']);
    const [first] = await listVillages(db);
    const messages = await messagesOf(
      saveVillage(db, first!.id, { name: '李家村', secretary: '', contact: '', groups: [] }),
    );
    expect(messages).toEqual(['村名“李家村”已经存在，村名不能重复。']);
    expect((await listVillages(db))[0]?.name).toBe('张家村');
  });

  it('soft-deletes a village (kept, hidden) and restores it', async () => {
    await setUpTown(['张家村', '李家村']);
    const [first] = await listVillages(db);
    await setVillageDeleted(db, first!.id, true);
    expect((await listVillages(db)).map((v) => v.name)).toEqual(['李家村']);
    expect(await db.villages.count()).toBe(2);
    await setVillageDeleted(db, first!.id, false);
    expect(await listVillages(db)).toHaveLength(2);
    const actions = (await listAudit(db, { table: 'villages', recordId: first!.id })).map(
      (e) => e.action,
    );
    expect(actions.sort()).toEqual(['create', 'delete', 'restore']);
  });

  it('adds villages at the end, all or none', async () => {
    await setUpTown(['张家村']);
    expect(await messagesOf(addVillages(db, ['王家村', '张家村']))).toEqual([
      '第 2 行：村名“张家村”已经存在，村名不能重复。',
    ]);
    expect(await listVillages(db)).toHaveLength(1);
    expect(await addVillages(db, ['王家村'])).toBe(1);
    expect((await listVillages(db)).map((v) => [v.name, v.order])).toEqual([
      ['张家村', 1],
      ['王家村', 2],
    ]);
  });
});

describe('people', () => {
  it('saves a ranger in a village and clears a deleted leader from the villages they covered', async () => {
    await setUpTown(['张家村']);
    const [village] = await listVillages(db);
    const leader = await savePerson(db, undefined, {
      name: '王副镇长',
      title: '副镇长',
      phone: '',
      roles: ['townLeader'],
      groupPosition: 'deputy',
    });
    await saveVillage(db, village!.id, {
      name: '张家村',
      secretary: '',
      contact: '',
      groups: [],
      leaderId: leader.id,
    });
    await savePerson(db, undefined, {
      name: '赵护林',
      title: '',
      phone: '139 0000 0000',
      roles: ['ecologicalRanger'],
      villageId: village!.id,
    });
    expect((await listPeople(db)).map((p) => p.name).sort()).toEqual(['王副镇长', '赵护林'].sort());
    await deletePerson(db, leader.id);
    expect((await listPeople(db)).map((p) => p.name)).toEqual(['赵护林']);
    expect((await listVillages(db))[0]?.leaderId).toBeUndefined();
  });

  it('a village’s 支部书记 entered under 人员 is the village’s secretary, and follows a renamed entry', async () => {
    await setUpTown(['张家村', '李家村']);
    const [zhang, li] = await listVillages(db);
    const secretary = await savePerson(db, undefined, {
      name: '张书记',
      title: '村党支部书记',
      phone: '',
      roles: ['villageCadre'],
      villageId: zhang!.id,
    });
    await savePerson(db, undefined, {
      name: '李副书记',
      title: '副书记',
      phone: '',
      roles: ['villageCadre'],
      villageId: li!.id,
    });
    const [a, b] = await listVillages(db);
    expect([a?.secretary, b?.secretary]).toEqual(['张书记', '']);
    await savePerson(db, secretary.id, {
      name: '张建国',
      title: '村党支部书记',
      phone: '',
      roles: ['villageCadre'],
      villageId: zhang!.id,
    });
    expect((await listVillages(db))[0]?.secretary).toBe('张建国');
  });

  it('refuses a ranger without a village', async () => {
    await setUpTown(['张家村']);
    const messages = await messagesOf(
      savePerson(db, undefined, {
        name: '赵护林',
        title: '',
        phone: '',
        roles: ['publicWelfareRanger'],
      }),
    );
    expect(messages).toEqual(['公益护林员需要选择所在村。']);
    expect(await db.people.count()).toBe(0);
  });
});

describe('rule documents', () => {
  const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a]);
  const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);

  it('stores a PDF with its bytes and date', async () => {
    await setUpTown(['张家村']);
    const doc = await addRuleDocument(db, {
      title: '人居环境整治红黄旗制度',
      issuedOn: '2026-03-01',
      file: { name: '红黄旗制度.pdf', data: pdf },
    });
    expect(doc).toMatchObject({ kind: 'pdf', size: 9, fileName: '红黄旗制度.pdf' });
    expect(await getAttachmentBytes(db, doc.attachmentId)).toEqual(pdf);
    expect(await listRuleDocuments(db)).toHaveLength(1);
  });

  it('refuses a program renamed .pdf and an impossible date, writing nothing', async () => {
    await setUpTown(['张家村']);
    const before = await db.audit.count();
    expect(
      await messagesOf(
        addRuleDocument(db, {
          title: '方案',
          issuedOn: '2026-03-01',
          file: { name: 'a.pdf', data: exe },
        }),
      ),
    ).toEqual(['文件“a.pdf”的扩展名是 .pdf，但内容是一个程序，不是真正的PDF文件，已拒绝。']);
    expect(
      await messagesOf(
        addRuleDocument(db, {
          title: '方案',
          issuedOn: '2026-02-30',
          file: { name: 'a.pdf', data: pdf },
        }),
      ),
    ).toEqual(['印发日期“2026-02-30”不是有效的日期。']);
    expect(await db.ruleDocuments.count()).toBe(0);
    expect(await db.attachments.count()).toBe(0);
    expect(await db.audit.count()).toBe(before);
  });
});

describe('schema migrations', () => {
  // The pattern every new version's test follows: create the database as the previous version
  // left it, write data in that shape, reopen with the current schema, and check nothing is lost.
  it('opens a database written by every earlier version without losing records', async () => {
    for (const step of SCHEMA_VERSIONS) {
      const name = `migration-from-${step.version}`;
      const old = new EcoDeskDb(name, step.version);
      await old.open();
      await old.settings.put({ key: 'operator', value: '旧版本操作员' });
      await old.villages.put({
        id: 'v1',
        name: '张家村',
        order: 1,
        secretary: '',
        contact: '',
        groups: [],
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        updatedBy: '旧版本操作员',
      });
      old.close();
      const current = new EcoDeskDb(name);
      await current.open();
      expect(current.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
      expect((await current.villages.get('v1'))?.name).toBe('张家村');
      expect(await getOperator(current)).toBe('旧版本操作员');
      current.close();
      await Dexie.delete(name);
    }
  });
  it('version 4 tallies the items written before it (one closed in 05-01 → 05-13: 12 days)', async () => {
    const name = 'migration-close-days';
    const old = new EcoDeskDb(name, 3);
    await old.open();
    const closed = {
      id: 'p1',
      number: '2026-镇督-0001',
      status: 'closed',
      source: 'town',
      villageId: 'v1',
      category: '人居环境',
      foundOn: '2026-05-01',
      verification: { verifier: '李验收', date: '2026-05-13', opinion: '到位' },
    };
    await old
      .table('problems')
      .bulkPut([closed, { ...closed, id: 'p2', number: '2026-镇督-0002', status: 'inProgress' }]);
    old.close();
    const current = new EcoDeskDb(name);
    await current.open();
    expect(await current.ledgerTally.toArray()).toEqual([
      {
        key: 'town|v1|人居环境',
        source: 'town',
        villageId: 'v1',
        category: '人居环境',
        total: 2,
        closed: 1,
        unfixable: 0,
        days: { 12: 1 },
      },
    ]);
    current.close();
    await Dexie.delete(name);
  });

  it('version 16 drops the indexes no query reads and keeps every record and field', async () => {
    const name = 'migration-unused-indexes';
    const old = new EcoDeskDb(name, 15);
    await old.open();
    const patrol = { id: 'f1', date: '2026-03-02', rangerId: 'r1', plotId: 'k1', notes: '正常' };
    await old.forestPatrols.put(patrol as never);
    await old.riverPatrols.put({
      id: 'r1',
      date: '2026-03-03',
      chiefId: 'c1',
      segmentId: 's1',
    } as never);
    await old.problems.put({
      id: 'p1',
      number: '2026-镇督-0001',
      status: 'registered',
      source: 'town',
      villageId: 'v1',
      category: '人居环境',
      deadline: '2026-04-01',
      foundOn: '2026-03-01',
    } as never);
    old.close();
    const current = new EcoDeskDb(name);
    await current.open();
    const indexes = (table: string) =>
      current
        .table(table)
        .schema.indexes.map((i) => i.name)
        .sort();
    expect(indexes('forestPatrols')).toEqual(['date']);
    expect(indexes('riverPatrols')).toEqual(['date']);
    expect(indexes('deductions')).toEqual(['[periodId+villageId]', 'periodId']);
    expect(indexes('dueActions')).toEqual(['periodKey']);
    expect(indexes('problems')).not.toContain('source');
    expect(indexes('problems')).not.toContain('category');
    expect(indexes('problems')).not.toContain('deadline');
    // Read back as written, through the indexes that stay.
    expect(await current.forestPatrols.where('date').equals('2026-03-02').toArray()).toEqual([
      patrol,
    ]);
    expect((await current.riverPatrols.get('r1'))?.chiefId).toBe('c1');
    const item = await current.problems.where('status').equals('registered').first();
    expect([item?.source, item?.category, item?.deadline]).toEqual([
      'town',
      '人居环境',
      '2026-04-01',
    ]);
    current.close();
    await Dexie.delete(name);
  });
});

import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { activeDatabaseName, DATABASE_KEY } from './location';
import { recoverIntoNewDatabase } from './recovery';
import { collectExport } from './repositories/handoffRepo';
import { addProblemPhoto, createProblem } from './repositories/problemRepo';
import { completeSetup } from './repositories/townRepo';
import { DATABASE_NAME, EcoDeskDb } from './schema';
import { attachmentBytes } from './attachments';

const storage = new Map<string, string>();
beforeEach(() => {
  storage.clear();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => storage.set(key, value),
  });
});
afterEach(async () => {
  vi.unstubAllGlobals();
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

const EVERYTHING = { from: '', to: '', assessment: true, ledger: true, attachments: true };
const log = {
  place: 'eco-desk-backup-20261128-daily.zip',
  sha256: '',
  size: 1,
  period: { from: '', to: '' },
  counts: {},
  fingerprint: '',
};
const AT = new Date('2026-11-29T10:15:00Z');

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7]);

/** A backup's tables: the town as it was, an item with its after-photo, from a database of its own. */
async function backup() {
  const source = new EcoDeskDb('backup-source');
  await completeSetup(source, {
    town: { name: '青山镇', county: '绿水县' },
    operator: '张环保',
    villageNames: ['张家村', '李家村'],
  });
  const item = await createProblem(source, {
    source: 'town',
    category: '人居环境',
    place: '',
    description: '沟渠垃圾',
    foundOn: '2026-11-01',
    deadline: '2026-11-10',
    responsiblePerson: '张三',
    responsibleLeader: '',
  });
  await addProblemPhoto(source, item.id, {
    kind: 'after',
    file: { name: '清理后.png', data: PNG },
    thumbnail: new Blob([PNG], { type: 'image/png' }),
  });
  const { tables, files } = await collectExport(source, EVERYTHING, undefined, { backup: true });
  source.close();
  return {
    tables: tables as Record<string, unknown[]>,
    attachment: (id: string) => files[`attachments/${id}`]!,
  };
}
const backupTables = async () => (await backup()).tables;

describe('recovering from a backup when the database cannot be opened', () => {
  it('restores into a new database that the app opens from then on; the damaged one is not touched', async () => {
    const damaged = new EcoDeskDb(DATABASE_NAME);
    await damaged.villages.put({ id: 'after-backup', name: '备份后新建的村' } as never);
    damaged.close();
    expect(activeDatabaseName()).toBe(DATABASE_NAME);

    const result = await recoverIntoNewDatabase({ ...(await backup()), log }, AT);
    expect(result).toEqual({
      damaged: 'eco-desk',
      recovered: 'eco-desk-recovered-20261129T101500',
    });
    expect(storage.get(DATABASE_KEY)).toBe('eco-desk-recovered-20261129T101500');
    expect(activeDatabaseName()).toBe('eco-desk-recovered-20261129T101500');

    const recovered = new EcoDeskDb(result.recovered);
    expect((await recovered.villages.toArray()).map((v) => v.name).sort()).toEqual([
      '张家村',
      '李家村',
    ]);
    // The photo comes back with its bytes.
    const [problem] = await recovered.problems.toArray();
    const photo = await recovered.attachments.get(problem!.afterPhotos[0]!.attachmentId);
    expect(await attachmentBytes(photo!)).toEqual(PNG);
    const [restored] = await recovered.handoffs.toArray();
    expect(restored?.place).toBe(
      'eco-desk-backup-20261128-daily.zip（原数据库“eco-desk”无法打开，保留未动）',
    );
    recovered.close();
    const untouched = new EcoDeskDb(DATABASE_NAME);
    expect(await untouched.villages.toArray()).toEqual([
      { id: 'after-backup', name: '备份后新建的村' },
    ]);
    untouched.close();
  });

  it('leaves nothing behind when the backup cannot be written: no new database, the app still points at the old one', async () => {
    const tables = await backupTables();
    // The photo's bytes cannot be read halfway through the write: the strict transaction fails.
    const unreadable = () => {
      throw new Error('读不出照片');
    };
    await expect(
      recoverIntoNewDatabase({ tables, attachment: unreadable, log }, AT),
    ).rejects.toThrow('读不出照片');
    expect(await Dexie.getDatabaseNames()).not.toContain('eco-desk-recovered-20261129T101500');
    expect(storage.has(DATABASE_KEY)).toBe(false);
    expect(activeDatabaseName()).toBe(DATABASE_NAME);
  });

  it('never writes into or deletes a database that already has the new name', async () => {
    const existing = new EcoDeskDb('eco-desk-recovered-20261129T101500');
    await existing.villages.put({ id: 'kept', name: '已有的村' } as never);
    existing.close();
    await expect(
      recoverIntoNewDatabase(
        { tables: await backupTables(), attachment: () => new Uint8Array(), log },
        AT,
      ),
    ).rejects.toThrow('刚刚已经恢复过一次');
    const still = new EcoDeskDb('eco-desk-recovered-20261129T101500');
    expect(await still.villages.toArray()).toEqual([{ id: 'kept', name: '已有的村' }]);
    still.close();
    expect(storage.has(DATABASE_KEY)).toBe(false);
  });

  it('opens the usual database when the stored choice is not a recovered one', () => {
    storage.set(DATABASE_KEY, 'something-else');
    expect(activeDatabaseName()).toBe(DATABASE_NAME);
  });
});

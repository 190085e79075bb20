import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArrivingPackage } from '@shared/domain/county';
import { prepareFirstAccount } from './repositories/accountRepo';
import {
  completeCountySetup,
  installationKind,
  judgePackage,
  loadOverview,
  loadTownDrill,
  receivePackage,
  registerTown,
  rekeyTown,
} from './repositories/countyRepo';
import { EcoDeskDb } from './schema';
import { bytesToHex } from '@noble/hashes/utils.js';
import { fingerprint, newKeyPair, signManifest, verifyPackage } from '@shared/handoff/package';
import { buildPackage, EVERYTHING, type Signer } from './packageBuilder';
import { assertRecords } from './packageRecords';
import { commitRestore, planRestore } from './repositories/handoffRepo';
import { createFeedbackList } from './repositories/countyFeedbackRepo';
import { endSession } from './session';
import { attachmentBytes, attachmentType } from './attachments';

/**
 * The county desk on Chromium's real IndexedDB: each town's records kept apart, a package taken
 * only as its verdict allows, and every step in the county's own history.
 */

let db: EcoDeskDb;
let counter = 0;
beforeEach(async () => {
  counter += 1;
  db = new EcoDeskDb(`county-${counter}`);
  await completeCountySetup(db, {
    county: '绿水县',
    account: await prepareFirstAccount({
      name: '刘科长',
      password: 'county-2026',
      repeat: 'county-2026',
    }),
  });
});
afterEach(async () => {
  endSession();
  db.close();
  await Dexie.delete(db.name);
});

const NOW = '2026-11-30T09:00:00.000Z';
const item = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  number: `2026-镇督-${id}`,
  source: 'town',
  category: '人居环境',
  status: 'pending',
  villageId: 'v1',
  description: '沟渠旁积存建筑垃圾',
  foundOn: '2026-11-05',
  deadline: '2026-11-15',
  responsiblePerson: '张三',
  createdAt: NOW,
  updatedAt: NOW,
  updatedBy: '张环保',
  ...over,
});
const arriving = (townName: string, over: Partial<ArrivingPackage> = {}): ArrivingPackage => ({
  sha256: `${townName}-1`,
  townName,
  fingerprint: `${townName}-KEY`,
  createdAt: NOW,
  period: { from: '', to: '' },
  ...over,
});
const tablesOf = (problems: unknown[]) => ({
  villages: [{ id: 'v1', name: '东村', order: 1 }],
  problems,
});

describe('the county desk', () => {
  it('is a county installation with no town of its own', async () => {
    expect(await installationKind(db)).toBe('county');
    expect(await db.town.count()).toBe(0);
  });

  it('keeps two towns’ records apart though their ids are the same', async () => {
    for (const name of ['青山镇', '绿水镇'])
      await registerTown(db, { name, publicKey: 'aa', fingerprint: `${name}-KEY` });
    await receivePackage(db, {
      arriving: arriving('青山镇'),
      fileName: 'qs.zip',
      counts: {},
      tables: tablesOf([item('1'), item('2', { deadline: '2026-12-31' })]),
    });
    await receivePackage(db, {
      arriving: arriving('绿水镇'),
      fileName: 'ls.zip',
      counts: {},
      tables: tablesOf([item('1', { status: 'closed' })]),
    });
    const rows = await loadOverview(db, '2026-11', '2026-12-02');
    expect(rows.map((r) => [r.town, r.open, r.overdue])).toEqual([
      ['绿水镇', 0, 0],
      ['青山镇', 2, 1],
    ]);
    const qs = rows.find((r) => r.town === '青山镇')!;
    expect(
      (await loadTownDrill(db, qs.townId, 100, '2026-12-02'))?.problems.map((p) => p.number),
    ).toEqual(['2026-镇督-1', '2026-镇督-2']);
  });

  it('writes nothing for an unregistered town, another key or the same file twice', async () => {
    const first = await receivePackage(db, {
      arriving: arriving('青山镇'),
      fileName: 'qs.zip',
      counts: {},
      tables: tablesOf([item('1')]),
    });
    expect(first.verdict.kind).toBe('unregistered');
    expect(await db.countyRecords.count()).toBe(0);
    await registerTown(db, { name: '青山镇', publicKey: 'aa', fingerprint: '青山镇-KEY' });
    const forged = await receivePackage(db, {
      arriving: arriving('青山镇', { fingerprint: 'OTHER' }),
      fileName: 'forged.zip',
      counts: {},
      tables: tablesOf([item('1')]),
    });
    expect(forged.verdict.kind).toBe('wrongKey');
    expect(await db.countyPackages.count()).toBe(0);
    await receivePackage(db, {
      arriving: arriving('青山镇'),
      fileName: 'qs.zip',
      counts: {},
      tables: tablesOf([item('1')]),
    });
    const entries = await db.audit.count();
    const again = await receivePackage(db, {
      arriving: arriving('青山镇'),
      fileName: 'qs-copy.zip',
      counts: {},
      tables: tablesOf([item('1')]),
    });
    expect(again.verdict.kind).toBe('duplicate');
    expect(await db.countyPackages.count()).toBe(1);
    expect(await db.audit.count()).toBe(entries);
  });

  it('keeps an older package without replacing the newer records, and a newer one replaces', async () => {
    await registerTown(db, { name: '青山镇', publicKey: 'aa', fingerprint: '青山镇-KEY' });
    const receive = (sha: string, createdAt: string, status: string) =>
      receivePackage(db, {
        arriving: arriving('青山镇', { sha256: sha, createdAt }),
        fileName: `${sha}.zip`,
        counts: {},
        tables: tablesOf([item('1', { status })]),
      });
    await receive('b', '2026-11-30T09:00:00.000Z', 'inProgress');
    const older = await receive('a', '2026-11-20T09:00:00.000Z', 'pending');
    expect(older.verdict.kind).toBe('older');
    const town = (await db.countyTowns.toArray())[0]!;
    const status = async () =>
      (await loadTownDrill(db, town.id, 100, '2026-12-02'))?.problems[0]?.status;
    expect(await status()).toBe('inProgress');
    await receive('c', '2026-12-01T09:00:00.000Z', 'closed');
    expect(await status()).toBe('closed');
    // Each receipt is the county's own history, by its account.
    const receipts = (await db.audit.toArray()).filter((e) => e.table === 'countyPackages');
    expect(receipts.map((e) => e.actor)).toEqual(['刘科长', '刘科长', '刘科长']);
  });

  it('re-keys a town only with a reason, keeps the old key, and refuses what the old key signs', async () => {
    const town = await registerTown(db, {
      name: '青山镇',
      publicKey: 'aa',
      fingerprint: '青山镇-KEY',
    });
    await expect(
      rekeyTown(db, { townId: town.id, publicKey: 'bb', fingerprint: 'NEW-KEY', reason: ' ' }),
    ).rejects.toThrow('请写明为什么更换密钥');
    expect((await db.countyTowns.get(town.id))!.fingerprint).toBe('青山镇-KEY');
    const after = await rekeyTown(db, {
      townId: town.id,
      publicKey: 'bb',
      fingerprint: 'NEW-KEY',
      reason: '旧电脑硬盘损坏',
    });
    expect(after).toMatchObject({ fingerprint: 'NEW-KEY', publicKey: 'bb' });
    expect(after.previousKeys.map(({ until, ...k }) => ({ ...k, dated: until > '2026' }))).toEqual([
      { fingerprint: '青山镇-KEY', by: '刘科长', reason: '旧电脑硬盘损坏', dated: true },
    ]);
    const old = await receivePackage(db, {
      arriving: arriving('青山镇'),
      fileName: 'old.zip',
      counts: {},
      tables: tablesOf([item('1')]),
    });
    expect(old.verdict).toMatchObject({ kind: 'wrongKey', kept: false });
    expect(old.verdict.message).toContain('更换密钥前的电脑签的');
    const taken = await receivePackage(db, {
      arriving: arriving('青山镇', { fingerprint: 'NEW-KEY', sha256: 'new-1' }),
      fileName: 'new.zip',
      counts: {},
      tables: tablesOf([item('1')]),
    });
    expect(taken.verdict.kind).toBe('current');
    const entry = (await db.audit.toArray()).find(
      (e) => e.table === 'countyTowns' && e.action === 'update',
    );
    expect(entry).toMatchObject({
      actor: '刘科长',
      label: '青山镇更换密钥：青山镇-KEY → NEW-KEY',
      reason: '已与该镇核对新的签名指纹；旧电脑硬盘损坏',
    });
  });

  it('counts 巡查达标 by the county’s rules: the chiefs who patrolled what was owed', async () => {
    await registerTown(db, { name: '青山镇', publicKey: 'aa', fingerprint: '青山镇-KEY' });
    const patrol = (id: string, segmentId: string, chiefId: string, date: string) => ({
      id,
      segmentId,
      chiefId,
      date,
    });
    await receivePackage(db, {
      arriving: arriving('青山镇'),
      fileName: 'qs.zip',
      counts: {},
      tables: {
        ...tablesOf([]),
        people: [
          { id: 'c1', name: '东村河长', roles: ['villageRiverChief'] },
          { id: 'c2', name: '镇河长', roles: ['townRiverChief'] },
        ],
        rivers: [
          {
            id: 'r1',
            name: '东河',
            segments: [
              { id: 's1', name: '东村段', level: 'village', chiefId: 'c1' },
              { id: 's2', name: '镇区段', level: 'town', chiefId: 'c2' },
            ],
          },
        ],
        // November (30 days, over by 12-02): the village chief owes floor(30 / 7) = 4 and did 4;
        // the town chief owes 1 and did none. One of two: 50%.
        riverPatrols: [
          patrol('p1', 's1', 'c1', '2026-11-02'),
          patrol('p2', 's1', 'c1', '2026-11-09'),
          patrol('p3', 's1', 'c1', '2026-11-16'),
          patrol('p4', 's1', 'c1', '2026-11-23'),
        ],
      },
    });
    const [november] = await loadOverview(db, '2026-11', '2026-12-02');
    expect(november).toMatchObject({ patrols: 4, patrolCompliance: 0.5 });
    // December on its second day: nothing owed yet by either (floor(2 / 7) = 0; the month's
    // once only at its end), so both are on track.
    const [december] = await loadOverview(db, '2026-12', '2026-12-02');
    expect(december).toMatchObject({ patrols: 0, patrolCompliance: 1 });
  });

  it('backs up the county desk whole and restores it onto a new PC, signed in again after', async () => {
    const town = await registerTown(db, {
      name: '青山镇',
      publicKey: 'ab'.repeat(32),
      fingerprint: '青山镇-KEY',
    });
    await receivePackage(db, {
      arriving: arriving('青山镇', { sha256: 'cd'.repeat(32) }),
      fileName: '青山镇-2026-11.zip',
      counts: { problems: 2 },
      tables: tablesOf([item('1'), item('2', { deadline: '2026-12-31' })]),
    });
    const list = await createFeedbackList(db, {
      townId: town.id,
      batch: '绿水县环督〔2026〕12号',
      issuedOn: '2026-12-01',
    });
    const keys = newKeyPair();
    const signer: Signer = {
      getIdentity: () =>
        Promise.resolve({
          publicKey: bytesToHex(keys.publicKey),
          fingerprint: fingerprint(keys.publicKey),
        }),
      signManifest: (m) =>
        Promise.resolve({ status: 'signed', signature: signManifest(m, keys.secretKey) }),
    };
    const built = await buildPackage(db, EVERYTHING, signer, { appVersion: '0.1.0', backup: true });
    expect(built.manifest).toMatchObject({ backup: true, town: { name: '绿水县（县级工作台）' } });
    expect(built.manifest.counts).toMatchObject({
      countyTowns: 1,
      countyPackages: 1,
      countyRecords: 3,
      countyFeedback: 1,
      accounts: 1,
    });
    const backup = verifyPackage(built.data);
    if (!backup.ok) throw new Error(backup.problem);

    // A new PC: nothing on it yet.
    endSession();
    const fresh = new EcoDeskDb(`county-restored-${counter}`);
    try {
      const preview = await planRestore(fresh, backup.tables);
      expect(preview.tables.find((t) => t.table === 'countyTowns')).toMatchObject({
        now: 0,
        after: 1,
      });
      await commitRestore(fresh, {
        tables: backup.tables,
        attachment: (id) => backup.entry(`attachments/${id}`),
        log: {
          place: '绿水县-备份.zip',
          sha256: '',
          size: built.data.length,
          period: backup.manifest.period,
          counts: backup.manifest.counts,
          fingerprint: backup.fingerprint,
        },
      });
      expect(await installationKind(fresh)).toBe('county');
      expect((await fresh.countyTowns.toArray()).map((t) => t.fingerprint)).toEqual(['青山镇-KEY']);
      expect(await fresh.countyFeedback.get(list.id)).toMatchObject({ batch: list.batch });
      const rows = await loadOverview(fresh, '2026-11', '2026-12-02');
      expect(rows.map((r) => [r.town, r.open])).toEqual([['青山镇', 2]]);
      // The same package again is known there: received before, nothing would change.
      const again = await judgePackage(fresh, arriving('青山镇', { sha256: 'cd'.repeat(32) }), {});
      expect(again.verdict.kind).toBe('duplicate');
      // The county's account came with it (a new PC has none): a sign-in is needed from now on.
      expect((await fresh.accounts.toArray()).map((a) => a.name)).toEqual(['刘科长']);
    } finally {
      fresh.close();
      await Dexie.delete(fresh.name);
    }
  });

  it('a county’s records too many for one entry go in parts: backup, verify, restore, every record and photo back', async () => {
    // Three towns of 1,000 items each (about 1.3 MB of JSON at the county), in parts of 50 kB:
    // the same path as 20 towns of ten years (1 GB) in parts of 64 MiB.
    const towns = ['青山镇', '红石镇', '白沙镇'];
    for (const [t, name] of towns.entries()) {
      await registerTown(db, { name, publicKey: `${t}`.repeat(64), fingerprint: `${name}-KEY` });
      await receivePackage(db, {
        arriving: arriving(name, { sha256: `${t}`.repeat(64) }),
        fileName: `${name}.zip`,
        counts: { problems: 1000 },
        tables: tablesOf(
          Array.from({ length: 1000 }, (_, i) =>
            item(
              String(i).padStart(4, '0'),
              i % 3 ? {} : { status: 'closed', closedOn: '2026-11-20' },
            ),
          ),
        ),
      });
    }
    // Photos on the county desk (its own files), to come back byte for byte.
    const photo = (n: number) =>
      new Uint8Array([0xff, 0xd8, 0xff, 0xe0, n, ...new Array<number>(3000).fill(n)]);
    await db.attachments.bulkPut([
      { id: 'photo-1', blob: new Blob([photo(1)], { type: 'image/jpeg' }) },
      { id: 'photo-2', blob: new Blob([photo(2)], { type: 'image/jpeg' }) },
    ]);
    const stored = await db.countyRecords.count();
    expect(stored).toBe(3 * 1001);
    const keys = newKeyPair();
    const signer: Signer = {
      getIdentity: () =>
        Promise.resolve({
          publicKey: bytesToHex(keys.publicKey),
          fingerprint: fingerprint(keys.publicKey),
        }),
      signManifest: (m) =>
        Promise.resolve({ status: 'signed', signature: signManifest(m, keys.secretKey) }),
    };
    const built = await buildPackage(db, EVERYTHING, signer, {
      appVersion: '0.1.0',
      backup: true,
      partBytes: 50_000,
    });
    expect(built.manifest.formatVersion).toBe(3);
    const parts = built.manifest.parts?.countyRecords ?? [];
    expect(parts.length).toBeGreaterThan(10);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(stored);
    const partEntries = built.manifest.entries.filter((e) =>
      /^records\/countyRecords(\.\d+)?\.json$/.test(e.name),
    );
    expect(partEntries).toHaveLength(parts.length);
    for (const e of partEntries) expect(e.size).toBeLessThanOrEqual(50_000);
    // The small tables stay one entry each.
    expect(Object.keys(built.manifest.parts ?? {})).toEqual(['countyRecords']);
    const backup = verifyPackage(built.data);
    if (!backup.ok) throw new Error(backup.problem);
    expect(backup.tables.countyRecords).toHaveLength(stored);

    endSession();
    const fresh = new EcoDeskDb(`county-parts-${counter}`);
    try {
      await planRestore(fresh, backup.tables);
      await commitRestore(fresh, {
        tables: backup.tables,
        attachment: (id) => backup.entry(`attachments/${id}`),
        log: {
          place: '示例县-备份.zip',
          sha256: '',
          size: built.data.length,
          period: backup.manifest.period,
          counts: backup.manifest.counts,
          fingerprint: backup.fingerprint,
        },
      });
      expect(await fresh.countyRecords.count()).toBe(stored);
      const original = await db.countyRecords.toArray();
      const back = await fresh.countyRecords.toArray();
      expect(back).toEqual(original);
      for (const n of [1, 2]) {
        const stored = (await fresh.attachments.get(`photo-${n}`))!;
        expect(attachmentType(stored)).toBe('image/jpeg');
        expect(await attachmentBytes(stored)).toEqual(photo(n));
      }
      // The overview as it was: of each town's 1,000 items every third (0, 3, …, 999: 334)
      // closed, 666 open.
      const overview = await loadOverview(fresh, '2026-11', '2026-12-02');
      expect(overview.map((r) => [r.town, r.open]).sort()).toEqual(
        towns.map((t) => [t, 666]).sort(),
      );
      expect(overview).toEqual(await loadOverview(db, '2026-11', '2026-12-02'));
    } finally {
      fresh.close();
      await Dexie.delete(fresh.name);
    }
  });

  it('refuses a county’s tables in a package to import', () => {
    expect(() =>
      assertRecords({ countyTowns: [{ id: 'x' }] }, { purpose: 'import', held: {} }),
    ).toThrow('数据交换包里带有“登记的乡镇”的记录（1 条）');
  });

  it('keeps each town’s overview digest when its package comes, so a restart reads no records', async () => {
    await registerTown(db, { name: '青山镇', publicKey: 'aa', fingerprint: '青山镇-KEY' });
    await receivePackage(db, {
      arriving: arriving('青山镇'),
      fileName: 'qs.zip',
      counts: {},
      tables: tablesOf([item('1'), item('2', { deadline: '2026-12-31' })]),
    });
    const digest = await db.countyDigests.toArray();
    expect(digest).toHaveLength(1);
    // The app started again (a new connection, nothing in memory), the records out of reach:
    // the overview is the digest's.
    const again = new EcoDeskDb(db.name);
    try {
      // The drill-down reads the items it shows, in its kept order, and counts from the digest.
      const [town] = await again.countyTowns.toArray();
      const drill = await loadTownDrill(again, town!.id, 1, '2026-12-02');
      expect(drill?.total).toBe(2);
      expect(drill?.problems.map((p) => p.number)).toEqual(['2026-镇督-1']);
      expect(drill?.stats.bySource.town).toMatchObject({ open: 2, overdue: 1 });
      await again.countyRecords.clear();
      const [row] = await loadOverview(again, '2026-11', '2026-12-02');
      expect(row).toMatchObject({ town: '青山镇', open: 2, overdue: 1 });
    } finally {
      again.close();
    }
    // An older package kept without its data re-stamps the digest, and changes no figure.
    await receivePackage(db, {
      arriving: arriving('青山镇', { sha256: 'older', createdAt: '2026-11-01T09:00:00.000Z' }),
      fileName: 'qs-old.zip',
      counts: {},
      tables: tablesOf([]),
    });
    const [restamped] = await db.countyDigests.toArray();
    expect(restamped!.stamp).not.toBe(digest[0]!.stamp);
    expect(restamped!.stamp).toContain('older@');
  });
});

import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bytesToHex } from '@noble/hashes/utils.js';
import ExcelJS from 'exceljs';
import { fingerprint, newKeyPair, signManifest, verifyPackage } from '@shared/handoff/package';
import { buildPackage, type Signer } from './packageBuilder';
import { loadDemoData } from './repositories/demoRepo';
import { commitImport, HANDOFF_TABLES, planImport } from './repositories/handoffRepo';
import { addProblemPhoto, createProblem } from './repositories/problemRepo';
import { completeSetup, saveTown } from './repositories/townRepo';
import { saveVillage } from './repositories/villageRepo';
import { EcoDeskDb } from './schema';
import { attachmentBytes, attachmentType, listAttachments } from './attachments';

let source: EcoDeskDb;
let target: EcoDeskDb;
let counter = 0;
beforeEach(async () => {
  counter += 1;
  source = new EcoDeskDb(`handoff-source-${counter}`);
  target = new EcoDeskDb(`handoff-target-${counter}`);
  await completeSetup(source, {
    town: { name: '青山镇', county: '绿水县' },
    operator: '张环保',
    villageNames: ['张家村', '李家村', '王家村'],
  });
});
afterEach(async () => {
  for (const db of [source, target]) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const keys = newKeyPair();
const ALL = { from: '', to: '', assessment: true, ledger: true, attachments: true };

/** Signs as the main process does, with a key of its own. */
const signer: Signer = {
  getIdentity: () =>
    Promise.resolve({
      publicKey: bytesToHex(keys.publicKey),
      fingerprint: fingerprint(keys.publicKey),
    }),
  signManifest: (manifest) =>
    Promise.resolve({ status: 'signed', signature: signManifest(manifest, keys.secretKey) }),
};

/** The app's own export (in its packing workers, as in the app), readable copies included. */
async function exportPackage(db: EcoDeskDb) {
  return (await buildPackage(db, ALL, signer, { appVersion: '0.1.0', readable: true })).data;
}

async function importPackage(db: EcoDeskDb, data: Uint8Array) {
  const verified = verifyPackage(data);
  if (!verified.ok) throw new Error(verified.problem);
  const plan = await planImport(db, verified.tables);
  const written = await commitImport(db, {
    plan,
    decisions: new Map(),
    attachment: (id) => verified.entry(`attachments/${id}`),
    log: {
      place: 'test.zip',
      sha256: '',
      size: data.length,
      period: verified.manifest.period,
      counts: verified.manifest.counts,
      fingerprint: verified.fingerprint,
    },
  });
  return { plan, written };
}

const dump = async (db: EcoDeskDb, table: string) => {
  const rows = (await db.table(table).toArray()) as { id?: string; key?: string }[];
  return rows.sort((a, b) => String(a.id ?? a.key).localeCompare(String(b.id ?? b.key)));
};

describe('export → import into another PC set up for the town', () => {
  it('gives back every table exactly, photos included; a second import writes nothing', async () => {
    // A year of the demo with its photos (after-photos, deduction and patrol photos).
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
    const { photos } = await loadDemoData(source, 1, undefined, [jpeg]);
    expect(photos).toBeGreaterThan(100);
    const problem = await createProblem(source, {
      source: 'town',
      category: '人居环境',
      place: '',
      description: '沟渠旁积存建筑垃圾',
      foundOn: '2026-05-01',
      deadline: '2026-05-16',
      responsiblePerson: '张三',
      responsibleLeader: '',
    });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    await addProblemPhoto(source, problem.id, {
      kind: 'before',
      file: { name: 'a.png', data: png },
      thumbnail: new Blob([png], { type: 'image/png' }),
    });
    // Its original as an earlier version stored every file: a Blob (this version keeps bytes).
    const [original] = (await source.problems.get(problem.id))!.beforePhotos;
    await source.attachments.put({
      id: original!.attachmentId,
      blob: new Blob([png], { type: 'image/png' }),
    });
    const data = await exportPackage(source);
    // The readable ledger names the village and the item, for people at the county.
    const verified = verifyPackage(data);
    if (!verified.ok) throw new Error(verified.problem);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(verified.entry('readable/问题整改台账.xlsx').slice().buffer);
    const ledger = workbook.worksheets[0]!;
    expect(ledger.rowCount).toBe((await source.problems.count()) + 1);
    const lines: string[] = [];
    ledger.eachRow((row) => lines.push((row.values as unknown[]).join('|')));
    expect(lines.find((l) => l.includes('沟渠旁积存建筑垃圾'))).toContain('|2026-05-16|张三|');

    // A package is imported into a PC set up for the town (it never brings the town).
    await expect(importPackage(target, data)).rejects.toThrow('这台电脑还没有设置乡镇');
    await saveTown(target, { name: '青山镇', county: '绿水县' });
    const { plan } = await importPackage(target, data);
    expect(plan.counts.rejected).toBe(0);
    expect(plan.counts.new).toBeGreaterThan(2000);

    // The town and the settings are this PC's own: a package never carries them.
    expect((await target.town.toArray()).map((t) => t.updatedBy)).toEqual(['未设置操作员']);
    for (const table of Object.keys(HANDOFF_TABLES)) {
      if (
        table === 'town' ||
        table === 'settings' ||
        table === 'audit' ||
        table === 'handoffs' ||
        table === 'attachments'
      )
        continue;
      expect(await dump(target, table), table).toEqual(await dump(source, table));
    }
    // Every audit entry of the source is there but the town's, which stays with it (the
    // target adds its own import entries).
    const targetAudit = new Set((await target.audit.toArray()).map((e) => e.id));
    const sourceAudit = await source.audit.toArray();
    expect(sourceAudit.filter((e) => !targetAudit.has(e.id)).map((e) => e.table)).toEqual(['town']);
    // Photos: every one arrives, with the same bytes and type.
    expect(await target.attachments.count()).toBe(await source.attachments.count());
    const demoPhoto = (await source.problems.toArray()).find((p) => p.afterPhotos.length > 0)!;
    const arrived = await target.attachments.get(demoPhoto.afterPhotos[0]!.attachmentId);
    expect(attachmentType(arrived!)).toBe('image/jpeg');
    expect(await attachmentBytes(arrived!)).toEqual(jpeg);
    const [before] = (await target.problems.get(problem.id))!.beforePhotos;
    const stored = (await target.attachments.get(before!.attachmentId))!;
    expect(await attachmentBytes(stored)).toEqual(png);
    expect(attachmentType(stored)).toBe('image/png');
    // Kept here as bytes in the record, whatever form it had there.
    expect('bytes' in stored).toBe(true);
    // What the files are, a page at a time: the same list whatever the page.
    const listed = await listAttachments(target);
    expect(listed).toHaveLength(await target.attachments.count());
    expect(await listAttachments(target, 7)).toEqual(listed);
    expect(listed.find((a) => a.id === before!.attachmentId)).toEqual({
      id: before!.attachmentId,
      type: 'image/png',
      size: png.length,
    });
    // The ledger's tally was rebuilt from the imported items.
    expect(await dump(target, 'ledgerTally')).toEqual(await dump(source, 'ledgerTally'));

    const again = await importPackage(target, data);
    expect(again.written).toEqual({});
    expect(again.plan.counts.new).toBe(0);
  });

  it('a change made at the town after the first hand-off arrives as "changed"', async () => {
    await saveTown(target, { name: '青山镇', county: '绿水县' });
    const first = await exportPackage(source);
    await importPackage(target, first);
    const village = (await source.villages.toArray())[0]!;
    await saveVillage(source, village.id, { ...village, secretary: '王书记' });
    const { plan, written } = await importPackage(target, await exportPackage(source));
    expect(plan.counts.changed).toBe(1);
    expect(written.villages).toBe(1);
    expect((await target.villages.get(village.id))?.secretary).toBe('王书记');
  });
});

describe('the months a package covers', () => {
  it('are those of its dated records when none were chosen, else the chosen ones', async () => {
    const item = (foundOn: string, deadline: string) =>
      createProblem(source, {
        source: 'town',
        category: '人居环境',
        place: '',
        description: '沟渠旁积存建筑垃圾',
        foundOn,
        deadline,
        responsiblePerson: '张三',
        responsibleLeader: '',
      });
    await item('2026-05-01', '2026-05-16');
    await item('2025-03-10', '2025-03-25');
    await item('2025-12-31', '2026-01-15');
    const whole = await buildPackage(source, ALL, signer, { appVersion: '0.1.0' });
    expect(whole.manifest.period).toEqual({ from: '2025-03', to: '2026-05' });
    const chosen = { ...ALL, from: '2025-12', to: '2026-02' };
    const part = await buildPackage(source, chosen, signer, { appVersion: '0.1.0' });
    expect(part.manifest.period).toEqual({ from: '2025-12', to: '2026-02' });
    expect(part.manifest.counts.problems).toBe(1);
  });
});

describe('readable copies made elsewhere', () => {
  it('go into the package as given, listed and hashed like every entry (the briefing’s PDF)', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7 示例镇2026年10月生态环境工作通报');
    const { data, manifest } = await buildPackage(source, ALL, signer, {
      appVersion: '0.1.0',
      readable: true,
      files: { 'readable/月度通报-2026-10.pdf': pdf },
    });
    const verified = verifyPackage(data);
    if (!verified.ok) throw new Error(verified.problem);
    expect(verified.entry('readable/月度通报-2026-10.pdf')).toEqual(pdf);
    expect(manifest.entries.map((e) => e.name).filter((n) => n.startsWith('readable/'))).toEqual([
      'readable/月度通报-2026-10.pdf',
      'readable/考核结果.xlsx',
      'readable/问题整改台账.xlsx',
    ]);
    // The caller keeps its bytes.
    expect(pdf.length).toBeGreaterThan(0);
  });

  it('may not take a name that would not verify', async () => {
    await expect(
      buildPackage(source, ALL, signer, {
        appVersion: '0.1.0',
        files: { '../月度通报.pdf': new Uint8Array([1]) },
      }),
    ).rejects.toThrow('unusable entry name');
  });
});

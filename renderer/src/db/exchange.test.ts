import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bytesToHex } from '@noble/hashes/utils.js';
import { fingerprint, newKeyPair, signManifest, verifyPackage } from '@shared/handoff/package';
import { decisionKey, type Decision } from '@shared/handoff/merge';
import { buildPackage, EVERYTHING, type Signer } from './packageBuilder';
import { listAudit } from './repositories/auditRepo';
import {
  commitImport,
  commitRestore,
  logExport,
  planImport,
  planRestore,
} from './repositories/handoffRepo';
import {
  addProblemPhoto,
  addProgress,
  applyWorkflow,
  createProblem,
  extendDeadline,
} from './repositories/problemRepo';
import { completeSetup } from './repositories/townRepo';
import { ensureStandards } from './repositories/assessmentRepo';
import { EcoDeskDb } from './schema';
import { chainHead, INSTALLATION_KEY } from './writeContext';

/**
 * Two PCs of one office exchanging packages both ways, on Chromium's real IndexedDB: what each
 * changed arrives, nothing the other entered is dropped, and the history agrees with the record.
 */

let pc1: EcoDeskDb;
let pc2: EcoDeskDb;
let counter = 0;
beforeEach(async () => {
  counter += 1;
  pc1 = new EcoDeskDb(`exchange-pc1-${counter}`);
  pc2 = new EcoDeskDb(`exchange-pc2-${counter}`);
  await pc1.open();
  await pc2.open();
  await ensureStandards(pc1);
  await ensureStandards(pc2);
  await completeSetup(pc1, {
    town: { name: '青山镇', county: '绿水县' },
    operator: '张环保',
    villageNames: ['张家村', '李家村', '王家村'],
  });
});
afterEach(async () => {
  for (const db of [pc1, pc2]) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const keys = { pc1: newKeyPair(), pc2: newKeyPair() };
const signerOf = (k: { publicKey: Uint8Array; secretKey: Uint8Array }): Signer => ({
  getIdentity: () =>
    Promise.resolve({ publicKey: bytesToHex(k.publicKey), fingerprint: fingerprint(k.publicKey) }),
  signManifest: (m) =>
    Promise.resolve({ status: 'signed', signature: signManifest(m, k.secretKey) }),
});

async function handOff(from: EcoDeskDb, signer: Signer, { backup = false } = {}) {
  return (await buildPackage(from, EVERYTHING, signer, { appVersion: '0.1.0', backup })).data;
}

async function receive(
  into: EcoDeskDb,
  data: Uint8Array,
  decide: (plan: Awaited<ReturnType<typeof planImport>>) => Map<string, Decision> = () => new Map(),
) {
  const verified = verifyPackage(data);
  if (!verified.ok) throw new Error(verified.problem);
  const plan = await planImport(into, verified.tables);
  const written = await commitImport(into, {
    plan,
    decisions: decide(plan),
    attachment: (id) => verified.entry(`attachments/${id}`),
    log: {
      place: 'U盘.zip',
      sha256: '',
      size: data.length,
      period: verified.manifest.period,
      counts: verified.manifest.counts,
      fingerprint: verified.fingerprint,
    },
  });
  return { plan, written, verified };
}

const problemForm = {
  source: 'town' as const,
  category: '人居环境',
  place: '村口',
  description: '沟渠旁积存建筑垃圾',
  foundOn: '2026-11-02',
  deadline: '2026-11-17',
  responsiblePerson: '张三',
  responsibleLeader: '',
};

const setOperator = (db: EcoDeskDb, name: string) =>
  db.settings.put({ key: 'operator', value: name });

describe('an item changed on both PCs since their last exchange', () => {
  it('keeps both: 开始整改 and a note from PC2, a note from PC1; then both PCs agree', async () => {
    const item = await createProblem(pc1, problemForm);
    await receive(pc2, await handOff(pc1, signerOf(keys.pc1)));
    await setOperator(pc2, '李干事');
    // Then, on each PC, before any exchange: PC1 adds a note; PC2 starts and adds a note.
    await addProgress(pc1, item.id, '已通知村里清运');
    await applyWorkflow(pc2, item.id, { type: 'start' });
    await addProgress(pc2, item.id, '村里已安排两台三轮车');

    // PC2's package at PC1: merged by itself, nothing to choose.
    const { plan } = await receive(pc1, await handOff(pc2, signerOf(keys.pc2)));
    const entry = plan.items.find((i) => i.table === 'problems' && i.id === item.id)!;
    expect(entry.kind).toBe('merged');
    expect(plan.counts.conflict).toBe(0);
    const atPc1 = (await pc1.problems.get(item.id))!;
    expect(atPc1.status).toBe('inProgress');
    expect(atPc1.progress.map((n) => n.text).sort()).toEqual(
      ['已通知村里清运', '村里已安排两台三轮车'].sort(),
    );
    // The history's newest entry is the record as stored.
    const [newest] = await listAudit(pc1, { table: 'problems', recordId: item.id });
    expect(newest?.action).toBe('merge');
    expect(newest?.after).toEqual(atPc1);

    // Back to PC2: PC1's record has seen everything PC2 did: taken as it is, no question.
    const back = await receive(pc2, await handOff(pc1, signerOf(keys.pc1)));
    expect(back.plan.items.find((i) => i.id === item.id)?.kind).toBe('changed');
    expect(await pc2.problems.get(item.id)).toEqual(atPc1);
    // And the same package again changes nothing.
    const again = await receive(pc2, await handOff(pc1, signerOf(keys.pc1)));
    expect(again.plan.counts.changed + again.plan.counts.merged + again.plan.counts.new).toBe(0);
  });

  it('asks about what both changed differently, and keeps what the user chose', async () => {
    const item = await createProblem(pc1, problemForm);
    await receive(pc2, await handOff(pc1, signerOf(keys.pc1)));
    // Both PCs extend the deadline, to different days; PC1 also adds a note.
    await extendDeadline(pc1, item.id, '2026-11-27', '雨天无法施工');
    await addProgress(pc1, item.id, '已联系施工队');
    await extendDeadline(pc2, item.id, '2026-11-30', '等待挖机');
    const { plan, verified } = await receive(pc1, await handOff(pc2, signerOf(keys.pc2)), (p) => {
      const entry = p.items.find((i) => i.id === item.id)!;
      expect(entry.kind).toBe('conflict');
      // One question: the deadline with its extensions (a group); the note merged by itself.
      expect(entry.fields?.filter((f) => !f.auto).map((f) => f.fields)).toEqual([
        ['deadline', 'originalDeadline', 'extensions'],
      ]);
      return new Map([[decisionKey(entry), { fields: { deadline: 'incoming' as const } }]]);
    });
    expect(verified.ok).toBe(true);
    expect(plan.counts.conflict).toBe(1);
    const stored = (await pc1.problems.get(item.id))!;
    expect(stored.deadline).toBe('2026-11-30');
    expect(stored.extensions.map((e) => e.reason)).toEqual(['等待挖机']);
    expect(stored.originalDeadline).toBe('2026-11-17');
    expect(stored.progress.map((n) => n.text)).toEqual(['已联系施工队']);
    const [newest] = await listAudit(pc1, { table: 'problems', recordId: item.id });
    expect(newest?.after).toEqual(stored);
  });
});

describe('photos', () => {
  it('travel with their size and type, and the same photos coming back are the same', async () => {
    const item = await createProblem(pc1, problemForm);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5]);
    await addProblemPhoto(pc1, item.id, {
      kind: 'before',
      file: { name: '现场.png', data: png },
      thumbnail: new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9])], { type: 'image/jpeg' }),
    });
    const sent = await handOff(pc1, signerOf(keys.pc1));
    const verified = verifyPackage(sent);
    if (!verified.ok) throw new Error(verified.problem);
    expect(
      (verified.tables.attachments as { type: string; size: number }[])
        .map((a) => `${a.type} ${a.size}`)
        .sort(),
    ).toEqual(['image/jpeg 5', 'image/png 13']);
    await receive(pc2, sent);
    const back = await receive(pc1, await handOff(pc2, signerOf(keys.pc2)));
    expect(back.plan.items.filter((i) => i.table === 'attachments').map((i) => i.kind)).toEqual([
      'unchanged',
      'unchanged',
    ]);
  });
});

describe('two PCs numbering their new items independently', () => {
  it('keeps every item: the one arriving with a number taken here gets the next free one', async () => {
    await createProblem(pc1, problemForm);
    await receive(pc2, await handOff(pc1, signerOf(keys.pc1)));
    // Meanwhile each PC enters a new item: both are 2026-镇督-0002.
    const mine = await createProblem(pc1, { ...problemForm, description: '本机新增：村道垃圾' });
    const theirs = await createProblem(pc2, { ...problemForm, description: '对方新增：河边垃圾' });
    expect([mine.number, theirs.number]).toEqual(['2026-镇督-0002', '2026-镇督-0002']);

    const { plan } = await receive(pc1, await handOff(pc2, signerOf(keys.pc2)));
    expect((plan as { renumbered: unknown[] }).renumbered).toEqual([
      {
        id: theirs.id,
        from: '2026-镇督-0002',
        to: '2026-镇督-0003',
        description: '对方新增：河边垃圾',
      },
    ]);
    const numbers = async (db: EcoDeskDb) =>
      (await db.problems.toArray()).map((p) => `${p.number} ${p.description}`).sort();
    expect(await numbers(pc1)).toEqual([
      '2026-镇督-0001 沟渠旁积存建筑垃圾',
      '2026-镇督-0002 本机新增：村道垃圾',
      '2026-镇督-0003 对方新增：河边垃圾',
    ]);
    const [renumbering] = await listAudit(pc1, { table: 'problems', recordId: theirs.id });
    expect(renumbering?.reason).toBe(
      '两台电脑各自编了 2026-镇督-0002：本机已有这个编号，对方的这条改为 2026-镇督-0003',
    );
    // Back at PC2: its own item takes the new number, PC1's takes 0002; the two PCs agree.
    await receive(pc2, await handOff(pc1, signerOf(keys.pc1)));
    expect(await numbers(pc2)).toEqual(await numbers(pc1));
  });
});

describe('the default 五十条标准', () => {
  it('is one standard on every PC: another PC’s arrives as the same, not as an extra version', async () => {
    await completeSetup(pc2, {
      town: { name: '青山镇', county: '绿水县' },
      operator: '李干事',
      villageNames: ['张家村'],
    });
    const { plan } = await receive(pc2, await handOff(pc1, signerOf(keys.pc1)), (p) => {
      // The town itself was set up on both: keep PC2's answers where they differ.
      const decisions = new Map<string, Decision>();
      for (const i of p.items.filter((x) => x.kind === 'conflict'))
        decisions.set(decisionKey(i), {
          fields: Object.fromEntries((i.fields ?? []).map((f) => [f.field, 'local' as const])),
        });
      return decisions;
    });
    expect(plan.items.filter((i) => i.table === 'standards').map((i) => i.kind)).toEqual([
      'unchanged',
    ]);
    expect(await pc2.standards.count()).toBe(1);
  });
});

describe('what is private', () => {
  it('never leaves in a package, stays in a backup, and is kept when the other PC changes the item', async () => {
    const complaint = await createProblem(pc1, {
      ...problemForm,
      source: 'public',
      channel: 'phone',
      complainant: '王大妈 13900001111',
      description: '夜间有人往河里倒垃圾',
    });
    const sent = await handOff(pc1, signerOf(keys.pc1));
    const verified = verifyPackage(sent);
    if (!verified.ok) throw new Error(verified.problem);
    const text = new TextDecoder();
    for (const e of verified.manifest.entries)
      expect(text.decode(verified.entry(e.name)), e.name).not.toContain('王大妈');
    // A backup is this PC's own: it keeps the name.
    const backup = verifyPackage(await handOff(pc1, signerOf(keys.pc1), { backup: true }));
    if (!backup.ok) throw new Error(backup.problem);
    expect(text.decode(backup.entry('records/problems.json'))).toContain('王大妈');

    await receive(pc2, sent);
    expect((await pc2.problems.get(complaint.id))?.complainant).toBeUndefined();
    await addProgress(pc2, complaint.id, '已到河边查看');
    await receive(pc1, await handOff(pc2, signerOf(keys.pc2)));
    const back = (await pc1.problems.get(complaint.id))!;
    expect(back.progress.map((n) => n.text)).toEqual(['已到河边查看']);
    expect(back.complainant).toBe('王大妈 13900001111');
  });
});

/** Restores a checked backup into a PC, as the restore screen does. */
function restoreInto(
  db: EcoDeskDb,
  backup: Extract<ReturnType<typeof verifyPackage>, { ok: true }>,
) {
  return commitRestore(db, {
    tables: backup.tables,
    attachment: (id) => backup.entry(`attachments/${id}`),
    log: {
      place: 'eco-desk-backup.zip',
      sha256: '',
      size: 1,
      period: backup.manifest.period,
      counts: backup.manifest.counts,
      fingerprint: backup.fingerprint,
    },
  });
}

describe('restoring a backup', () => {
  it('is logged as a restore, and this PC writes under a new installation id from then on', async () => {
    const backup = verifyPackage(await handOff(pc1, signerOf(keys.pc1), { backup: true }));
    if (!backup.ok) throw new Error(backup.problem);
    const before = (await pc1.settings.get(INSTALLATION_KEY))?.value;
    // A package sent to the county after the backup: the log of it is never rewound.
    const log = {
      place: 'U盘/青山镇-2026-11-20261201-0900.zip',
      sha256: 'ab'.repeat(32),
      size: 1000,
      period: { from: '2026-11', to: '2026-11' },
      counts: {},
      fingerprint: 'X',
    };
    await logExport(pc1, log);
    // …nor does it travel to another PC.
    const sent = verifyPackage(await handOff(pc1, signerOf(keys.pc1)));
    if (!sent.ok) throw new Error(sent.problem);
    expect(sent.tables.handoffs).toBeUndefined();
    await restoreInto(pc1, backup);
    const after = (await pc1.settings.get(INSTALLATION_KEY))?.value;
    expect(typeof after).toBe('string');
    expect(after).not.toBe(before);
    const entries = await pc1.handoffs.orderBy('at').toArray();
    expect(entries.map((e) => e.direction)).toEqual(['export', 'restore']);
    const [entry] = await listAudit(pc1, { limit: 1 });
    expect(entry?.action).toBe('restoreBackup');
    // The operator of this PC is still this PC's.
    expect((await pc1.settings.get('operator'))?.value).toBe('张环保');
  });

  it('never rewinds the history: what was done after the backup stays in it, and the preview counts what will be there', async () => {
    const backup = verifyPackage(await handOff(pc1, signerOf(keys.pc1), { backup: true }));
    if (!backup.ok) throw new Error(backup.problem);
    const later = await createProblem(pc1, { ...problemForm, description: '备份之后才登记的问题' });
    const historyBefore = await pc1.audit.count();
    const preview = await planRestore(pc1, backup.tables);
    const line = (t: string) => preview.tables.find((r) => r.table === t)!;
    expect(line('problems')).toEqual({ table: 'problems', now: 1, after: 0 });
    expect(preview.lost.map((p) => p.description)).toEqual(['备份之后才登记的问题']);
    // The history keeps all it has and gains the restore itself.
    expect(line('audit')).toEqual({ table: 'audit', now: historyBefore, after: historyBefore + 1 });
    expect(line('handoffs').after).toBe(line('handoffs').now + 1);

    await restoreInto(pc1, backup);
    expect(await pc1.problems.get(later.id)).toBeUndefined();
    for (const { table, after } of preview.tables)
      expect(await pc1.table(table).count(), table).toBe(after);
    const created = await pc1.audit.where({ table: 'problems', recordId: later.id }).toArray();
    expect(created.map((e) => e.action)).toContain('create');
  });
});

describe('the history a package brings', () => {
  it('never replaces an entry here; a forged or changed one is refused with nothing written', async () => {
    await createProblem(pc1, problemForm);
    const pc1Chain = String((await pc1.settings.get(INSTALLATION_KEY))?.value);
    const headAtExport = await chainHead(pc1, pc1Chain);
    const first = await receive(pc2, await handOff(pc1, signerOf(keys.pc1)));
    const pc2Chain = String((await pc2.settings.get(INSTALLATION_KEY))?.value);
    // The signed manifest carries where PC1's history stood.
    expect(first.verified.ok && first.verified.manifest.history).toEqual({
      chain: pc1Chain,
      ...headAtExport,
    });
    type Entry = Record<string, unknown> & { id: string; chain?: string; seq?: number };
    const firstAudit = first.verified.ok ? (first.verified.tables.audit as Entry[]) : [];
    expect(firstAudit.every((e) => e.chain === pc1Chain || !e.chain)).toBe(true);

    // PC1 goes on; its next package, altered by whoever holds a valid key, in three ways.
    await createProblem(pc1, { ...problemForm, description: '河道漂浮垃圾' });
    const verified = verifyPackage(await handOff(pc1, signerOf(keys.pc1)));
    if (!verified.ok) throw new Error(verified.problem);
    const entries = verified.tables.audit as Entry[];
    const before = await pc2.audit.count();
    const attempt = (audit: Entry[]) => planImport(pc2, { ...verified.tables, audit });

    // 1. An entry claiming to be PC2's own.
    const forged = {
      ...entries.filter((e) => e.chain).at(-1)!,
      id: 'forged',
      chain: pc2Chain,
      seq: 999,
    };
    await expect(attempt([...entries, forged])).rejects.toThrow('自称是本机写的');
    // 2. One of PC1's new entries with another actor.
    const fresh = entries.filter((e) => !firstAudit.some((f) => f.id === e.id) && e.chain);
    expect(fresh.length).toBeGreaterThan(0);
    const changed = entries.map((e) => (e.id === fresh[0]!.id ? { ...e, actor: '别人' } : e));
    await expect(attempt(changed)).rejects.toThrow(
      `来自其他电脑（${pc1Chain}）的操作记录核验未通过：第 ${fresh[0]!.seq} 条记录的内容被改动过`,
    );
    expect(await pc2.audit.count()).toBe(before);

    // 3. An entry PC2 already has, rewritten: the package goes in, PC2's entry stays as it was.
    const known = firstAudit.find((e) => e.chain)!;
    const rewritten = entries.map((e) => (e.id === known.id ? { ...e, label: '改写' } : e));
    const plan = await planImport(pc2, { ...verified.tables, audit: rewritten });
    await commitImport(pc2, {
      plan,
      decisions: new Map(),
      attachment: (id) => verified.entry(`attachments/${id}`),
      log: {
        place: 'U盘.zip',
        sha256: '',
        size: 0,
        period: verified.manifest.period,
        counts: verified.manifest.counts,
        fingerprint: verified.fingerprint,
      },
    });
    expect((await pc2.audit.get(known.id))?.label).toBe(known.label);
    expect(await pc2.audit.count()).toBeGreaterThan(before);
  });
});

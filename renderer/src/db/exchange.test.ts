import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bytesToHex } from '@noble/hashes/utils.js';
import { toIsoDate } from '@shared/domain/dates';
import { previousMonth } from '@shared/domain/period';
import { tallyOf, type TallyRow } from '@shared/domain/ledgerStats';
import { fingerprint, newKeyPair, signManifest, verifyPackage } from '@shared/handoff/package';
import { decisionKey, type Decision } from '@shared/handoff/merge';
import { checkPackageRecords, importableTables } from '@shared/handoff/recordCheck';
import { asFormatVersion } from '@shared/handoff/testPackages';
import { InputError } from './errors';
import { buildPackage, EVERYTHING, type Signer } from './packageBuilder';
import { keptQuery } from './keptQuery';
import { listAudit } from './repositories/auditRepo';
import { RECHECK_OVERVIEW_TABLES } from './repositories/recheckRepo';
import {
  commitImport,
  commitRestore,
  logExport,
  planImport,
  planRestore,
} from './repositories/handoffRepo';
import {
  addAccountability,
  addProblemPhoto,
  addProgress,
  addReport,
  applyWorkflow,
  createProblem,
  extendDeadline,
  voidProblem,
} from './repositories/problemRepo';
import { completeSetup, saveTown } from './repositories/townRepo';
import { ensureStandards, startPeriod } from './repositories/assessmentRepo';
import { loadDemoData } from './repositories/demoRepo';
import { issueBriefing, saveDraftFocus } from './repositories/printRepo';
import { deductPoints } from './testHelpers';
import { EcoDeskDb } from './schema';
import { ACCOUNTS_REQUIRED_KEY, chainHead, INSTALLATION_KEY } from './writeContext';
import { prepareFirstAccount, signedIn, writeFirstAccount } from './repositories/accountRepo';
import { endSession } from './session';

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
  // PC2 is set up for the same town: a package never brings the town (nor the settings).
  await saveTown(pc2, { name: '青山镇', county: '绿水县' });
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
  await expectTallyOfItems(into);
  return { plan, written, verified };
}

/**
 * The kept tally is the tally of the items as they now are, whatever an import took, merged or
 * renumbered, or a restore brought back.
 */
async function expectTallyOfItems(db: EcoDeskDb) {
  const byKey = (rows: TallyRow[]) => [...rows].sort((a, b) => a.key.localeCompare(b.key));
  expect(byKey(await db.ledgerTally.toArray())).toEqual(
    byKey(tallyOf(await db.problems.toArray())),
  );
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

  it('stamps the merge after both PCs’ last writes, on a PC whose clock is a year behind', async () => {
    const item = await createProblem(pc1, problemForm);
    await receive(pc2, await handOff(pc1, signerOf(keys.pc1)));
    await addProgress(pc1, item.id, '已通知村里清运');
    await new Promise((r) => setTimeout(r, 20));
    await addProgress(pc2, item.id, '村里已安排两台三轮车');
    const there = (await pc2.problems.get(item.id))!;
    const here = (await pc1.problems.get(item.id))!;
    expect(there.updatedAt > here.updatedAt).toBe(true);
    const data = await handOff(pc2, signerOf(keys.pc2));
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(Date.parse(there.updatedAt) - 365 * 86_400_000));
      const { plan } = await receive(pc1, data);
      expect(plan.items.find((i) => i.id === item.id)?.kind).toBe('merged');
    } finally {
      vi.useRealTimers();
    }
    // Nothing the record holds is later than its time: the year's draft finds it by that time.
    const merged = (await pc1.problems.get(item.id))!;
    expect(merged.updatedAt > there.updatedAt).toBe(true);
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
async function restoreInto(
  db: EcoDeskDb,
  backup: Extract<ReturnType<typeof verifyPackage>, { ok: true }>,
) {
  const restored = await commitRestore(db, {
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
  await expectTallyOfItems(db);
  return restored;
}

describe('restoring a backup', () => {
  it('carries this PC’s accounts only in its backup, restored onto a PC without any', async () => {
    const prepared = await prepareFirstAccount({
      name: '张环保',
      password: 'qingshan2026',
      repeat: 'qingshan2026',
    });
    const admin = await pc1.transaction('rw', [pc1.accounts, pc1.audit, pc1.settings], async () => {
      return await writeFirstAccount(pc1, prepared);
    });
    signedIn(admin);
    try {
      const sent = verifyPackage(await handOff(pc1, signerOf(keys.pc1)));
      if (!sent.ok) throw new Error(sent.problem);
      expect(sent.tables.accounts).toBeUndefined();
      const backup = verifyPackage(await handOff(pc1, signerOf(keys.pc1), { backup: true }));
      if (!backup.ok) throw new Error(backup.problem);
      expect((backup.tables.accounts as { name: string }[]).map((a) => a.name)).toEqual(['张环保']);
      // A PC without accounts takes them, and needs a sign-in from then on.
      endSession();
      await restoreInto(pc2, backup);
      expect((await pc2.accounts.toArray()).map((a) => a.password.hash)).toEqual([
        admin.password.hash,
      ]);
      expect((await pc2.settings.get(ACCOUNTS_REQUIRED_KEY))?.value).toBe(true);
      await expect(createProblem(pc2, problemForm)).rejects.toThrow('请先登录。');
      // A PC with its own keeps them: the backup's older password does not come back.
      signedIn(admin);
      const changed = { ...admin, password: { ...admin.password, hash: 'ab'.repeat(32) } };
      await pc1.accounts.put(changed);
      await restoreInto(pc1, backup);
      expect((await pc1.accounts.toArray()).map((a) => a.password.hash)).toEqual(['ab'.repeat(32)]);
    } finally {
      endSession();
    }
  });

  it('is logged as a restore, and this PC writes under a new installation id from then on', async () => {
    const backup = verifyPackage(await handOff(pc1, signerOf(keys.pc1), { backup: true }));
    if (!backup.ok) throw new Error(backup.problem);
    const before = (await pc1.settings.get(INSTALLATION_KEY))?.value;
    const replaced = (await chainHead(pc1, String(before)))!;
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
    // The restore begins the new chain, naming the one it set aside (kept, not continued).
    expect(entry).toMatchObject({ chain: after, seq: 1 });
    const today = toIsoDate(new Date());
    expect(entry?.label).toContain(
      `此前本机的操作记录共 ${replaced.seq} 条（${today} 至 ${today}），末条校验值 ${replaced.hash.slice(0, 12)}，保留不动`,
    );
    expect(await chainHead(pc1, String(before))).toEqual(replaced);
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

/** Every table of a PC as stored (an attachment by its size and type): to compare before and after. */
async function contents(db: EcoDeskDb) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const rows = (await table.toArray()) as Record<string, unknown>[];
    out[table.name] = rows.map((r) =>
      r.blob instanceof Blob ? { id: r.id, size: r.blob.size, type: r.blob.type } : r,
    );
  }
  return out;
}

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);

describe('what an arriving package’s records may be (issue 15 §3)', () => {
  it('the demo’s year with photos, a briefing and every kind of item passes, imports and restores', async () => {
    const { photos } = await loadDemoData(pc1, 1, undefined, [JPEG]);
    expect(photos).toBeGreaterThan(100);
    // What the demo does not make: an upper level's item extended, reported, with accountability;
    // a complaint (its name stays in the backup); a voided item; a draft and an issued briefing.
    const upper = await createProblem(pc1, {
      ...problemForm,
      source: 'upper',
      upperLevel: 'county',
      batch: '绿环督〔2026〕12号',
      countyNumber: 'LS-2026-031',
      requirement: '11月底前清理完毕',
    });
    await extendDeadline(pc1, upper.id, '2026-11-27', '雨天无法施工');
    await addProgress(pc1, upper.id, '已联系施工队');
    await addReport(pc1, upper.id, '2026-11-03');
    await addAccountability(pc1, upper.id, {
      kind: 'interview',
      person: '李村长',
      note: '逾期约谈',
    });
    await createProblem(pc1, {
      ...problemForm,
      source: 'public',
      channel: 'phone',
      complainant: '王大妈',
    });
    const slip = await createProblem(pc1, { ...problemForm, description: '录重了' });
    await voidProblem(pc1, slip.id, '重复录入');
    const month = previousMonth(toIsoDate(new Date()).slice(0, 7));
    await saveDraftFocus(pc1, month, '继续抓好河道保洁');
    await issueBriefing(pc1, month, toIsoDate(new Date()));

    const sent = verifyPackage(await handOff(pc1, signerOf(keys.pc1)));
    if (!sent.ok) throw new Error(sent.problem);
    // Real data is never refused: not by the package alone, nor against an empty PC.
    expect(checkPackageRecords(sent.tables, { purpose: 'import' }).problems).toEqual([]);
    expect(sent.tables.town).toBeUndefined();
    expect(sent.tables.settings).toBeUndefined();
    expect(sent.tables.briefings?.length).toBe(2);
    const { plan } = await receive(pc2, await handOff(pc1, signerOf(keys.pc1)));
    expect(plan.counts.rejected).toBe(0);
    expect(await pc2.problems.count()).toBe(await pc1.problems.count());
    expect(await pc2.attachments.count()).toBe(await pc1.attachments.count());
    // PC2's own town stays PC2's.
    expect((await pc2.town.toArray()).map((t) => t.updatedBy)).toEqual(['未设置操作员']);

    // A backup says it is one, carries the town and settings, and restores into another PC.
    const backup = verifyPackage(await handOff(pc1, signerOf(keys.pc1), { backup: true }));
    if (!backup.ok) throw new Error(backup.problem);
    expect(backup.manifest.backup).toBe(true);
    expect(backup.tables.town?.length).toBe(1);
    expect(backup.tables.settings?.length).toBeGreaterThan(0);
    expect(checkPackageRecords(backup.tables, { purpose: 'restore' }).problems).toEqual([]);
    await planRestore(pc2, backup.tables);
    await restoreInto(pc2, backup);
    expect(await pc2.town.toArray()).toEqual(await pc1.town.toArray());
    expect(await pc2.problems.count()).toBe(await pc1.problems.count());
    expect(await pc2.briefings.toArray()).toEqual(await pc1.briefings.toArray());
  });

  it('refuses an extra field, a forged history entry, a town, a deduction of a village nowhere: naming each, nothing written', async () => {
    const month = toIsoDate(new Date()).slice(0, 7);
    await startPeriod(pc1, month, { inspectors: '张环保', inspectedOn: toIsoDate(new Date()) });
    const [village] = await pc1.villages.toArray();
    await deductPoints(pc1, month, village!.id, 1);
    await createProblem(pc1, problemForm);
    const verified = verifyPackage(await handOff(pc1, signerOf(keys.pc1)));
    if (!verified.ok) throw new Error(verified.problem);
    const { tables } = verified;
    const before = await contents(pc2);
    const refused = async (changed: Record<string, unknown[]>, message: string) => {
      const attempt = planImport(pc2, changed);
      await expect(attempt).rejects.toBeInstanceOf(InputError);
      await expect(attempt).rejects.toThrow(message);
      expect(await contents(pc2)).toEqual(before);
    };
    type Row = Record<string, unknown>;
    const [item] = tables.problems as Row[];

    // 1. A ledger item with a field the app never writes.
    await refused(
      { ...tables, problems: [{ ...item, owner: '外人' }] },
      `整改问题 ${String(item!.number)} 有本程序不认识的字段“owner”。`,
    );
    // 2. A history entry claiming to be PC2's own.
    const pc2Chain = String((await pc2.settings.get(INSTALLATION_KEY))?.value);
    const last = (tables.audit as Row[]).filter((e) => e.chain).at(-1)!;
    await refused(
      {
        ...tables,
        audit: [...tables.audit!, { ...last, id: 'forged', chain: pc2Chain, seq: 999 }],
      },
      '自称是本机写的',
    );
    // 3. The town: an import never replaces this PC's.
    await refused(
      { ...tables, town: await pc1.town.toArray() },
      '数据交换包里带有“乡镇”的记录（1 条）：导入从不替换本机的乡镇、设置、账号和交换记录，这个包不能导入。',
    );
    // 4. A deduction of a village that is neither in the package nor on PC2.
    const [deduction] = tables.deductions as Row[];
    await refused(
      { ...tables, deductions: [{ ...deduction, villageId: 'no-such-village' }] },
      `扣分记录 ${String(deduction!.id)} 的“所在村”指向的村（no-such-village）不在包里，本机也没有。`,
    );
    // The same package as sent goes in.
    await expect(planImport(pc2, tables)).resolves.toBeDefined();
  });

  it('a restore checks every record too: a backup with a broken one restores nothing', async () => {
    await createProblem(pc1, problemForm);
    const backup = verifyPackage(await handOff(pc1, signerOf(keys.pc1), { backup: true }));
    if (!backup.ok) throw new Error(backup.problem);
    await createProblem(pc1, { ...problemForm, description: '备份之后登记的' });
    const before = await contents(pc1);
    const [item] = backup.tables.problems as Record<string, unknown>[];
    const broken = {
      ...backup,
      tables: { ...backup.tables, problems: [{ ...item, deadline: '2026-02-30' }] },
    };
    const message = `整改问题 ${String(item!.number)} 的“整改时限”不是有效日期（2026-02-30）。`;
    await expect(planRestore(pc1, broken.tables)).rejects.toThrow(message);
    await expect(restoreInto(pc1, broken)).rejects.toThrow(message);
    expect(await contents(pc1)).toEqual(before);
  });

  it('a package of format version 1 still imports, its town, settings and hand-off log left out', async () => {
    await createProblem(pc1, problemForm);
    await logExport(pc1, {
      place: 'U盘/旧包.zip',
      sha256: '',
      size: 1,
      period: { from: '2026-11', to: '2026-11' },
      counts: {},
      fingerprint: 'X',
    });
    // What version 1 carried: made here as a backup is (town, settings, log), marked version 1.
    const old = verifyPackage(
      asFormatVersion(
        await handOff(pc1, signerOf(keys.pc1), { backup: true }),
        1,
        keys.pc1.secretKey,
      ),
    );
    if (!old.ok) throw new Error(old.problem);
    expect(old.manifest.formatVersion).toBe(1);
    // Taken whole, it would replace PC2's own: refused.
    await expect(planImport(pc2, old.tables)).rejects.toThrow('“乡镇”');
    const { tables, leftOut } = importableTables(old.tables, old.manifest.formatVersion);
    expect(leftOut).toEqual(['town', 'settings', 'handoffs']);
    const townBefore = await pc2.town.toArray();
    const settingsBefore = await pc2.settings.toArray();
    const plan = await planImport(pc2, tables);
    await commitImport(pc2, {
      plan,
      decisions: new Map(),
      attachment: (id) => old.entry(`attachments/${id}`),
      log: {
        place: '旧包.zip',
        sha256: '',
        size: 1,
        period: old.manifest.period,
        counts: {},
        fingerprint: '',
      },
    });
    expect(await pc2.problems.count()).toBe(1);
    expect(await pc2.town.toArray()).toEqual(townBefore);
    // PC2's settings are its own (its installation id is written on the first write).
    const settingsAfter = await pc2.settings.toArray();
    expect(settingsAfter.filter((s) => s.key !== INSTALLATION_KEY)).toEqual(
      settingsBefore.filter((s) => s.key !== INSTALLATION_KEY),
    );
    expect((await pc2.handoffs.toArray()).map((h) => h.direction)).toEqual(['import']);
  });
});

describe('a kept answer (the dashboard’s 回头看, db/keptQuery.ts)', () => {
  it('is out of date after an import or a restore: not shown to the next screen, read again for one showing it', async () => {
    const items = keptQuery(
      () => pc1.name,
      RECHECK_OVERVIEW_TABLES,
      async () => (await pc1.problems.toArray()).map((p) => p.description).sort(),
    );
    const answered = () =>
      new Promise<string[] | undefined>((resolve) => {
        const stop = items.subscribe('today', () => {
          stop();
          resolve(items.answer('today')?.value);
        });
      });
    expect(await answered()).toEqual([]);

    // PC2's item arrives while no screen shows the answer: the next one waits for a new read.
    await createProblem(pc2, { ...problemForm, description: '对方新增：河边垃圾' });
    await receive(pc1, await handOff(pc2, signerOf(keys.pc2)));
    expect(items.answer('today')).toBeUndefined();
    expect(await answered()).toEqual(['对方新增：河边垃圾']);

    // A backup restored while a screen shows the answer: that screen is given what was restored.
    const backup = verifyPackage(await handOff(pc1, signerOf(keys.pc1), { backup: true }));
    if (!backup.ok) throw new Error(backup.problem);
    await createProblem(pc1, { ...problemForm, description: '备份之后新增：村道垃圾' });
    const shown: (string[] | undefined)[] = [];
    const stop = items.subscribe('today', () => shown.push(items.answer('today')?.value));
    await expect.poll(() => shown.at(-1)).toHaveLength(2);
    await restoreInto(pc1, backup);
    await expect.poll(() => shown.at(-1)).toEqual(['对方新增：河边垃圾']);
    stop();
  });
});

import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS } from '@shared/domain/auditChain';
import { checkHistory, CHAIN_BREAK_KEY } from './repositories/auditRepo';
import { ensureStandards } from './repositories/assessmentRepo';
import { completeSetup } from './repositories/townRepo';
import { addVillages } from './repositories/villageRepo';
import { EcoDeskDb } from './schema';
import { appendAudit, INSTALLATION_KEY, writeContext } from './writeContext';

/**
 * The history's hash chain where it runs: real IndexedDB in Chromium. Each write links its entry
 * in the write's own transaction; a check names the first entry changed, removed or cut off
 * outside the app; a database from before the chain is linked when it is opened.
 */

let db: EcoDeskDb;
let counter = 0;
beforeEach(async () => {
  counter += 1;
  db = new EcoDeskDb(`chain-${counter}`);
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

const installation = async () => String((await db.settings.get(INSTALLATION_KEY))?.value);
const bySeq = async () =>
  (await db.audit.toArray()).filter((e) => e.chain).sort((a, b) => a.seq! - b.seq!);

describe('the history as a hash chain', () => {
  it('links every entry onto this PC’s chain as it is written, the built-in standard outside', async () => {
    await ensureStandards(db);
    await addVillages(db, ['南村', '北村']);
    const chain = await installation();
    const entries = await bySeq();
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(entries.every((e) => e.chain === chain)).toBe(true);
    expect(entries[0]!.prev).toBe(GENESIS);
    for (let i = 1; i < entries.length; i += 1) expect(entries[i]!.prev).toBe(entries[i - 1]!.hash);
    expect(entries.at(-1)!.label).toBe('北村');
    const builtIn = (await db.audit.toArray()).filter((e) => !e.chain);
    expect(builtIn.map((e) => e.label)).toEqual(['考核标准第 1 版（软件内置）']);

    const report = await checkHistory(db, { full: true });
    expect(report).toMatchObject({ ok: true, unchained: 1 });
    expect(report.chains).toEqual([
      {
        chain,
        own: true,
        entries: entries.length,
        head: { seq: entries.length, hash: entries.at(-1)!.hash },
        break: null,
      },
    ]);
  });

  it('links many entries of one transaction, a nested one among them, one after another', async () => {
    const chain = await installation();
    const write = async (label: string) => {
      const ctx = await writeContext(db);
      await appendAudit(db, ctx, {
        id: ctx.newId(),
        at: ctx.now,
        actor: ctx.actor,
        table: 'villages',
        recordId: label,
        action: 'update',
        label,
        before: null,
        after: null,
      });
    };
    await db.transaction('rw', db.audit, db.settings, async () => {
      await write('甲');
      await write('乙');
      // A nested transaction shares IndexedDB's; its entry and the ones after it stay in line.
      await db.transaction('rw', db.audit, db.settings, () => write('丙'));
      await write('丁');
    });
    // A later transaction reads the head again.
    await write('戊');
    const entries = (await bySeq()).filter((e) => e.chain === chain);
    expect(entries.slice(-5).map((e) => e.label)).toEqual(['甲', '乙', '丙', '丁', '戊']);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(await checkHistory(db, { full: true })).toMatchObject({ ok: true });
  });

  it('names an entry edited in IndexedDB, and keeps the break after a clean-looking check', async () => {
    await addVillages(db, ['南村', '北村']);
    const entries = await bySeq();
    const target = entries[2]!;
    await db.audit.update(target.id, { actor: '别人' });
    const report = await checkHistory(db, { full: true });
    expect(report.ok).toBe(false);
    expect(report.chains[0]!.break).toEqual({
      seq: 3,
      kind: 'changed',
      message: '第 3 条记录的内容被改动过（与它的校验值不符）。',
    });
    // Put back as it was, the entry fits again; the break found stays on record.
    await db.audit.put(target);
    expect((await checkHistory(db, { full: true })).ok).toBe(true);
    expect((await db.settings.get(CHAIN_BREAK_KEY))?.value).toMatchObject({
      break: { seq: 3, kind: 'changed' },
    });
  });

  it('names an entry removed, and a tail cut off since the last check', async () => {
    await addVillages(db, ['南村', '北村', '中村']);
    const entries = await bySeq();
    expect((await checkHistory(db, { full: false })).ok).toBe(true);
    await db.audit.delete(entries[1]!.id);
    expect((await checkHistory(db, { full: true })).chains[0]!.break).toMatchObject({
      seq: 2,
      kind: 'missing',
    });
    await db.audit.put(entries[1]!);
    // Cut the last two entries: a full check of what is left fits, the head checked does not.
    await db.audit.bulkDelete(entries.slice(-2).map((e) => e.id));
    expect((await checkHistory(db, { full: false })).chains[0]!.break).toMatchObject({
      kind: 'truncated',
    });
  });

  it('checks on opening only what came since the last check', async () => {
    await addVillages(db, ['南村']);
    const first = await checkHistory(db, { full: false });
    const total = (await bySeq()).length;
    expect(first.chains[0]!.entries).toBe(total);
    await addVillages(db, ['北村', '中村']);
    // The head checked before, and the two entries after it.
    const next = await checkHistory(db, { full: false });
    expect(next).toMatchObject({ ok: true });
    expect(next.chains[0]!.entries).toBe(3);
    expect(next.chains[0]!.head?.seq).toBe(total + 2);
  });
});

describe('a database from before the chain', () => {
  it('links the entries it holds, oldest first, when it is opened', async () => {
    const name = `chain-upgrade-${counter}`;
    const old = new EcoDeskDb(name, 7);
    await old.open();
    await old.settings.put({ key: INSTALLATION_KEY, value: 'oldpc0000001' });
    const entry = (id: string, at: string, label: string) => ({
      id,
      at,
      actor: '旧版本操作员',
      table: 'villages',
      recordId: id,
      action: 'create' as const,
      label,
      before: null,
      after: { name: label },
    });
    await old.audit.bulkPut([
      entry('b', '2026-03-02T01:00:00.000Z', '西村'),
      entry('a', '2026-03-01T01:00:00.000Z', '东村'),
    ]);
    old.close();
    const current = new EcoDeskDb(name);
    await current.open();
    const linked = (await current.audit.toArray()).sort((x, y) => x.seq! - y.seq!);
    expect(linked.map((e) => [e.label, e.chain, e.seq])).toEqual([
      ['东村', 'oldpc0000001', 1],
      ['西村', 'oldpc0000001', 2],
    ]);
    expect((await checkHistory(current, { full: true })).ok).toBe(true);
    current.close();
    await Dexie.delete(name);
  });
});

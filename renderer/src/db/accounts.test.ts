import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProblemForm } from '@shared/domain/problem';
import { RIGHT_LABELS, RIGHTS, ROLE_IDS, ROLES, type Right } from '@shared/domain/accounts';
import Dexie from 'dexie';
import { createActions } from './actions';
import { EcoDeskDb } from './schema';
import { checkHistory, CHAIN_BREAK_KEY } from './repositories/auditRepo';
import { listAccounts } from './repositories/accountRepo';
import { currentSession, endSession, lockSession } from './session';
import { completeSetup } from './repositories/townRepo';

/**
 * 本机账号 where it runs: the app's own database and actions in Chromium. No write without a
 * signed-in account with the right; the history names the account; the rules of 谁验收、谁负责,
 * the complainant's privacy and the recovery code.
 */

const PASSWORD = 'qingshan2026';

// A database of each test's own (never the app's, which other test files use).
let db: EcoDeskDb;
let actions: ReturnType<typeof createActions>;
let counter = 0;
beforeEach(async () => {
  endSession();
  counter += 1;
  db = new EcoDeskDb(`accounts-${counter}`);
  await db.open();
  actions = createActions(db);
});
afterEach(async () => {
  endSession();
  db.close();
  await Dexie.delete(db.name);
});

async function setUp(): Promise<string> {
  return actions.completeSetup({
    town: { name: '青山镇', county: '绿水县' },
    operator: '张环保',
    villageNames: ['张家村', '李家村'],
    password: PASSWORD,
    repeat: PASSWORD,
  });
}

const form = (over: Partial<ProblemForm> = {}): ProblemForm => ({
  source: 'town',
  category: '人居环境',
  place: '二组村口',
  description: '沟渠旁积存建筑垃圾',
  foundOn: '2026-05-01',
  deadline: '2026-05-16',
  responsiblePerson: '张三',
  responsibleLeader: '王副镇长',
  ...over,
});

/** Adds an account as the administrator, and signs that person in with their own password. */
async function addAndSignIn(
  name: string,
  roles: Parameters<typeof actions.addAccount>[0]['roles'],
) {
  await actions.addAccount({ name, roles, password: 'first-pass', repeat: 'first-pass' });
  endSession();
  await actions.signIn(name, 'first-pass');
}

const lastEntry = async () => (await db.audit.toArray()).sort((a, b) => a.seq! - b.seq!).at(-1)!;

describe('the first account and signing in', () => {
  it('makes the administrator at set-up, signed in, every entry in that name, no password kept', async () => {
    const code = await setUp();
    expect(code).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){5}$/);
    expect(currentSession()).toMatchObject({ name: '张环保', locked: false });
    expect(currentSession()!.rights).toContain('accounts');
    const [admin] = await listAccounts(db);
    expect(admin).toMatchObject({
      name: '张环保',
      roles: ['admin', 'office', 'leader', 'discipline'],
    });
    // Neither the password nor the recovery code is anywhere in the database, in any table.
    for (const table of db.tables) {
      const text = JSON.stringify(await table.toArray());
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(code);
    }
    await actions.createProblem(form());
    expect((await lastEntry()).actor).toBe('张环保');
    const account = (await db.audit.toArray()).find((e) => e.table === 'accounts')!;
    expect(JSON.stringify(account)).not.toContain('salt');
  });

  it('makes the first account of a PC set up before accounts, and from then on needs a sign-in', async () => {
    await completeSetup(db, {
      town: { name: '青山镇', county: '绿水县' },
      operator: '张环保',
      villageNames: ['张家村'],
    });
    // Before: writes go in the operator's name, as they did.
    await actions.addVillages(['李家村']);
    expect((await lastEntry()).actor).toBe('张环保');
    const code = await actions.createFirstAccount({
      name: '张环保',
      password: PASSWORD,
      repeat: PASSWORD,
    });
    expect(code).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){5}$/);
    expect(currentSession()?.name).toBe('张环保');
    await expect(
      actions.createFirstAccount({ name: '李四', password: PASSWORD, repeat: PASSWORD }),
    ).rejects.toThrow('这台电脑已经有账号了');
    endSession();
    await expect(actions.addVillages(['王家村'])).rejects.toThrow('请先登录。');
  });

  it('refuses every write without a signed-in account, and writes nothing', async () => {
    await setUp();
    endSession();
    const before = await db.audit.count();
    await expect(actions.createProblem(form())).rejects.toThrow('请先登录。');
    await expect(actions.addVillages(['王家村'])).rejects.toThrow('请先登录。');
    expect(await db.audit.count()).toBe(before);
    expect(await db.problems.count()).toBe(0);
  });

  it('refuses a wrong password with the tries left, then waits after five', async () => {
    await setUp();
    endSession();
    await expect(actions.signIn('张环保', 'qingshan')).rejects.toThrow(
      '密码不对（还可以再试 4 次）。',
    );
    for (let i = 0; i < 3; i += 1)
      await expect(actions.signIn('张环保', 'x1234567')).rejects.toThrow();
    await expect(actions.signIn('张环保', 'x1234567')).rejects.toThrow('请 30 秒后再试');
    // Even the right password waits now.
    await expect(actions.signIn('张环保', PASSWORD)).rejects.toThrow(/请 \d+ 秒后再试/);
    expect(currentSession()).toBeNull();
  });

  it('locks: nothing is written until the password is typed again', async () => {
    await setUp();
    lockSession();
    await expect(actions.createProblem(form())).rejects.toThrow('工作台已锁定');
    await actions.signIn('张环保', PASSWORD);
    await actions.createProblem(form());
    expect(await db.problems.count()).toBe(1);
  });

  it('resets a forgotten administrator password with the recovery code, which is then used up', async () => {
    const code = await setUp();
    endSession();
    await expect(
      actions.recoverWithCode({
        name: '张环保',
        code: 'ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2',
        password: 'new-pass-1',
        repeat: 'new-pass-1',
      }),
    ).rejects.toThrow('恢复码不对');
    // Typed in small letters, without dashes.
    const next = await actions.recoverWithCode({
      name: '张环保',
      code: code.toLowerCase().replaceAll('-', ' '),
      password: 'new-pass-1',
      repeat: 'new-pass-1',
    });
    expect(next).not.toBe(code);
    const entry = await lastEntry();
    expect(entry).toMatchObject({
      action: 'resetPassword',
      actor: '张环保',
      reason: '用恢复码重设密码，并换发新的恢复码',
    });
    endSession();
    await expect(actions.signIn('张环保', PASSWORD)).rejects.toThrow('密码不对');
    await actions.signIn('张环保', 'new-pass-1');
    endSession();
    await expect(
      actions.recoverWithCode({
        name: '张环保',
        code,
        password: 'new-pass-2',
        repeat: 'new-pass-2',
      }),
    ).rejects.toThrow('恢复码不对');
  });
});

describe('rights, checked where the write happens', () => {
  it('lets 纪委 督办 and 问责 but not edit the ledger, naming the right', async () => {
    await setUp();
    const item = await actions.createProblem(form());
    await addAndSignIn('王纪检', ['discipline']);
    expect(currentSession()!.mustChangePassword).toBe(true);
    await expect(actions.createProblem(form())).rejects.toThrow(
      '您的账号（王纪检）没有“整改台账的录入和推进”的权限。',
    );
    await expect(actions.addProgress(item.id, '已清理')).rejects.toThrow(
      '没有“整改台账的录入和推进”',
    );
    await expect(actions.addVillages(['王家村'])).rejects.toThrow(
      '没有“乡镇、村、人员、考核标准和制度设置”',
    );
    await actions.setSupervised(item.id, true);
    expect(await lastEntry()).toMatchObject({ actor: '王纪检', table: 'problems' });
    // An account cannot manage accounts without the right either.
    await expect(
      actions.addAccount({
        name: '李四',
        roles: ['admin'],
        password: 'abc12345',
        repeat: 'abc12345',
      }),
    ).rejects.toThrow('没有“管理账号和权限”');
  });

  it('keeps the last account that manages accounts from losing that right', async () => {
    await setUp();
    const [admin] = await listAccounts(db);
    await expect(
      actions.updateAccount(admin!.id, { roles: ['office'], rights: ['ledger'], disabled: false }),
    ).rejects.toThrow('唯一能管理账号的账号');
    await actions.addAccount({
      name: '李镇长',
      roles: ['leader'],
      password: 'first-pass',
      repeat: 'first-pass',
    });
    const leader = (await listAccounts(db)).find((a) => a.name === '李镇长')!;
    // A role's rights to start with; rights ticked one by one when the form gives them.
    expect(leader.rights).toEqual(['prints', 'issue', 'approve', 'confirm']);
    await actions.addAccount({
      name: '王纪检',
      roles: ['discipline'],
      rights: ['history', 'supervise', 'complainant'],
      password: 'first-pass',
      repeat: 'first-pass',
    });
    expect((await listAccounts(db)).find((a) => a.name === '王纪检')!.rights).toEqual([
      'supervise',
      'history',
      'complainant',
    ]);
    await actions.updateAccount(leader.id, {
      roles: ['leader'],
      rights: ['confirm'],
      disabled: false,
    });
    const entry = await lastEntry();
    expect(entry).toMatchObject({ table: 'accounts', action: 'update', label: '李镇长' });
    expect(entry.after?.rights).toEqual(['confirm']);
    // A stopped account cannot sign in.
    await actions.updateAccount(leader.id, {
      roles: ['leader'],
      rights: ['confirm'],
      disabled: true,
    });
    endSession();
    await expect(actions.signIn('李镇长', 'first-pass')).rejects.toThrow('这个账号已停用');
  });
});

describe('every right of every role', () => {
  /** One write per right; with the right it passes the check (it may still fail on its rule). */
  const WRITES: Record<Right, (item: string) => Promise<unknown>> = {
    setup: () => actions.addVillages(['新建村']),
    accounts: () => actions.setIdleMinutes(10),
    assessment: () =>
      actions.startPeriod('2026-11', { inspectors: '张环保', inspectedOn: '2026-11-20' }),
    ledger: () => actions.createProblem(form()),
    patrols: () => actions.voidPatrol('riverPatrols', 'no-such-patrol', '重复录入了'),
    records: () => actions.deleteRecord('no-such-record'),
    prints: () => actions.saveBriefingFocus('2026-11', '下月重点：河道保洁'),
    handoff: () => actions.setHandoffInterval(20),
    issue: () => actions.issueBriefing('2026-11', '2026-11-30'),
    approve: (item) =>
      actions.applyWorkflow(item, {
        type: 'markUnfixable',
        reason: '涉及基本农田',
        approver: '王',
      }),
    confirm: (item) =>
      actions.applyWorkflow(item, {
        type: 'close',
        verifier: '王',
        date: '2026-11-20',
        opinion: '好',
      }),
    supervise: (item) => actions.setSupervised(item, true),
    history: () => actions.checkHistory(true),
    complainant: (item) => actions.revealComplainant(item),
  };

  it('lets each role do exactly the writes of its rights, refusing the rest by name', async () => {
    await setUp();
    const item = await actions.createProblem(
      form({ source: 'public', channel: 'hotline', complainant: '刘某' }),
    );
    for (const [i, role] of ROLE_IDS.entries()) {
      endSession();
      await actions.signIn('张环保', PASSWORD);
      await addAndSignIn(`账号${i}`, [role]);
      for (const right of RIGHTS) {
        const outcome = await WRITES[right](item.id).then(
          () => 'done',
          (e: Error) => e.message,
        );
        const refused = outcome.includes(`没有“${RIGHT_LABELS[right]}”的权限`);
        expect(refused, `${ROLES[role].label} · ${RIGHT_LABELS[right]}: ${outcome}`).toBe(
          !ROLES[role].rights.includes(right),
        );
      }
    }
  });
});

describe('谁验收、谁负责', () => {
  async function readyToClose() {
    const p = await actions.createProblem(form());
    await actions.applyWorkflow(p.id, { type: 'start' });
    const measured = await actions.addMeasure(p.id, '清运建筑垃圾');
    await actions.setMeasureDone(p.id, measured.measures[0]!.id, true);
    await actions.addProblemPhoto(p.id, {
      kind: 'after',
      file: { name: '整改后.png', data: PNG },
      thumbnail: new Blob([PNG], { type: 'image/png' }),
    });
    await actions.applyWorkflow(p.id, { type: 'requestClose' });
    return p;
  }
  const close = {
    type: 'close',
    verifier: '现场验收',
    date: '2026-05-28',
    opinion: '已清理到位',
  } as const;

  it('refuses a 销号 by the one who asked for it while another may confirm; the other closes it', async () => {
    await setUp();
    await actions.addAccount({
      name: '李镇长',
      roles: ['leader'],
      password: 'first-pass',
      repeat: 'first-pass',
    });
    const p = await readyToClose();
    await expect(actions.applyWorkflow(p.id, close)).rejects.toThrow(
      '销号申请是您本人提出的，应由其他人验收（谁验收、谁负责）。可以验收的账号：李镇长。',
    );
    expect((await db.problems.get(p.id))?.status).toBe('closeRequested');
    endSession();
    await actions.signIn('李镇长', 'first-pass');
    await actions.applyWorkflow(p.id, close);
    expect(await lastEntry()).toMatchObject({ actor: '李镇长', after: { status: 'closed' } });
  });

  it('lets a one-person office close its own request, and the history says why', async () => {
    await setUp();
    const p = await readyToClose();
    await actions.applyWorkflow(p.id, close);
    expect(await lastEntry()).toMatchObject({
      actor: '张环保',
      reason: '申请人本人验收（本机没有其他可以验收销号的账号）',
    });
  });

  it('lets an office that allows it close its own request, saying so', async () => {
    await setUp();
    await actions.addAccount({
      name: '李镇长',
      roles: ['leader'],
      password: 'first-pass',
      repeat: 'first-pass',
    });
    await actions.setSelfConfirmAllowed(true);
    const p = await readyToClose();
    await actions.applyWorkflow(p.id, close);
    expect((await lastEntry()).reason).toBe('申请人本人验收（本镇设置允许本人验收）');
  });
});

describe('a complainant’s details', () => {
  it('are shown only to an account with the right, each look an entry without the value', async () => {
    await setUp();
    const p = await actions.createProblem(
      form({ source: 'public', channel: 'hotline', complainant: '刘某 13800001234' }),
    );
    expect(await actions.revealComplainant(p.id)).toBe('刘某 13800001234');
    const look = await lastEntry();
    expect(look).toMatchObject({ action: 'reveal', actor: '张环保', recordId: p.id });
    expect(JSON.stringify(look)).not.toContain('13800001234');
    await addAndSignIn('赵干事', ['office']);
    const before = await db.audit.count();
    await expect(actions.revealComplainant(p.id)).rejects.toThrow('没有“查看反映人信息”');
    expect(await db.audit.count()).toBe(before);
  });
});

describe('a break in the history', () => {
  it('is acknowledged by an administrator as an entry; the banner goes, the break stays on record', async () => {
    await setUp();
    await actions.addVillages(['王家村']);
    // An entry changed outside the app.
    const victim = (await db.audit.toArray()).find((e) => e.label === '王家村')!;
    await db.audit.put({ ...victim, actor: '别人' });
    const found = await checkHistory(db, { full: true });
    expect(found.ok).toBe(false);
    await actions.acknowledgeBreak('已报告镇纪委');
    const stored = (await db.settings.get(CHAIN_BREAK_KEY))?.value as { acknowledged?: unknown };
    expect(stored.acknowledged).toMatchObject({ by: '张环保' });
    expect(await lastEntry()).toMatchObject({ action: 'acknowledge', reason: '已报告镇纪委' });
    // Checked again: still broken, still acknowledged (not a new break).
    expect((await checkHistory(db, { full: true })).ok).toBe(false);
    const again = (await db.settings.get(CHAIN_BREAK_KEY))?.value as { acknowledged?: unknown };
    expect(again.acknowledged).toMatchObject({ by: '张环保' });
    await addAndSignIn('王纪检', ['discipline']);
    await expect(actions.acknowledgeBreak('看到了')).rejects.toThrow('没有“管理账号和权限”');
  });
});

/** A 1×1 PNG. */
const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);

import {
  accountForHistory,
  checkAccountName,
  checkIdleMinutes,
  checkPassword,
  DEFAULT_IDLE_MINUTES,
  hashSecret,
  newRecoveryCode,
  normalizeRecoveryCode,
  RIGHTS,
  rightsOf,
  SIGN_IN_TRIES,
  SIGN_IN_WAIT_MS,
  verifySecret,
  type Account,
  type PasswordHash,
  type Right,
  type Role,
} from '@shared/domain/accounts';
import type { AuditAction } from '@shared/domain/audit';
import { assertValid, InputError } from '../errors';
import type { EcoDeskDb } from '../schema';
import { currentSession, startSession, updateSession, type Session } from '../session';
import {
  ACCOUNTS_REQUIRED_KEY,
  appendAudit,
  OPERATOR_KEY,
  writeContext,
  type WriteContext,
} from '../writeContext';
import { ACKNOWLEDGED_KEY, breakKey, CHAIN_BREAK_KEY, type StoredBreak } from './auditRepo';

/** An account as the screens see it: never its password or recovery code, even hashed. */
export type AccountView = Omit<Account, 'password' | 'recovery'> & { hasRecovery: boolean };

const view = ({ password: _p, recovery, ...rest }: Account): AccountView => ({
  ...rest,
  hasRecovery: recovery !== undefined,
});

export const IDLE_MINUTES_KEY = 'lock.idleMinutes';
export const SELF_CONFIRM_KEY = 'ledger.allowSelfConfirm';

export async function listAccounts(db: EcoDeskDb): Promise<AccountView[]> {
  return (await db.accounts.toArray())
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map(view);
}

export async function hasAccounts(db: EcoDeskDb): Promise<boolean> {
  return (await db.accounts.count()) > 0;
}

const refuse = (message: string, field = 'account'): never => {
  throw new InputError([{ field, message }]);
};

/** The history entry of a change to an account, in the caller's transaction. */
async function auditAccount(
  db: EcoDeskDb,
  ctx: WriteContext,
  before: Account | undefined,
  after: Account,
  action: AuditAction,
  reason?: string,
): Promise<void> {
  await appendAudit(db, ctx, {
    id: ctx.newId(),
    at: ctx.now,
    actor: ctx.actor,
    table: 'accounts',
    recordId: after.id,
    action,
    label: after.name,
    before: before ? accountForHistory(before) : null,
    after: accountForHistory(after),
    ...(reason ? { reason } : {}),
  });
}

export interface NewAccountForm {
  name: string;
  password: string;
  repeat: string;
}

/** A password and recovery code hashed before the transaction (scrypt is slow, not a DB step). */
export interface PreparedFirstAccount {
  name: string;
  password: PasswordHash;
  recovery: PasswordHash;
  /** Shown and printed once; only its hash is kept. */
  recoveryCode: string;
}

export async function prepareFirstAccount(form: NewAccountForm): Promise<PreparedFirstAccount> {
  assertValid([...checkAccountName(form.name, []), ...checkPassword(form.password, form.repeat)]);
  const recoveryCode = newRecoveryCode();
  const [password, recovery] = await Promise.all([
    hashSecret(form.password),
    hashSecret(recoveryCode),
  ]);
  return { name: form.name.trim(), password, recovery, recoveryCode };
}

/**
 * The first account (管理员, every right), in the caller's transaction (accounts, audit,
 * settings): from here on every write needs a signed-in account. Refused if there is one.
 */
export async function writeFirstAccount(
  db: EcoDeskDb,
  prepared: PreparedFirstAccount,
): Promise<Account> {
  if ((await db.accounts.count()) > 0) refuse('这台电脑已经有账号了，请登录。');
  await db.settings.put({ key: OPERATOR_KEY, value: prepared.name });
  const ctx = await writeContext(db);
  const account: Account = {
    id: ctx.newId(),
    name: prepared.name,
    roles: ['admin', 'office', 'leader', 'discipline'],
    rights: [...RIGHTS],
    password: prepared.password,
    recovery: prepared.recovery,
    createdAt: ctx.now,
    createdBy: prepared.name,
    updatedAt: ctx.now,
  };
  await db.accounts.add(account);
  await auditAccount(db, ctx, undefined, account, 'create');
  await db.settings.put({ key: ACCOUNTS_REQUIRED_KEY, value: true });
  return account;
}

/**
 * The first account of a PC set up before accounts existed, or filled from a backup: made
 * and signed in, its recovery code returned to be printed.
 */
export async function createFirstAccount(db: EcoDeskDb, form: NewAccountForm): Promise<string> {
  const prepared = await prepareFirstAccount(form);
  // An async callback: a plain one returning the write's promise would leave Dexie's zone.
  const account = await db.transaction('rw', [db.accounts, db.audit, db.settings], async () => {
    return await writeFirstAccount(db, prepared);
  });
  signedIn(account);
  return prepared.recoveryCode;
}

/** Starts the session of an account just verified or made. */
export function signedIn(account: Account): void {
  startSession({
    accountId: account.id,
    name: account.name,
    rights: account.rights,
    mustChangePassword: account.mustChangePassword === true,
  });
}

/**
 * Another person's account with a first password: the rights of the roles chosen, or the ones
 * ticked one by one (`rights`) when given.
 */
export async function addAccount(
  db: EcoDeskDb,
  form: NewAccountForm & { roles: Role[]; rights?: readonly Right[] | undefined },
): Promise<AccountView> {
  const taken = (await db.accounts.toArray()).map((a) => a.name);
  assertValid([
    ...checkAccountName(form.name, taken),
    ...checkPassword(form.password, form.repeat),
    ...(form.roles.length === 0 ? [{ field: 'roles', message: '请至少选择一个角色。' }] : []),
  ]);
  const password = await hashSecret(form.password);
  return db.transaction('rw', [db.accounts, db.audit, db.settings], async () => {
    const ctx = await writeContext(db);
    if (await db.accounts.where('name').equals(form.name.trim()).count())
      refuse(`已经有名为“${form.name.trim()}”的账号。`, 'name');
    const account: Account = {
      id: ctx.newId(),
      name: form.name.trim(),
      roles: form.roles,
      rights: form.rights ? RIGHTS.filter((r) => form.rights!.includes(r)) : rightsOf(form.roles),
      password,
      mustChangePassword: true,
      createdAt: ctx.now,
      createdBy: ctx.actor,
      updatedAt: ctx.now,
    };
    await db.accounts.add(account);
    await auditAccount(db, ctx, undefined, account, 'create');
    return view(account);
  });
}

/**
 * Changes an account's roles, rights or whether it may sign in. The last account that may
 * manage accounts cannot lose that right or be stopped: no one could undo it.
 */
export async function updateAccount(
  db: EcoDeskDb,
  id: string,
  change: { roles: Role[]; rights: Right[]; disabled: boolean },
): Promise<AccountView> {
  if (change.roles.length === 0) refuse('请至少选择一个角色。', 'roles');
  return db.transaction('rw', [db.accounts, db.audit, db.settings], async () => {
    const ctx = await writeContext(db);
    const before = await db.accounts.get(id);
    if (!before) return refuse('这个账号不存在。');
    const rights = RIGHTS.filter((r) => change.rights.includes(r));
    const after: Account = {
      ...before,
      roles: change.roles,
      rights,
      disabled: change.disabled || undefined,
      updatedAt: ctx.now,
    };
    const managers = (await db.accounts.toArray()).filter(
      (a) => a.id !== id && !a.disabled && a.rights.includes('accounts'),
    );
    if (managers.length === 0 && (after.disabled || !rights.includes('accounts')))
      refuse('这是唯一能管理账号的账号，不能停用它或取消它“管理账号和权限”的权限。');
    if (currentSession()?.accountId === id && after.disabled)
      refuse('不能停用自己正在使用的账号。');
    await db.accounts.put(after);
    await auditAccount(db, ctx, before, after, 'update');
    if (currentSession()?.accountId === id) updateSession({ rights });
    return view(after);
  });
}

/** An administrator sets a new password for someone who forgot theirs; they change it next time. */
export async function resetPassword(
  db: EcoDeskDb,
  id: string,
  form: { password: string; repeat: string },
): Promise<void> {
  assertValid(checkPassword(form.password, form.repeat));
  const password = await hashSecret(form.password);
  await db.transaction('rw', [db.accounts, db.audit, db.settings], async () => {
    const ctx = await writeContext(db);
    const before = await db.accounts.get(id);
    if (!before) return refuse('这个账号不存在。');
    const after: Account = { ...before, password, mustChangePassword: true, updatedAt: ctx.now };
    await db.accounts.put(after);
    await auditAccount(db, ctx, before, after, 'resetPassword', '管理员重设密码');
  });
}

/** The signed-in person changes their own password (the old one first). */
export async function changeOwnPassword(
  db: EcoDeskDb,
  form: { current: string; password: string; repeat: string },
): Promise<void> {
  const session = currentSession();
  if (!session) return refuse('请先登录。');
  const account = await db.accounts.get(session.accountId);
  if (!account) return refuse('这个账号不存在。');
  if (!(await verifySecret(form.current, account.password))) refuse('原密码不对。', 'current');
  assertValid(checkPassword(form.password, form.repeat));
  if (form.password === form.current) refuse('新密码不能与原密码相同。', 'password');
  const password = await hashSecret(form.password);
  await db.transaction('rw', [db.accounts, db.audit, db.settings], async () => {
    const ctx = await writeContext(db);
    const before = (await db.accounts.get(account.id))!;
    const after: Account = {
      ...before,
      password,
      mustChangePassword: undefined,
      updatedAt: ctx.now,
    };
    await db.accounts.put(after);
    await auditAccount(db, ctx, before, after, 'changePassword', '本人修改密码');
  });
  updateSession({ mustChangePassword: false });
}

/** Wrong passwords in a row, per account, in this window. */
const failures = new Map<string, { count: number; until: number }>();

/**
 * Signs in (or unlocks) with a name and password. After 5 wrong passwords in a row the account
 * waits 30 seconds. A stopped account cannot sign in.
 */
export async function signIn(
  db: EcoDeskDb,
  name: string,
  password: string,
  now = Date.now(),
): Promise<Session> {
  const account = await db.accounts.where('name').equals(name).first();
  if (!account) return refuse('没有这个账号。', 'name');
  const wait = failures.get(account.id);
  if (wait && wait.until > now)
    refuse(
      `密码连续输错 ${SIGN_IN_TRIES} 次，请 ${Math.ceil((wait.until - now) / 1000)} 秒后再试。`,
    );
  if (account.disabled) refuse('这个账号已停用，请找管理员。', 'name');
  if (!(await verifySecret(password, account.password))) {
    const count = (wait?.count ?? 0) + 1;
    failures.set(account.id, {
      count: count >= SIGN_IN_TRIES ? 0 : count,
      until: count >= SIGN_IN_TRIES ? now + SIGN_IN_WAIT_MS : 0,
    });
    return refuse(
      count >= SIGN_IN_TRIES
        ? `密码连续输错 ${SIGN_IN_TRIES} 次，请 30 秒后再试。`
        : `密码不对（还可以再试 ${SIGN_IN_TRIES - count} 次）。`,
      'password',
    );
  }
  failures.delete(account.id);
  signedIn(account);
  return currentSession()!;
}

/**
 * A forgotten administrator's password, with the recovery code printed at set-up: signs in,
 * sets the new password, and gives a new code (the old one is used up), shown once.
 */
export async function recoverWithCode(
  db: EcoDeskDb,
  form: { name: string; code: string; password: string; repeat: string },
): Promise<string> {
  const account = await db.accounts.where('name').equals(form.name).first();
  if (!account?.recovery) return refuse('这个账号没有恢复码，请找管理员重设密码。', 'name');
  if (!(await verifySecret(normalizeRecoveryCode(form.code), account.recovery)))
    refuse('恢复码不对。请对照打印的恢复码逐组输入。', 'code');
  assertValid(checkPassword(form.password, form.repeat));
  const code = newRecoveryCode();
  const [password, recovery] = await Promise.all([hashSecret(form.password), hashSecret(code)]);
  signedIn(account);
  await db.transaction('rw', [db.accounts, db.audit, db.settings], async () => {
    const ctx = await writeContext(db);
    const before = (await db.accounts.get(account.id))!;
    const after: Account = {
      ...before,
      password,
      recovery,
      mustChangePassword: undefined,
      disabled: undefined,
      updatedAt: ctx.now,
    };
    await db.accounts.put(after);
    await auditAccount(
      db,
      ctx,
      before,
      after,
      'resetPassword',
      '用恢复码重设密码，并换发新的恢复码',
    );
  });
  updateSession({ mustChangePassword: false });
  return code;
}

export async function getIdleMinutes(db: EcoDeskDb): Promise<number> {
  const value = (await db.settings.get(IDLE_MINUTES_KEY))?.value;
  return typeof value === 'number' && checkIdleMinutes(value) === null
    ? value
    : DEFAULT_IDLE_MINUTES;
}

export async function setIdleMinutes(db: EcoDeskDb, minutes: number): Promise<void> {
  const problem = checkIdleMinutes(minutes);
  if (problem) refuse(problem, 'minutes');
  await db.settings.put({ key: IDLE_MINUTES_KEY, value: minutes });
}

export async function getSelfConfirmAllowed(db: EcoDeskDb): Promise<boolean> {
  return (await db.settings.get(SELF_CONFIRM_KEY))?.value === true;
}

export async function setSelfConfirmAllowed(db: EcoDeskDb, allowed: boolean): Promise<void> {
  await db.settings.put({ key: SELF_CONFIRM_KEY, value: allowed });
}

/**
 * An administrator has seen the break found in the history: the banner goes, the break stays on
 * record (the check still reports it), and the acknowledgement is itself an entry.
 */
export async function acknowledgeBreak(db: EcoDeskDb, note: string): Promise<void> {
  await db.transaction('rw', [db.audit, db.settings], async () => {
    const ctx = await writeContext(db);
    const found = (await db.settings.get(CHAIN_BREAK_KEY))?.value as StoredBreak | undefined;
    if (!found?.break) return refuse('没有待确认的记录异常。');
    const entry = await appendAudit(db, ctx, {
      id: ctx.newId(),
      at: ctx.now,
      actor: ctx.actor,
      table: '*',
      recordId: found.chain,
      action: 'acknowledge',
      label: `操作记录异常：${found.break.message}`,
      before: null,
      after: null,
      reason: note.trim() || '已知悉',
    });
    const acknowledged = { by: ctx.actor, at: ctx.now, entry: entry.seq ?? 0 };
    const all = ((await db.settings.get(ACKNOWLEDGED_KEY))?.value ?? {}) as Record<string, unknown>;
    await db.settings.put({
      key: ACKNOWLEDGED_KEY,
      value: { ...all, [breakKey(found)]: acknowledged },
    });
    await db.settings.put({ key: CHAIN_BREAK_KEY, value: { ...found, acknowledged } });
  });
}

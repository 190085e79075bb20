import { scryptAsync } from '@noble/hashes/scrypt.js';
import { bytesToHex, hexToBytes, randomBytes } from '@noble/hashes/utils.js';
import type { ValidationIssue } from './validation';

/**
 * This PC's accounts (本机账号): who may sign in, and what each may do. Accounts never leave the
 * PC: no package or backup carries them, and the history names the account that did each step.
 */

/** What an account may do beyond reading everything. */
export type Right =
  | 'setup'
  | 'accounts'
  | 'assessment'
  | 'ledger'
  | 'patrols'
  | 'records'
  | 'prints'
  | 'handoff'
  | 'issue'
  | 'approve'
  | 'confirm'
  | 'supervise'
  | 'history'
  | 'complainant';

/** Each right by the words 设置 shows, in the order it lists them. */
export const RIGHT_LABELS: Record<Right, string> = {
  setup: '乡镇、村、人员、考核标准和制度设置',
  accounts: '管理账号和权限',
  assessment: '村庄考核打分、结束月份',
  ledger: '整改台账的录入和推进',
  patrols: '巡河巡林记录',
  records: '工作记录和年度总结',
  prints: '打印和起草通报',
  handoff: '数据交换、备份和恢复',
  issue: '印发通报',
  approve: '审批“无法整改”',
  confirm: '验收销号',
  supervise: '督办、约谈、通报和问责',
  history: '查看全部操作记录并核验',
  complainant: '查看反映人信息',
};
export const RIGHTS = Object.keys(RIGHT_LABELS) as Right[];

/**
 * The rights that mean something at the county desk, in its words (it has no assessment,
 * ledger or prints of its own: 督查反馈清单 is its ledger work, 接收数据 its hand-off).
 */
export const COUNTY_RIGHT_LABELS: Partial<Record<Right, string>> = {
  accounts: RIGHT_LABELS.accounts,
  handoff: '接收乡镇数据包、登记和更换乡镇密钥',
  ledger: '编写和下发督查反馈清单',
  history: RIGHT_LABELS.history,
};

/** The rights shown on this kind of installation, in the list's order, with their labels. */
export function rightLabelsFor(kind: 'town' | 'county'): [Right, string][] {
  const labels = kind === 'county' ? COUNTY_RIGHT_LABELS : RIGHT_LABELS;
  return RIGHTS.flatMap((r) => (labels[r] ? [[r, labels[r]] as [Right, string]] : []));
}

export type Role = 'admin' | 'office' | 'leader' | 'discipline';

/** A role is a starting set of rights; the administrator adjusts each person's. */
export const ROLES: Record<Role, { label: string; rights: readonly Right[] }> = {
  admin: { label: '管理员', rights: ['setup', 'accounts', 'history'] },
  office: {
    label: '环境办',
    rights: ['assessment', 'ledger', 'patrols', 'records', 'prints', 'handoff'],
  },
  leader: { label: '领导', rights: ['prints', 'issue', 'approve', 'confirm'] },
  discipline: { label: '纪委', rights: ['supervise', 'history'] },
};
export const ROLE_IDS = Object.keys(ROLES) as Role[];

/** The rights of a set of roles, in the list's order. */
export function rightsOf(roles: readonly Role[]): Right[] {
  const all = new Set(roles.flatMap((r) => ROLES[r].rights));
  return RIGHTS.filter((r) => all.has(r));
}

/** A slow salted hash of a password or recovery code: only this is stored. */
export interface PasswordHash {
  algorithm: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  hash: string;
}

export interface Account {
  id: string;
  /** The name the history shows for every step the account takes; unique on this PC. */
  name: string;
  roles: Role[];
  rights: Right[];
  password: PasswordHash;
  /** The printed recovery code of an administrator, for a forgotten password. */
  recovery?: PasswordHash | undefined;
  /** Set after an administrator reset the password: the next sign-in asks for a new one. */
  mustChangePassword?: boolean | undefined;
  /** A person who left: kept (the history names them), no longer able to sign in. */
  disabled?: boolean | undefined;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** What the history keeps of an account: never its password or recovery code, even hashed. */
export function accountForHistory(account: Account): Record<string, unknown> {
  const kept: Record<string, unknown> = { ...account };
  delete kept.password;
  delete kept.recovery;
  return { ...kept, rights: [...account.rights], roles: [...account.roles] };
}

/**
 * scrypt's cost: 2^15 × 8 (32 MiB, a few hundred milliseconds in the page), so that guessing
 * passwords from a copied database is slow. Stored with each hash, so it can be raised later.
 */
export const SCRYPT_COST = { N: 2 ** 15, r: 8, p: 1 } as const;

export async function hashSecret(
  secret: string,
  cost: { N: number; r: number; p: number } = SCRYPT_COST,
): Promise<PasswordHash> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(secret.normalize('NFC'), salt, { ...cost, dkLen: 32 });
  return { algorithm: 'scrypt', ...cost, salt: bytesToHex(salt), hash: bytesToHex(hash) };
}

export async function verifySecret(secret: string, stored: PasswordHash): Promise<boolean> {
  if (stored.algorithm !== 'scrypt') return false;
  const hash = await scryptAsync(secret.normalize('NFC'), hexToBytes(stored.salt), {
    N: stored.N,
    r: stored.r,
    p: stored.p,
    dkLen: 32,
  });
  // Compared in full whatever differs first.
  const expected = hexToBytes(stored.hash);
  let diff = expected.length ^ hash.length;
  for (let i = 0; i < expected.length; i++) diff |= (expected[i] ?? 0) ^ (hash[i] ?? 0);
  return diff === 0;
}

export const ACCOUNT_NAME_MAX = 20;
export const PASSWORD_MIN = 6;
export const PASSWORD_MAX = 64;

export function checkAccountName(name: string, taken: readonly string[]): ValidationIssue[] {
  const clean = name.trim();
  if (clean === '') return [{ field: 'name', message: '请填写姓名。' }];
  if ([...clean].length > ACCOUNT_NAME_MAX)
    return [{ field: 'name', message: `姓名最多 ${ACCOUNT_NAME_MAX} 个字。` }];
  if (taken.includes(clean))
    return [{ field: 'name', message: `已经有名为“${clean}”的账号，请加上部门或科室以区分。` }];
  return [];
}

/** A password's problem, or null: long enough that it is not guessed at the desk. */
export function checkPassword(password: string, repeat: string): ValidationIssue[] {
  if (password.length < PASSWORD_MIN)
    return [{ field: 'password', message: `密码至少 ${PASSWORD_MIN} 位。` }];
  if (password.length > PASSWORD_MAX)
    return [{ field: 'password', message: `密码最多 ${PASSWORD_MAX} 位。` }];
  if (/^(.)\1*$/.test(password))
    return [{ field: 'password', message: '密码不能是同一个字符重复。' }];
  if (password !== repeat)
    return [{ field: 'repeat', message: '两次输入的密码不一致，请重新输入。' }];
  return [];
}

/** Letters and digits that cannot be misread on paper (no 0/O, 1/I/L). */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A recovery code: 6 groups of 4 (about 118 bits), printed once at set-up. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(24);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]!);
  return Array.from({ length: 6 }, (_, i) => chars.slice(i * 4, i * 4 + 4).join('')).join('-');
}

/** A typed recovery code as stored: capitals, no spaces or dashes, O read as 0 → refused later. */
export const normalizeRecoveryCode = (typed: string) =>
  typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .match(/.{1,4}/g)
    ?.join('-') ?? '';

/** Minutes of no keyboard or mouse before the app locks; the office sets it (0: never). */
export const DEFAULT_IDLE_MINUTES = 15;
export function checkIdleMinutes(minutes: number): string | null {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 240)
    return '自动锁定时间应为 0 到 240 之间的整数分钟（0 表示不自动锁定）。';
  return null;
}

/** Wrong passwords in a row before sign-in waits, and how long. */
export const SIGN_IN_TRIES = 5;
export const SIGN_IN_WAIT_MS = 30_000;

/**
 * 谁验收、谁负责: may this account close (销号) an item whose closing it asked for itself?
 * Only when no other account may confirm, or the office allows it (a one-person office). The
 * answer says why, for the history.
 */
export function selfConfirm(input: {
  requestedBy: string | null;
  actor: string;
  othersWhoMayConfirm: readonly string[];
  allowed: boolean;
}): { ok: true; note?: string } | { ok: false; message: string } {
  if (input.requestedBy === null || input.requestedBy !== input.actor) return { ok: true };
  if (input.othersWhoMayConfirm.length === 0)
    return { ok: true, note: '申请人本人验收（本机没有其他可以验收销号的账号）' };
  if (input.allowed) return { ok: true, note: '申请人本人验收（本镇设置允许本人验收）' };
  return {
    ok: false,
    message: `销号申请是您本人提出的，应由其他人验收（谁验收、谁负责）。可以验收的账号：${input.othersWhoMayConfirm.join('、')}。`,
  };
}

import { RIGHT_LABELS, type Right } from '@shared/domain/accounts';
import { InputError } from './errors';

/**
 * Who is signed in at this window, and whether the app is locked. Kept in the window's session
 * storage, so a reload of the page does not sign anyone out or unlock it; closing the app signs
 * out. Rights are checked here before every write (actions.ts) and again where the write takes
 * its context (writeContext), not only by what the screens offer.
 */
export interface Session {
  accountId: string;
  name: string;
  rights: readonly Right[];
  /** The app is locked (idle, or 锁定): nothing is shown or written until the password. */
  locked: boolean;
  /** The next sign-in must set a new password (after an administrator reset it). */
  mustChangePassword: boolean;
}

const STORAGE_KEY = 'eco-desk.session';
/** When the last keyboard or mouse use was, for the idle lock across a reload. */
const ACTIVE_KEY = 'eco-desk.activeAt';

let current: Session | null = read();
const listeners = new Set<() => void>();

function read(): Session | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Session;
    return typeof value.accountId === 'string' && Array.isArray(value.rights) ? value : null;
  } catch {
    return null;
  }
}

function write(next: Session | null): void {
  current = next;
  try {
    if (next) globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(next));
    else globalThis.sessionStorage?.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused (a private window): the session lives in memory only.
  }
  for (const listener of listeners) listener();
}

export const currentSession = (): Session | null => current;

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function startSession(session: Omit<Session, 'locked'>): void {
  markActive();
  write({ ...session, locked: false });
}

export function endSession(): void {
  write(null);
}

export function lockSession(): void {
  if (current && !current.locked) write({ ...current, locked: true });
}

/** The signed-in account's rights or name changed (设置 → 账号). */
export function updateSession(change: Partial<Omit<Session, 'accountId'>>): void {
  if (current) write({ ...current, ...change });
}

export function markActive(now = Date.now()): void {
  try {
    globalThis.sessionStorage?.setItem(ACTIVE_KEY, String(now));
  } catch {
    // See write().
  }
}

export function lastActive(): number {
  const value = Number(globalThis.sessionStorage?.getItem(ACTIVE_KEY));
  return Number.isFinite(value) && value > 0 ? value : Date.now();
}

/**
 * What the screens offer: the signed-in account's rights, locked or not (the lock screen covers
 * the page, which must stay as it was underneath; a write while locked is refused below).
 */
export const can = (right: Right): boolean => current !== null && current.rights.includes(right);

/** Refuses a write the signed-in account may not do, in words; nothing has been written. */
export function requireRight(right: Right | null): void {
  if (!current) throw new InputError([{ field: 'account', message: '请先登录。' }]);
  if (current.locked)
    throw new InputError([{ field: 'account', message: '工作台已锁定，请输入密码解锁。' }]);
  if (right && !current.rights.includes(right))
    throw new InputError([
      {
        field: 'account',
        message: `您的账号（${current.name}）没有“${RIGHT_LABELS[right]}”的权限。如需要，请找管理员在 设置 → 账号 中调整。`,
      },
    ]);
}

/**
 * The desktop app prints a route in a hidden window of its own (存为 PDF, a package's briefing):
 * a new window has no session (it lives in each window's session storage). Before asking for
 * it, the signed-in window leaves a grant for that one route in local storage (shared by the
 * app's windows); the print window takes it — once, within a minute — and opens signed in as
 * the same account. A grant not taken expires; nothing else may use it.
 */
const PRINT_GRANT_PREFIX = 'eco-desk.printGrant:';
const PRINT_GRANT_MS = 60_000;

export function grantPrint(route: string, now = Date.now()): void {
  const session = current;
  if (!session || session.locked) return;
  try {
    globalThis.localStorage?.setItem(
      PRINT_GRANT_PREFIX + route,
      JSON.stringify({ session, expires: now + PRINT_GRANT_MS }),
    );
  } catch {
    // Storage refused: the print window asks for the sign-in (and the print says it timed out).
  }
}

/** In a print window without a session: takes the grant of its route, if there is one. */
export function takePrintGrant(route: string, now = Date.now()): boolean {
  if (current || !route.startsWith('/print/')) return false;
  try {
    const key = PRINT_GRANT_PREFIX + route;
    const raw = globalThis.localStorage?.getItem(key);
    if (!raw) return false;
    globalThis.localStorage?.removeItem(key);
    const grant = JSON.parse(raw) as { session?: Session; expires?: number };
    const session = grant.session;
    if (
      !session ||
      typeof grant.expires !== 'number' ||
      grant.expires < now ||
      typeof session.accountId !== 'string' ||
      !Array.isArray(session.rights)
    )
      return false;
    startSession({
      accountId: session.accountId,
      name: session.name,
      rights: session.rights,
      mustChangePassword: false,
    });
    return true;
  } catch {
    return false;
  }
}

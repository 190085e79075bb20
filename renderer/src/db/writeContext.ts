import Dexie from 'dexie';
import { auditAction, type AuditAction, type AuditEntry } from '@shared/domain/audit';
import { linkEntry, type ChainHead } from '@shared/domain/auditChain';
import type { BaseRecord } from '@shared/domain/record';
import type { EcoDeskDb } from './schema';
import { currentSession, requireRight } from './session';

export const OPERATOR_KEY = 'operator';
/** This installation's id in records' revisions (this PC's own; a restore gives a new one). */
export const INSTALLATION_KEY = 'installationId';
/**
 * Set when this PC's first account is made: from then on every write needs a signed-in,
 * unlocked account, and the history names it. Before it (a database from before accounts, the
 * repository tests) the operator's name is used.
 */
export const ACCOUNTS_REQUIRED_KEY = 'accounts.required';

export interface WriteContext {
  now: string;
  actor: string;
  newId: () => string;
  installation: string;
  /**
   * One step of the user's that writes many records (closing a month): each record keeps its own
   * entry, and the history shows them as this one step.
   */
  group?: string;
}

/** A new installation id: short, since every record's revision names it. */
export const newInstallationId = () => crypto.randomUUID().replaceAll('-', '').slice(0, 12);

/**
 * Who is writing, where and when; read inside the write's own transaction (which includes the
 * settings). The first write of a new installation gives it its id.
 */
export async function writeContext(db: EcoDeskDb): Promise<WriteContext> {
  const [operator, installation, required] = await Promise.all([
    db.settings.get(OPERATOR_KEY),
    db.settings.get(INSTALLATION_KEY),
    db.settings.get(ACCOUNTS_REQUIRED_KEY),
  ]);
  // Checked again here, inside the write's transaction: no write without a signed-in account.
  if (required?.value === true) requireRight(null);
  let id = typeof installation?.value === 'string' ? installation.value : '';
  if (!id) {
    id = newInstallationId();
    await db.settings.put({ key: INSTALLATION_KEY, value: id });
  }
  return {
    now: new Date().toISOString(),
    actor:
      required?.value === true
        ? currentSession()!.name
        : typeof operator?.value === 'string' && operator.value
          ? operator.value
          : '未设置操作员',
    newId: () => crypto.randomUUID(),
    installation: id,
  };
}

export type AuditedTable =
  | 'town'
  | 'villages'
  | 'people'
  | 'ruleDocuments'
  | 'standards'
  | 'periods'
  | 'deductions'
  | 'villageChecks'
  | 'results'
  | 'dueActions'
  | 'problems'
  | 'briefings'
  | 'rivers'
  | 'riverPatrols'
  | 'forestPlots'
  | 'forestPatrols'
  | 'workRecords'
  | 'summaries';

/**
 * Appends the audit entry of one change. Call it inside the same transaction as the change
 * (the transaction must include db.audit), so that a change never exists without its entry.
 */
export async function recordAudit<T extends BaseRecord>(
  db: EcoDeskDb,
  ctx: WriteContext,
  table: AuditedTable,
  before: T | undefined,
  after: T,
  label: string,
  reason?: string,
  /** What the entry calls the change, when more than 修改 (a 更正, a 作废). */
  action?: AuditAction,
): Promise<void> {
  await appendAudit(db, ctx, {
    id: ctx.newId(),
    at: ctx.now,
    actor: ctx.actor,
    table,
    recordId: after.id,
    action: action ?? auditAction(before ?? null, after),
    label,
    before: before ? ({ ...before } as Record<string, unknown>) : null,
    after: { ...after } as Record<string, unknown>,
    ...(reason ? { reason } : {}),
    ...(ctx.group ? { group: ctx.group } : {}),
  });
}

/**
 * Adds an entry at the end of this installation's hash chain (docs/audit-chain.md), in the
 * caller's transaction, which must include db.audit: the chain's head is read and the entry
 * linked to it in that same transaction, so no other write can come between. Every entry of the
 * history is written here. A context without an installation (the built-in standard's entry,
 * the same on every PC) writes its entry outside every chain.
 */
export async function appendAudit(
  db: EcoDeskDb,
  ctx: Pick<WriteContext, 'installation'>,
  entry: AuditEntry,
): Promise<AuditEntry> {
  if (!ctx.installation) {
    await db.audit.add(entry);
    return entry;
  }
  // A step that writes many records (closing a month: some thirty entries) reads the head once:
  // within its transaction, which holds the history, no one else appends to this PC's chain.
  // (Keyed by IndexedDB's own transaction, which nested Dexie transactions share.)
  const tx = (Dexie.currentTransaction as { idbtrans?: object } | null)?.idbtrans;
  const heads = tx ? (headsOf.get(tx) ?? new Map<string, ChainHead | null>()) : undefined;
  if (tx && heads && !headsOf.has(tx)) headsOf.set(tx, heads);
  const head = heads?.has(ctx.installation)
    ? heads.get(ctx.installation)!
    : await chainHead(db, ctx.installation);
  const linked = linkEntry(entry, ctx.installation, head);
  await db.audit.add(linked);
  heads?.set(ctx.installation, { seq: linked.seq, hash: linked.hash });
  return linked;
}

/** The chain heads a transaction has linked to, by chain (see `appendAudit`). */
const headsOf = new WeakMap<object, Map<string, ChainHead | null>>();

/** This installation's id (its chain's name), or '' before its first write. */
export async function installationOf(db: EcoDeskDb): Promise<string> {
  const value = (await db.settings.get(INSTALLATION_KEY))?.value;
  return typeof value === 'string' ? value : '';
}

/** The last entry of an installation's chain (its position and hash), or null for none yet. */
export async function chainHead(db: EcoDeskDb, chain: string): Promise<ChainHead | null> {
  const last = await db.audit
    .where('[chain+seq]')
    .between([chain, Dexie.minKey], [chain, Dexie.maxKey])
    .last();
  return last?.seq && last.hash ? { seq: last.seq, hash: last.hash } : null;
}

/** Stores a record and its audit entry, in the caller's transaction (which includes both tables). */
export async function putAudited<T extends BaseRecord>(
  db: EcoDeskDb,
  ctx: WriteContext,
  table: AuditedTable,
  before: T | undefined,
  after: T,
  label: string,
  reason?: string,
  action?: AuditAction,
): Promise<void> {
  await (db[table] as unknown as { put(record: T): Promise<unknown> }).put(after);
  await recordAudit(db, ctx, table, before, after, label, reason, action);
}

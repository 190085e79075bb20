import { auditAction } from '@shared/domain/audit';
import type { BaseRecord } from '@shared/domain/record';
import type { EcoDeskDb } from './schema';

export const OPERATOR_KEY = 'operator';

export interface WriteContext {
  now: string;
  actor: string;
  newId: () => string;
}

/** Who is writing and when; read inside the write's own transaction. */
export async function writeContext(db: EcoDeskDb): Promise<WriteContext> {
  const operator = await db.settings.get(OPERATOR_KEY);
  return {
    now: new Date().toISOString(),
    actor: typeof operator?.value === 'string' && operator.value ? operator.value : '未设置操作员',
    newId: () => crypto.randomUUID(),
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
): Promise<void> {
  await db.audit.add({
    id: ctx.newId(),
    at: ctx.now,
    actor: ctx.actor,
    table,
    recordId: after.id,
    action: auditAction(before ?? null, after),
    label,
    before: before ? ({ ...before } as Record<string, unknown>) : null,
    after: { ...after } as Record<string, unknown>,
    ...(reason ? { reason } : {}),
  });
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
): Promise<void> {
  await (db[table] as unknown as { put(record: T): Promise<unknown> }).put(after);
  await recordAudit(db, ctx, table, before, after, label, reason);
}

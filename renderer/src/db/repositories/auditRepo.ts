import type { AuditEntry } from '@shared/domain/audit';
import type { EcoDeskDb } from '../schema';

/** Read-only: the audit log has no update or delete here, nor anywhere in the app. */
export async function listAudit(
  db: EcoDeskDb,
  filter: { table?: string; recordId?: string; limit?: number } = {},
): Promise<AuditEntry[]> {
  const limit = filter.limit ?? 500;
  if (filter.table && filter.recordId) {
    const entries = await db.audit
      .where('[table+recordId]')
      .equals([filter.table, filter.recordId])
      .toArray();
    return entries.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
  }
  const query = db.audit.orderBy('at').reverse();
  const filtered = filter.table ? query.filter((e) => e.table === filter.table) : query;
  return filtered.limit(limit).toArray();
}

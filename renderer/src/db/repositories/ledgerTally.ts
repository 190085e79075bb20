import { applyToTally, tallyKey, type TallyRow } from '@shared/domain/ledgerStats';
import type { Problem } from '@shared/domain/problem';
import type { EcoDeskDb } from '../schema';

/**
 * Keeps the ledger's tally in step with its items: call it inside the transaction that writes the
 * items, with each changed item as it was (`before`, none for a new one) and as it is now.
 */
export async function changeTally(
  db: EcoDeskDb,
  before: readonly Problem[],
  after: readonly Problem[],
): Promise<void> {
  const rows = new Map<string, TallyRow>(
    (await db.ledgerTally.toArray()).map((row) => [row.key, row]),
  );
  const touched = new Set<string>();
  for (const [items, sign] of [
    [before, -1],
    [after, 1],
  ] as const) {
    for (const p of items) {
      applyToTally(rows, p, sign);
      touched.add(tallyKey(p));
    }
  }
  const changed = [...touched].map((key) => rows.get(key)).filter((r) => r !== undefined);
  await db.ledgerTally.bulkPut(changed.filter((r) => r.total > 0));
  await db.ledgerTally.bulkDelete(changed.filter((r) => r.total <= 0).map((r) => r.key));
}

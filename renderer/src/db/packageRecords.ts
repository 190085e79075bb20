import {
  checkPackageRecords,
  listedProblems,
  type HeldIds,
  type RecordCheckOptions,
} from '@shared/handoff/recordCheck';
import { InputError } from './errors';
import type { EcoDeskDb } from './schema';

/**
 * A package's records checked against this PC's database before anything is written
 * (shared/handoff/recordCheck.ts): refused with every problem named, the first twenty listed.
 */

/** The ids records of a package may point at that this PC holds already. */
export async function heldIds(db: EcoDeskDb): Promise<HeldIds> {
  return db.transaction(
    'r',
    [db.villages, db.people, db.periods, db.standards, db.rivers, db.forestPlots],
    async () => {
      const keys = async (table: 'villages' | 'people' | 'periods' | 'standards' | 'forestPlots') =>
        new Set((await db[table].toCollection().primaryKeys()).map(String));
      const rivers = await db.rivers.toArray();
      return {
        villages: await keys('villages'),
        people: await keys('people'),
        periods: await keys('periods'),
        standards: await keys('standards'),
        forestPlots: await keys('forestPlots'),
        rivers: new Set(rivers.map((r) => r.id)),
        riverSegments: new Set(rivers.flatMap((r) => r.segments.map((s) => `${r.id}/${s.id}`))),
      };
    },
  );
}

/** Throws an InputError naming what is wrong with a package's records; nothing is written. */
export function assertRecords(
  tables: Record<string, readonly unknown[]>,
  options: RecordCheckOptions,
): void {
  const result = checkPackageRecords(tables, options);
  if (result.total > 0)
    throw new InputError(listedProblems(result).map((message) => ({ field: 'records', message })));
}

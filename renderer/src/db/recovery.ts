import Dexie from 'dexie';
import { activeDatabaseName, recoveredDatabaseName, switchToDatabase } from './location';
import { commitRestore } from './repositories/handoffRepo';
import { EcoDeskDb } from './schema';

/**
 * When the database cannot be opened: restores a verified backup into a new database and makes
 * it the one the app opens. The damaged database is never opened for writing, changed or
 * deleted — a technician may still recover what was entered after the backup. If the restore
 * fails, the new database is removed and nothing else has changed.
 */
export async function recoverIntoNewDatabase(
  input: Parameters<typeof commitRestore>[1],
  now: Date = new Date(),
): Promise<{ damaged: string; recovered: string }> {
  const damaged = activeDatabaseName();
  const recovered = recoveredDatabaseName(now);
  // Only ever a database of its own: one that exists already is neither written nor deleted.
  if (recovered === damaged || (await Dexie.exists(recovered)))
    throw new Error('刚刚已经恢复过一次，请稍候几秒再试。');
  const fresh = new EcoDeskDb(recovered);
  try {
    await fresh.open();
    await commitRestore(fresh, {
      ...input,
      log: { ...input.log, place: `${input.log.place}（原数据库“${damaged}”无法打开，保留未动）` },
    });
  } catch (error) {
    fresh.close();
    await Dexie.delete(recovered);
    throw error;
  }
  fresh.close();
  switchToDatabase(recovered);
  return { damaged, recovered };
}

import { isLive, stamp } from '@shared/domain/record';
import {
  normalizeVillageForm,
  validateVillageForm,
  validateVillageList,
  type Village,
  type VillageForm,
} from '@shared/domain/village';
import { assertValid, InputError } from '../errors';
import type { EcoDeskDb } from '../schema';
import { putAudited, recordAudit, writeContext } from '../writeContext';

export async function listVillages(db: EcoDeskDb, includeDeleted = false): Promise<Village[]> {
  const all = await db.villages.orderBy('order').toArray();
  return includeDeleted ? all : all.filter(isLive);
}

async function otherLiveNames(db: EcoDeskDb, exceptId?: string): Promise<string[]> {
  return (await db.villages.toArray())
    .filter((v) => isLive(v) && v.id !== exceptId)
    .map((v) => v.name);
}

/** Creates (no id) or updates a village; names stay unique among the live villages. */
export async function saveVillage(
  db: EcoDeskDb,
  id: string | undefined,
  form: VillageForm,
): Promise<Village> {
  const clean = normalizeVillageForm(form);
  return db.transaction('rw', db.villages, db.audit, db.settings, async () => {
    assertValid(validateVillageForm(clean, await otherLiveNames(db, id)));
    const ctx = await writeContext(db);
    const before = id ? await db.villages.get(id) : undefined;
    if (id && !before) throw new InputError([{ field: 'id', message: '这个村已经不存在了。' }]);
    const order = before?.order ?? (await db.villages.count()) + 1;
    const after = stamp<Village>(
      { ...before, ...clean, id: before?.id, order, deletedAt: before?.deletedAt },
      { ...ctx, existing: before },
    );
    await putAudited(db, ctx, 'villages', before, after, after.name);
    return after;
  });
}

/** Adds villages by name at the end of the list, all or none. */
export async function addVillages(db: EcoDeskDb, names: string[]): Promise<number> {
  return db.transaction('rw', db.villages, db.audit, db.settings, async () => {
    const result = validateVillageList(names, { existing: await otherLiveNames(db) });
    assertValid(result.issues);
    const ctx = await writeContext(db);
    let order = await db.villages.count();
    for (const name of result.names) {
      order += 1;
      const village = stamp<Village>({ name, order, secretary: '', contact: '', groups: [] }, ctx);
      await db.villages.add(village);
      await recordAudit(db, ctx, 'villages', undefined, village, village.name);
    }
    return result.names.length;
  });
}

/** Soft delete (the record stays, marked deleted) or restore. */
export async function setVillageDeleted(
  db: EcoDeskDb,
  id: string,
  deleted: boolean,
): Promise<void> {
  await db.transaction('rw', db.villages, db.audit, db.settings, async () => {
    const before = await db.villages.get(id);
    if (!before) return;
    if (!deleted) {
      const clash = (await otherLiveNames(db, id)).includes(before.name);
      if (clash) {
        throw new InputError([
          { field: 'name', message: `已有同名的村“${before.name}”，不能恢复。请先改名。` },
        ]);
      }
    }
    const ctx = await writeContext(db);
    const after = stamp<Village>(
      { ...before, deletedAt: deleted ? ctx.now : undefined },
      { ...ctx, existing: before },
    );
    await putAudited(db, ctx, 'villages', before, after, after.name);
  });
}

import {
  isVillageSecretary,
  normalizePerson,
  validatePerson,
  type Person,
  type PersonForm,
} from '@shared/domain/person';
import { isLive, stamp } from '@shared/domain/record';
import type { Village } from '@shared/domain/village';
import { assertValid, InputError } from '../errors';
import type { EcoDeskDb } from '../schema';
import { putAudited, writeContext } from '../writeContext';

export async function listPeople(db: EcoDeskDb): Promise<Person[]> {
  const people = (await db.people.toArray()).filter(isLive);
  return people.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export async function savePerson(
  db: EcoDeskDb,
  id: string | undefined,
  form: PersonForm,
): Promise<Person> {
  assertValid(validatePerson(form));
  const clean = normalizePerson(form);
  return db.transaction('rw', [db.people, db.villages, db.audit, db.settings], async () => {
    if (clean.villageId) {
      const village = await db.villages.get(clean.villageId);
      if (!village || !isLive(village)) {
        throw new InputError([{ field: 'villageId', message: '所选的村已不存在，请重新选择。' }]);
      }
    }
    const ctx = await writeContext(db);
    const before = id ? await db.people.get(id) : undefined;
    if (id && !before) throw new InputError([{ field: 'id', message: '这个人员已经不存在了。' }]);
    const after = stamp<Person>(
      { ...clean, id: before?.id, deletedAt: before?.deletedAt },
      { ...ctx, existing: before },
    );
    await putAudited(db, ctx, 'people', before, after, after.name);
    // One person, entered once: the village's 支部书记 entered under 人员 is its secretary (unless
    // the village names another).
    if (isVillageSecretary(after) && after.villageId) {
      const village = await db.villages.get(after.villageId);
      if (village && (village.secretary === '' || village.secretary === before?.name)) {
        if (village.secretary !== after.name) {
          const changed = stamp<Village>(
            { ...village, secretary: after.name },
            { ...ctx, existing: village },
          );
          await putAudited(db, ctx, 'villages', village, changed, changed.name);
        }
      }
    }
    return after;
  });
}

/** Soft-deletes a person and clears them as 包村领导 of any village, in one transaction. */
export async function deletePerson(db: EcoDeskDb, id: string): Promise<void> {
  await db.transaction('rw', [db.people, db.villages, db.audit, db.settings], async () => {
    const before = await db.people.get(id);
    if (!before || !isLive(before)) return;
    const ctx = await writeContext(db);
    const after = stamp<Person>({ ...before, deletedAt: ctx.now }, { ...ctx, existing: before });
    await putAudited(db, ctx, 'people', before, after, after.name);
    const covered = await db.villages.filter((v) => v.leaderId === id).toArray();
    for (const village of covered) {
      const changed = stamp<Village>(
        { ...village, leaderId: undefined },
        { ...ctx, existing: village },
      );
      await putAudited(db, ctx, 'villages', village, changed, changed.name);
    }
  });
}

import {
  normalizeTown,
  TOWN_ID,
  validateOperatorName,
  validateTown,
  type Town,
  type TownForm,
} from '@shared/domain/town';
import { stamp } from '@shared/domain/record';
import type { Village } from '@shared/domain/village';
import { validateVillageList } from '@shared/domain/village';
import { cleanText } from '@shared/domain/validation';
import { assertValid } from '../errors';
import type { EcoDeskDb } from '../schema';
import { OPERATOR_KEY, putAudited, recordAudit, writeContext } from '../writeContext';
import { SETUP_COMPLETED_KEY } from './settingsRepo';
import { signedIn, writeFirstAccount, type PreparedFirstAccount } from './accountRepo';

export async function getTown(db: EcoDeskDb): Promise<Town | undefined> {
  return db.town.get(TOWN_ID);
}

export async function saveTown(db: EcoDeskDb, form: TownForm): Promise<Town> {
  assertValid(validateTown(form));
  const clean = normalizeTown(form);
  return db.transaction('rw', db.town, db.audit, db.settings, async () => {
    const ctx = await writeContext(db);
    const before = await db.town.get(TOWN_ID);
    const after = stamp<Town>(
      { id: TOWN_ID, name: clean.name, county: clean.county, campaigns: clean.campaigns ?? [] },
      { ...ctx, existing: before },
    );
    await putAudited(db, ctx, 'town', before, after, after.name);
    return after;
  });
}

export interface SetupInput {
  town: TownForm;
  operator: string;
  villageNames: string[];
  /** The first account (管理员), its password and recovery code hashed beforehand. */
  account?: PreparedFirstAccount;
}

/**
 * Finishes the first-run wizard in one transaction: the town, the operator, the villages and
 * the "set up" mark are written together or not at all.
 */
export async function completeSetup(db: EcoDeskDb, input: SetupInput): Promise<void> {
  assertValid([
    ...validateTown(input.town),
    ...validateOperatorName(input.operator),
    ...validateVillageList(input.villageNames).issues,
  ]);
  const clean = normalizeTown(input.town);
  const names = validateVillageList(input.villageNames).names;
  const tables = [db.town, db.villages, db.audit, db.settings, db.accounts];
  const account = await db.transaction('rw', tables, async () => {
    await db.settings.put({ key: OPERATOR_KEY, value: cleanText(input.operator) });
    const ctx = await writeContext(db);
    const beforeTown = await db.town.get(TOWN_ID);
    const town = stamp<Town>(
      { id: TOWN_ID, name: clean.name, county: clean.county, campaigns: clean.campaigns ?? [] },
      { ...ctx, existing: beforeTown },
    );
    await putAudited(db, ctx, 'town', beforeTown, town, town.name);
    const existing = await db.villages.count();
    if (existing === 0) {
      for (const [index, name] of names.entries()) {
        const village = stamp<Village>(
          { name, order: index + 1, secretary: '', contact: '', groups: [] },
          ctx,
        );
        await db.villages.add(village);
        await recordAudit(db, ctx, 'villages', undefined, village, village.name);
      }
    }
    await db.settings.put({ key: SETUP_COMPLETED_KEY, value: ctx.now });
    return input.account ? writeFirstAccount(db, input.account) : null;
  });
  if (account) signedIn(account);
}

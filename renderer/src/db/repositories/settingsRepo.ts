import {
  checkEarliestYears,
  dateBounds,
  DEFAULT_EARLIEST_YEARS,
  toIsoDate,
  type DateBounds,
} from '@shared/domain/dates';
import { validateOperatorName } from '@shared/domain/town';
import { cleanText } from '@shared/domain/validation';
import { assertValid, InputError } from '../errors';
import type { EcoDeskDb } from '../schema';
import { OPERATOR_KEY } from '../writeContext';

export const SETUP_COMPLETED_KEY = 'setupCompletedAt';
export const STORAGE_PERSISTED_KEY = 'storagePersisted';

export async function getOperator(db: EcoDeskDb): Promise<string> {
  const setting = await db.settings.get(OPERATOR_KEY);
  return typeof setting?.value === 'string' ? setting.value : '';
}

export async function setOperator(db: EcoDeskDb, name: string): Promise<void> {
  assertValid(validateOperatorName(name));
  await db.settings.put({ key: OPERATOR_KEY, value: cleanText(name) });
}

export async function isSetupComplete(db: EcoDeskDb): Promise<boolean> {
  return (await db.settings.get(SETUP_COMPLETED_KEY)) !== undefined;
}

/**
 * Asks the browser to keep this site's storage under pressure (first run), and remembers the
 * answer. In Electron the app:// origin is granted; in a browser it may be refused.
 */
export async function requestPersistentStorage(db: EcoDeskDb): Promise<boolean> {
  const granted = navigator.storage?.persist ? await navigator.storage.persist() : false;
  await db.settings.put({ key: STORAGE_PERSISTED_KEY, value: granted });
  return granted;
}

export async function isStoragePersisted(): Promise<boolean> {
  return navigator.storage?.persisted ? navigator.storage.persisted() : false;
}

/** How many years before set-up a date of something that happened may lie (设置). */
export const EARLIEST_YEARS_KEY = 'dates.earliestYears';

/**
 * The span a date of something that happened may lie in here: not after today (this PC's
 * calendar), not more than the office's span before the town was set up.
 */
export async function pastDateBounds(db: EcoDeskDb, now = new Date()): Promise<DateBounds> {
  const [setUp, years] = await Promise.all([
    db.settings.get(SETUP_COMPLETED_KEY),
    db.settings.get(EARLIEST_YEARS_KEY),
  ]);
  const today = toIsoDate(now);
  const setUpOn = typeof setUp?.value === 'string' ? toIsoDate(new Date(setUp.value)) : today;
  const span =
    typeof years?.value === 'number' && checkEarliestYears(years.value) === null
      ? years.value
      : DEFAULT_EARLIEST_YEARS;
  return dateBounds(today, setUpOn, span);
}

/** The office's span (设置 → 乡镇信息), with the bounds it gives today. */
export async function getEarliestYears(
  db: EcoDeskDb,
): Promise<{ years: number; bounds: DateBounds }> {
  const value = (await db.settings.get(EARLIEST_YEARS_KEY))?.value;
  const years =
    typeof value === 'number' && checkEarliestYears(value) === null
      ? value
      : DEFAULT_EARLIEST_YEARS;
  return { years, bounds: await pastDateBounds(db) };
}

export async function setEarliestYears(db: EcoDeskDb, years: number): Promise<void> {
  const problem = checkEarliestYears(years);
  if (problem) throw new InputError([{ field: 'years', message: problem }]);
  await db.settings.put({ key: EARLIEST_YEARS_KEY, value: years });
}

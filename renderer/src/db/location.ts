import { DATABASE_NAME } from './schema';

/**
 * Which IndexedDB database holds the town's data. Normally `eco-desk`; after a recovery from a
 * backup (the database could not be opened), a new database beside the damaged one, which is
 * kept untouched for a technician. The choice is kept in the page's local storage.
 */
export const DATABASE_KEY = 'eco-desk.database';

const RECOVERED = /^eco-desk-recovered-\d{8}T\d{6}$/;

export function activeDatabaseName(): string {
  try {
    const stored = globalThis.localStorage?.getItem(DATABASE_KEY);
    return stored && RECOVERED.test(stored) ? stored : DATABASE_NAME;
  } catch {
    return DATABASE_NAME;
  }
}

/** The name of a new database recovered at a moment (UTC), e.g. eco-desk-recovered-20261129T101500. */
export const recoveredDatabaseName = (at: Date) =>
  `eco-desk-recovered-${at.toISOString().replace(/[-:]/g, '').slice(0, 15)}`;

export function switchToDatabase(name: string): void {
  globalThis.localStorage.setItem(DATABASE_KEY, name);
}

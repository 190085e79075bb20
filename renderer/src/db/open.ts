import { db } from './db';
import { buildPackage, EVERYTHING, type Signer } from './packageBuilder';
import { EcoDeskDb, LATEST_VERSION } from './schema';
import { ensureStandards } from './repositories/assessmentRepo';

export type OpenResult = { ok: true } | { ok: false; detail: string; backupFailed?: boolean };

/** How to back up the data before a schema upgrade: sign a package and write it. */
export interface MigrationBackup {
  signer: Signer;
  appVersion: string;
  write: (data: Uint8Array) => Promise<{ status: 'saved' } | { status: 'failed'; message: string }>;
}

/**
 * When the stored database is an older version than this app's, backs it up as it is (opened at
 * its own version) before Dexie upgrades it. Returns a problem, or null when there was nothing to
 * do or the backup was written.
 */
async function backupBeforeMigration(migration: MigrationBackup): Promise<string | null> {
  const stored = (await indexedDB.databases()).find((d) => d.name === db.name);
  // Dexie stores version × 10.
  const from = stored?.version ? Math.floor(stored.version / 10) : 0;
  if (from === 0 || from >= LATEST_VERSION) return null;
  const old = new EcoDeskDb(db.name, from);
  try {
    await old.open();
    if ((await old.town.count()) === 0) return null;
    const built = await buildPackage(old, EVERYTHING, migration.signer, {
      appVersion: migration.appVersion,
      backup: true,
    });
    const written = await migration.write(built.data);
    return written.status === 'saved'
      ? null
      : `升级数据格式前的自动备份没有完成：${written.message}为了不丢数据，暂不升级。`;
  } finally {
    old.close();
  }
}

/**
 * Opens the database before any screen uses it. A failure is reported, never "fixed" by
 * deleting anything: the stored data stays untouched for recovery.
 */
export async function openDatabase(migration?: MigrationBackup): Promise<OpenResult> {
  try {
    if (migration) {
      const problem = await backupBeforeMigration(migration);
      if (problem) return { ok: false, detail: problem, backupFailed: true };
    }
    await db.open();
    // The default 五十条标准 becomes version 1 the first time the app runs.
    await ensureStandards(db);
    // Another window upgrading the schema: close ours so it can proceed, and reload to follow.
    db.on('versionchange', () => {
      db.close();
      window.location.reload();
      return false;
    });
    return { ok: true };
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    console.error('[eco-desk] database open failed', error);
    return { ok: false, detail };
  }
}

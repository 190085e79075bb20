import { db } from './db';
import { ensureStandards } from './repositories/assessmentRepo';

export type OpenResult = { ok: true } | { ok: false; detail: string };

/**
 * Opens the database before any screen uses it. A failure is reported, never "fixed" by
 * deleting anything: the stored data stays untouched for recovery.
 */
export async function openDatabase(): Promise<OpenResult> {
  try {
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

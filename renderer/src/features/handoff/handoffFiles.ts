import { packageFileName, type ExportChoice, type HandoffLogInput } from '@shared/handoff/log';
import type { Decision, ImportPlan } from '@shared/handoff/merge';
import type { RestorePreview } from '@shared/handoff/restorePreview';
import { BACKUP_REASON_LABELS, type BackupReason } from '@shared/handoff/backups';
import { sha256Hex, type Manifest } from '@shared/handoff/package';
import { briefingPdfName } from '@shared/handoff/readable';
import { importableTables } from '@shared/handoff/recordCheck';
import { actions } from '../../db/actions';
import { InputError } from '../../db/errors';
import { EVERYTHING, type BuildStep } from '../../db/packageBuilder';
import { checkPackage } from '../../lib/packageCheck';
import type { SaveFileResult } from '@shared/ipc/api';
import { grantPrint } from '../../db/session';
import { platform } from '../../platform';
import { backupsChanged } from './backupEvents';

export type ExportStep = 'print' | BuildStep | 'write';

export type ExportOutcome =
  | {
      status: 'saved';
      receipt: HandoffLogInput & {
        checkedOnDrive: boolean;
        /** The copies for people inside the package (file names). */
        readable: string[];
        /** Why the briefing's PDF is not among them, when there is one to carry. */
        briefingMissing?: string;
      };
    }
  | { status: 'canceled' }
  | { status: 'failed'; message: string };

/**
 * Builds a package of the chosen data, has the platform sign it (the key never reaches the page
 * in the desktop app), writes it where the user chooses, and records it in the hand-off log.
 */
export async function exportPackage(
  choice: ExportChoice,
  onStep: (step: ExportStep) => void,
  /** A USB stick's path: written there, read back and checked; otherwise 另存为. */
  drive?: string,
): Promise<ExportOutcome> {
  const info = await platform.getAppInfo();
  // The period's latest issued briefing, as printed, for people at the county.
  const files: Record<string, Uint8Array> = {};
  let briefingMissing: string | undefined;
  const briefing = await actions.packageBriefing(choice);
  if (briefing) {
    onStep('print');
    const route = `/print/briefing/issued/${briefing.id}`;
    grantPrint(route);
    const printed = await platform.printPdf({ route, landscape: false });
    if (printed.status === 'printed') files[briefingPdfName(briefing.month)] = printed.data;
    else briefingMissing = printed.message;
  }
  const built = await actions.buildPackage(choice, platform, {
    appVersion: info.version,
    onStep,
    readable: true,
    files,
  });
  onStep('write');
  const name = packageFileName(built.manifest.town.name, built.manifest.period, new Date());
  let place: string;
  if (drive) {
    const written = await platform.writeToDrive({ drive, name, data: built.data });
    if (written.status === 'failed') return { status: 'failed', message: written.message };
    place = written.path;
  } else {
    const saved = await platform.saveFile({
      suggestedName: name,
      data: built.data,
      filters: [{ name: '数据交换包', extensions: ['zip'] }],
    });
    if (saved.status === 'canceled') return { status: 'canceled' };
    if (saved.status === 'failed') return { status: 'failed', message: saved.message };
    place = saved.path;
  }
  const entry = logOf(place, { data: built.data, sha256: await sha256Hex(built.data) }, built);
  await actions.logExport(entry);
  const readable = built.manifest.entries
    .map((e) => e.name)
    .filter((n) => n.startsWith('readable/'))
    .map((n) => n.slice('readable/'.length));
  return {
    status: 'saved',
    receipt: { ...entry, checkedOnDrive: Boolean(drive), readable, briefingMissing },
  };
}

/**
 * Takes a complete backup now; resolves with its name, or throws with a Chinese message. A
 * failure is remembered (the dashboard shows it until a backup succeeds).
 */
export async function backupNow(reason: BackupReason): Promise<string> {
  let name: string;
  try {
    const info = await platform.getAppInfo();
    const built = await actions.buildPackage(EVERYTHING, platform, {
      appVersion: info.version,
      backup: true,
    });
    const result = await platform.writeBackup(reason, built.data);
    if (result.status === 'failed')
      throw new InputError([{ field: 'backup', message: result.message }]);
    name = result.name;
  } catch (error) {
    console.error('[eco-desk] backup', error);
    const message = `${BACKUP_REASON_LABELS[reason]}备份没有完成：${messageOf(error)}`;
    await actions
      .recordBackupOutcome({ at: new Date().toISOString(), reason, message })
      .catch(() => undefined);
    throw new InputError([{ field: 'backup', message }], { cause: error });
  }
  await actions.recordBackupOutcome(null).catch(() => undefined);
  backupsChanged();
  return name;
}

/** A failure in words: the app's own messages as they are, anything else as "could not". */
const messageOf = (error: unknown): string =>
  error instanceof InputError
    ? error.issues.map((i) => i.message).join('')
    : '读取或打包数据时出错（详情见日志）。';

export interface ImportReview {
  /** A backup (kept here, or a backup file): restored (replacing the data) rather than merged. */
  backup: boolean;
  /**
   * The tables a package of format version 1 carried that an import leaves out (this PC's
   * town, settings, hand-off log): the page says so.
   */
  leftOut: string[];
  tables: Record<string, unknown[]>;
  /** What the hand-off log will keep of the file: its name, hash, size, period, counts, maker. */
  log: HandoffLogInput;
  manifest: Manifest;
  plan: ImportPlan;
  /** For a backup: what the restore replaces (counts now and after, items lost). */
  restore?: RestorePreview;
  attachment: (id: string) => Uint8Array;
}

/** A restore merges nothing: it has no plan of its own. */
const NO_PLAN: ImportPlan = {
  items: [],
  counts: { new: 0, changed: 0, unchanged: 0, keptLocal: 0, merged: 0, conflict: 0, rejected: 0 },
  renumbered: [],
};

/** Why a package cannot be taken, one problem a line (the first twenty, and how many more). */
const refusal = (name: string, error: InputError, backup: boolean) => ({
  problem: `《${name}》${backup ? '不能恢复' : '不能导入'}：${error.issues.map((i) => i.message).join('\n')}`,
});

/**
 * Opens a package (chosen by the user, or a kept backup by name), checks it completely, and plans
 * the import — or, for a backup (one kept here, or a file that says it is one), the restore;
 * nothing is written.
 */
export async function reviewPackage(
  backup?: string,
  /** Called once the file is read, when the check begins. */
  onChecking: () => void = () => undefined,
): Promise<ImportReview | { problem: string } | null> {
  const opened = backup
    ? await platform.readBackup(backup)
    : await platform.openFile({
        filters: [{ name: '数据交换包或备份', extensions: ['zip'] }],
        maxBytes: 200 * 1024 * 1024,
      });
  if (opened.status === 'canceled') return null;
  if (opened.status === 'failed') return { problem: opened.message };
  onChecking();
  const file = await checkPackage(opened.data);
  const { verified } = file;
  if (!verified.ok) return { problem: `《${opened.name}》不能导入：${verified.problem}` };
  if (verified.manifest.feedback)
    return {
      problem: `《${opened.name}》是${verified.manifest.feedback.county}的督查反馈清单，不是数据交换包：请在“问题整改 → 导入上级反馈清单”里打开它。`,
    };
  const isBackup = Boolean(backup) || verified.manifest.backup === true;
  const { tables, leftOut } = isBackup
    ? { tables: verified.tables, leftOut: [] }
    : importableTables(verified.tables, verified.manifest.formatVersion);
  let plan = NO_PLAN;
  let restore: RestorePreview | undefined;
  try {
    if (isBackup) restore = await actions.planRestore(tables);
    else plan = await actions.planHandoffImport(tables);
  } catch (error) {
    // A record or a history that does not check out (docs/handoff-format.md) is refused by name.
    if (error instanceof InputError) return refusal(opened.name, error, isBackup);
    throw error;
  }
  return {
    backup: isBackup,
    leftOut,
    ...(restore ? { restore } : {}),
    tables,
    log: logOf(opened.name, file, verified),
    manifest: verified.manifest,
    plan,
    attachment: (id) => verified.entry(`attachments/${id}`),
  };
}

/** What the hand-off log keeps of a checked package file. */
function logOf(
  name: string,
  file: { data: Uint8Array; sha256: string },
  checked: { manifest: Manifest; fingerprint: string },
): HandoffLogInput {
  return {
    place: name,
    sha256: file.sha256,
    size: file.data.length,
    period: checked.manifest.period,
    counts: checked.manifest.counts,
    fingerprint: checked.fingerprint,
  };
}

/**
 * Writes a reviewed import, all or nothing, after an automatic backup of the current data (no
 * backup, no import; an empty profile has none to take). A kept backup is restored: the data becomes the backup's.
 */
export async function commitReview(
  review: ImportReview,
  decisions: ReadonlyMap<string, Decision>,
  onStep: (step: 'backup' | 'write') => void = () => undefined,
) {
  // An empty profile (restoring onto a new PC) has nothing to back up.
  if (await actions.hasTownData()) {
    onStep('backup');
    await backupNow(review.backup ? 'restore' : 'import');
  }
  onStep('write');
  const { log } = review;
  if (review.backup)
    return actions.commitRestore({ tables: review.tables, attachment: review.attachment, log });
  return actions.commitHandoffImport({
    plan: review.plan,
    decisions,
    attachment: review.attachment,
    log,
  });
}

/** Copies a kept backup to where the user says (to restore it on another PC). */
export async function saveBackupElsewhere(name: string): Promise<SaveFileResult> {
  const read = await platform.readBackup(name);
  if (read.status === 'canceled') return { status: 'canceled' };
  if (read.status === 'failed')
    return { status: 'failed', reason: 'writeError', message: read.message };
  return platform.saveFile({
    suggestedName: name,
    data: read.data,
    filters: [{ name: '备份', extensions: ['zip'] }],
  });
}

/**
 * When the database cannot be opened: checks a kept backup completely and restores it into a
 * new database that the app opens from then on; the damaged one is left as it is. Resolves with
 * a problem in Chinese, or null once restored (the caller reloads the app).
 */
export async function recoverFromBackup(name: string): Promise<string | null> {
  const opened = await platform.readBackup(name);
  if (opened.status === 'canceled') return '没有读到备份。';
  if (opened.status === 'failed') return opened.message;
  const file = await checkPackage(opened.data);
  const { verified } = file;
  if (!verified.ok) return `备份《${opened.name}》不能恢复：${verified.problem}`;
  await actions.recoverIntoNewDatabase({
    tables: verified.tables,
    attachment: (id) => verified.entry(`attachments/${id}`),
    log: logOf(opened.name, file, verified),
  });
  return null;
}

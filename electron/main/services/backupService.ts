import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  backupsToDelete,
  freeBackupName,
  parseBackupName,
  sortBackups,
  type BackupFile,
  type BackupReason,
} from '@shared/handoff/backups';
import type { BackupWriteResult, OpenFileResult } from '@shared/ipc/api';
import { DiskFullError, ensureFreeSpace, probeFreeBytes, type FreeSpaceProbe } from './diskService';
import { readFileLimited, writeFileAtomic } from './fileService';

/**
 * Backups in `<data folder>/backups`, outside IndexedDB: written atomically after a free-space
 * check (a full disk refuses the backup and leaves every file as it was) under a name no other
 * backup has, then rotated. Only files named like backups are ever listed, read or deleted.
 * Writes are taken one at a time, so that two never pick the same name.
 */
export function createBackupService(deps: {
  dataFolder: string;
  probe?: FreeSpaceProbe;
  now?: () => Date;
  /** The PC's offset east of UTC in minutes at a moment (tests set a zone). */
  offsetMinutes?: (at: Date) => number;
  log?: (message: string) => void;
}) {
  const folder = path.join(deps.dataFolder, 'backups');
  const log = deps.log ?? (() => undefined);
  const offsetOf = deps.offsetMinutes ?? ((at: Date) => -at.getTimezoneOffset());
  let queue: Promise<unknown> = Promise.resolve();

  async function list(): Promise<BackupFile[]> {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const files: BackupFile[] = [];
    for (const name of names) {
      const parsed = parseBackupName(name, 0);
      if (!parsed) continue;
      files.push({ ...parsed, size: (await stat(path.join(folder, name))).size });
    }
    return sortBackups(files);
  }

  async function write(reason: BackupReason, data: Uint8Array): Promise<BackupWriteResult> {
    const now = deps.now?.() ?? new Date();
    let name = '';
    try {
      await mkdir(folder, { recursive: true });
      name = freeBackupName(now, reason, new Set(await readdir(folder)), offsetOf(now));
      await ensureFreeSpace(folder, data.byteLength, deps.probe ?? probeFreeBytes);
      await writeFileAtomic(path.join(folder, name), data, { replace: false });
    } catch (error) {
      log(`backup ${name || reason}: ${String(error)}`);
      return {
        status: 'failed',
        message:
          error instanceof DiskFullError
            ? `磁盘空间不足，无法备份（需要约 ${Math.ceil(error.neededBytes / 1048576)} MB，只剩 ${Math.floor(error.freeBytes / 1048576)} MB）。请清理磁盘。`
            : `无法写入备份文件夹“${folder}”。`,
      };
    }
    try {
      for (const old of backupsToDelete(await list(), now))
        await rm(path.join(folder, old), { force: true });
    } catch (error) {
      // The backup is written; an old one that could not be removed is removed next time.
      log(`backup rotation: ${String(error)}`);
    }
    return { status: 'saved', name };
  }

  return {
    listBackups: list,
    folder,

    writeBackup(reason: BackupReason, data: Uint8Array): Promise<BackupWriteResult> {
      const next = queue.then(() => write(reason, data));
      queue = next.catch(() => undefined);
      return next;
    },

    async readBackup(name: string): Promise<OpenFileResult> {
      if (!parseBackupName(name, 0) || path.basename(name) !== name)
        return { status: 'failed', reason: 'readError', message: '没有这个备份。' };
      try {
        const result = await readFileLimited(path.join(folder, name), 2 * 1024 ** 3);
        if (result.status === 'tooLarge')
          return { status: 'failed', reason: 'tooLarge', message: '这个备份太大，无法读取。' };
        return { status: 'opened', name, data: result.data };
      } catch {
        return { status: 'failed', reason: 'readError', message: `无法读取备份“${name}”。` };
      }
    },
  };
}

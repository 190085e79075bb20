import { randomUUID } from 'node:crypto';
import { link, lstat, open, rename, rm, stat, readFile } from 'node:fs/promises';
import path from 'node:path';
import type {
  OpenFileRequest,
  OpenFileResult,
  PickFilesRequest,
  PickFilesResult,
  SaveFileRequest,
  SaveFileResult,
} from '@shared/ipc/api';
import { MAX_PICKED_FILES } from '@shared/ipc/schemas';
import { DiskFullError, ensureFreeSpace, type FreeSpaceProbe, probeFreeBytes } from './diskService';

/** The target of a write that may not replace a file is there already. */
export class FileExistsError extends Error {
  override name = 'FileExistsError';
  readonly code = 'EEXIST';
}

/**
 * Writes a file so that a crash or power cut leaves either the old file or the new one, never
 * a torn one: write a temporary file beside it, flush it to disk, rename it over the target,
 * then flush the folder so that the rename itself survives. With `replace: false` a file already
 * at the target is never replaced (FileExistsError): the temporary file is linked to the target,
 * which fails if one is there; where links do not exist (a FAT-formatted USB stick) the target
 * is looked for just before the rename.
 */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array,
  options: { mode?: number; replace?: boolean } = {},
): Promise<void> {
  const folder = path.dirname(target);
  const temp = path.join(folder, `.${path.basename(target)}.${randomUUID()}.tmp`);
  const handle = await open(temp, 'wx', options.mode ?? 0o666);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    if (options.replace === false) await moveWithoutReplacing(temp, target);
    else await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

async function moveWithoutReplacing(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
    await rm(temp, { force: true });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(target);
  }
  if (await exists(target)) throw new FileExistsError(target);
  await rename(temp, target);
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return; // Windows cannot open a folder for fsync.
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export type ReadLimitedResult =
  { status: 'ok'; data: Uint8Array } | { status: 'tooLarge'; size: number };

/** Reads a whole file unless it is larger than `maxBytes` (checked before reading). */
export async function readFileLimited(file: string, maxBytes: number): Promise<ReadLimitedResult> {
  const info = await stat(file);
  if (info.size > maxBytes) return { status: 'tooLarge', size: info.size };
  const data = await readFile(file);
  if (data.byteLength > maxBytes) return { status: 'tooLarge', size: data.byteLength };
  return { status: 'ok', data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

/** The two dialog calls the service needs, as Electron's `dialog` provides them. */
export interface FileDialogs {
  showSaveDialog(options: {
    defaultPath: string;
    filters?: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePath?: string | undefined }>;
  showOpenDialog(options: {
    properties: ('openFile' | 'multiSelections')[];
    filters?: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export function createFileService(deps: {
  dialogs: FileDialogs;
  defaultFolder: () => string;
  probe?: FreeSpaceProbe;
  log?: (message: string) => void;
}) {
  const log = deps.log ?? (() => undefined);
  /** The paths of the last pick, by token: the page names a file only by a token it was given. */
  const picked = new Map<string, string>();
  async function readChosen(file: string, maxBytes: number): Promise<OpenFileResult> {
    try {
      const result = await readFileLimited(file, maxBytes);
      if (result.status === 'tooLarge') {
        return {
          status: 'failed',
          reason: 'tooLarge',
          message: `文件“${path.basename(file)}”有 ${(result.size / 1048576).toFixed(1)} MB，超过了 ${(maxBytes / 1048576).toFixed(1)} MB 的上限。`,
        };
      }
      return { status: 'opened', name: path.basename(file), data: result.data };
    } catch (error) {
      log(`openFile ${file}: ${String(error)}`);
      return {
        status: 'failed',
        reason: 'readError',
        message: `无法读取“${path.basename(file)}”：请确认文件存在并且没有被其他程序占用。`,
      };
    }
  }
  return {
    async saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
      const choice = await deps.dialogs.showSaveDialog({
        defaultPath: path.join(deps.defaultFolder(), request.suggestedName),
        ...(request.filters ? { filters: request.filters } : {}),
      });
      if (choice.canceled || !choice.filePath) return { status: 'canceled' };
      const target = choice.filePath;
      try {
        await ensureFreeSpace(
          path.dirname(target),
          request.data.byteLength,
          deps.probe ?? probeFreeBytes,
        );
        await writeFileAtomic(target, request.data);
        return { status: 'saved', path: target };
      } catch (error) {
        log(`saveFile ${target}: ${String(error)}`);
        if (error instanceof DiskFullError) {
          return {
            status: 'failed',
            reason: 'diskFull',
            message: `磁盘空间不足：保存到“${path.dirname(target)}”需要约 ${Math.ceil(error.neededBytes / 1048576)} MB，只剩 ${Math.floor(error.freeBytes / 1048576)} MB。请换一个位置或清理磁盘。`,
          };
        }
        return {
          status: 'failed',
          reason: 'writeError',
          message: `无法写入“${target}”：请确认该位置可写、文件没有被其他程序打开。`,
        };
      }
    },

    async openFile(request: OpenFileRequest): Promise<OpenFileResult> {
      const choice = await deps.dialogs.showOpenDialog({
        properties: ['openFile'],
        ...(request.filters ? { filters: request.filters } : {}),
      });
      const file = choice.filePaths[0];
      if (choice.canceled || !file) return { status: 'canceled' };
      return readChosen(file, request.maxBytes);
    },

    /** Several files: their names and sizes, each read later by its token (never all at once). */
    async pickFiles(request: PickFilesRequest): Promise<PickFilesResult> {
      const choice = await deps.dialogs.showOpenDialog({
        properties: ['openFile', 'multiSelections'],
        ...(request.filters ? { filters: request.filters } : {}),
      });
      if (choice.canceled || choice.filePaths.length === 0) return { status: 'canceled' };
      picked.clear();
      const files: { token: string; name: string; size: number }[] = [];
      for (const file of choice.filePaths.slice(0, MAX_PICKED_FILES)) {
        const token = randomUUID();
        picked.set(token, file);
        let size = 0;
        try {
          size = (await stat(file)).size;
        } catch {
          // Read later: the read says why it cannot be.
        }
        files.push({ token, name: path.basename(file), size });
      }
      return { status: 'picked', files };
    },

    /** A file of the last pick, by its token; a token not given by that pick reads nothing. */
    readPickedFile(token: string, maxBytes: number): Promise<OpenFileResult> {
      const file = picked.get(token);
      if (!file)
        return Promise.resolve({
          status: 'failed',
          reason: 'readError',
          message: '这个文件已不在所选的文件中，请重新选择。',
        });
      return readChosen(file, maxBytes);
    },
  };
}

import { statfs } from 'node:fs/promises';

/** Room kept free beyond what a write needs, so that the system itself never runs dry. */
export const DISK_MARGIN_BYTES = 50 * 1024 * 1024;

export class DiskFullError extends Error {
  constructor(
    readonly folder: string,
    readonly neededBytes: number,
    readonly freeBytes: number,
  ) {
    super(`not enough free space in ${folder}: need ${neededBytes}, free ${freeBytes}`);
    this.name = 'DiskFullError';
  }
}

export type FreeSpaceProbe = (folder: string) => Promise<number>;

export const probeFreeBytes: FreeSpaceProbe = async (folder) => {
  const stats = await statfs(folder);
  return stats.bavail * stats.bsize;
};

/** Refuses a write of `bytes` into `folder` unless that much plus the margin is free. */
export async function ensureFreeSpace(
  folder: string,
  bytes: number,
  probe: FreeSpaceProbe = probeFreeBytes,
): Promise<void> {
  const free = await probe(folder);
  const needed = bytes + DISK_MARGIN_BYTES;
  if (free < needed) throw new DiskFullError(folder, needed, free);
}

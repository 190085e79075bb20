import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { verifyPackage } from '@shared/handoff/package';
import type { DriveWriteResult, RemovableDrive } from '@shared/ipc/api';
import { DiskFullError, ensureFreeSpace, probeFreeBytes, type FreeSpaceProbe } from './diskService';
import { writeFileAtomic } from './fileService';

const run = promisify(execFile);

/** Removable drives from `lsblk -J -b -o NAME,RM,HOTPLUG,MOUNTPOINT,LABEL,SIZE` (Linux). */
export function parseLsblk(json: string): RemovableDrive[] {
  interface Device {
    name?: string;
    rm?: boolean | string;
    hotplug?: boolean | string;
    mountpoint?: string | null;
    label?: string | null;
    size?: number | string;
    children?: Device[];
  }
  const yes = (v: unknown) => v === true || v === '1' || v === 1;
  const drives: RemovableDrive[] = [];
  const walk = (devices: Device[], removable: boolean) => {
    for (const d of devices) {
      const isRemovable = removable || yes(d.rm) || yes(d.hotplug);
      if (isRemovable && d.mountpoint && d.mountpoint !== '/' && !d.mountpoint.startsWith('/boot'))
        drives.push({
          path: d.mountpoint,
          label: d.label || d.name || d.mountpoint,
          sizeBytes: Number(d.size) || 0,
        });
      if (d.children) walk(d.children, isRemovable);
    }
  };
  try {
    walk((JSON.parse(json) as { blockdevices?: Device[] }).blockdevices ?? [], false);
  } catch {
    return [];
  }
  return drives;
}

/** Removable drives from PowerShell's Win32_LogicalDisk (DriveType 2) as JSON (Windows). */
export function parseWindowsDisks(json: string): RemovableDrive[] {
  interface Disk {
    DeviceID?: string;
    VolumeName?: string | null;
    Size?: number | null;
  }
  try {
    const parsed = JSON.parse(json) as Disk | Disk[] | null;
    const disks = parsed === null ? [] : Array.isArray(parsed) ? parsed : [parsed];
    return disks
      .filter((d) => typeof d.DeviceID === 'string' && /^[A-Z]:$/.test(d.DeviceID))
      .map((d) => ({
        path: `${d.DeviceID}\\`,
        label: d.VolumeName || `U盘 (${d.DeviceID})`,
        sizeBytes: d.Size ?? 0,
      }));
  } catch {
    return [];
  }
}

/**
 * USB sticks: which are plugged in, and writing a package to one so that it is safe to unplug —
 * written atomically, read back from the stick, and checked entry by entry before saying so.
 */
export function createDriveService(deps: {
  platform: NodeJS.Platform;
  list?: () => Promise<RemovableDrive[]>;
  probe?: FreeSpaceProbe;
  log?: (message: string) => void;
}) {
  const log = deps.log ?? (() => undefined);
  async function listDrives(): Promise<RemovableDrive[]> {
    if (deps.list) return deps.list();
    try {
      if (deps.platform === 'win32') {
        const { stdout } = await run('powershell.exe', [
          '-NoProfile',
          '-Command',
          'Get-CimInstance Win32_LogicalDisk -Filter "DriveType=2" | Select-Object DeviceID,VolumeName,Size | ConvertTo-Json',
        ]);
        return parseWindowsDisks(stdout);
      }
      const { stdout } = await run('lsblk', [
        '-J',
        '-b',
        '-o',
        'NAME,RM,HOTPLUG,MOUNTPOINT,LABEL,SIZE',
      ]);
      return parseLsblk(stdout);
    } catch (error) {
      log(`listDrives: ${String(error)}`);
      return [];
    }
  }
  return {
    listDrives,
    async writeToDrive(request: {
      drive: string;
      name: string;
      data: Uint8Array;
    }): Promise<DriveWriteResult> {
      // Only a drive that is listed as removable right now, and a plain file name.
      const drives = await listDrives();
      if (!drives.some((d) => d.path === request.drive))
        return { status: 'failed', message: '找不到这个U盘，请重新插入后刷新。' };
      if (path.basename(request.name) !== request.name || !request.name.endsWith('.zip'))
        return { status: 'failed', message: '文件名不正确。' };
      const target = path.join(request.drive, request.name);
      try {
        await ensureFreeSpace(request.drive, request.data.byteLength, deps.probe ?? probeFreeBytes);
        await writeFileAtomic(target, request.data);
        const back = new Uint8Array(await readFile(target));
        const expected = bytesToHex(sha256(request.data));
        if (bytesToHex(sha256(back)) !== expected)
          return {
            status: 'failed',
            message: '写入U盘后读回的内容不一致，U盘可能有问题，请换一个U盘。',
          };
        const check = verifyPackage(back);
        if (!check.ok)
          return { status: 'failed', message: `写入U盘后读回检查没有通过：${check.problem}` };
        return { status: 'verified', path: target, sha256: expected };
      } catch (error) {
        log(`writeToDrive ${target}: ${String(error)}`);
        return {
          status: 'failed',
          message:
            error instanceof DiskFullError
              ? `U盘空间不足：需要约 ${Math.ceil(error.neededBytes / 1048576)} MB，只剩 ${Math.floor(error.freeBytes / 1048576)} MB。`
              : `无法写入U盘“${request.drive}”：请确认U盘没有写保护、没有被拔出。`,
        };
      }
    },
  };
}

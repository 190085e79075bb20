import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { verifyPackage } from '@shared/handoff/package';
import type { DriveWriteResult, RemovableDrive } from '@shared/ipc/api';
import { DiskFullError, ensureFreeSpace, probeFreeBytes, type FreeSpaceProbe } from './diskService';
import { FileExistsError, writeFileAtomic } from './fileService';

const execFileAsync = promisify(execFile);

/** Runs a program (no shell) and gives its standard output. */
export type Run = (file: string, args: readonly string[]) => Promise<{ stdout: string }>;

const LSBLK_PLACES = ['/usr/bin/lsblk', '/bin/lsblk', '/usr/sbin/lsblk', '/sbin/lsblk'];

/**
 * The program that lists drives, by absolute path: a `powershell.exe` in the current folder or
 * an `lsblk` earlier in PATH is never the one run. Windows' own PowerShell lives under the
 * system folder (%SystemRoot%, C:\Windows unless Windows was installed elsewhere); lsblk is
 * util-linux's, in /usr/bin or /bin. Null when there is none.
 */
export function driveLister(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  fileExists: (file: string) => boolean,
): string | null {
  if (platform === 'win32') {
    const root = env.SystemRoot ?? env.windir;
    const systemRoot = root && /^[A-Za-z]:\\[^;"<>|*?]*$/.test(root) ? root : 'C:\\Windows';
    return path.win32.join(systemRoot, 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe');
  }
  return LSBLK_PLACES.find(fileExists) ?? null;
}

/** `青山镇.zip`, then `青山镇 (2).zip` … : never a name already on the stick. */
export function driveFileNames(name: string, count = 20): string[] {
  const stem = name.slice(0, -'.zip'.length);
  return [name, ...Array.from({ length: count - 1 }, (_, i) => `${stem} (${i + 2}).zip`)];
}

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
  /** How programs are run and found (tests watch what would be run). */
  run?: Run;
  env?: Record<string, string | undefined>;
  fileExists?: (file: string) => boolean;
}) {
  const log = deps.log ?? (() => undefined);
  const run: Run = deps.run ?? ((file, args) => execFileAsync(file, [...args]));
  async function listDrives(): Promise<RemovableDrive[]> {
    if (deps.list) return deps.list();
    try {
      const program = driveLister(
        deps.platform,
        deps.env ?? process.env,
        deps.fileExists ?? existsSync,
      );
      if (!program) {
        log('listDrives: no lsblk in /usr/bin, /bin, /usr/sbin or /sbin');
        return [];
      }
      if (deps.platform === 'win32') {
        const { stdout } = await run(program, [
          '-NoProfile',
          '-NonInteractive',
          '-Command',
          'Get-CimInstance Win32_LogicalDisk -Filter "DriveType=2" | Select-Object DeviceID,VolumeName,Size | ConvertTo-Json',
        ]);
        return parseWindowsDisks(stdout);
      }
      const { stdout } = await run(program, [
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
      let target = path.join(request.drive, request.name);
      try {
        await ensureFreeSpace(request.drive, request.data.byteLength, deps.probe ?? probeFreeBytes);
        // A file already on the stick (another town's package, or this one copied before) is
        // never replaced: the package goes under the next free name, which the receipt shows.
        let written = false;
        for (const name of driveFileNames(request.name)) {
          target = path.join(request.drive, name);
          try {
            await writeFileAtomic(target, request.data, { replace: false });
            written = true;
            break;
          } catch (error) {
            if (!(error instanceof FileExistsError)) throw error;
          }
        }
        if (!written)
          return {
            status: 'failed',
            message: `U盘上已有 20 个同名的包（“${request.name}”等），请先整理U盘。`,
          };
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

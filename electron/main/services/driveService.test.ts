import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPackage, newKeyPair } from '@shared/handoff/package';
import {
  createDriveService,
  driveLister,
  parseLsblk,
  parseWindowsDisks,
  type Run,
} from './driveService';

let stick = '';
beforeEach(() => {
  stick = mkdtempSync(path.join(os.tmpdir(), 'eco-desk-stick-'));
});
afterEach(() => rmSync(stick, { recursive: true, force: true }));

const pkg = createPackage({
  appVersion: '0.1.0',
  town: { id: 't', name: '青山镇' },
  period: { from: '2026-01', to: '2026-10' },
  createdAt: '2026-11-28T00:00:00.000Z',
  tables: { villages: [{ id: 'v1' }] },
  files: {},
  secretKey: newKeyPair().secretKey,
});

describe('finding USB sticks', () => {
  it('reads removable, mounted partitions from lsblk (Linux), not the system disk', () => {
    const json = JSON.stringify({
      blockdevices: [
        {
          name: 'sda',
          rm: false,
          hotplug: false,
          mountpoint: null,
          size: 256e9,
          children: [{ name: 'sda1', rm: false, hotplug: false, mountpoint: '/', size: 256e9 }],
        },
        {
          name: 'sdb',
          rm: true,
          hotplug: true,
          mountpoint: null,
          size: 16e9,
          children: [
            {
              name: 'sdb1',
              rm: true,
              hotplug: true,
              mountpoint: '/media/office/KINGSTON',
              label: 'KINGSTON',
              size: 16e9,
            },
          ],
        },
        { name: 'sdc', rm: '1', hotplug: '1', mountpoint: null, size: '8000000000' },
      ],
    });
    expect(parseLsblk(json)).toEqual([
      { path: '/media/office/KINGSTON', label: 'KINGSTON', sizeBytes: 16e9 },
    ]);
    expect(parseLsblk('not json')).toEqual([]);
  });

  it('reads removable drives from PowerShell (Windows), one or many', () => {
    expect(parseWindowsDisks('{"DeviceID":"E:","VolumeName":"U盘","Size":16000000000}')).toEqual([
      { path: 'E:\\', label: 'U盘', sizeBytes: 16e9 },
    ]);
    expect(
      parseWindowsDisks(
        '[{"DeviceID":"E:","VolumeName":null,"Size":null},{"DeviceID":"F:","VolumeName":"DATA","Size":1}]',
      ),
    ).toEqual([
      { path: 'E:\\', label: 'U盘 (E:)', sizeBytes: 0 },
      { path: 'F:\\', label: 'DATA', sizeBytes: 1 },
    ]);
    expect(parseWindowsDisks('')).toEqual([]);
  });
});

describe('the program that lists drives, by absolute path', () => {
  const only =
    (...files: string[]) =>
    (file: string) =>
      files.includes(file);

  it('lsblk from /usr/bin or /bin, never by name from PATH', () => {
    expect(driveLister('linux', {}, only('/usr/bin/lsblk', '/bin/lsblk'))).toBe('/usr/bin/lsblk');
    expect(driveLister('linux', {}, only('/bin/lsblk'))).toBe('/bin/lsblk');
    expect(driveLister('linux', { PATH: '/tmp/evil' }, only('/tmp/evil/lsblk'))).toBeNull();
  });

  it('Windows’ own PowerShell under the system folder, wherever Windows is', () => {
    const ps = 'System32\\WindowsPowerShell\\v1.0\\powershell.exe';
    expect(driveLister('win32', { SystemRoot: 'D:\\Windows' }, only())).toBe(`D:\\Windows\\${ps}`);
    expect(driveLister('win32', {}, only())).toBe(`C:\\Windows\\${ps}`);
    // Not a drive-rooted folder (a relative one, a UNC share, a list): the default.
    for (const SystemRoot of ['Windows', '\\\\server\\share', 'C:\\Windows;D:\\x'])
      expect(driveLister('win32', { SystemRoot }, only())).toBe(`C:\\Windows\\${ps}`);
  });

  it('listDrives runs exactly that program, without a shell', async () => {
    const ran: [string, readonly string[]][] = [];
    const run: Run = (file, args) => {
      ran.push([file, args]);
      return Promise.resolve({ stdout: file.endsWith('.exe') ? 'null' : '{"blockdevices":[]}' });
    };
    const fileExists = (file: string) => file === '/bin/lsblk';
    await createDriveService({ platform: 'linux', run, env: {}, fileExists }).listDrives();
    await createDriveService({ platform: 'win32', run, env: {}, fileExists }).listDrives();
    expect(ran.map(([file]) => file)).toEqual([
      '/bin/lsblk',
      'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    ]);
  });

  it('no lsblk at all: no drives, and the log says why', async () => {
    const logged: string[] = [];
    const run: Run = () => Promise.reject(new Error('must not run'));
    const service = createDriveService({
      platform: 'linux',
      run,
      env: {},
      fileExists: () => false,
      log: (m) => logged.push(m),
    });
    expect(await service.listDrives()).toEqual([]);
    expect(logged).toEqual(['listDrives: no lsblk in /usr/bin, /bin, /usr/sbin or /sbin']);
  });
});

describe('writing to a stick (a folder standing in for one)', () => {
  const service = (probe = () => Promise.resolve(10 * 1024 ** 3)) =>
    createDriveService({
      platform: 'linux',
      list: () => Promise.resolve([{ path: stick, label: 'STICK', sizeBytes: 0 }]),
      probe,
    });

  it('writes, reads back, checks every entry, and reports the hash', async () => {
    const result = await service().writeToDrive({ drive: stick, name: '青山镇.zip', data: pkg });
    expect(result).toMatchObject({ status: 'verified', path: path.join(stick, '青山镇.zip') });
    expect(new Uint8Array(readFileSync(path.join(stick, '青山镇.zip')))).toEqual(pkg);
  });

  it('refuses a drive that is not a listed stick, a path in the name, a full stick', async () => {
    const elsewhere = path.join(stick, 'sub');
    mkdirSync(elsewhere);
    expect(await service().writeToDrive({ drive: elsewhere, name: 'a.zip', data: pkg })).toEqual({
      status: 'failed',
      message: '找不到这个U盘，请重新插入后刷新。',
    });
    expect(await service().writeToDrive({ drive: stick, name: '../a.zip', data: pkg })).toEqual({
      status: 'failed',
      message: '文件名不正确。',
    });
    const full = await service(() => Promise.resolve(1024)).writeToDrive({
      drive: stick,
      name: 'a.zip',
      data: pkg,
    });
    expect(full.status === 'failed' && full.message).toMatch(/^U盘空间不足/);
  });

  it('never replaces a file already on the stick: the package goes under the next free name', async () => {
    writeFileSync(path.join(stick, '青山镇.zip'), 'another town’s package');
    writeFileSync(path.join(stick, '青山镇 (2).zip'), 'an older copy');
    const result = await service().writeToDrive({ drive: stick, name: '青山镇.zip', data: pkg });
    expect(result).toMatchObject({ status: 'verified', path: path.join(stick, '青山镇 (3).zip') });
    expect(readFileSync(path.join(stick, '青山镇.zip'), 'utf8')).toBe('another town’s package');
    expect(readFileSync(path.join(stick, '青山镇 (2).zip'), 'utf8')).toBe('an older copy');
    expect(new Uint8Array(readFileSync(path.join(stick, '青山镇 (3).zip')))).toEqual(pkg);
    expect(readdirSync(stick).sort()).toEqual(['青山镇 (2).zip', '青山镇 (3).zip', '青山镇.zip']);
  });

  it('says so when twenty names are taken, writing nothing', async () => {
    writeFileSync(path.join(stick, 'a.zip'), 'x');
    for (let i = 2; i <= 20; i += 1) writeFileSync(path.join(stick, `a (${i}).zip`), 'x');
    expect(await service().writeToDrive({ drive: stick, name: 'a.zip', data: pkg })).toEqual({
      status: 'failed',
      message: 'U盘上已有 20 个同名的包（“a.zip”等），请先整理U盘。',
    });
    expect(readdirSync(stick)).toHaveLength(20);
  });

  it('does not call a broken package safe: it is read back and refused', async () => {
    const broken = pkg.slice(0, pkg.length - 10);
    const result = await service().writeToDrive({ drive: stick, name: 'b.zip', data: broken });
    expect(result).toEqual({
      status: 'failed',
      message: '写入U盘后读回检查没有通过：文件不完整（可能复制时中断了），请重新导出或重新复制。',
    });
  });
});

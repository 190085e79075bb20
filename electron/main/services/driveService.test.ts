import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPackage, newKeyPair } from '@shared/handoff/package';
import { createDriveService, parseLsblk, parseWindowsDisks } from './driveService';

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

  it('does not call a broken package safe: it is read back and refused', async () => {
    const broken = pkg.slice(0, pkg.length - 10);
    const result = await service().writeToDrive({ drive: stick, name: 'b.zip', data: broken });
    expect(result).toEqual({
      status: 'failed',
      message: '写入U盘后读回检查没有通过：文件不完整（可能复制时中断了），请重新导出或重新复制。',
    });
  });
});

import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackupService } from './backupService';

let folder = '';
beforeEach(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'eco-desk-backups-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const plenty = () => Promise.resolve(10 * 1024 ** 3);

describe('backups in the data folder', () => {
  it('writes a backup named in local time, lists it, reads it back byte for byte', async () => {
    const service = createBackupService({
      dataFolder: folder,
      probe: plenty,
      now: () => new Date('2026-11-28T08:00:00Z'),
      offsetMinutes: () => 480,
    });
    const data = new Uint8Array([1, 2, 3, 4]);
    // 08:00 UTC is 16:00 on the office's clock in Beijing.
    expect(await service.writeBackup('import', data)).toEqual({
      status: 'saved',
      name: 'eco-desk-backup-20261128-160000+0800-import.zip',
    });
    expect(await service.listBackups()).toEqual([
      {
        name: 'eco-desk-backup-20261128-160000+0800-import.zip',
        size: 4,
        at: '2026-11-28T08:00:00.000Z',
        local: '2026-11-28T16:00:00',
        reason: 'import',
      },
    ]);
    const read = await service.readBackup('eco-desk-backup-20261128-160000+0800-import.zip');
    expect(read.status === 'opened' && [...read.data]).toEqual([1, 2, 3, 4]);
  });

  it('two backups in the same second are two files: the second replaces nothing', async () => {
    const service = createBackupService({
      dataFolder: folder,
      probe: plenty,
      now: () => new Date('2026-11-28T08:00:00Z'),
      offsetMinutes: () => 480,
    });
    // Taken at once, as an import's backup right after a manual one.
    const [a, b] = await Promise.all([
      service.writeBackup('manual', new Uint8Array([1])),
      service.writeBackup('manual', new Uint8Array([2])),
    ]);
    expect([a, b].map((r) => r.status === 'saved' && r.name)).toEqual([
      'eco-desk-backup-20261128-160000+0800-manual.zip',
      'eco-desk-backup-20261128-160000+0800-manual-2.zip',
    ]);
    const contents = await Promise.all(
      (await service.listBackups()).map(async (f) => {
        const read = await service.readBackup(f.name);
        return read.status === 'opened' ? read.data[0] : -1;
      }),
    );
    expect(contents).toEqual([2, 1]);
  });

  it('keeps the restore point of an import after later manual backups the same day', async () => {
    let now = new Date('2026-11-28T08:00:00Z');
    const service = createBackupService({
      dataFolder: folder,
      probe: plenty,
      now: () => now,
      offsetMinutes: () => 480,
    });
    await service.writeBackup('import', new Uint8Array([1]));
    for (const hour of [9, 10, 11]) {
      now = new Date(`2026-11-28T${String(hour).padStart(2, '0')}:00:00Z`);
      await service.writeBackup('manual', new Uint8Array([hour]));
    }
    // Three days later: the manual ones of that day are past 48 hours and only the day's newest
    // stays; the import's restore point stays for 30 days.
    now = new Date('2026-12-01T08:00:00Z');
    await service.writeBackup('daily', new Uint8Array([0]));
    expect((await service.listBackups()).map((b) => `${b.local} ${b.reason}`)).toEqual([
      '2026-12-01T16:00:00 daily',
      '2026-11-28T19:00:00 manual',
      '2026-11-28T16:00:00 import',
    ]);
  });

  it('rotates: ten daily backups, the last taken now, leave seven', async () => {
    let day = 19;
    const service = createBackupService({
      dataFolder: folder,
      probe: plenty,
      now: () => new Date(`2026-11-${day}T08:00:00Z`),
      offsetMinutes: () => 480,
    });
    for (; day <= 28; day += 1) await service.writeBackup('daily', new Uint8Array([day]));
    const names = (await service.listBackups()).map((b) => b.local.slice(0, 10));
    expect(names).toEqual([
      '2026-11-28',
      '2026-11-27',
      '2026-11-26',
      '2026-11-25',
      '2026-11-24',
      '2026-11-23',
      '2026-11-22',
    ]);
  });

  it('a full disk refuses the backup in Chinese and leaves the folder as it was', async () => {
    const service = createBackupService({
      dataFolder: folder,
      probe: () => Promise.resolve(10 * 1024 * 1024),
      now: () => new Date('2026-11-28T08:00:00Z'),
    });
    const result = await service.writeBackup('daily', new Uint8Array(1024));
    expect(result.status).toBe('failed');
    expect(result.status === 'failed' && result.message).toMatch(/^磁盘空间不足，无法备份/);
    expect(readdirSync(path.join(folder, 'backups'))).toEqual([]);
  });

  it('reads and lists only backup files; other names and paths are refused', async () => {
    const service = createBackupService({ dataFolder: folder, probe: plenty });
    await service.writeBackup('manual', new Uint8Array([1]));
    writeFileSync(path.join(folder, 'backups', 'notes.txt'), 'x');
    writeFileSync(path.join(folder, 'secret.zip'), 'x');
    expect((await service.listBackups()).map((b) => b.reason)).toEqual(['manual']);
    for (const name of ['../secret.zip', 'notes.txt', '../backups/notes.txt'])
      expect(await service.readBackup(name)).toEqual({
        status: 'failed',
        reason: 'readError',
        message: '没有这个备份。',
      });
  });
});

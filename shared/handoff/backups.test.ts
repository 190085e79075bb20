import { describe, expect, it } from 'vitest';
import {
  backupName,
  backupsToDelete,
  freeBackupName,
  parseBackupName,
  sortBackups,
  type BackupFile,
  type BackupReason,
} from './backups';

const BEIJING = 480;

/** A backup taken at a UTC instant on a PC in Beijing. */
const at = (iso: string, reason: BackupReason = 'daily'): BackupFile =>
  parseBackupName(backupName(new Date(iso), reason, BEIJING), 1)!;

describe('backup names', () => {
  it('are in the PC’s local time with its offset, and read back to the exact instant', () => {
    // 09:05:03 UTC is 17:05:03 in Beijing.
    const name = backupName(new Date('2026-11-28T09:05:03.120Z'), 'import', BEIJING);
    expect(name).toBe('eco-desk-backup-20261128-170503+0800-import.zip');
    expect(parseBackupName(name, 10)).toEqual({
      name,
      size: 10,
      at: '2026-11-28T09:05:03.000Z',
      local: '2026-11-28T17:05:03',
      reason: 'import',
    });
    // 23:30 UTC on 11-30 is already 12-01 07:30 in Beijing.
    expect(backupName(new Date('2026-11-30T23:30:00Z'), 'daily', BEIJING)).toBe(
      'eco-desk-backup-20261201-073000+0800-daily.zip',
    );
    // West of UTC: 02:00 UTC is 21:00 the day before in New York (−5 h).
    expect(backupName(new Date('2026-12-01T02:00:00Z'), 'manual', -300)).toBe(
      'eco-desk-backup-20261130-210000-0500-manual.zip',
    );
    expect(parseBackupName('eco-desk-backup-20261130-210000-0500-manual.zip', 1)?.at).toBe(
      '2026-12-01T02:00:00.000Z',
    );
  });

  it('of earlier versions (UTC, no offset) are still read', () => {
    expect(parseBackupName('eco-desk-backup-20261128-090503-import.zip', 5)).toMatchObject({
      at: '2026-11-28T09:05:03.000Z',
      local: '2026-11-28T09:05:03',
      reason: 'import',
    });
  });

  it('nothing else is taken for a backup', () => {
    for (const name of [
      '../eco-desk-backup-20261128-090503-import.zip',
      'notes.txt',
      'eco-desk-backup-20261128-090503-import.zip.tmp',
      'eco-desk-backup-20261128-090503-other.zip',
      'eco-desk-backup-20261128-090503+0800-import-0.zip',
      'eco-desk-backup-20261340-090503+0800-import.zip', // month 13
    ])
      expect(parseBackupName(name, 1), name).toBeNull();
  });

  it('two backups in the same second get two names: neither replaces the other', () => {
    const now = new Date('2026-12-01T01:00:00.100Z');
    const first = freeBackupName(now, 'manual', new Set(), BEIJING);
    const second = freeBackupName(now, 'manual', new Set([first]), BEIJING);
    const third = freeBackupName(now, 'manual', new Set([first, second]), BEIJING);
    expect([first, second, third]).toEqual([
      'eco-desk-backup-20261201-090000+0800-manual.zip',
      'eco-desk-backup-20261201-090000+0800-manual-2.zip',
      'eco-desk-backup-20261201-090000+0800-manual-3.zip',
    ]);
    const files = [first, second, third].map((n) => parseBackupName(n, 1)!);
    expect(sortBackups(files).map((b) => b.name)).toEqual([third, second, first]);
  });
});

describe('rotation', () => {
  const NOW = new Date('2026-12-01T02:00:00Z'); // 10:00 in Beijing, a Tuesday

  it('keeps every backup of the last 48 hours, however many', () => {
    // Hourly backups from 11-28 03:00 UTC to now: 72 of them; those of the last 48 h stay.
    const hourly = Array.from({ length: 72 }, (_, i) =>
      at(new Date(NOW.getTime() - (71 - i) * 3_600_000).toISOString(), 'manual'),
    );
    const gone = new Set(backupsToDelete(hourly, NOW));
    const kept = hourly.filter((b) => !gone.has(b.name));
    // The newest is now, 12-01 10:00 in Beijing: the 48 of the last 48 hours stay. Of the 24
    // older ones (11-28 11:00 … 11-29 10:00 in Beijing), those of 11-29 are not that day's
    // newest (11-29 23:00 is, within the 48 hours) and go; 11-28's newest, 23:00, stays as the
    // newest of its day.
    expect(kept).toHaveLength(48 + 1);
    expect(kept[0]?.local).toBe('2026-11-28T23:00:00');
  });

  it('keeps every restore point (导入前/恢复前/升级前) for 30 days, not the manual ones', () => {
    // On 11-10 (Beijing) four backups: manual 09:00, import 10:00, manual 11:00, restore 12:00,
    // and one daily at 08:30 on each day from 11-11 to 12-01.
    const day = [
      at('2026-11-10T01:00:00Z', 'manual'),
      at('2026-11-10T02:00:00Z', 'import'),
      at('2026-11-10T03:00:00Z', 'manual'),
      at('2026-11-10T04:00:00Z', 'restore'),
    ];
    const dailies = Array.from({ length: 20 }, (_, i) =>
      at(`2026-11-${String(11 + i).padStart(2, '0')}T00:30:00Z`),
    );
    dailies.push(at('2026-12-01T00:30:00Z'));
    const gone = new Set(backupsToDelete([...day, ...dailies], NOW));
    // 11-10 is 21 days ago: the import and the restore stay (< 30 days). The manual ones are
    // older than 48 hours and no rotation keeps them: the 7 days are 11-25 … 12-01, the week of
    // 11-09 … 11-15 keeps its newest (11-15's daily), November keeps 11-30's.
    expect(day.filter((b) => !gone.has(b.name)).map((b) => b.reason)).toEqual([
      'import',
      'restore',
    ]);
    // On 12-11 they are 31 days old, restore points no longer: they go as the manual ones did.
    const later = new Date('2026-12-11T02:00:00Z');
    const goneLater = new Set(backupsToDelete([...day, ...dailies], later));
    expect(day.filter((b) => !goneLater.has(b.name))).toEqual([]);
  });

  it('then keeps the newest of each of 7 days, 4 weeks and 12 months', () => {
    // 10 days, 11-19 … 11-28 (Beijing 16:00 each), plus an extra manual one on 11-28 at 15:00;
    // now is 12-05, so none is within 48 hours and none is a restore point.
    const now = new Date('2026-12-05T02:00:00Z');
    const days = Array.from({ length: 10 }, (_, i) =>
      at(`2026-11-${String(19 + i).padStart(2, '0')}T08:00:00Z`),
    );
    const extra = at('2026-11-28T07:00:00Z', 'manual');
    const gone = backupsToDelete([...days, extra], now);
    // Daily: 11-22 … 11-28 (7 days). Weekly (Monday weeks): 11-23…11-29 → 11-28; 11-16…11-22
    // → 11-22. Monthly: 2026-11 → 11-28. So 11-19, 11-20, 11-21 and the 15:00 one go.
    expect(gone.sort()).toEqual([extra.name, days[0]!.name, days[1]!.name, days[2]!.name].sort());
  });

  it('by the local calendar: 07:30 in Beijing on 12-01 belongs to 12-01, not to 11-30', () => {
    const now = new Date('2026-12-10T02:00:00Z');
    const late = at('2026-11-30T15:00:00Z'); // 11-30 23:00 Beijing
    const early = at('2026-11-30T23:30:00Z'); // 12-01 07:30 Beijing
    // Two local days: both are the newest of their day, so both are kept (in UTC they would
    // share 11-30 and the older would go).
    expect(backupsToDelete([late, early], now, { ...NO_EXTRAS, daily: 7 })).toEqual([]);
  });

  it('keeps one a week for 4 weeks and one a month for 12 months from a long history', () => {
    // One backup every 7 days for a year and a half, all on Wednesdays.
    const start = Date.parse('2025-06-04T08:00:00Z');
    const all = Array.from({ length: 78 }, (_, i) =>
      at(new Date(start + i * 7 * 86_400_000).toISOString()),
    );
    const now = new Date(Date.parse(all.at(-1)!.at) + 3 * 86_400_000);
    const gone = new Set(backupsToDelete(all, now));
    const kept = all.filter((b) => !gone.has(b.name));
    // Daily and weekly both pick the newest 4…7 Wednesdays → 7 newest kept; monthly adds the
    // newest of each earlier month back to 12 months in all.
    const months = new Set(kept.map((b) => b.local.slice(0, 7)));
    expect(months.size).toBe(12);
    expect(kept.slice(-7).map((b) => b.name)).toEqual(all.slice(-7).map((b) => b.name));
    expect(kept).toHaveLength(7 + 12 - 2); // the newest two months already hold kept ones
  });

  it('always keeps the newest, even with a policy of nothing', () => {
    const only = at('2026-11-28T08:00:00Z');
    expect(backupsToDelete([only], NOW, NO_EXTRAS)).toEqual([]);
  });
});

const NO_EXTRAS = { keepAllHours: 0, restorePointDays: 0, daily: 0, weekly: 0, monthly: 0 };

import { describe, expect, it } from 'vitest';
import {
  backupName,
  backupsToDelete,
  parseBackupName,
  type BackupFile,
  type BackupReason,
} from './backups';

const at = (iso: string, reason: BackupReason = 'daily'): BackupFile =>
  parseBackupName(backupName(new Date(iso), reason), 1)!;

describe('backup names', () => {
  it('carry the time and the reason, and nothing else is taken for a backup', () => {
    const name = backupName(new Date('2026-11-28T09:05:03.120Z'), 'import');
    expect(name).toBe('eco-desk-backup-20261128-090503-import.zip');
    expect(parseBackupName(name, 10)).toEqual({
      name,
      size: 10,
      at: '2026-11-28T09:05:03.000Z',
      reason: 'import',
    });
    expect(parseBackupName('../eco-desk-backup-20261128-090503-import.zip', 1)).toBeNull();
    expect(parseBackupName('notes.txt', 1)).toBeNull();
  });
});

describe('rotation (7 daily, 4 weekly, 12 monthly)', () => {
  it('keeps the newest of each of the last 7 days; two the same day: the older goes', () => {
    // 10 days, 11-19 … 11-28, one a day at 08:00, plus an extra (import) on 11-28 at 07:00.
    const days = Array.from({ length: 10 }, (_, i) =>
      at(`2026-11-${String(19 + i).padStart(2, '0')}T08:00:00Z`),
    );
    const extra = at('2026-11-28T07:00:00Z', 'import');
    const gone = backupsToDelete([...days, extra]);
    // Kept daily: 11-22 … 11-28 (7 days). Weekly (Monday weeks): 11-23…11-29 → 11-28;
    // 11-16…11-22 → 11-22; only 2 weeks exist. Monthly: 2026-11 → 11-28.
    // So 11-19, 11-20, 11-21 and the 07:00 one on 11-28 go.
    expect(gone.sort()).toEqual(
      [
        extra.name,
        days[0]!.name, // 11-19
        days[1]!.name, // 11-20
        days[2]!.name, // 11-21
      ].sort(),
    );
  });

  it('keeps one a week for 4 weeks and one a month for 12 months from a long history', () => {
    // One backup every 7 days for a year and a half, all on Wednesdays.
    const start = Date.parse('2025-06-04T08:00:00Z');
    const all = Array.from({ length: 78 }, (_, i) =>
      at(new Date(start + i * 7 * 86_400_000).toISOString()),
    );
    const gone = new Set(backupsToDelete(all));
    const kept = all.filter((b) => !gone.has(b.name));
    // Daily and weekly both pick the newest 4…7 Wednesdays → 7 newest kept; monthly adds the
    // newest of each earlier month back to 12 months in all.
    const months = new Set(kept.map((b) => b.at.slice(0, 7)));
    expect(months.size).toBe(12);
    expect(kept.slice(-7).map((b) => b.name)).toEqual(all.slice(-7).map((b) => b.name));
    expect(kept).toHaveLength(7 + 12 - 2); // the newest two months already hold kept ones
  });

  it('always keeps the newest, even with a policy of nothing', () => {
    const only = at('2026-11-28T08:00:00Z');
    expect(backupsToDelete([only], { daily: 0, weekly: 0, monthly: 0 })).toEqual([]);
  });
});

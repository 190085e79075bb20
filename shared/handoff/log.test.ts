import { describe, expect, it } from 'vitest';
import { checkInterval, handoffDue, packageFileName } from './log';

describe('handoffDue', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  const exported = (at: string) => ({ at, direction: 'export' as const });

  it('counts whole days since the last export: 10-28 12:00 → 31 days > 30 is due; 10-29 → 30 is not', () => {
    expect(handoffDue([exported('2026-10-28T12:00:00Z')], undefined, now, 30)).toEqual({
      days: 31,
      never: false,
    });
    expect(
      handoffDue(
        [exported('2026-10-28T12:00:00Z'), exported('2026-10-29T12:00:00Z')],
        undefined,
        now,
        30,
      ),
    ).toBeNull();
  });

  it('never exported: counted from set-up (imports do not count), so a new town is not nagged', () => {
    const imported = [{ at: '2026-11-27T00:00:00Z', direction: 'import' as const }];
    expect(handoffDue(imported, '2026-11-20T00:00:00Z', now, 30)).toBeNull();
    expect(handoffDue(imported, '2026-09-01T12:00:00Z', now, 30)).toEqual({
      days: 88,
      never: true,
    });
    expect(handoffDue([], undefined, now, 30)).toBeNull();
  });

  it('takes an interval of 1 to 365 whole days', () => {
    expect(checkInterval(30)).toBeNull();
    expect(checkInterval(0)).toBe('报送间隔应为 1 到 365 之间的整数天。');
    expect(checkInterval(7.5)).toBe('报送间隔应为 1 到 365 之间的整数天。');
  });
});

describe('the package file name', () => {
  it('is <town>-<period>-<yyyymmdd-hhmm>.zip on the PC’s clock', () => {
    // Built from local fields: 2026-12-01 09:05 on this PC's clock.
    const now = new Date(2026, 11, 1, 9, 5);
    expect(packageFileName('青山镇', { from: '2026-10', to: '2026-10' }, now)).toBe(
      '青山镇-2026-10-20261201-0905.zip',
    );
    expect(packageFileName('青山镇', { from: '2026-01', to: '2026-10' }, now)).toBe(
      '青山镇-2026-01至2026-10-20261201-0905.zip',
    );
    expect(packageFileName('青/山:镇', { from: '2026-10', to: '2026-10' }, now)).toBe(
      '青-山-镇-2026-10-20261201-0905.zip',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { checkInterval, handoffDue } from './log';

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

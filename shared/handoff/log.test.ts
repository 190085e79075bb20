import { describe, expect, it } from 'vitest';
import { handoffOverdueDays } from './log';

describe('handoffOverdueDays', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  it('is due when nothing was ever exported; imports do not count', () => {
    expect(handoffOverdueDays([], now, 30)).toBe(Number.POSITIVE_INFINITY);
    expect(handoffOverdueDays([{ at: '2026-11-27T00:00:00Z', direction: 'import' }], now, 30)).toBe(
      Number.POSITIVE_INFINITY,
    );
  });
  it('counts whole days since the last export: 10-28 12:00 → 31 days > 30 is due; 10-29 → 30 is not', () => {
    expect(handoffOverdueDays([{ at: '2026-10-28T12:00:00Z', direction: 'export' }], now, 30)).toBe(
      31,
    );
    expect(
      handoffOverdueDays(
        [
          { at: '2026-10-28T12:00:00Z', direction: 'export' },
          { at: '2026-10-29T12:00:00Z', direction: 'export' },
        ],
        now,
        30,
      ),
    ).toBeNull();
  });
});

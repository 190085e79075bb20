import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkInspectionDate,
  checkInspectors,
  addDays,
  daysBetween,
  lastDayOfMonth,
  monthsOfQuarter,
  nextMonth,
  periodLabel,
  previousMonth,
  previousQuarter,
  quarterOf,
} from './period';

describe('periods', () => {
  it('steps across a year boundary: 2026-01 ← 2025-12, 2025-12 → 2026-01', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(nextMonth('2025-12')).toBe('2026-01');
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4');
  });
  it('maps months to quarters: May is Q2 = April, May, June', () => {
    expect(quarterOf('2026-05')).toBe('2026-Q2');
    expect(monthsOfQuarter('2026-Q2')).toEqual(['2026-04', '2026-05', '2026-06']);
  });
  it('knows the last day: Feb 2028 has 29, Feb 2026 has 28', () => {
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
  });
  it('labels in Chinese', () => {
    expect(periodLabel('2026-03')).toBe('2026年3月');
    expect(periodLabel('2026-Q4')).toBe('2026年第四季度');
  });
  it('adds days across a month end: 2026-01-25 + 10 = 2026-02-04', () => {
    expect(addDays('2026-01-25', 10)).toBe('2026-02-04');
  });
  it('adds days across leap days and years, and back', () => {
    // 2024 is a leap year (29 days in February), 2100 is not (divisible by 100, not by 400),
    // 2000 is (by 400).
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    // 销号后 365 天 across 29 February 2028: 2027-06-01 + 365 = 2028-05-31.
    expect(addDays('2027-06-01', 365)).toBe('2028-05-31');
    // A day past the month's end runs on, as Date.UTC does: 2026-02-30 is 2026-03-02.
    expect(addDays('2026-02-30', 0)).toBe('2026-03-02');
  });
  it('counts days between dates: 2026-01-25 → 2026-02-04 is 10, back is −10', () => {
    expect(daysBetween('2026-01-25', '2026-02-04')).toBe(10);
    expect(daysBetween('2026-02-04', '2026-01-25')).toBe(-10);
    // 2024-01-01 → 2025-01-01: a leap year, 366 days.
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-13-01', '2026-01-01')).toBeNaN();
    expect(daysBetween('2026-02-32', '2026-01-01')).toBeNaN();
  });
  it('adds and counts days exactly as the Date way does, for any date and span', () => {
    const viaDate = (iso: string, days: number) => {
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
      return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
    };
    const between = (a: string, b: string) =>
      Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
    const iso = fc
      .record({
        y: fc.integer({ min: 1000, max: 9999 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 31 }),
      })
      .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(iso, fc.integer({ min: -40_000, max: 40_000 }), (date, days) => {
        const expected = viaDate(date, days);
        // The Date way writes years past 9999 as +010000; those are not this one's to compare.
        if (expected.length === 10) expect(addDays(date, days)).toBe(expected);
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(iso, iso, (a, b) => {
        expect(daysBetween(a, b)).toBe(between(a, b));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('starting a month', () => {
  const past = { today: '2026-12-02', earliest: '2016-06-15' };
  it('takes a date in the month, asks about one outside it, refuses one that cannot be', () => {
    expect(checkInspectionDate('2026-11', '2026-11-28', past)).toBeNull();
    expect(checkInspectionDate('2026-11', '', past)).toBeNull();
    expect(checkInspectionDate('2026-11', '2026-10-28', past)).toEqual({
      confirm: '检查日期 2026-10-28 不在2026年11月内。确定按这个日期开始2026年11月的考核吗？',
    });
    expect(checkInspectionDate('2026-11', '2026-11-31', past)).toEqual({
      refuse: '检查日期“2026-11-31”不存在：2026年11月只有 30 天。',
    });
    expect(checkInspectionDate('2026-12', '2026-12-20', past)).toEqual({
      refuse: '检查日期“2026-12-20”还没到（今天是 2026-12-02），请核对。',
    });
  });

  it('asks who inspected', () => {
    expect(checkInspectors('  ')).toBe('请填写检查人员（谁检查的），例如：张环保、李干事。');
    expect(checkInspectors('张环保、李干事')).toBeNull();
  });
});

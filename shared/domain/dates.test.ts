import { describe, expect, it } from 'vitest';
import { daysInMonth, formatChineseDate, isValidIsoDate, toIsoDate } from './dates';

describe('isValidIsoDate', () => {
  it.each([
    ['2026-01-31', true],
    ['2026-02-28', true],
    ['2026-02-29', false], // 2026 is not a leap year
    ['2024-02-29', true], // 2024 is
    ['1900-02-29', false], // divisible by 100, not by 400
    ['2000-02-29', true], // divisible by 400
    ['2026-02-30', false],
    ['2026-04-31', false], // April has 30 days
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-5', false], // must be zero-padded
    ['26-01-05', false],
    ['', false],
    ['2026-01-05T00:00', false],
  ])('%s → %s', (value, expected) => {
    expect(isValidIsoDate(value)).toBe(expected);
  });
});

describe('daysInMonth', () => {
  it('counts February by the leap-year rule: 28 in 2026, 29 in 2028', () => {
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
  });
});

describe('toIsoDate / formatChineseDate', () => {
  it('formats a local date without time-zone drift', () => {
    expect(toIsoDate(new Date(2026, 10, 28, 23, 59))).toBe('2026-11-28');
  });
  it('writes 2026-03-05 as 2026年3月5日', () => {
    expect(formatChineseDate('2026-03-05')).toBe('2026年3月5日');
  });
});

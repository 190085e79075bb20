import { describe, expect, it } from 'vitest';
import {
  checkDate,
  checkEarliestYears,
  dateBounds,
  daysInMonth,
  formatChineseDate,
  isValidIsoDate,
  normalizeTypedDate,
  normalizeTypedMonth,
  normalizeTypedTime,
  toIsoDate,
} from './dates';

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

describe('dates as typed and checked', () => {
  it('reads the ways people type a date into YYYY-MM-DD', () => {
    expect(normalizeTypedDate('2026-3-5')).toBe('2026-03-05');
    expect(normalizeTypedDate('2026/3/16')).toBe('2026-03-16');
    expect(normalizeTypedDate('2026.3.16')).toBe('2026-03-16');
    expect(normalizeTypedDate('2026年4月30日')).toBe('2026-04-30');
    expect(normalizeTypedDate('20260430')).toBe('2026-04-30');
    expect(normalizeTypedDate('２０２６－０２－３０'.replace(/－/g, '-'))).toBe('2026-02-30');
    expect(normalizeTypedDate('昨天')).toBe('昨天');
    expect(normalizeTypedMonth('2026-3')).toBe('2026-03');
    expect(normalizeTypedMonth('2026年11月')).toBe('2026-11');
    expect(normalizeTypedMonth('2026-1')).toBe('2026-01');
    expect(normalizeTypedMonth('十一月')).toBe('十一月');
  });

  it('reads a time of day the ways people type it, and leaves what is no time as typed', () => {
    expect(normalizeTypedTime('8:30')).toBe('08:30');
    expect(normalizeTypedTime('0830')).toBe('08:30');
    expect(normalizeTypedTime('830')).toBe('08:30');
    expect(normalizeTypedTime('14点05')).toBe('14:05');
    expect(normalizeTypedTime('９：１５')).toBe('09:15');
    expect(normalizeTypedTime('9点')).toBe('09:00');
    expect(normalizeTypedTime('24:00')).toBe('24:00');
    expect(normalizeTypedTime('8:75')).toBe('8:75');
    expect(normalizeTypedTime('上午')).toBe('上午');
  });

  // Set up on 2026-06-15, today 2026-12-02, ten years: 2016-06-15 … 2026-12-02.
  const bounds = dateBounds('2026-12-02', '2026-06-15');
  it('bounds what happened between set-up less ten years and today', () => {
    expect(bounds).toEqual({ today: '2026-12-02', earliest: '2016-06-15' });
    // 29 February less one year is the 28th.
    expect(dateBounds('2025-01-01', '2024-02-29', 1).earliest).toBe('2023-02-28');
  });

  it('says a date is missing, not a date, does not exist, is in the future or too early', () => {
    expect(checkDate('验收日期', '', bounds)).toBe('请填写验收日期。');
    expect(checkDate('日期', '3月5日', bounds)).toBe(
      '日期“3月5日”不是日期，请按 2026-03-05 的样子填写。',
    );
    expect(checkDate('日期', '2026-02-30', bounds)).toBe(
      '日期“2026-02-30”不存在：2026年2月只有 28 天。',
    );
    expect(checkDate('日期', '2024-02-30')).toBe('日期“2024-02-30”不存在：2024年2月只有 29 天。');
    expect(checkDate('日期', '2026-13-01')).toBe('日期“2026-13-01”不存在：没有 13 月。');
    expect(checkDate('验收日期', '2026-12-03', bounds)).toBe(
      '验收日期“2026-12-03”还没到（今天是 2026-12-02），请核对。',
    );
    expect(checkDate('发现日期', '1900-01-01', bounds)).toBe(
      '发现日期“1900-01-01”太早（早于 2016-06-15），请核对。',
    );
    expect(checkDate('发现日期', '2026-12-02', bounds)).toBeNull();
    expect(checkDate('发现日期', '2016-06-15', bounds)).toBeNull();
    // A deadline may be in the future.
    expect(checkDate('整改时限', '2027-06-01')).toBeNull();
  });
});

describe('the span of years before set-up', () => {
  it('is a whole number of years from 0 to 30', () => {
    expect(checkEarliestYears(10)).toBeNull();
    expect(checkEarliestYears(0)).toBeNull();
    expect(checkEarliestYears(31)).toBe('请填写 0 到 30 之间的整数（年）。');
    expect(checkEarliestYears(2.5)).toBe('请填写 0 到 30 之间的整数（年）。');
    expect(checkEarliestYears(-1)).toBe('请填写 0 到 30 之间的整数（年）。');
  });
});

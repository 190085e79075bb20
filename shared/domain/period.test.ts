import { describe, expect, it } from 'vitest';
import {
  checkInspectionDate,
  checkInspectors,
  addDays,
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

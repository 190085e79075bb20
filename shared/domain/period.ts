import { checkDate, type DateBounds } from './dates';
import { checkText } from './textLimits';
/**
 * Assessment periods are calendar months keyed `YYYY-MM`; quarters are keyed `YYYY-Qn`.
 * Flags are awarded per month or per quarter (configurable).
 */
const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_KEY = /^(\d{4})-Q([1-4])$/;

export type MonthKey = string;
export type QuarterKey = string;

export function isMonthKey(value: string): boolean {
  return MONTH_KEY.test(value);
}

export function monthKey(year: number, month: number): MonthKey {
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function parseMonthKey(key: MonthKey): { year: number; month: number } {
  const match = MONTH_KEY.exec(key);
  if (!match) throw new Error(`not a month key: ${key}`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** The month before: 2026-01 → 2025-12. */
export function previousMonth(key: MonthKey): MonthKey {
  const { year, month } = parseMonthKey(key);
  return month === 1 ? monthKey(year - 1, 12) : monthKey(year, month - 1);
}

export function nextMonth(key: MonthKey): MonthKey {
  const { year, month } = parseMonthKey(key);
  return month === 12 ? monthKey(year + 1, 1) : monthKey(year, month + 1);
}

export function quarterOf(key: MonthKey): QuarterKey {
  const { year, month } = parseMonthKey(key);
  return `${year}-Q${Math.ceil(month / 3)}`;
}

export function monthsOfQuarter(key: QuarterKey): MonthKey[] {
  const match = QUARTER_KEY.exec(key);
  if (!match) throw new Error(`not a quarter key: ${key}`);
  const year = Number(match[1]);
  const first = (Number(match[2]) - 1) * 3 + 1;
  return [0, 1, 2].map((i) => monthKey(year, first + i));
}

/** The quarter before: 2026-Q1 → 2025-Q4. */
export function previousQuarter(key: QuarterKey): QuarterKey {
  const match = QUARTER_KEY.exec(key);
  if (!match) throw new Error(`not a quarter key: ${key}`);
  const year = Number(match[1]);
  const q = Number(match[2]);
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** The last calendar day of a month, `YYYY-MM-DD`. */
export function lastDayOfMonth(key: MonthKey): string {
  const { year, month } = parseMonthKey(key);
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${key}-${String(day).padStart(2, '0')}`;
}

/** `2026-03` → `2026年3月`; `2026-Q1` → `2026年第一季度`. */
export function periodLabel(key: string): string {
  const month = MONTH_KEY.exec(key);
  if (month) return `${Number(month[1])}年${Number(month[2])}月`;
  const quarter = QUARTER_KEY.exec(key);
  if (quarter) return `${quarter[1]}年第${['一', '二', '三', '四'][Number(quarter[2]) - 1]}季度`;
  return key;
}

/**
 * Adds days to an ISO date, in calendar terms (no time zone involved). Worked out in whole days
 * (the 回头看 schedules call it tens of thousands of times on a dashboard; through `Date` it was
 * a tenth of the page's time); anything but `YYYY-MM-DD` of the years 1000–9999 goes through
 * `Date` as before.
 */
export function addDays(isoDate: string, days: number): string {
  const day = dayNumber(isoDate, 99);
  if (day !== null && Number.isInteger(days)) {
    const out = isoOfDayNumber(day + days);
    if (out !== null) return out;
  }
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  // Days 1–31 of any month, as `Date.parse` takes them (30 February is 2 March).
  const a = dayNumber(from, 31);
  const b = dayNumber(to, 31);
  if (a !== null && b !== null) return b - a;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/**
 * Days since 1970-01-01 of `YYYY-MM-DD` (years 1000–9999, month 1–12, day 1 to `maxDay`, a day
 * past the month's end running on into the next as `Date.UTC` does), or null. The civil-calendar
 * algorithm of H. Hinnant, "chrono-Compatible Low-Level Date Algorithms".
 */
function dayNumber(iso: string, maxDay: number): number | null {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return null;
  let year = 0;
  for (let i = 0; i < 4; i += 1) {
    const n = digit(iso, i);
    if (n < 0 || n > 9) return null;
    year = year * 10 + n;
  }
  const m1 = digit(iso, 5);
  const m2 = digit(iso, 6);
  const d1 = digit(iso, 8);
  const d2 = digit(iso, 9);
  if ([m1, m2, d1, d2].some((n) => n < 0 || n > 9)) return null;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > maxDay) return null;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** `YYYY-MM-DD` of a day number (`dayNumber`), or null outside the years 1000–9999. */
function isoOfDayNumber(days: number): string | null {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1000 || year > 9999) return null;
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * The 检查日期 a month is started with: refused when it is no real date, in the future or long
 * before set-up; asked about (`confirm`) when it lies outside the month being scored — a late
 * inspection is possible, a slip of the month more likely.
 */
export function checkInspectionDate(
  month: MonthKey,
  date: string,
  past: DateBounds,
): { refuse: string } | { confirm: string } | null {
  if (date.trim() === '') return null;
  const problem = checkDate('检查日期', date, past);
  if (problem) return { refuse: problem };
  return date.startsWith(`${month}-`)
    ? null
    : {
        confirm: `检查日期 ${date} 不在${periodLabel(month)}内。确定按这个日期开始${periodLabel(month)}的考核吗？`,
      };
}

/** 检查人员 of a month: who inspected is on the record before its results are published. */
export function checkInspectors(inspectors: string): string | null {
  const text = inspectors.trim();
  if (text === '') return '请填写检查人员（谁检查的），例如：张环保、李干事。';
  return checkText('检查人员', text, 100);
}

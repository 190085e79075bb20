/** Calendar dates are kept as ISO `YYYY-MM-DD` strings: no time zone can shift them. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  const days = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return days[month - 1] ?? 0;
}

/** True for a real calendar date between 1900 and 2100; "2026-02-30" is false. */
export function isValidIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1900 || year > 2100 || month < 1 || month > 12) return false;
  return day >= 1 && day <= daysInMonth(year, month);
}

/** The local calendar date of an instant, as `YYYY-MM-DD`. */
export function toIsoDate(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** `2026-03-05` → `2026年3月5日`, the way the office writes dates. */
export function formatChineseDate(value: string): string {
  const match = ISO_DATE.exec(value);
  if (!match) return value;
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}

/**
 * A date as people type it — 2026-3-5, 2026/3/5, 2026.3.5, 2026年3月5日, 20260305, with
 * full-width digits — in the stored `YYYY-MM-DD` shape. The day is not checked here (2026-02-30
 * stays 2026-02-30, for `checkDate` to say it does not exist); text that is no date at all is
 * returned as typed.
 */
export function normalizeTypedDate(typed: string): string {
  const text = typed
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
  const parts =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!parts) return typed.trim();
  return `${parts[1]}-${parts[2]!.padStart(2, '0')}-${parts[3]!.padStart(2, '0')}`;
}

/** `2026-03` read the ways people type a month (2026-3, 2026年3月, 2026.3), or as typed. */
export function normalizeTypedMonth(typed: string): string {
  const text = typed
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
  const parts = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(text) ?? /^(\d{4})(\d{2})$/.exec(text);
  return parts ? `${parts[1]}-${parts[2]!.padStart(2, '0')}` : typed.trim();
}

/**
 * A time of day as people type it — 8:30, 0830, 830, 8点30, 8：30, with full-width digits — as
 * `HH:MM`; text that is no time at all is returned as typed (for the form to refuse).
 */
export function normalizeTypedTime(typed: string): string {
  const text = typed
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
  const parts =
    /^(\d{1,2})[:：点时](\d{2})分?$/.exec(text) ??
    /^(\d{1,2})[点时]$/.exec(text)?.concat('00') ??
    /^(\d{1,2})(\d{2})$/.exec(text);
  if (!parts) return typed.trim();
  const [hour, minute] = [Number(parts[1]), Number(parts[2])];
  if (hour > 23 || minute > 59) return typed.trim();
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The span a date may lie in: not after today, not long before the town began using the app. */
export interface DateBounds {
  /** Today, `YYYY-MM-DD`. */
  today: string;
  /** The earliest date accepted for what happened (set-up less the office's span). */
  earliest: string;
}

/** How many years before set-up a date may lie (items carried over from earlier years). */
export const DEFAULT_EARLIEST_YEARS = 10;

/** The bounds for a town set up on `setUpOn`, `years` before it accepted. */
export function dateBounds(
  today: string,
  setUpOn: string,
  years = DEFAULT_EARLIEST_YEARS,
): DateBounds {
  const start = isValidIsoDate(setUpOn) && setUpOn < today ? setUpOn : today;
  const year = Number(start.slice(0, 4)) - years;
  const month = Number(start.slice(5, 7));
  const day = Math.min(Number(start.slice(8, 10)), daysInMonth(year, month));
  const earliest = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { today, earliest };
}

/**
 * Why a typed date cannot be taken, in words, or null. `past` bounds a date of something that
 * happened (found, verified, patrolled, recorded): not in the future, not before `earliest`.
 * Without bounds (a deadline) only its being a real date is checked.
 */
export function checkDate(label: string, value: string, past?: DateBounds): string | null {
  const text = value.trim();
  if (text === '') return `请填写${label}。`;
  const match = ISO_DATE.exec(text);
  if (!match) return `${label}“${text}”不是日期，请按 2026-03-05 的样子填写。`;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return `${label}“${text}”不存在：没有 ${month} 月。`;
  if (day < 1 || day > daysInMonth(year, month))
    return `${label}“${text}”不存在：${year}年${month}月只有 ${daysInMonth(year, month)} 天。`;
  if (!isValidIsoDate(text)) return `${label}“${text}”不在 1900 至 2100 年之间，请核对。`;
  if (past && text > past.today) return `${label}“${text}”还没到（今天是 ${past.today}），请核对。`;
  if (past && text < past.earliest)
    return `${label}“${text}”太早（早于 ${past.earliest}），请核对。`;
  return null;
}

/** The most years before set-up the office may allow (older matters are not entered here). */
export const MAX_EARLIEST_YEARS = 30;

/** Why a span of years before set-up cannot be taken, or null. */
export function checkEarliestYears(years: number): string | null {
  return Number.isInteger(years) && years >= 0 && years <= MAX_EARLIEST_YEARS
    ? null
    : `请填写 0 到 ${MAX_EARLIEST_YEARS} 之间的整数（年）。`;
}

import { BUILT_IN_AT } from '@shared/domain/audit';

const two = (n: number) => String(n).padStart(2, '0');

/**
 * An ISO instant as the office reads it, the same way dates are shown everywhere:
 * 2026-05-08 14:03:21 (local time, 24-hour clock). What came with the software (the built-in
 * standard) has no moment of its own and says so.
 */
export function formatTimestamp(iso: string | undefined): string {
  if (!iso) return '';
  if (iso === BUILT_IN_AT) return '软件内置';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return (
    `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ` +
    `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`
  );
}

/**
 * A month's tick on a chart's time axis: the first with its year (2025年12月), the rest by the
 * month alone (1月, 2月 …), so that twelve months fit under a half-width chart without Recharts
 * dropping any; the tooltip names each month in full.
 */
export function monthTick(label: string, index: number): string {
  const parts = /^(\d{4})年(\d{1,2})月$/.exec(label);
  if (!parts || index === 0) return label;
  return `${parts[2]}月`;
}

/**
 * A score axis from a round 5 below the lowest score to 100, a tick every 5 (80, 85 … 100), or
 * every 10 when the scores spread wider than 30 points.
 */
export function scoreAxis(scores: readonly (number | null | undefined)[]): {
  domain: [number, number];
  ticks: number[];
} {
  const known = scores.filter((s): s is number => typeof s === 'number');
  const lowest = (known.length ? Math.min(...known) : 100) - 3;
  const step = 100 - lowest > 30 ? 10 : 5;
  const low = Math.max(0, Math.floor(lowest / step) * step);
  const ticks: number[] = [];
  for (let t = low; t <= 100; t += step) ticks.push(t);
  return { domain: [low, 100], ticks };
}

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

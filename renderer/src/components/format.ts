/** An ISO instant as the office reads it: 2026/5/8 14:03:21 (local time, 24-hour clock). */
export function formatTimestamp(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '';
}

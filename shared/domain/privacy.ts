/**
 * What is private stays on this PC (DOMAIN.md §8): a complainant's name and contact. These
 * fields are in this PC's database and its own backups only — never in a hand-off package,
 * readable copy, print or county sheet — and the history shows them masked.
 */
export const PRIVATE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  problems: ['complainant'],
};

export function privateFieldsOf(table: string): readonly string[] {
  return PRIVATE_FIELDS[table] ?? [];
}

export function isPrivateField(table: string, field: string): boolean {
  return privateFieldsOf(table).includes(field);
}

/** A copy of a record of `table` without its private fields (the record itself if it has none). */
export function withoutPrivate<T>(table: string, record: T): T {
  const fields = privateFieldsOf(table);
  if (fields.length === 0 || typeof record !== 'object' || record === null) return record;
  if (!fields.some((f) => f in record)) return record;
  const copy = { ...record } as Record<string, unknown>;
  for (const field of fields) delete copy[field];
  return copy as T;
}

/**
 * An audit entry as it may leave the PC: the before and after of a private table without the
 * private fields (and without the salt of their digest). Entries of other tables are returned as
 * they are.
 */
export function auditWithoutPrivate<T extends { table: string; before: unknown; after: unknown }>(
  entry: T,
): T {
  if (privateFieldsOf(entry.table).length === 0) return entry;
  const out: Record<string, unknown> = {
    ...entry,
    before: withoutPrivate(entry.table, entry.before),
    after: withoutPrivate(entry.table, entry.after),
  };
  // The salt of the private values' digest (auditChain.ts) stays with the values.
  delete out.privateSalt;
  return out as T;
}

/** How a private value is shown: its first character, the rest as ＊ (张三 → 张＊). */
export function maskPrivate(value: string): string {
  const chars = [...value.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '＊'.repeat(Math.max(1, Math.min(chars.length - 1, 6)));
}

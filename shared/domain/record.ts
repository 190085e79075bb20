/**
 * Fields every stored record carries (DESIGN.md §2). Ids are UUID strings so that a hand-off
 * merge can tell new, changed and removed records apart across installations.
 */
export interface BaseRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  /** Soft delete: set instead of removing the row. */
  deletedAt?: string | undefined;
}

/** What a caller supplies; the stamps are added by the data layer. */
export type Draft<T extends BaseRecord> = Omit<T, keyof BaseRecord> & { id?: string };

export function isLive(record: Pick<BaseRecord, 'deletedAt'>): boolean {
  return record.deletedAt === undefined || record.deletedAt === null;
}

/** Stamps a record for a write at `now` by `actor`, keeping createdAt of an existing record. */
export function stamp<T extends BaseRecord>(
  draft: Draft<T> & Partial<BaseRecord>,
  ctx: { now: string; actor: string; newId: () => string; existing?: BaseRecord | undefined },
): T {
  return {
    ...draft,
    id: draft.id ?? ctx.newId(),
    createdAt: ctx.existing?.createdAt ?? ctx.now,
    updatedAt: ctx.now,
    updatedBy: ctx.actor,
    deletedAt: draft.deletedAt,
  } as T;
}

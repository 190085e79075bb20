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
  /**
   * How many changes each installation has made to this record (a version vector, by
   * installation id). A hand-off merge tells "changed here", "changed there" and "changed on
   * both" from it, whatever the PCs' clocks say. Records written before it was kept have none.
   */
  rev?: Revision | undefined;
}

/** Why and when a record entered by mistake was voided (作废); it is soft-deleted too. */
export interface Voided {
  reason: string;
  at: string;
  by: string;
}

export type Revision = Readonly<Record<string, number>>;

/**
 * How revision `a` stands to `b`: the same changes, `a` after `b` (it has seen every change `b`
 * has, and more), before, or concurrent (each has changes the other has not seen). A missing
 * revision has seen no change.
 */
export function compareRevisions(
  a: Revision | undefined,
  b: Revision | undefined,
): 'same' | 'after' | 'before' | 'concurrent' {
  let more = false;
  let less = false;
  for (const k of new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])) {
    const x = a?.[k] ?? 0;
    const y = b?.[k] ?? 0;
    if (x > y) more = true;
    if (x < y) less = true;
  }
  return more && less ? 'concurrent' : more ? 'after' : less ? 'before' : 'same';
}

/** Every change either has seen: the larger count of each installation. */
export function joinRevisions(a: Revision, b: Revision): Record<string, number> {
  const out: Record<string, number> = { ...a };
  for (const [k, n] of Object.entries(b)) out[k] = Math.max(out[k] ?? 0, n);
  return out;
}

/** What a caller supplies; the stamps are added by the data layer. */
export type Draft<T extends BaseRecord> = Omit<T, keyof BaseRecord> & { id?: string };

export function isLive(record: Pick<BaseRecord, 'deletedAt'>): boolean {
  return record.deletedAt === undefined || record.deletedAt === null;
}

/**
 * Stamps a record for a write at `now` by `actor` on installation `installation`, keeping
 * createdAt of an existing record and counting the change in its revision. Its updatedAt never
 * goes back: on a PC whose clock is behind the record's last write (made elsewhere, or before the
 * clock was set back) it is that write's time and a millisecond. So a record holds nothing dated
 * after its updatedAt (dates are refused past the writer's today), which lets the year-end draft
 * find what was looked at again in a year by updatedAt (recordRepo.ts `loadYearSummary`).
 */
export function stamp<T extends BaseRecord>(
  draft: Draft<T> & Partial<BaseRecord>,
  ctx: {
    now: string;
    actor: string;
    newId: () => string;
    installation: string;
    existing?: BaseRecord | undefined;
  },
): T {
  const rev: Revision = ctx.existing?.rev ?? draft.rev ?? {};
  return {
    ...draft,
    id: draft.id ?? ctx.newId(),
    createdAt: ctx.existing?.createdAt ?? ctx.now,
    updatedAt: notBefore(ctx.now, ctx.existing?.updatedAt ?? draft.updatedAt),
    updatedBy: ctx.actor,
    deletedAt: draft.deletedAt,
    rev: { ...rev, [ctx.installation]: (rev[ctx.installation] ?? 0) + 1 },
  } as T;
}

/** `now`, or a millisecond after `last` when `now` is not after it (a clock set back). */
function notBefore(now: string, last: string | undefined): string {
  if (!last || now > last) return now;
  const t = Date.parse(last);
  return Number.isNaN(t) ? now : new Date(t + 1).toISOString();
}

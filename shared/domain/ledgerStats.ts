import { deadlineState, PROBLEM_SOURCES, type ProblemSource, type ProblemStatus } from './ledger';
import type { Problem } from './problem';
import { daysBetween } from './period';

export interface Counts {
  open: number;
  overdue: number;
  closed: number;
}

export interface LedgerStats {
  total: number;
  bySource: Record<ProblemSource, Counts>;
  byVillage: Map<string, Counts>;
  byCategory: Map<string, Counts>;
  /** Closed (销号) over all items that have ended or are open; unfixable counts as not closed. */
  closureRate: number | null;
  /** Median days from finding to the verification date of closed items. */
  medianDaysToClose: number | null;
  /** Overdue items grouped by responsible person, most first. */
  overdueByPerson: { person: string; count: number }[];
}

/** What the ledger's figures need from the ended items: counts and the median days to close. */
export interface LedgerTotals {
  total: number;
  closedBySource: Record<ProblemSource, number>;
  closedByVillage: Map<string, number>;
  closedByCategory: Map<string, number>;
  medianDaysToClose: number | null;
}

/**
 * The ledger counted by source × village × category: how many items, how many closed or ended
 * unfixable, and the days-to-close of the closed ones as a histogram. The repository keeps these
 * rows beside the items, changed in the same transaction as each item, so that the dashboard and
 * the recurrence view count 20,000 items by reading a few hundred rows.
 */
export interface TallyRow {
  key: string;
  source: ProblemSource;
  /** '' for an item without a village. */
  villageId: string;
  category: string;
  total: number;
  closed: number;
  unfixable: number;
  /** days to close → number of closed items. */
  days: Record<string, number>;
  /** How many of the items are the return (反弹) of a closed one; absent when none. */
  rebounds?: number | undefined;
}

type Tallied = Pick<
  Problem,
  | 'source'
  | 'villageId'
  | 'category'
  | 'status'
  | 'foundOn'
  | 'verification'
  | 'deletedAt'
  | 'reboundOf'
>;

export const tallyKey = (p: Pick<Problem, 'source' | 'villageId' | 'category'>): string =>
  `${p.source}|${p.villageId ?? ''}|${p.category}`;

/** Adds (sign 1) or takes away (sign -1) one item's part of the tally; deleted items have none. */
export function applyToTally(rows: Map<string, TallyRow>, p: Tallied, sign: 1 | -1): void {
  if (p.deletedAt !== undefined) return;
  const key = tallyKey(p);
  const row = rows.get(key) ?? {
    key,
    source: p.source,
    villageId: p.villageId ?? '',
    category: p.category,
    total: 0,
    closed: 0,
    unfixable: 0,
    days: {},
  };
  row.total += sign;
  if (p.status === 'closed') row.closed += sign;
  if (p.status === 'unfixable') row.unfixable += sign;
  if (p.reboundOf !== undefined) {
    const rebounds = (row.rebounds ?? 0) + sign;
    if (rebounds === 0) delete row.rebounds;
    else row.rebounds = rebounds;
  }
  const days = daysToClose(p);
  if (days !== undefined) {
    const count = (row.days[days] ?? 0) + sign;
    if (count === 0) delete row.days[days];
    else row.days[days] = count;
  }
  rows.set(key, row);
}

/** The tally of a list of items (the definition the kept rows are tested against). */
export function tallyOf(problems: readonly Tallied[]): TallyRow[] {
  const rows = new Map<string, TallyRow>();
  for (const p of problems) applyToTally(rows, p, 1);
  return [...rows.values()];
}

/** Counts and median days to close from the tally. */
export function totalsFromTally(rows: readonly TallyRow[]): LedgerTotals {
  const closedBySource = Object.fromEntries(PROBLEM_SOURCES.map((s) => [s, 0])) as Record<
    ProblemSource,
    number
  >;
  const closedByVillage = new Map<string, number>();
  const closedByCategory = new Map<string, number>();
  const histogram = new Map<number, number>();
  let total = 0;
  for (const row of rows) {
    total += row.total;
    if (row.closed === 0) continue;
    closedBySource[row.source] += row.closed;
    if (row.villageId)
      closedByVillage.set(row.villageId, (closedByVillage.get(row.villageId) ?? 0) + row.closed);
    closedByCategory.set(row.category, (closedByCategory.get(row.category) ?? 0) + row.closed);
    for (const [days, count] of Object.entries(row.days))
      histogram.set(Number(days), (histogram.get(Number(days)) ?? 0) + count);
  }
  return {
    total,
    closedBySource,
    closedByVillage,
    closedByCategory,
    medianDaysToClose: histogramMedian(histogram),
  };
}

/** The median of values given as value → how many times it occurs. */
export function histogramMedian(histogram: ReadonlyMap<number, number>): number | null {
  const entries = [...histogram].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const n = entries.reduce((s, [, count]) => s + count, 0);
  const middle = medianPositions(n).map((position) => {
    let seen = 0;
    for (const [value, count] of entries) {
      seen += count;
      if (position < seen) return value;
    }
    return Number.NaN; // unreachable: positions are below n
  });
  return medianOfMiddle(middle);
}

export const OPEN_STATUSES: readonly ProblemStatus[] = ['pending', 'inProgress', 'closeRequested'];

export const isOpen = (status: ProblemStatus): boolean => OPEN_STATUSES.includes(status);

const empty = (): Counts => ({ open: 0, overdue: 0, closed: 0 });

/**
 * Days from finding to 销号 of a closed item (stored on the record as an index for the median);
 * undefined for any other item.
 */
export function daysToClose(
  problem: Pick<Problem, 'status' | 'foundOn' | 'verification'>,
): number | undefined {
  return problem.status === 'closed' && problem.verification
    ? daysBetween(problem.foundOn, problem.verification.date)
    : undefined;
}

/** The positions (0-based) of the middle value(s) of n sorted values: 5 → [2]; 4 → [1, 2]. */
export function medianPositions(n: number): number[] {
  if (n === 0) return [];
  const mid = Math.floor(n / 2);
  return n % 2 ? [mid] : [mid - 1, mid];
}

/** The mean of the middle values, null for none. */
export function medianOfMiddle(middle: readonly number[]): number | null {
  return middle.length === 0 ? null : middle.reduce((s, v) => s + v, 0) / middle.length;
}

/** The totals computed from the records (live items only). */
export function ledgerTotals(problems: readonly Problem[]): LedgerTotals {
  return totalsFromTally(tallyOf(problems));
}

/** The dashboard's figures from the open items (read whole) and the closed totals, for `today`. */
export function combineLedgerStats(
  openItems: readonly Problem[],
  totals: LedgerTotals,
  today: string,
): LedgerStats {
  const bySource = Object.fromEntries(
    PROBLEM_SOURCES.map((s) => [s, { ...empty(), closed: totals.closedBySource[s] }]),
  ) as Record<ProblemSource, Counts>;
  const byVillage = new Map<string, Counts>(
    [...totals.closedByVillage].map(([k, closed]) => [k, { ...empty(), closed }]),
  );
  const byCategory = new Map<string, Counts>(
    [...totals.closedByCategory].map(([k, closed]) => [k, { ...empty(), closed }]),
  );
  const overdue = new Map<string, number>();
  for (const p of openItems) {
    if (p.deletedAt !== undefined || !isOpen(p.status)) continue;
    const late = deadlineState(p.status, p.deadline, today) === 'overdue';
    const targets = [bySource[p.source], getOr(byCategory, p.category)];
    if (p.villageId) targets.push(getOr(byVillage, p.villageId));
    for (const counts of targets) {
      counts.open += 1;
      if (late) counts.overdue += 1;
    }
    if (late) overdue.set(p.responsiblePerson, (overdue.get(p.responsiblePerson) ?? 0) + 1);
  }
  const closed = PROBLEM_SOURCES.reduce((s, k) => s + totals.closedBySource[k], 0);
  return {
    total: totals.total,
    bySource,
    byVillage,
    byCategory,
    closureRate: totals.total === 0 ? null : Math.round((closed / totals.total) * 1000) / 1000,
    medianDaysToClose: totals.medianDaysToClose,
    overdueByPerson: [...overdue]
      .map(([person, count]) => ({ person, count }))
      .sort((a, b) => b.count - a.count || a.person.localeCompare(b.person, 'zh-CN')),
  };
}

/** The ledger's dashboard figures for `today`, over live items. */
export function ledgerStats(problems: readonly Problem[], today: string): LedgerStats {
  return combineLedgerStats(problems, ledgerTotals(problems), today);
}

function getOr(map: Map<string, Counts>, key: string): Counts {
  let counts = map.get(key);
  if (!counts) {
    counts = empty();
    map.set(key, counts);
  }
  return counts;
}

export interface RecurrenceTable {
  /** Categories that occur, most items first. */
  categories: string[];
  /** cells[village][category]: all items, the still-open ones, and the returns (反弹) among them. */
  cells: { total: number; open: number; rebounds: number }[][];
  villageTotals: number[];
}

/** The village × category recurrence table (all sources together) from the tally. */
export function recurrenceTable(
  tally: readonly TallyRow[],
  villageIds: readonly string[],
): RecurrenceTable {
  const byCategory = new Map<string, number>();
  for (const row of tally)
    if (row.villageId)
      byCategory.set(row.category, (byCategory.get(row.category) ?? 0) + row.total);
  const categories = [...byCategory]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'))
    .map(([c]) => c);
  const column = new Map(categories.map((c, i) => [c, i]));
  const rowOf = new Map(villageIds.map((v, i) => [v, i]));
  const cells = villageIds.map(() => categories.map(() => ({ total: 0, open: 0, rebounds: 0 })));
  for (const row of tally) {
    const r = rowOf.get(row.villageId);
    const c = column.get(row.category);
    if (r === undefined || c === undefined) continue;
    cells[r]![c]!.total += row.total;
    cells[r]![c]!.open += row.total - row.closed - row.unfixable;
    cells[r]![c]!.rebounds += row.rebounds ?? 0;
  }
  return {
    categories,
    cells,
    villageTotals: cells.map((row) => row.reduce((s, cell) => s + cell.total, 0)),
  };
}

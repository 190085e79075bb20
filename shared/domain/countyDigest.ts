import type { PeriodResult } from './assessment';
import { monthFigures, type MonthFigures } from './county';
import { deadlineState } from './ledger';
import {
  combineLedgerStats,
  daysToClose,
  histogramMedian,
  tallyOf,
  totalsFromTally,
  type LedgerStats,
  type TallyRow,
} from './ledgerStats';
import {
  DEFAULT_PATROL_RULES,
  monthCompliance,
  type ForestPatrol,
  type River,
  type RiverPatrol,
} from './patrol';
import { lastDayOfMonth, nextMonth, previousMonth } from './period';
import type { Person } from './person';
import type { Problem } from './problem';
import { isLive } from './record';

/**
 * What 全县总览 and a town's drill-down read of one town, made once when its package is received
 * (issue 16 §3: 20 towns of ten years, each screen under 300 ms).
 *
 * A month that ended before the digest was made cannot change until the town's next package: its
 * figures are counted then and kept. A later month (the current one, as a rule) depends on the day
 * it is looked at — what is overdue by then, how far the patrol rules' month has gone — and is
 * counted when asked, from a short **tail**: the items whose state could still differ on a later
 * day (open, or found or closed after that day), the ended items' counts as a tally (the
 * dashboard's own, `ledgerStats.ts`), and that month's patrols and results.
 */

export type RiverMark = Pick<RiverPatrol, 'segmentId' | 'chiefId' | 'date'>;
export type ForestMark = Pick<ForestPatrol, 'rangerId' | 'date'>;
/** The fields of an item the month's ledger counts (`townMonth`, `ledgerStats`). */
export type LedgerFields = Pick<
  Problem,
  | 'id'
  | 'source'
  | 'villageId'
  | 'category'
  | 'status'
  | 'foundOn'
  | 'deadline'
  | 'verification'
  | 'responsiblePerson'
  | 'deletedAt'
>;

/** One town's records as the month's figures read them (live patrols and records by month). */
export interface TownInputs {
  results: readonly PeriodResult[];
  problems: readonly LedgerFields[];
  river: ReadonlyMap<string, readonly RiverMark[]>;
  forest: ReadonlyMap<string, readonly ForestMark[]>;
  /** Live work records by month. */
  records: ReadonlyMap<string, number>;
  rivers: readonly River[];
  people: readonly Person[];
}

export const DIGEST_VERSION = 2;

export interface TownDigest {
  version: typeof DIGEST_VERSION;
  /** The day it was made: months that ended before it are kept, later ones counted from the tail. */
  madeOn: string;
  /** The first month any of the town's records falls in; null for a town of no records. */
  firstMonth: string | null;
  /** Each month from `firstMonth` up to the one before `madeOn`'s. */
  months: Record<string, MonthFigures>;
  tail: {
    /** Items found and ended (closed by, or unfixable) on or before `madeOn`, as a tally. */
    settled: TallyRow[];
    /** Every other live item. */
    unsettled: LedgerFields[];
    /** The results, patrols and records of `madeOn`'s month and after. */
    results: PeriodResult[];
    river: Map<string, RiverMark[]>;
    forest: Map<string, ForestMark[]>;
    records: Map<string, number>;
    rivers: River[];
    people: Person[];
  };
}

/** At most this many months before the digest's are kept (older ones are counted when asked). */
const KEPT_MONTHS = 240;

/** Every river chief's and ranger's compliance in a month, as far as the month has gone. */
function compliance(inputs: TownInputs, month: string, asOf: string) {
  const rows = monthCompliance({
    rivers: inputs.rivers.filter((r) => !r.deletedAt),
    people: inputs.people.filter((p) => !p.deletedAt),
    river: inputs.river.get(month) ?? [],
    forest: inputs.forest.get(month) ?? [],
    // Against the county's rules (the defaults of DOMAIN.md), the same for every town.
    rules: DEFAULT_PATROL_RULES,
    month,
    asOf,
  });
  return [...rows.river, ...rows.rangers];
}

/** A town's figures for `month` on `today`, counted from its records. */
export function figuresOf(
  inputs: TownInputs,
  month: string,
  today: string,
  settled: readonly TallyRow[] = [],
): MonthFigures {
  const end = lastDayOfMonth(month);
  const asOf = today < end ? today : end;
  const river = inputs.river.get(month) ?? [];
  const forest = inputs.forest.get(month) ?? [];
  return monthFigures({
    month,
    today,
    results: inputs.results,
    // Only the fields the month's ledger reads (LedgerFields).
    problems: inputs.problems as Problem[],
    settled,
    patrolDates: [...river, ...forest].map((p) => p.date),
    compliance: compliance(inputs, month, asOf),
    // The month's live work records, counted when read (each dated within the month).
    recordDates: Array.from({ length: inputs.records.get(month) ?? 0 }, () => month),
  });
}

/** Whether an item found and ended on or before `day` counts the same on any later day. */
const settledBy = (p: LedgerFields, day: string) =>
  p.foundOn <= day &&
  (p.status === 'unfixable' ||
    (p.status === 'closed' && (!p.verification || p.verification.date <= day)));

const fromMonth = <T>(map: ReadonlyMap<string, readonly T[]>, first: string) =>
  new Map([...map].filter(([m]) => m >= first).map(([m, list]) => [m, [...list]]));

/** The first month of a town's records (items, results, patrols, work records). */
function firstMonthOf(inputs: TownInputs): string | null {
  const months = [
    ...inputs.problems.filter((p) => !p.deletedAt).map((p) => p.foundOn.slice(0, 7)),
    ...inputs.results.map((r) => r.id),
    ...inputs.river.keys(),
    ...inputs.forest.keys(),
    ...inputs.records.keys(),
  ];
  return months.length === 0 ? null : months.reduce((a, b) => (b < a ? b : a));
}

/** The digest of a town's records made on `madeOn`. */
export function digestTown(inputs: TownInputs, madeOn: string): TownDigest {
  const current = madeOn.slice(0, 7);
  const firstMonth = firstMonthOf(inputs);
  const months: Record<string, MonthFigures> = {};
  if (firstMonth !== null) {
    let month = firstMonth;
    const earliest = monthsBefore(current, KEPT_MONTHS);
    if (month < earliest) month = earliest;
    const ends: string[] = [];
    for (; month < current; month = nextMonth(month)) ends.push(month);
    // The month's end is before `madeOn`: its figures are those of its end, whatever the day.
    const ledger = ledgerAtMonthEnds(inputs.problems, ends);
    for (const [i, m] of ends.entries())
      months[m] = {
        ...figuresOf({ ...inputs, problems: [] }, m, lastDayOfMonth(m)),
        ...ledger[i]!,
      };
  }
  const live = inputs.problems.filter((p) => !p.deletedAt);
  return {
    version: DIGEST_VERSION,
    madeOn,
    firstMonth,
    months,
    tail: {
      settled: tallyOf(live.filter((p) => settledBy(p, madeOn))),
      unsettled: live.filter((p) => !settledBy(p, madeOn)),
      results: inputs.results.filter((r) => r.id >= current),
      river: fromMonth(inputs.river, current),
      forest: fromMonth(inputs.forest, current),
      records: new Map([...inputs.records].filter(([m]) => m >= current)),
      rivers: [...inputs.rivers],
      people: [...inputs.people],
    },
  };
}

type LedgerPart = Pick<
  MonthFigures,
  'open' | 'overdue' | 'closureRate' | 'medianDaysToClose' | 'upperOpen'
>;

/**
 * The ledger as it stood at the end of each of `months` (ascending), as `townMonth` counts it,
 * in one pass over the items sorted by the day they were found and the day they were closed,
 * instead of counting 20,000 items again for each of 120 months: an item counts from its
 * finding; it is closed from its 销号 on (open until then), ended unfixable whenever it is.
 */
export function ledgerAtMonthEnds(
  problems: readonly LedgerFields[],
  months: readonly string[],
): LedgerPart[] {
  const earlier =
    <T>(day: (x: T) => string) =>
    (a: T, b: T) =>
      day(a) < day(b) ? -1 : day(a) > day(b) ? 1 : 0;
  const live = problems.filter(isLive);
  const findings = [...live].sort(earlier((p) => p.foundOn));
  // A 销号 counts from its own day, and not before its item was found (a 销号 dated before the
  // finding, typed wrongly, counts from the finding, as townMonth has it).
  const closings = live
    .filter((p) => p.status === 'closed')
    .map((p) => {
      const on = p.verification?.date ?? p.foundOn;
      return { p, at: on > p.foundOn ? on : p.foundOn, days: daysToClose(p) };
    })
    .sort(earlier((x) => x.at));
  // The items open at the month's end: found, not closed by then, not ended unfixable.
  const open = new Set<LedgerFields>();
  const histogram = new Map<number, number>();
  let total = 0;
  let closed = 0;
  let f = 0;
  let c = 0;
  return months.map((month) => {
    const end = lastDayOfMonth(month);
    for (; f < findings.length && findings[f]!.foundOn <= end; f += 1) {
      total += 1;
      if (findings[f]!.status !== 'unfixable') open.add(findings[f]!);
    }
    for (; c < closings.length && closings[c]!.at <= end; c += 1) {
      const { p, days } = closings[c]!;
      open.delete(p);
      closed += 1;
      if (days !== undefined) histogram.set(days, (histogram.get(days) ?? 0) + 1);
    }
    let overdue = 0;
    let upperOpen = 0;
    for (const p of open) {
      // Closed only later: still awaiting its 销号 at the month's end.
      const status = p.status === 'closed' ? 'closeRequested' : p.status;
      if (p.source === 'upper') upperOpen += 1;
      if (deadlineState(status, p.deadline, end) === 'overdue') overdue += 1;
    }
    return {
      open: open.size,
      overdue,
      closureRate: total === 0 ? null : Math.round((closed / total) * 1000) / 1000,
      medianDaysToClose: histogramMedian(histogram),
      upperOpen,
    };
  });
}

function monthsBefore(month: string, count: number): string {
  let m = month;
  for (let i = 0; i < count; i += 1) m = previousMonth(m);
  return m;
}

const tailInputs = (digest: TownDigest): TownInputs => ({
  results: digest.tail.results,
  problems: digest.tail.unsettled,
  river: digest.tail.river,
  forest: digest.tail.forest,
  records: digest.tail.records,
  rivers: digest.tail.rivers,
  people: digest.tail.people,
});

/**
 * A month's figures from the digest on `today`, or null when the digest cannot tell (a month
 * older than those kept, or `today` before the digest was made — a clock set back): the caller
 * then counts from the records.
 */
export function monthFromDigest(
  digest: TownDigest,
  month: string,
  today: string,
): MonthFigures | null {
  const none: TownInputs = { ...tailInputs(digest), results: [], problems: [] };
  if (digest.firstMonth === null || month < digest.firstMonth)
    return figuresOf(
      { ...none, river: new Map(), forest: new Map(), records: new Map() },
      month,
      today,
    );
  if (month < digest.madeOn.slice(0, 7)) return digest.months[month] ?? null;
  const end = lastDayOfMonth(month);
  const asOf = today < end ? today : end;
  if (asOf < digest.madeOn) return null;
  return figuresOf(tailInputs(digest), month, today, digest.tail.settled);
}

/** A town's ledger on `today` over all its live items, as the drill-down counts it. */
export function drillStats(digest: TownDigest, today: string): LedgerStats {
  const open = digest.tail.unsettled as Problem[];
  return combineLedgerStats(
    open,
    totalsFromTally([...digest.tail.settled, ...tallyOf(open)]),
    today,
  );
}

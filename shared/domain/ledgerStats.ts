import { deadlineState, PROBLEM_SOURCES, type ProblemSource } from './ledger';
import type { Problem } from './problem';

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

const empty = (): Counts => ({ open: 0, overdue: 0, closed: 0 });

function days(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The ledger's dashboard figures for `today`, over live items. */
export function ledgerStats(problems: readonly Problem[], today: string): LedgerStats {
  const live = problems.filter((p) => p.deletedAt === undefined);
  const bySource = Object.fromEntries(PROBLEM_SOURCES.map((s) => [s, empty()])) as Record<
    ProblemSource,
    Counts
  >;
  const byVillage = new Map<string, Counts>();
  const byCategory = new Map<string, Counts>();
  const overdue = new Map<string, number>();
  const closeDays: number[] = [];
  for (const p of live) {
    const state = deadlineState(p.status, p.deadline, today);
    const targets = [bySource[p.source], getOr(byCategory, p.category)];
    if (p.villageId) targets.push(getOr(byVillage, p.villageId));
    for (const counts of targets) {
      if (p.status === 'closed') counts.closed += 1;
      else if (p.status !== 'unfixable') counts.open += 1;
      if (state === 'overdue') counts.overdue += 1;
    }
    if (state === 'overdue')
      overdue.set(p.responsiblePerson, (overdue.get(p.responsiblePerson) ?? 0) + 1);
    if (p.status === 'closed' && p.verification)
      closeDays.push(days(p.foundOn, p.verification.date));
  }
  const closed = live.filter((p) => p.status === 'closed').length;
  const sorted = closeDays.sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return {
    total: live.length,
    bySource,
    byVillage,
    byCategory,
    closureRate: live.length === 0 ? null : Math.round((closed / live.length) * 1000) / 1000,
    medianDaysToClose:
      sorted.length === 0
        ? null
        : sorted.length % 2
          ? sorted[mid]!
          : (sorted[mid - 1]! + sorted[mid]!) / 2,
    overdueByPerson: [...overdue]
      .map(([person, count]) => ({ person, count }))
      .sort((a, b) => b.count - a.count || a.person.localeCompare(b.person, 'zh-CN')),
  };
}

function getOr(map: Map<string, Counts>, key: string): Counts {
  let counts = map.get(key);
  if (!counts) {
    counts = empty();
    map.set(key, counts);
  }
  return counts;
}

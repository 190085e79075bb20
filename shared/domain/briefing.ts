import type { DueAction, PeriodResult } from './assessment';
import { CONSEQUENCE_LABELS } from './consequences';
import type { FlagColor } from './flags';
import { deadlineState, PROBLEM_SOURCES, SOURCE_LABELS, type ProblemSource } from './ledger';
import { isOpen } from './ledgerStats';
import { daysBetween, parseMonthKey, periodLabel } from './period';
import { announcedFlags } from './prints';
import type { Problem } from './problem';
import type { BaseRecord } from './record';
import type { BriefingRechecks } from './recheck';

/**
 * The monthly briefing (月度通报) as it is printed: every figure already worked out, so that a
 * briefing saved when it was issued prints the same later, whatever happens to the records.
 */
export interface BriefingContent {
  townName: string;
  /** `YYYY-MM` */
  month: string;
  /** The ledger's figures are as of this date (YYYY-MM-DD). */
  asOf: string;
  /** The flag period the 红黄榜 comes from (the month, or its quarter when flags are quarterly). */
  flagPeriod: string | null;
  flags: { color: FlagColor; name: string; score: number; rank: number; reason: string }[];
  withdrawn: { name: string; reason: string }[];
  scores: BriefingScoreRow[];
  unscored: string[];
  average: number | null;
  previousAverage: number | null;
  ledger: {
    bySource: BriefingLedgerRow[];
    byVillage: BriefingLedgerRow[];
    total: BriefingLedgerRow;
    overdueItems: {
      number: string;
      village: string;
      category: string;
      description: string;
      person: string;
      deadline: string;
      daysOverdue: number;
      supervised: boolean;
    }[];
    overdueByPerson: { person: string; count: number }[];
  };
  actions: {
    /** The period whose flags called for it (absent in briefings issued before it was kept). */
    period?: string | undefined;
    village: string;
    kind: string;
    title: string;
    dueDate: string;
    done: boolean;
  }[];
  /**
   * The month's river and forest patrols: how many, and who fell short of the rules (counted
   * to the month's end, or to `asOf` in the current month). Absent in briefings issued before
   * patrols were kept.
   */
  patrols?: BriefingPatrols | undefined;
  /**
   * 回头看: checks due by the month's end, the month's checks, its rebounds and the rebound
   * rate (shared/domain/recheck.ts). Absent in briefings issued before re-checks were kept.
   */
  rechecks?: BriefingRechecks | undefined;
  /** 下阶段工作重点: the office's own words. */
  focus: string;
  /**
   * Where this PC's history (its hash chain, docs/audit-chain.md) stood when the briefing was
   * read or issued: printed on its last page, so the paper kept by the party committee anchors
   * the history. Absent in briefings issued before it was kept.
   */
  history?: { seq: number; hash: string } | undefined;
}

export interface BriefingPatrols {
  river: number;
  forest: number;
  findings: number;
  behind: { name: string; role: string; required: number; done: number }[];
}

/** The briefing's patrol section from the month's compliance rows. */
export function briefingPatrols(input: {
  river: number;
  forest: number;
  findings: number;
  rows: readonly { name: string; role: string; required: number; done: number; behind: number }[];
}): BriefingPatrols {
  return {
    river: input.river,
    forest: input.forest,
    findings: input.findings,
    behind: input.rows
      .filter((r) => r.behind > 0)
      .map(({ name, role, required, done }) => ({ name, role, required, done })),
  };
}

export interface BriefingScoreRow {
  rank: number;
  name: string;
  score: number;
  /** Since last month: points (+ up), places climbed (+ up); null when either month lacks it. */
  scoreChange: number | null;
  rankChange: number | null;
  flag: FlagColor | null;
}

export interface BriefingLedgerRow {
  label: string;
  /** Found in the month. */
  found: number;
  /** Closed (销号) in the month, by the verification date. */
  closed: number;
  /** Open on `asOf`, and of those past their deadline. */
  open: number;
  overdue: number;
}

type BriefingProblem = Pick<
  Problem,
  | 'number'
  | 'source'
  | 'villageId'
  | 'category'
  | 'description'
  | 'foundOn'
  | 'deadline'
  | 'status'
  | 'verification'
  | 'responsiblePerson'
  | 'supervised'
  | 'deletedAt'
>;

/**
 * Puts the month's briefing together.
 * - `result`: the month's published scores; `previous`: last month's, for the changes;
 * - `flagResult`: the period whose flags are announced (the month itself when flags are monthly;
 *   the quarter in the quarter's last month when they are quarterly; absent otherwise);
 * - `actions`: consequences not yet done, and those of the flag period (done or not);
 * - `problems`: the whole ledger (deleted items are left out here).
 */
export function assembleBriefing(input: {
  townName: string;
  month: string;
  asOf: string;
  villages: readonly { id: string; name: string }[];
  result: PeriodResult | undefined;
  previous: PeriodResult | undefined;
  flagResult: PeriodResult | undefined;
  actions: readonly Pick<
    DueAction,
    'periodKey' | 'villageId' | 'kind' | 'title' | 'dueDate' | 'doneAt' | 'deletedAt'
  >[];
  problems: readonly BriefingProblem[];
  patrols?: BriefingPatrols | undefined;
  focus: string;
}): BriefingContent {
  const nameOf = new Map(input.villages.map((v) => [v.id, v.name]));
  const before = new Map(input.previous?.rows.map((r) => [r.villageId, r]) ?? []);
  const scores: BriefingScoreRow[] = (input.result?.rows ?? []).map((r) => {
    const last = before.get(r.villageId);
    return {
      rank: r.rank,
      name: r.name,
      score: r.score,
      scoreChange: last ? Math.round((r.score - last.score) * 100) / 100 : null,
      rankChange: last ? last.rank - r.rank : null,
      flag: input.flagResult === input.result && !r.withdrawn ? r.flag : null,
    };
  });
  const { flags, withdrawn } = announcedFlags(
    input.flagResult?.flagsAwarded ? input.flagResult.rows : [],
  );

  const actions = input.actions
    .filter(
      (a) =>
        a.deletedAt === undefined &&
        (a.doneAt === undefined || a.periodKey === input.flagResult?.id),
    )
    .map((a) => ({
      period: periodLabel(a.periodKey),
      village: nameOf.get(a.villageId) ?? '',
      kind: CONSEQUENCE_LABELS[a.kind] ?? a.kind,
      title: a.title,
      dueDate: a.dueDate,
      done: a.doneAt !== undefined,
    }))
    .sort(
      (a, b) => a.dueDate.localeCompare(b.dueDate) || a.village.localeCompare(b.village, 'zh-CN'),
    );

  return {
    townName: input.townName,
    month: input.month,
    asOf: input.asOf,
    flagPeriod: input.flagResult?.flagsAwarded ? input.flagResult.id : null,
    flags,
    withdrawn,
    scores,
    unscored: (input.result?.unscored ?? []).map((u) => u.name),
    average: input.result?.average ?? null,
    previousAverage: input.previous?.average ?? null,
    ledger: ledgerProgress(input.problems, input.month, input.asOf, nameOf),
    actions,
    patrols: input.patrols,
    focus: input.focus,
  };
}

/** The ledger's month: found and closed in it, open and overdue on `asOf`, by source and village. */
export function ledgerProgress(
  problems: readonly BriefingProblem[],
  month: string,
  asOf: string,
  nameOf: ReadonlyMap<string, string>,
): BriefingContent['ledger'] {
  const row = (label: string): BriefingLedgerRow => ({
    label,
    found: 0,
    closed: 0,
    open: 0,
    overdue: 0,
  });
  const bySource = new Map<ProblemSource, BriefingLedgerRow>(
    PROBLEM_SOURCES.map((s) => [s, row(SOURCE_LABELS[s])]),
  );
  const byVillage = new Map<string, BriefingLedgerRow>();
  const total = row('合计');
  const overdueItems: BriefingContent['ledger']['overdueItems'] = [];
  const perPerson = new Map<string, number>();
  for (const p of problems) {
    if (p.deletedAt !== undefined) continue;
    const village = p.villageId ? (nameOf.get(p.villageId) ?? '') : '';
    const targets = [bySource.get(p.source)!, total];
    if (village) {
      if (!byVillage.has(village)) byVillage.set(village, row(village));
      targets.push(byVillage.get(village)!);
    }
    const found = p.foundOn.slice(0, 7) === month;
    const closed = p.status === 'closed' && p.verification?.date.slice(0, 7) === month;
    const open = isOpen(p.status) && p.foundOn <= asOf;
    const late = open && deadlineState(p.status, p.deadline, asOf) === 'overdue';
    for (const t of targets) {
      if (found) t.found += 1;
      if (closed) t.closed += 1;
      if (open) t.open += 1;
      if (late) t.overdue += 1;
    }
    if (late) {
      overdueItems.push({
        number: p.number,
        village,
        category: p.category,
        description: p.description,
        person: p.responsiblePerson,
        deadline: p.deadline,
        daysOverdue: daysBetween(p.deadline, asOf),
        supervised: p.supervised,
      });
      perPerson.set(p.responsiblePerson, (perPerson.get(p.responsiblePerson) ?? 0) + 1);
    }
  }
  const busy = (r: BriefingLedgerRow) => r.found + r.closed + r.open > 0;
  return {
    bySource: [...bySource.values()],
    byVillage: [...byVillage.values()]
      .filter(busy)
      .sort((a, b) => b.open - a.open || a.label.localeCompare(b.label, 'zh-CN')),
    total,
    overdueItems: overdueItems.sort(
      (a, b) => b.daysOverdue - a.daysOverdue || a.number.localeCompare(b.number),
    ),
    overdueByPerson: [...perPerson]
      .map(([person, count]) => ({ person, count }))
      .sort((a, b) => b.count - a.count || a.person.localeCompare(b.person, 'zh-CN')),
  };
}

/**
 * The flag period announced in a month's briefing: the month itself when its flags were awarded,
 * otherwise the quarter when the month ends it (quarterly flags), otherwise none.
 */
export function flagPeriodOf(month: string, monthFlagsAwarded: boolean): string | null {
  if (monthFlagsAwarded) return month;
  const { year, month: m } = parseMonthKey(month);
  return m % 3 === 0 ? `${year}-Q${m / 3}` : null;
}

/** The title line, e.g. "2026年10月 生态环境工作通报". */
export function briefingTitle(month: string): string {
  return `${periodLabel(month)}生态环境工作通报`;
}

/** The town average's change since last month (points, 2 decimals); null without both. */
export function averageChange(
  b: Pick<BriefingContent, 'average' | 'previousAverage'>,
): number | null {
  return b.average !== null && b.previousAverage !== null
    ? Math.round((b.average - b.previousAverage) * 100) / 100
    : null;
}

/**
 * A briefing of a month. The draft keeps the focus text being written; an issued briefing keeps
 * what was printed (`content`), with when and by whom, and never changes afterwards.
 */
export interface Briefing extends BaseRecord {
  month: string;
  status: 'draft' | 'issued';
  focus: string;
  issuedAt?: string | undefined;
  issuedBy?: string | undefined;
  content?: BriefingContent | undefined;
}

/** The draft's id: one draft per month. */
export const draftBriefingId = (month: string): string => `draft-${month}`;

export const FOCUS_MAX_CHARS = 2000;

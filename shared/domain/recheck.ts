import type { PhotoRef } from './assessment';
import { normalizeText } from './countyImport';
import { checkDate, isValidIsoDate, type DateBounds } from './dates';
import { PROBLEM_SOURCES, SOURCE_LABELS, type ProblemSource } from './ledger';
import { addDays, daysBetween } from './period';
import type { Problem } from './problem';
import { checkReason, checkText, TEXT_LIMITS } from './textLimits';
import { cleanText } from './validation';

/**
 * Closed is not forever (回头看 · 反弹 · 长期坚持, DOMAIN.md §4): a closed item is looked at again
 * at set days after its 销号, a problem that comes back (反弹) opens a new item linked to the
 * closed one, and a standing duty closed as 已完成·长期坚持 is checked at its interval until the
 * office ends it. Nothing here is stored that can be worked out: the schedule, what is due and
 * the figures are computed from the items and the rules.
 */

export const RECHECK_RESULTS = ['holds', 'rebound'] as const;
export type RecheckResult = (typeof RECHECK_RESULTS)[number];
export const RECHECK_RESULT_LABELS: Record<RecheckResult, string> = {
  holds: '巩固',
  rebound: '反弹',
};

/** One 回头看 on site, as recorded on the item. */
export interface Recheck {
  id: string;
  /** The day of the visit. */
  date: string;
  /** Who looked (the signed-in account's name by default). */
  checker: string;
  result: RecheckResult;
  note: string;
  photos: PhotoRef[];
  /** When it was recorded, and by whom. */
  at: string;
  by: string;
  /** For 反弹: the new item it opened. */
  reboundId?: string | undefined;
}

/** A standing duty (长效管护, a seasonal ban): closed as 已完成·长期坚持, checked every `intervalDays`. */
export interface LongTermDuty {
  duty: string;
  intervalDays: number;
  /** Ended by the office, with why; no check falls due after `on`. */
  ended?: { on: string; reason: string; at: string; by: string } | undefined;
}

/** The fields of a ledger item this module reads. */
export type RecheckItem = Pick<
  Problem,
  | 'id'
  | 'source'
  | 'category'
  | 'villageId'
  | 'place'
  | 'status'
  | 'verification'
  | 'deletedAt'
  | 'rechecks'
  | 'countyRecheckDates'
  | 'longTerm'
  | 'reboundTo'
>;

// ————————————————————————————————— the rules (设置) —————————————————————————————————

export interface RecheckOverride {
  /** Either or both; the most specific rule that matches wins. */
  source?: ProblemSource | undefined;
  category?: string | undefined;
  days: number[];
}

export interface RecheckRules {
  /** Days after 销号 when an item is looked at again. */
  days: number[];
  overrides: RecheckOverride[];
  /** A return within this many months of 销号 is a rebound (offered, and counted in the rate). */
  reboundMonths: number;
}

export const DEFAULT_RECHECK_RULES: RecheckRules = {
  days: [30, 90],
  overrides: [],
  reboundMonths: 6,
};

/** The bounds of the rules: at most 6 checks, each within 10 years; a window of 1–36 months. */
export const RECHECK_LIMITS = { checks: 6, maxDays: 3650, maxMonths: 36, maxInterval: 366 };

/** Days as the office types them: `30, 90` or `30，90` or `30 90`. Null when one is not a whole number. */
export function parseDays(text: string): number[] | null {
  const parts = text
    .split(/[\s,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.some((s) => !/^\d+$/.test(s))) return null;
  return [...new Set(parts.map(Number))].sort((a, b) => a - b);
}

function checkDays(label: string, days: readonly number[]): string | null {
  if (days.length === 0) return `${label}至少要有一次回头看。`;
  if (days.length > RECHECK_LIMITS.checks)
    return `${label}最多 ${RECHECK_LIMITS.checks} 次回头看。`;
  if (days.some((d) => !Number.isInteger(d) || d < 1 || d > RECHECK_LIMITS.maxDays))
    return `${label}的天数应是 1 到 ${RECHECK_LIMITS.maxDays} 之间的整数。`;
  return null;
}

/** Every problem of the rules, in words; empty when they can be saved. */
export function validateRecheckRules(rules: RecheckRules, categories: readonly string[]): string[] {
  const problems: string[] = [];
  const base = checkDays('默认规则', rules.days);
  if (base) problems.push(base);
  if (
    !Number.isInteger(rules.reboundMonths) ||
    rules.reboundMonths < 1 ||
    rules.reboundMonths > RECHECK_LIMITS.maxMonths
  )
    problems.push(`反弹认定期限应是 1 到 ${RECHECK_LIMITS.maxMonths} 之间的整数（月）。`);
  const seen = new Set<string>();
  rules.overrides.forEach((o, i) => {
    const label = `第 ${i + 1} 条规则`;
    if (!o.source && !o.category) problems.push(`${label}请选择问题来源或问题类别。`);
    if (o.source && !PROBLEM_SOURCES.includes(o.source)) problems.push(`${label}的来源不正确。`);
    if (o.category && !categories.includes(o.category))
      problems.push(`${label}的类别“${o.category}”不在问题类别中。`);
    const days = checkDays(label, o.days);
    if (days) problems.push(days);
    const key = `${o.source ?? ''}|${o.category ?? ''}`;
    if (seen.has(key)) problems.push(`${label}与前面的规则重复。`);
    seen.add(key);
  });
  return problems;
}

/** The stored rules, or the defaults for what is missing or malformed. */
export function parseRecheckRules(value: unknown): RecheckRules {
  if (typeof value !== 'object' || value === null) return DEFAULT_RECHECK_RULES;
  const v = value as Partial<RecheckRules>;
  const days = (d: unknown): number[] | null =>
    Array.isArray(d) && d.length > 0 && d.every((n) => Number.isInteger(n) && n > 0)
      ? (d as number[])
      : null;
  return {
    days: days(v.days) ?? DEFAULT_RECHECK_RULES.days,
    overrides: Array.isArray(v.overrides)
      ? v.overrides.flatMap((o: Partial<RecheckOverride>) => {
          const d = days(o?.days);
          return d && (o.source || o.category)
            ? [{ source: o.source, category: o.category, days: d }]
            : [];
        })
      : [],
    reboundMonths:
      Number.isInteger(v.reboundMonths) && (v.reboundMonths ?? 0) > 0
        ? v.reboundMonths!
        : DEFAULT_RECHECK_RULES.reboundMonths,
  };
}

/** The days after 销号 for an item: the rule for its source and category, else its category's, else its source's, else the default. */
export function recheckDaysFor(
  rules: RecheckRules,
  item: Pick<Problem, 'source' | 'category'>,
): number[] {
  const both = rules.overrides.find(
    (o) => o.source === item.source && o.category === item.category,
  );
  const category = rules.overrides.find((o) => !o.source && o.category === item.category);
  const source = rules.overrides.find((o) => o.source === item.source && !o.category);
  return (both ?? category ?? source)?.days ?? rules.days;
}

// ————————————————————————————————— dates —————————————————————————————————

/**
 * A date some months later, the day kept or, where the month is shorter, its last day:
 * 2026-08-31 + 6 months = 2027-02-28.
 */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whether a return on `returnedOn` lies within `months` of 销号 on `closedOn` (both days counted). */
export function withinReboundWindow(closedOn: string, returnedOn: string, months: number): boolean {
  return returnedOn >= closedOn && returnedOn <= addMonths(closedOn, months);
}

// ————————————————————————————————— the schedule —————————————————————————————————

export type CheckKind = 'rule' | 'county' | 'longTerm';

export interface ScheduledCheck {
  due: string;
  kind: CheckKind;
  /** 销号后 30 天 · 上级回头看 · 长期坚持第 3 次 */
  label: string;
}

export type CheckState = 'done' | 'overdue' | 'dueSoon' | 'upcoming';

export interface CheckStatus extends ScheduledCheck {
  state: CheckState;
  /** The visit that did it, when done. */
  doneOn?: string | undefined;
  /** Done on or before the due date (an early visit counts as on time). */
  onTime?: boolean | undefined;
}

/** A re-check due within this many days (today counts) is 临近. */
export const RECHECK_SOON_DAYS = 7;

/** The day an item was closed (销号), or null when it is not closed. */
export const closedOn = (p: Pick<Problem, 'status' | 'verification' | 'deletedAt'>) =>
  p.status === 'closed' && p.deletedAt === undefined && p.verification ? p.verification.date : null;

/**
 * The checks an item owes, by due date: the rule's days after 销号 (for a long-term item, every
 * `intervalDays` instead, up to `until` and no later than the day the duty ended), and the
 * upper level's own 回头看 dates from 销号 on. Nothing falls due after a rebound: the new item
 * carries the problem from there. Two checks on one day are one.
 */
export function recheckSchedule(
  item: RecheckItem,
  rules: RecheckRules,
  until: string,
): ScheduledCheck[] {
  const closed = closedOn(item);
  if (!closed) return [];
  const checks: ScheduledCheck[] = [];
  if (item.longTerm) {
    const end = item.longTerm.ended?.on;
    const step = Math.max(1, item.longTerm.intervalDays);
    for (let k = 1; ; k += 1) {
      const due = addDays(closed, k * step);
      if (due > until || (end !== undefined && due > end)) break;
      checks.push({ due, kind: 'longTerm', label: `长期坚持第 ${k} 次` });
    }
  } else {
    for (const d of recheckDaysFor(rules, item))
      checks.push({ due: addDays(closed, d), kind: 'rule', label: `销号后 ${d} 天` });
  }
  for (const due of item.countyRecheckDates ?? [])
    if (due >= closed && (item.longTerm?.ended === undefined || due <= item.longTerm.ended.on))
      checks.push({ due, kind: 'county', label: '上级回头看' });
  const stop = item.reboundTo?.date;
  const byDay = new Map<string, ScheduledCheck>();
  for (const c of checks.sort((a, b) => a.due.localeCompare(b.due)))
    if ((stop === undefined || c.due <= stop) && !byDay.has(c.due)) byDay.set(c.due, c);
  return [...byDay.values()];
}

/**
 * Each check with what became of it. A visit does every check not yet done that fell due on or
 * before its day (late, but done: one visit catches up); a visit before any is due does the next
 * one (early, on time). A check is on time when its visit is on or before its due date.
 */
export function recheckStatus(
  item: RecheckItem,
  rules: RecheckRules,
  today: string,
  until: string = addDays(today, 366),
): CheckStatus[] {
  const checks: CheckStatus[] = recheckSchedule(item, rules, until).map((c) => ({
    ...c,
    state: 'upcoming',
  }));
  const visits = [...(item.rechecks ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  for (const visit of visits) {
    let did = 0;
    for (const c of checks)
      if (c.doneOn === undefined && c.due <= visit.date) {
        c.doneOn = visit.date;
        did += 1;
      }
    if (did === 0) {
      const next = checks.find((c) => c.doneOn === undefined);
      if (next) next.doneOn = visit.date;
    }
  }
  for (const c of checks) {
    if (c.doneOn !== undefined) {
      c.state = 'done';
      c.onTime = c.doneOn <= c.due;
    } else if (c.due < today) c.state = 'overdue';
    else if (daysBetween(today, c.due) < RECHECK_SOON_DAYS) c.state = 'dueSoon';
  }
  return checks;
}

/** A check not done that is overdue or due within a week: what the dashboard and the briefing list. */
export interface DueRecheck {
  problemId: string;
  due: string;
  label: string;
  overdue: boolean;
  /** Days past due (0 when not yet due). */
  daysOverdue: number;
}

/** The checks to do by `until` (overdue or due), earliest first. */
export function dueRechecks(
  items: readonly RecheckItem[],
  rules: RecheckRules,
  today: string,
  until: string = addDays(today, RECHECK_SOON_DAYS - 1),
): DueRecheck[] {
  const out: DueRecheck[] = [];
  for (const item of items)
    for (const c of recheckStatus(item, rules, today))
      if (c.state !== 'done' && c.due <= until)
        out.push({
          problemId: item.id,
          due: c.due,
          label: c.label,
          overdue: c.due < today,
          daysOverdue: Math.max(0, daysBetween(c.due, today)),
        });
  return out.sort((a, b) => a.due.localeCompare(b.due) || a.problemId.localeCompare(b.problemId));
}

// ————————————————————————————————— rebounds —————————————————————————————————

/** The same place, as people type it: spaces and full-/half-width differences aside. */
const samePlace = (a: string, b: string) => {
  const [x, y] = [normalizeText(a), normalizeText(b)];
  return x !== '' && x === y;
};

/**
 * The closed items a new one may be the return of: same village, category and (non-empty)
 * place, closed within the rebound window before it was found, not marked 反弹 already;
 * the latest closed first.
 */
export function reboundCandidates<T extends RecheckItem>(
  form: { villageId?: string | undefined; category: string; place: string; foundOn: string },
  items: readonly T[],
  months: number,
): T[] {
  if (!form.villageId || !isValidIsoDate(form.foundOn)) return [];
  return items
    .filter((p) => {
      const closed = closedOn(p);
      return (
        closed !== null &&
        p.reboundTo === undefined &&
        p.villageId === form.villageId &&
        p.category === form.category &&
        samePlace(p.place, form.place) &&
        withinReboundWindow(closed, form.foundOn, months)
      );
    })
    .sort((a, b) => closedOn(b)!.localeCompare(closedOn(a)!));
}

/** Why a re-check cannot be recorded, or null. `past` bounds its date (it happened). */
export function checkRecheck(
  item: RecheckItem,
  input: { date: string; checker: string; result: RecheckResult; note: string },
  past?: DateBounds,
): string | null {
  const closed = closedOn(item);
  if (!closed) return '只有已销号的问题才能回头看。';
  if (item.reboundTo) return '这个问题已经反弹，另开了新问题，请在新问题上继续整改。';
  if (item.longTerm?.ended) return '这项长期坚持的工作已经结束，不再回头看。';
  const date = checkDate('回头看日期', input.date, past);
  if (date) return date;
  if (input.date < closed) return `回头看日期不能早于销号日期（${closed}）。`;
  if (cleanText(input.checker) === '') return '请填写回头看的人。';
  const who = checkText('回头看的人', input.checker, TEXT_LIMITS.person);
  if (who) return who;
  if (!RECHECK_RESULTS.includes(input.result)) return '请选择回头看的结果：巩固或反弹。';
  if (input.result === 'rebound' && cleanText(input.note).length < 4)
    return '反弹需要写明看到的情况（至少 4 个字），它会成为新问题的描述。';
  return checkText('情况说明', input.note, TEXT_LIMITS.opinion);
}

/** Why an item cannot be closed as 已完成·长期坚持 with this duty, or null. */
export function checkLongTermDuty(duty: { duty: string; intervalDays: number }): string | null {
  if (cleanText(duty.duty).length < 2) return '请写明要长期坚持的工作（例如：每周保洁一次）。';
  const long = checkText('长期坚持的工作', duty.duty, TEXT_LIMITS.opinion);
  if (long) return long;
  if (
    !Number.isInteger(duty.intervalDays) ||
    duty.intervalDays < 1 ||
    duty.intervalDays > RECHECK_LIMITS.maxInterval
  )
    return `检查间隔应是 1 到 ${RECHECK_LIMITS.maxInterval} 之间的整数（天）。`;
  return null;
}

/** Why a long-term duty cannot be ended on `on` with `reason`, or null. */
export function checkEndDuty(item: RecheckItem, on: string, reason: string, past?: DateBounds) {
  if (!item.longTerm || !closedOn(item)) return '这个问题不是长期坚持的工作。';
  if (item.longTerm.ended) return '这项长期坚持的工作已经结束了。';
  const date = checkDate('结束日期', on, past);
  if (date) return date;
  if (on < closedOn(item)!) return '结束日期不能早于销号日期。';
  return checkReason('结束长期坚持', reason, { example: '村已建立长效保洁制度并纳入村规民约' });
}

// ————————————————————————————————— figures —————————————————————————————————

export interface ReboundRow {
  label: string;
  /** Items closed in the span. */
  closed: number;
  /** Of those, how many came back within the window. */
  rebounded: number;
  /** rebounded ÷ closed, or null when none was closed. */
  rate: number | null;
}

export interface ReboundFigures {
  total: ReboundRow;
  bySource: ReboundRow[];
  byCategory: ReboundRow[];
  byVillage: (ReboundRow & { villageId: string })[];
}

const rowOf = (label: string, closed: number, rebounded: number): ReboundRow => ({
  label,
  closed,
  rebounded,
  rate: closed === 0 ? null : rebounded / closed,
});

/**
 * The rebound rate: of the items closed from `from` to `to` (both days), those that came back
 * within `months` of their 销号; by source, category and village (the ones that closed any).
 */
export function reboundFigures(
  items: readonly RecheckItem[],
  span: { from: string; to: string },
  months: number,
  villageNames: ReadonlyMap<string, string> = new Map(),
): ReboundFigures {
  const cohort = items.filter((p) => {
    const closed = closedOn(p);
    return closed !== null && closed >= span.from && closed <= span.to;
  });
  const rebounded = (p: RecheckItem) =>
    p.reboundTo !== undefined && withinReboundWindow(closedOn(p)!, p.reboundTo.date, months);
  const group = <K extends string>(key: (p: RecheckItem) => K) => {
    const map = new Map<K, [number, number]>();
    for (const p of cohort) {
      const k = key(p);
      const [c, r] = map.get(k) ?? [0, 0];
      map.set(k, [c + 1, r + (rebounded(p) ? 1 : 0)]);
    }
    return map;
  };
  const sources = group((p) => p.source);
  const categories = group((p) => p.category);
  const villages = group((p) => p.villageId ?? '');
  return {
    total: rowOf('合计', cohort.length, cohort.filter(rebounded).length),
    bySource: PROBLEM_SOURCES.map((s) =>
      rowOf(SOURCE_LABELS[s], sources.get(s)?.[0] ?? 0, sources.get(s)?.[1] ?? 0),
    ),
    byCategory: [...categories]
      .map(([c, [n, r]]) => rowOf(c, n, r))
      .sort((a, b) => b.rebounded - a.rebounded || a.label.localeCompare(b.label, 'zh-CN')),
    byVillage: [...villages]
      .map(([v, [n, r]]) => ({
        ...rowOf(villageNames.get(v) ?? '（未指定村）', n, r),
        villageId: v,
      }))
      .sort((a, b) => b.rebounded - a.rebounded || a.label.localeCompare(b.label, 'zh-CN')),
  };
}

export interface Timeliness {
  /** Checks that fell due in the span (not after today). */
  due: number;
  onTime: number;
  late: number;
  /** Due and not done yet. */
  missed: number;
  /** onTime ÷ due, or null when none fell due. */
  rate: number | null;
}

/** How the checks due from `from` to `to` (and not after today) were done. */
export function recheckTimeliness(
  items: readonly RecheckItem[],
  rules: RecheckRules,
  span: { from: string; to: string },
  today: string,
): Timeliness {
  const last = span.to < today ? span.to : today;
  let [due, onTime, late, missed] = [0, 0, 0, 0];
  for (const item of items)
    for (const c of recheckStatus(item, rules, today))
      if (c.due >= span.from && c.due <= last) {
        due += 1;
        if (c.state === 'done') {
          if (c.onTime) onTime += 1;
          else late += 1;
        } else missed += 1;
      }
  return { due, onTime, late, missed, rate: due === 0 ? null : onTime / due };
}

/** A rate as people read it: 12.5% → “12.5%”, none → “—”. */
export const percent = (rate: number | null) =>
  rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;

// ————————————————————————————————— the monthly briefing —————————————————————————————————

/**
 * What a due list looks at: items closed within this many days, and every long-term one. A check
 * of an item closed longer ago that was never done is no longer listed (docs/recheck.md).
 */
export const RECHECK_LOOKBACK_DAYS = 730;

/** The items a due list looks at on `today` (see RECHECK_LOOKBACK_DAYS). */
export const watched = <T extends RecheckItem>(items: readonly T[], today: string): T[] => {
  const since = addDays(today, -RECHECK_LOOKBACK_DAYS);
  return items.filter((p) => {
    const closed = closedOn(p);
    return closed !== null && (closed >= since || p.longTerm !== undefined);
  });
};

/** The briefing's 回头看 section, worked out when it is read or issued (then kept as printed). */
export interface BriefingRechecks {
  /** Checks not done that fell due by the month's end (or the as-of date), earliest first. */
  due: {
    number: string;
    village: string;
    category: string;
    label: string;
    due: string;
    daysOverdue: number;
  }[];
  /** The checks that fell due in the month (to the as-of date), and how they were done. */
  month: { due: number; onTime: number; late: number; missed: number };
  /** Returns found in the month: the closed item and the item opened for it. */
  rebounds: {
    number: string;
    village: string;
    category: string;
    date: string;
    newNumber: string;
  }[];
  /** Items closed in the 12 months to the month's end, and those back within `months`. */
  rate: {
    months: number;
    from: string;
    to: string;
    closed: number;
    rebounded: number;
    bySource: { label: string; closed: number; rebounded: number }[];
  };
}

type BriefingItem = RecheckItem & Pick<Problem, 'number' | 'description'>;

/** The briefing's 回头看 section for `month` (YYYY-MM), its figures as of `asOf`. */
export function briefingRechecks(input: {
  month: string;
  asOf: string;
  items: readonly BriefingItem[];
  rules: RecheckRules;
  villageNames: ReadonlyMap<string, string>;
}): BriefingRechecks {
  const { month, rules, villageNames } = input;
  const first = `${month}-01`;
  const monthEnd = addDays(addMonths(first, 1), -1);
  const end = input.asOf < monthEnd ? input.asOf : monthEnd;
  const live = input.items.filter((p) => p.deletedAt === undefined);
  const byId = new Map(live.map((p) => [p.id, p]));
  const items = watched(live, end);
  const village = (p: RecheckItem) => villageNames.get(p.villageId ?? '') ?? '';
  const due = dueRechecks(items, rules, end, end).map((d) => {
    const p = byId.get(d.problemId)!;
    return {
      number: p.number,
      village: village(p),
      category: p.category,
      label: d.label,
      due: d.due,
      daysOverdue: d.daysOverdue,
    };
  });
  const timeliness = recheckTimeliness(items, rules, { from: first, to: end }, end);
  const rebounds = live
    .filter(
      (p) => closedOn(p) && p.reboundTo && p.reboundTo.date >= first && p.reboundTo.date <= end,
    )
    .map((p) => ({
      number: p.number,
      village: village(p),
      category: p.category,
      date: p.reboundTo!.date,
      newNumber: byId.get(p.reboundTo!.problemId)?.number ?? '',
    }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.number.localeCompare(b.number));
  const span = { from: addDays(addMonths(monthEnd, -12), 1), to: monthEnd };
  // A return found after the as-of date is not known to this briefing yet.
  const known = live.map((p) =>
    p.reboundTo && p.reboundTo.date > end ? { ...p, reboundTo: undefined } : p,
  );
  const figures = reboundFigures(known, span, rules.reboundMonths);
  return {
    due,
    month: {
      due: timeliness.due,
      onTime: timeliness.onTime,
      late: timeliness.late,
      missed: timeliness.missed,
    },
    rebounds,
    rate: {
      months: rules.reboundMonths,
      ...span,
      closed: figures.total.closed,
      rebounded: figures.total.rebounded,
      bySource: figures.bySource.map(({ label, closed, rebounded }) => ({
        label,
        closed,
        rebounded,
      })),
    },
  };
}

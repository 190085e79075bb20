import { checkDate } from '@shared/domain/dates';
import { SOURCE_LABELS } from '@shared/domain/ledger';
import { addDays } from '@shared/domain/period';
import {
  DEFAULT_FIX_DAYS,
  DEFAULT_PROBLEM_CATEGORIES,
  type Problem,
  type ProblemForm,
} from '@shared/domain/problem';
import {
  addMonths,
  checkEndDuty,
  checkRecheck,
  closedOn,
  dueRechecks,
  parseRecheckRules,
  RECHECK_LOOKBACK_DAYS,
  reboundCandidates,
  reboundFigures,
  recheckTimeliness,
  validateRecheckRules,
  type DueRecheck,
  type Recheck,
  type RecheckResult,
  type RecheckRules,
  type ReboundFigures,
  type Timeliness,
} from '@shared/domain/recheck';
import { isLive } from '@shared/domain/record';
import { cleanText } from '@shared/domain/validation';
import { InputError } from '../errors';
import { checkPhoto, storePhoto, type PhotoInput } from '../photos';
import type { EcoDeskDb } from '../schema';
import { appendAudit, writeContext } from '../writeContext';
import { createProblem, update } from './problemRepo';
import { pastDateBounds } from './settingsRepo';

const refuse = (message: string, field = 'recheck'): never => {
  throw new InputError([{ field, message }]);
};

export const RECHECK_RULES_KEY = 'recheck.rules';

export async function getRecheckRules(db: EcoDeskDb): Promise<RecheckRules> {
  return parseRecheckRules((await db.settings.get(RECHECK_RULES_KEY))?.value);
}

/** The rules in words, as the history keeps them. */
function rulesInWords(rules: RecheckRules): string {
  const overrides = rules.overrides.map(
    (o) =>
      `${[o.source ? SOURCE_LABELS[o.source] : '', o.category ?? ''].filter(Boolean).join('·')} ${o.days.join('、')} 天`,
  );
  return [
    `销号后 ${rules.days.join('、')} 天回头看`,
    ...overrides,
    `销号后 ${rules.reboundMonths} 个月内再出现算反弹`,
  ].join('；');
}

export async function saveRecheckRules(db: EcoDeskDb, rules: RecheckRules): Promise<void> {
  const clean: RecheckRules = {
    days: [...new Set(rules.days)].sort((a, b) => a - b),
    overrides: rules.overrides.map((o) => ({
      ...(o.source ? { source: o.source } : {}),
      ...(o.category ? { category: o.category } : {}),
      days: [...new Set(o.days)].sort((a, b) => a - b),
    })),
    reboundMonths: rules.reboundMonths,
  };
  const problems = validateRecheckRules(clean, DEFAULT_PROBLEM_CATEGORIES);
  if (problems.length > 0)
    throw new InputError(problems.map((message) => ({ field: 'rules', message })));
  await db.transaction('rw', [db.settings, db.audit], async () => {
    const ctx = await writeContext(db);
    await db.settings.put({ key: RECHECK_RULES_KEY, value: clean });
    await appendAudit(db, ctx, {
      id: ctx.newId(),
      at: ctx.now,
      actor: ctx.actor,
      table: 'settings',
      recordId: RECHECK_RULES_KEY,
      action: 'update',
      label: `回头看规则：${rulesInWords(clean)}`,
      before: null,
      after: null,
    });
  });
}

/**
 * The closed items worth watching, live ones only: those closed within RECHECK_LOOKBACK_DAYS
 * (through the index on the 销号 date) and every one under long-term watch, as `watched` in
 * shared/domain/recheck.ts picks them from a whole ledger.
 */
async function watchedItems(db: EcoDeskDb, today: string): Promise<Problem[]> {
  const since = addDays(today, -RECHECK_LOOKBACK_DAYS);
  const [recent, longTerm] = await Promise.all([
    db.problems.where('verification.date').aboveOrEqual(since).toArray(),
    db.problems.where('longTerm.intervalDays').above(0).toArray(),
  ]);
  const byId = new Map<string, Problem>();
  for (const p of [...recent, ...longTerm]) if (isLive(p) && closedOn(p)) byId.set(p.id, p);
  return [...byId.values()];
}

/** Whether `watchedItems` reads an item: what its two indexes hold, live and closed. */
const isWatched = (p: Problem, since: string) =>
  isLive(p) &&
  closedOn(p) !== null &&
  ((p.verification?.date ?? '') >= since || (p.longTerm?.intervalDays ?? 0) > 0);

export interface DueRecheckRow extends DueRecheck {
  number: string;
  villageId: string;
  village: string;
  category: string;
  description: string;
  longTerm: boolean;
}

export interface RecheckOverview {
  rules: RecheckRules;
  /** Overdue or due within a week, earliest first. */
  due: DueRecheckRow[];
  /** Items closed in the last 12 months (to today) and how many came back. */
  rebound: ReboundFigures;
  /** Checks due in the last 12 months (to today) and how they were done. */
  timeliness: Timeliness;
  span: { from: string; to: string };
}

/** The rows of due checks, named as people read them. */
export function dueRows(
  items: readonly Problem[],
  rules: RecheckRules,
  today: string,
  until: string | undefined,
  villageNames: ReadonlyMap<string, string>,
): DueRecheckRow[] {
  const byId = new Map(items.map((p) => [p.id, p]));
  return dueRechecks(items, rules, today, until).map((d) => {
    const p = byId.get(d.problemId)!;
    return {
      ...d,
      number: p.number,
      villageId: p.villageId ?? '',
      village: villageNames.get(p.villageId ?? '') ?? '',
      category: p.category,
      description: p.description,
      longTerm: p.longTerm !== undefined,
    };
  });
}

/** The twelve months up to `today`: 2026-06-15 → 2025-06-16 … 2026-06-15. */
export const lastTwelveMonths = (today: string) => ({
  from: addDays(addMonths(today, -12), 1),
  to: today,
});

/** The tables `loadRecheckOverview` reads (its transaction's; db/keptQuery.ts watches them). */
export const RECHECK_OVERVIEW_TABLES = ['problems', 'villages', 'settings'] as const;

export async function loadRecheckOverview(db: EcoDeskDb, today: string): Promise<RecheckOverview> {
  return db.transaction('r', RECHECK_OVERVIEW_TABLES, async () => {
    const [items, villages, rules] = await Promise.all([
      watchedItems(db, today),
      db.villages.toArray(),
      getRecheckRules(db),
    ]);
    const names = new Map(villages.map((v) => [v.id, v.name]));
    const span = lastTwelveMonths(today);
    return {
      rules,
      due: dueRows(items, rules, today, undefined, names),
      rebound: reboundFigures(items, span, rules.reboundMonths, names),
      timeliness: recheckTimeliness(items, rules, span, today),
      span,
    };
  });
}

/** One village's part of the overview: its rebound row and the checks it owes now. */
export interface VillageRecheck {
  reboundMonths: number;
  /** Undefined when the village closed nothing in the last 12 months. */
  rebound: ReboundFigures['byVillage'][number] | undefined;
  due: DueRecheckRow[];
}

/**
 * The village's page: the overview's figures for one village, from its own items (through the
 * village index, a few hundred) rather than the whole town's watched ones (thousands: reading and
 * scheduling them took most of the page's time on 10 years of data).
 */
export async function loadVillageRecheck(
  db: EcoDeskDb,
  villageId: string,
  today: string,
): Promise<VillageRecheck> {
  return db.transaction('r', [db.problems, db.villages, db.settings], async () => {
    const since = addDays(today, -RECHECK_LOOKBACK_DAYS);
    const [own, village, rules] = await Promise.all([
      db.problems.where('villageId').equals(villageId).toArray(),
      db.villages.get(villageId),
      getRecheckRules(db),
    ]);
    const items = own.filter((p) => isWatched(p, since));
    const names = new Map(village ? [[village.id, village.name]] : []);
    return {
      reboundMonths: rules.reboundMonths,
      rebound: reboundFigures(items, lastTwelveMonths(today), rules.reboundMonths, names)
        .byVillage[0],
      due: dueRows(items, rules, today, undefined, names),
    };
  });
}

/** The closed items a new one may be the return of (same village, category and place, within N months). */
export async function findReboundCandidates(
  db: EcoDeskDb,
  form: Pick<ProblemForm, 'villageId' | 'category' | 'place' | 'foundOn'>,
): Promise<Problem[]> {
  if (!form.villageId) return [];
  return db.transaction('r', [db.problems, db.settings], async () => {
    const [items, rules] = await Promise.all([
      db.problems.where('villageId').equals(form.villageId!).toArray(),
      getRecheckRules(db),
    ]);
    return reboundCandidates(form, items.filter(isLive), rules.reboundMonths);
  });
}

/** A 反弹's new item: the closed one's village, category and place, found on the day of the visit. */
function reboundForm(p: Problem, input: { date: string; note: string }): ProblemForm {
  return {
    source: 'town',
    category: p.category,
    villageId: p.villageId,
    place: p.place,
    description: cleanText(input.note),
    foundOn: input.date,
    deadline: addDays(input.date, DEFAULT_FIX_DAYS),
    responsiblePerson: p.responsiblePerson,
    responsibleLeader: p.responsibleLeader,
  };
}

export interface RecheckInput {
  date: string;
  checker: string;
  result: RecheckResult;
  note: string;
}

/**
 * Records a 回头看 with its photos. 巩固: the visit is added to the item. 反弹: a new item is
 * opened (镇级督查发现, the same village, category and place, what was seen as its description,
 * 15 days to fix, the same responsible person) and the closed item, still closed, is marked
 * 反弹 with the visit — all in one transaction.
 */
export async function recordRecheck(
  db: EcoDeskDb,
  id: string,
  input: RecheckInput,
  photos: readonly PhotoInput[] = [],
): Promise<{ item: Problem; rebound?: Problem }> {
  const past = await pastDateBounds(db);
  const mimes = photos.map((p) => checkPhoto(p.file).mime);
  const tables = [
    db.problems,
    db.ledgerTally,
    db.deductions,
    db.riverPatrols,
    db.forestPatrols,
    db.attachments,
    db.audit,
    db.settings,
  ];
  return db.transaction('rw', tables, async () => {
    const before = await db.problems.get(id);
    if (!before || !isLive(before)) return refuse('这个问题已不存在。');
    const problem = checkRecheck(before, input, past);
    if (problem) return refuse(problem);
    const ctx = await writeContext(db);
    const refs = [];
    for (const [i, photo] of photos.entries())
      refs.push(await storePhoto(db, ctx, photo, mimes[i]!));
    const recheck: Recheck = {
      id: ctx.newId(),
      date: input.date,
      checker: cleanText(input.checker),
      result: input.result,
      note: cleanText(input.note),
      photos: refs,
      at: ctx.now,
      by: ctx.actor,
    };
    if (input.result === 'holds') {
      const item = await update(db, id, (p) => ({
        ...p,
        rechecks: [...(p.rechecks ?? []), recheck],
      }));
      return { item };
    }
    const rebound = await createProblem(db, reboundForm(before, input), {
      rebound: { of: id, recheck },
    });
    return { item: (await db.problems.get(id))!, rebound };
  });
}

/** The upper level's own 回头看 dates for an item of 上级督查反馈 (replacing those entered before). */
export async function setCountyRecheckDates(
  db: EcoDeskDb,
  id: string,
  dates: readonly string[],
): Promise<Problem> {
  const clean = [...new Set(dates.map((d) => d.trim()).filter(Boolean))].sort();
  for (const d of clean) {
    const problem = checkDate('上级回头看日期', d);
    if (problem) refuse(problem, 'countyRecheckDates');
  }
  if (clean.length > 20) refuse('上级回头看日期最多 20 个。', 'countyRecheckDates');
  return update(db, id, (p) => {
    if (p.source !== 'upper') refuse('只有上级督查反馈的问题才有上级回头看日期。');
    return { ...p, countyRecheckDates: clean };
  });
}

/** Ends a long-term duty (结束长期坚持) with a reason: no check falls due after `on`. */
export async function endLongTerm(
  db: EcoDeskDb,
  id: string,
  on: string,
  reason: string,
): Promise<Problem> {
  const past = await pastDateBounds(db);
  return update(
    db,
    id,
    (p, ctx) => {
      const problem = checkEndDuty(p, on, reason, past);
      if (problem) refuse(problem, 'reason');
      return {
        ...p,
        longTerm: {
          ...p.longTerm!,
          ended: { on, reason: cleanText(reason), at: ctx.now, by: ctx.actor },
        },
      };
    },
    cleanText(reason),
  );
}

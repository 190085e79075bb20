import { briefingRechecks } from '@shared/domain/recheck';
import { getRecheckRules } from './recheckRepo';
import type { PeriodResult } from '@shared/domain/assessment';
import {
  assembleBriefing,
  briefingPatrols,
  draftBriefingId,
  flagPeriodOf,
  FOCUS_MAX_CHARS,
  type Briefing,
  type BriefingContent,
} from '@shared/domain/briefing';
import {
  layoutRows,
  ledgerValues,
  parseLayout,
  resultValues,
  validateLayout,
  type CountyReport,
  type ExportLayout,
  type ExportValue,
} from '@shared/domain/countyExport';
import { isValidIsoDate } from '@shared/domain/dates';
import {
  isMonthKey,
  lastDayOfMonth,
  monthsOfQuarter,
  periodLabel,
  previousMonth,
} from '@shared/domain/period';
import { monthCompliance } from '@shared/domain/patrol';
import { matchesFilter, type LedgerFilter } from '@shared/domain/ledgerFilter';
import {
  describeFilter,
  ledgerPrintRows,
  villageReportCard,
  type LedgerPrintRow,
  type VillageReportCard,
} from '@shared/domain/prints';
import { isLive, stamp } from '@shared/domain/record';
import { charLength, cleanText } from '@shared/domain/validation';
import { briefingForPackage } from '@shared/handoff/readable';
import { InputError } from '../errors';
import type { EcoDeskDb } from '../schema';
import { chainHead, installationOf, putAudited, writeContext } from '../writeContext';
import { getPatrolRules, listRivers, loadPatrolMonth } from './patrolRepo';
import { listPeople } from './personRepo';
import { listProblems } from './problemRepo';

const refuse = (message: string, field = ''): never => {
  throw new InputError([{ field, message }]);
};

/** The months that have published scores, newest first: the months a briefing can be made for. */
export async function briefingMonths(db: EcoDeskDb): Promise<string[]> {
  const keys = await db.results.where('cadence').equals('month').primaryKeys();
  return keys.sort().reverse();
}

/** The focus text of the month's draft ('' before any is written). */
export async function getDraftFocus(db: EcoDeskDb, month: string): Promise<string> {
  return (await db.briefings.get(draftBriefingId(month)))?.focus ?? '';
}

export async function saveDraftFocus(db: EcoDeskDb, month: string, focus: string): Promise<void> {
  if (!isMonthKey(month)) refuse('月份不正确。', 'month');
  if (charLength(focus) > FOCUS_MAX_CHARS)
    refuse(`下阶段工作重点最多 ${FOCUS_MAX_CHARS} 字。`, 'focus');
  await db.transaction('rw', db.briefings, db.audit, db.settings, async () => {
    const ctx = await writeContext(db);
    const id = draftBriefingId(month);
    const before = await db.briefings.get(id);
    if (before?.focus === focus) return;
    const after = stamp<Briefing>(
      { ...(before ?? { month, status: 'draft' }), id, focus },
      { ...ctx, existing: before },
    );
    await putAudited(db, ctx, 'briefings', before, after, `${periodLabel(month)}通报（草稿）`);
  });
}

/**
 * The month's briefing worked out from the records as they are now, with the ledger as of
 * `asOf`. Reads the whole ledger (the overdue list names items); 20,000 items take a few
 * hundred milliseconds.
 */
export async function loadBriefingContent(
  db: EcoDeskDb,
  month: string,
  asOf: string,
): Promise<BriefingContent> {
  if (!isMonthKey(month)) refuse('月份不正确。', 'month');
  if (!isValidIsoDate(asOf)) refuse('日期不正确。', 'asOf');
  return db.transaction(
    'r',
    [
      db.town,
      db.villages,
      db.results,
      db.dueActions,
      db.problems,
      db.briefings,
      db.rivers,
      db.people,
      db.riverPatrols,
      db.forestPatrols,
      db.settings,
      db.audit,
    ],
    async () => {
      const [town, villages, result, previous, actions, problems, draft] = await Promise.all([
        db.town.toCollection().first(),
        db.villages.toArray(),
        db.results.get(month),
        db.results.get(previousMonth(month)),
        db.dueActions.toArray(),
        db.problems.toArray(),
        db.briefings.get(draftBriefingId(month)),
      ]);
      const flagKey = flagPeriodOf(month, result?.flagsAwarded ?? false);
      const flagResult: PeriodResult | undefined =
        flagKey === month ? result : flagKey ? await db.results.get(flagKey) : undefined;
      const installation = await installationOf(db);
      const history = installation ? await chainHead(db, installation) : null;
      const rechecks = briefingRechecks({
        month,
        asOf,
        items: problems,
        rules: await getRecheckRules(db),
        villageNames: new Map(villages.map((v) => [v.id, v.name])),
      });
      const content = assembleBriefing({
        townName: town?.name ?? '',
        month,
        asOf,
        villages,
        result,
        previous,
        flagResult,
        actions,
        problems,
        patrols: await monthPatrols(db, month, asOf),
        focus: draft?.focus ?? '',
      });
      return history ? { ...content, rechecks, history } : { ...content, rechecks };
    },
  );
}

/** The briefing's patrol section: the month's patrols and who fell short, to its end or `asOf`. */
async function monthPatrols(db: EcoDeskDb, month: string, asOf: string) {
  const end = lastDayOfMonth(month);
  const [rivers, people, rules, patrols] = await Promise.all([
    listRivers(db),
    listPeople(db),
    getPatrolRules(db),
    loadPatrolMonth(db, month),
  ]);
  const { river, rangers } = monthCompliance({
    rivers,
    people,
    river: patrols.river,
    forest: patrols.forest,
    rules,
    month,
    asOf: asOf < end ? asOf : end,
  });
  return briefingPatrols({
    river: patrols.river.length,
    forest: patrols.forest.length,
    findings: [...patrols.river, ...patrols.forest].reduce((n, p) => n + p.findings.length, 0),
    rows: [...river, ...rangers],
  });
}

/**
 * Issues (印发) the month's briefing: stores what is printed now, so that the issued briefing
 * prints the same later whatever happens to the records. Returns the issued briefing's id.
 */
export async function issueBriefing(db: EcoDeskDb, month: string, asOf: string): Promise<string> {
  const content = await loadBriefingContent(db, month, asOf);
  if (content.scores.length === 0)
    refuse(`${periodLabel(month)}还没有公布考核结果，不能印发通报。`);
  return db.transaction('rw', db.briefings, db.audit, db.settings, async () => {
    const ctx = await writeContext(db);
    const briefing = stamp<Briefing>(
      {
        month,
        status: 'issued',
        focus: content.focus,
        issuedAt: ctx.now,
        issuedBy: ctx.actor,
        content,
      },
      ctx,
    );
    await putAudited(
      db,
      ctx,
      'briefings',
      undefined,
      briefing,
      `${periodLabel(month)}通报（印发）`,
    );
    return briefing.id;
  });
}

/** Issued briefings, newest first. */
export async function listIssuedBriefings(db: EcoDeskDb): Promise<Briefing[]> {
  const all = await db.briefings.orderBy('issuedAt').reverse().toArray();
  return all.filter((b) => b.status === 'issued' && isLive(b));
}

/** The issued briefing a package of this period carries as a PDF, if any. */
export async function packageBriefing(
  db: EcoDeskDb,
  period: { from: string; to: string },
): Promise<Pick<Briefing, 'id' | 'month'> | null> {
  const briefing = briefingForPackage(await listIssuedBriefings(db), period);
  return briefing ? { id: briefing.id, month: briefing.month } : null;
}

export async function getIssuedBriefing(db: EcoDeskDb, id: string): Promise<Briefing | undefined> {
  const briefing = await db.briefings.get(id);
  return briefing?.status === 'issued' && isLive(briefing) ? briefing : undefined;
}

/** One village's report card for a month (the last twelve months' scores, the month's deductions). */
export async function loadVillageReportCard(
  db: EcoDeskDb,
  villageId: string,
  month: string,
  today: string,
): Promise<VillageReportCard | null> {
  if (!isMonthKey(month)) refuse('月份不正确。', 'month');
  return db.transaction(
    'r',
    [db.villages, db.results, db.periods, db.standards, db.deductions, db.problems],
    async () => {
      const village = await db.villages.get(villageId);
      if (!village) return null;
      const [results, period, deductions, problems] = await Promise.all([
        db.results.where('cadence').equals('month').toArray(),
        db.periods.get(month),
        db.deductions.where('[periodId+villageId]').equals([month, villageId]).toArray(),
        db.problems.where('villageId').equals(villageId).toArray(),
      ]);
      const standard = period ? await db.standards.get(period.standardId) : undefined;
      return villageReportCard({
        village,
        month,
        results,
        deductions: deductions.filter(isLive),
        standard,
        problems,
        today,
      });
    },
  );
}

/** The ledger's items a filter lets through, as printed lines, and the filter in words. */
export async function loadLedgerPrint(
  db: EcoDeskDb,
  filter: LedgerFilter,
  today: string,
): Promise<{ rows: LedgerPrintRow[]; description: string }> {
  const [problems, villages] = await Promise.all([
    listProblems(db, filter.status === 'open'),
    db.villages.toArray(),
  ]);
  const nameOf = new Map(villages.map((v) => [v.id, v.name]));
  return {
    rows: ledgerPrintRows(
      problems.filter((p) => matchesFilter(p, filter, today)),
      nameOf,
      today,
    ),
    description: describeFilter(filter, nameOf),
  };
}

/** The flag periods with flags awarded (months or quarters), newest first, for the notice. */
export async function flagPeriods(db: EcoDeskDb): Promise<string[]> {
  const results = await db.results.toArray();
  // Newest first; a quarter by its last month, just before it: 2026-10, 2026-Q3, 2026-09 …
  const order = (key: string) =>
    isMonthKey(key) ? `${key}-0` : `${monthsOfQuarter(key).at(-1) ?? key}-1`;
  return results
    .filter((r) => r.flagsAwarded)
    .map((r) => r.id)
    .sort((a, b) => order(b).localeCompare(order(a)));
}

const layoutKey = (report: CountyReport) => `countyLayout.${report}`;

/** The county's layout of a report, as last saved (the default before). */
export async function getCountyLayout(db: EcoDeskDb, report: CountyReport): Promise<ExportLayout> {
  return parseLayout(report, (await db.settings.get(layoutKey(report)))?.value);
}

export async function saveCountyLayout(
  db: EcoDeskDb,
  report: CountyReport,
  layout: ExportLayout,
): Promise<void> {
  const clean: ExportLayout = {
    titleRows: layout.titleRows,
    columns: layout.columns.map((c) => ({ field: c.field, header: cleanText(c.header) })),
  };
  const problems = validateLayout(report, clean);
  if (problems.length > 0)
    throw new InputError(problems.map((message) => ({ field: 'columns', message })));
  await db.settings.put({ key: layoutKey(report), value: clean });
}

/** The rows of a county spreadsheet in the saved layout: a month's results, or the ledger. */
export async function loadCountyRows(
  db: EcoDeskDb,
  report: CountyReport,
  options: { month: string; filter: LedgerFilter; today: string },
): Promise<{ layout: ExportLayout; rows: ExportValue[][] }> {
  const layout = await getCountyLayout(db, report);
  if (report === 'results') {
    const [result, previous, villages] = await Promise.all([
      db.results.get(options.month),
      db.results.get(previousMonth(options.month)),
      db.villages.toArray(),
    ]);
    if (!result) refuse(`${periodLabel(options.month)}还没有公布考核结果。`, 'month');
    const secretaries = new Map(villages.map((v) => [v.id, v.secretary]));
    return { layout, rows: layoutRows(layout, resultValues(result!, previous, secretaries)) };
  }
  const [problems, villages] = await Promise.all([
    listProblems(db, options.filter.status === 'open'),
    db.villages.toArray(),
  ]);
  const chosen = problems.filter((p) => matchesFilter(p, options.filter, options.today));
  const nameOf = new Map(villages.map((v) => [v.id, v.name]));
  return { layout, rows: layoutRows(layout, ledgerValues(chosen, nameOf, options.today)) };
}

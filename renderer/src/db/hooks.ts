import { useLiveQuery } from 'dexie-react-hooks';
import { rightLabelsFor } from '@shared/domain/accounts';
import type { CountyReport } from '@shared/domain/countyExport';
import type { LedgerFilter } from '@shared/domain/ledgerFilter';
import { isMonthKey } from '@shared/domain/period';
import type { UpperLevel } from '@shared/domain/problem';
import type { RecordKind } from '@shared/domain/workRecords';
import { db } from './db';
import { keptQuery, useKept } from './keptQuery';
import { getRules, listStandards, loadPeriodView } from './repositories/assessmentRepo';
import { CHAIN_BREAK_KEY, listAudit, type StoredBreak } from './repositories/auditRepo';
import { isDemoData } from './repositories/demoRepo';
import {
  countySigner,
  getFeedback,
  listFeedback,
  loadPressable,
  loadTownVillages,
} from './repositories/countyFeedbackRepo';
import { getBackupFailure, listHandoffs, loadHandoffDue } from './repositories/handoffRepo';
import {
  listLedgerViews,
  findExternalKeys,
  getImportMapping,
  listExposureCandidates,
  listProblems,
  loadLedgerStats,
  loadLedgerTally,
} from './repositories/problemRepo';
import {
  getPatrolRules,
  listForestPlots,
  listRivers,
  loadPatrolMonth,
} from './repositories/patrolRepo';
import { listPeople } from './repositories/personRepo';
import {
  findReboundCandidates,
  getRecheckRules,
  loadRecheckOverview,
  RECHECK_OVERVIEW_TABLES,
  loadVillageRecheck,
} from './repositories/recheckRepo';
import {
  getEliminations,
  listRecords,
  loadFigureRecords,
  loadYearSummary,
  YEAR_SUMMARY_TABLES,
} from './repositories/recordRepo';
import {
  briefingMonths,
  flagPeriods,
  getCountyLayout,
  getDraftFocus,
  getIssuedBriefing,
  listIssuedBriefings,
  loadBriefingContent,
  loadLedgerPrint,
  loadVillageReportCard,
} from './repositories/printRepo';
import { listRuleDocuments } from './repositories/ruleDocumentRepo';
import { getEarliestYears, isSetupComplete } from './repositories/settingsRepo';
import { getTown } from './repositories/townRepo';
import {
  getIdleMinutes,
  getSelfConfirmAllowed,
  hasAccounts,
  listAccounts,
} from './repositories/accountRepo';
import { can, currentSession, subscribeSession } from './session';
import {
  countyName,
  installationKind,
  listReceived,
  listTowns,
  loadOverview,
  loadTownDrill,
} from './repositories/countyRepo';
import { useSyncExternalStore } from 'react';
import type { Right } from '@shared/domain/accounts';
import { listVillages } from './repositories/villageRepo';
import { attachmentBlob } from './attachments';

/**
 * Live queries for the screens: each re-renders its component when the data changes.
 * `undefined` means "still loading".
 */
export const useSetupComplete = () => useLiveQuery(() => isSetupComplete(db), []);
export type { AccountView } from './repositories/accountRepo';
export type { StoredBreak } from './repositories/auditRepo';

/** Who is signed in at this window (null: no one), and whether it is locked. */
export const useSession = () => useSyncExternalStore(subscribeSession, currentSession);
/** Whether the signed-in account may do this: the screens offer only what it may. */
export function useCan(right: Right): boolean {
  useSession();
  return can(right);
}
/** A test of any right, for a screen that offers several (a tab list, a menu). */
export function useRights(): (right: Right) => boolean {
  useSession();
  return can;
}
/** 乡镇 or 县级: which screens this installation has. */
export const useInstallationKind = () => useLiveQuery(() => installationKind(db), []);
/** The rights this installation shows, with its own words for them (县级 or 乡镇). */
export function useRightLabels() {
  return rightLabelsFor(useInstallationKind() === 'county' ? 'county' : 'town');
}
export const useCountyName = () => useLiveQuery(() => countyName(db), []);
/** Whose PC this is, as the sign-in and recovery pages name it: 绿水县 青山镇, or 绿水县 · 县级工作台. */
export const usePlaceTitle = () =>
  useLiveQuery(async () => {
    if ((await installationKind(db)) === 'county') return `${await countyName(db)} · 县级工作台`;
    const town = await getTown(db);
    return town ? `${town.county} ${town.name}` : '';
  }, []);
export const useCountyTowns = () => useLiveQuery(() => listTowns(db), []);
export const useFeedbackLists = () => useLiveQuery(() => listFeedback(db), []);
export const useFeedbackList = (id: string) => useLiveQuery(() => getFeedback(db, id), [id]);
/** The town's overdue items the county may press on (督办), not pressed yet. */
export const usePressable = (townId: string, today: string) =>
  useLiveQuery(() => loadPressable(db, townId, today), [townId, today]);
export const useTownVillages = (townId: string) =>
  useLiveQuery(() => loadTownVillages(db, townId), [townId]);
/** On a town's PC: the county's signing key, once registered. */
export const useCountySigner = () => useLiveQuery(() => countySigner(db), []);
export const useReceivedPackages = () => useLiveQuery(() => listReceived(db), []);
/** 全县总览 of a month; none asked (null) until the page knows which month to show. */
export const useCountyOverview = (month: string | null, today: string) =>
  useLiveQuery(() => (month === null ? undefined : loadOverview(db, month, today)), [month, today]);
/** A town at the county, read only, with its first `limit` items by deadline. */
export const useTownDrill = (townId: string, limit: number, today: string) =>
  useLiveQuery(
    async () => (await loadTownDrill(db, townId, limit, today)) ?? null,
    [townId, limit, today],
  );
export const useHasAccounts = () => useLiveQuery(() => hasAccounts(db), []);
export const useAccounts = () => useLiveQuery(() => listAccounts(db), []);
export const useIdleMinutes = () => useLiveQuery(() => getIdleMinutes(db), []);
export const useSelfConfirmAllowed = () => useLiveQuery(() => getSelfConfirmAllowed(db), []);
export const useTown = () => useLiveQuery(async () => (await getTown(db)) ?? null, []);
/** How far back a date of something that happened may go, and the bounds it gives today. */
export const useEarliestYears = () => useLiveQuery(() => getEarliestYears(db), []);
export const useVillages = (includeDeleted = false) =>
  useLiveQuery(() => listVillages(db, includeDeleted), [includeDeleted]);
export const usePeople = () => useLiveQuery(() => listPeople(db), []);
export const useRuleDocuments = () => useLiveQuery(() => listRuleDocuments(db), []);
/**
 * Names of whatever an id in the log may point at, deleted ones too: villages, people, rivers and
 * their segments, plots, ledger items (by number) and standards (by version). `items: false`
 * leaves out the ledger's numbers, which take reading the whole ledger.
 */
export const useRecordNames = ({ items = true }: { items?: boolean } = {}) =>
  useLiveQuery(
    async () => {
      const [villages, people, rivers, plots, problems, standards] = await Promise.all([
        db.villages.toArray(),
        db.people.toArray(),
        db.rivers.toArray(),
        db.forestPlots.toArray(),
        items ? db.problems.toArray() : [],
        db.standards.toArray(),
      ]);
      return new Map<string, string>([
        ...villages.map((v) => [v.id, v.name] as [string, string]),
        ...people.map((p) => [p.id, p.name] as [string, string]),
        ...rivers.map((r) => [r.id, r.name] as [string, string]),
        ...rivers.flatMap((r) => r.segments.map((g) => [g.id, g.name] as [string, string])),
        ...plots.map((f) => [f.id, f.name] as [string, string]),
        ...problems.map((p) => [p.id, p.number] as [string, string]),
        ...standards.map((v) => [v.id, `第 ${v.version} 版考核标准`] as [string, string]),
      ]);
    },
    [items],
    new Map<string, string>(),
  );
/** A break found in the history's chain and not yet dealt with (shown on every screen). */
export const useChainBreak = () =>
  useLiveQuery(
    async () => (await db.settings.get(CHAIN_BREAK_KEY))?.value as StoredBreak | undefined,
  );

export const useAuditLog = (filter: { table?: string; recordId?: string; limit?: number } = {}) =>
  useLiveQuery(() => listAudit(db, filter), [filter.table, filter.recordId, filter.limit]);

/** A month's scoring data, live; the feature hook adds the computed scores. */
export const usePeriodData = (month: string) =>
  useLiveQuery(() => loadPeriodView(db, month), [month]);
export const usePeriods = () =>
  useLiveQuery(() => db.periods.orderBy('id').reverse().toArray(), []);
export const useResults = (keys: string[]) =>
  useLiveQuery(
    async () => (await db.results.bulkGet(keys)).filter((r) => r !== undefined),
    [keys.join(',')],
  );
export const useDueActions = () =>
  useLiveQuery(
    async () => (await db.dueActions.toArray()).filter((a) => a.deletedAt === undefined),
    [],
  );
/** Every published result (月度 and 季度 红黄榜), oldest first. */
export const useAllResults = () => useLiveQuery(() => db.results.orderBy('id').toArray(), []);
export const useAssessmentRules = () => useLiveQuery(() => getRules(db), []);
/** An attachment's bytes as a Blob (for thumbnails and photo previews). */
export const useAttachmentBlob = (id: string | null) =>
  useLiveQuery(async () => {
    const stored = id ? await db.attachments.get(id) : undefined;
    return stored ? attachmentBlob(stored) : null;
  }, [id]);
/** The standard's versions, newest first (the default becomes version 1 on first use). */
export const useStandards = () => useLiveQuery(() => listStandards(db), []);
export const useIsDemo = () => useLiveQuery(() => isDemoData(db), []);
export const useProblems = (openOnly = false) =>
  useLiveQuery(() => listProblems(db, openOnly), [openOnly]);
/** The ledger's dashboard figures for `today` (counted through indexes). */
export const useLedgerStats = (today: string) =>
  useLiveQuery(() => loadLedgerStats(db, today), [today]);
export const useProblem = (id: string) =>
  useLiveQuery(async () => (await db.problems.get(id)) ?? null, [id]);
export const useLedgerViews = () => useLiveQuery(() => listLedgerViews(db), []);
/** 回头看's overview, kept between visits of the dashboard (it is the page's longest read). */
const recheckOverview = keptQuery(
  () => db.name,
  RECHECK_OVERVIEW_TABLES,
  (today) => loadRecheckOverview(db, today),
);
/**
 * 回头看: what is due, the rebound rate and re-checks on time (docs/recheck.md). Not read while
 * `wait` is true: its read of two years' closed items holds back every read of the ledger begun
 * after it (IndexedDB serves transactions that share a table in the order they were begun).
 */
export const useRecheckOverview = (today: string, wait = false) =>
  useKept(recheckOverview, wait ? null : today);
/** The same for one village (its page). */
export const useVillageRecheck = (villageId: string, today: string) =>
  useLiveQuery(() => loadVillageRecheck(db, villageId, today), [villageId, today]);
export const useRecheckRules = () => useLiveQuery(() => getRecheckRules(db), []);
/** The closed items a new one (village, category, place, found on) may be the return of. */
export const useReboundCandidates = (
  villageId: string | undefined,
  category: string,
  place: string,
  foundOn: string,
) =>
  useLiveQuery(
    () => findReboundCandidates(db, { villageId, category, place, foundOn }),
    [villageId, category, place, foundOn],
  );
/** Every item counted by source × village × category (the recurrence view). */
export const useLedgerTally = () => useLiveQuery(() => loadLedgerTally(db), []);
/** Which of these county-list keys the ledger already has. */
export const useExternalKeys = (keys: readonly string[]) =>
  useLiveQuery(() => findExternalKeys(db, keys), [keys.join('\n')]);
/** The column mapping remembered for county lists of this level. */
export const useImportMapping = (level: UpperLevel) =>
  useLiveQuery(async () => (await getImportMapping(db, level)) ?? null, [level]);
/** The hand-off log, newest first. */
export const useHandoffs = () => useLiveQuery(() => listHandoffs(db), []);
/** The hand-off reminder: the interval and, when the county is waiting, for how many days. */
export const useHandoffDue = () => useLiveQuery(() => loadHandoffDue(db, new Date()), []);
/** The last backup that failed, until a backup succeeds. */
export const useBackupFailure = () => useLiveQuery(() => getBackupFailure(db), []);

/** Prints and briefings: what each print route shows, live. */
export const useBriefingMonths = () => useLiveQuery(() => briefingMonths(db), []);
export const useFlagPeriods = () => useLiveQuery(() => flagPeriods(db), []);
export const useDraftFocus = (month: string) =>
  useLiveQuery(() => (month ? getDraftFocus(db, month) : ''), [month]);
/** A print address typed by hand may name no month: null then, not an error screen. */
export const useBriefingContent = (month: string, asOf: string) =>
  useLiveQuery(
    async () => (isMonthKey(month) ? loadBriefingContent(db, month, asOf) : null),
    [month, asOf],
  );
export const useIssuedBriefings = () => useLiveQuery(() => listIssuedBriefings(db), []);
export const useIssuedBriefing = (id: string) =>
  useLiveQuery(async () => (await getIssuedBriefing(db, id)) ?? null, [id]);
export const useVillageReportCard = (villageId: string, month: string, today: string) =>
  useLiveQuery(() => loadVillageReportCard(db, villageId, month, today), [villageId, month, today]);
export const useLedgerPrint = (filter: LedgerFilter, today: string) =>
  useLiveQuery(() => loadLedgerPrint(db, filter, today), [JSON.stringify(filter), today]);
export const useResult = (key: string) =>
  useLiveQuery(async () => (await db.results.get(key)) ?? null, [key]);
export const useCountyLayout = (report: CountyReport) =>
  useLiveQuery(() => getCountyLayout(db, report), [report]);

/** Patrols, work records and the year-end summary. */
export const useRivers = () => useLiveQuery(() => listRivers(db), []);
export const useForestPlots = () => useLiveQuery(() => listForestPlots(db), []);
export const usePatrolRules = () => useLiveQuery(() => getPatrolRules(db), []);
export const usePatrolMonth = (month: string) =>
  useLiveQuery(() => loadPatrolMonth(db, month), [month]);
export const useEliminations = () => useLiveQuery(() => getEliminations(db), []);
export const useRecords = (kind: RecordKind, year?: number) =>
  useLiveQuery(() => listRecords(db, kind, year), [kind, year]);
/** The year-end draft's figures, kept between visits (a year of the ledger and of patrols). */
const yearSummary = keptQuery(
  () => db.name,
  YEAR_SUMMARY_TABLES,
  (year) => loadYearSummary(db, Number(year)),
);
/** The year's draft; null for a year that cannot be one (a mistyped address). */
export function useYearSummary(year: number) {
  const valid = Number.isInteger(year) && year >= 1900 && year <= 2100;
  const summary = useKept(yearSummary, valid ? String(year) : null);
  return valid ? summary : null;
}
export const useFigureRecords = (table: string, ids: readonly string[]) =>
  useLiveQuery(() => loadFigureRecords(db, table, ids), [table, ids.join(',')]);
export const useExposureCandidates = () => useLiveQuery(() => listExposureCandidates(db), []);

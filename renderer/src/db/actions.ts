import type { CountyReport, ExportLayout } from '@shared/domain/countyExport';
import { db as appDb } from './db';
import type { EcoDeskDb } from './schema';
import type { ExportChoice } from '@shared/handoff/log';
import { loadDemoData } from './repositories/demoRepo';
import { buildPackage, type BuildOptions, type Signer } from './packageBuilder';
import { recoverIntoNewDatabase } from './recovery';
import {
  commitImport,
  commitRestore,
  hasTownData,
  planRestore,
  recordBackupOutcome,
  logExport,
  planImport,
  setHandoffInterval,
} from './repositories/handoffRepo';
import {
  addAccountability,
  addMeasure,
  addProblemPhoto,
  addReport,
  addProgress,
  applyWorkflow,
  bulkSetSupervised,
  bulkStart,
  correctProblem,
  createProblem,
  deleteLedgerView,
  extendDeadline,
  importCountyList,
  revealComplainant,
  saveLedgerView,
  setMeasureDone,
  setExposed,
  setSupervised,
  voidProblem,
} from './repositories/problemRepo';
import {
  addDeductionPhoto,
  closePeriod,
  removeDeductionPhoto,
  saveStandard,
  getRules,
  reopenPeriod,
  saveDeduction,
  saveRules,
  saveVillageCheck,
  setActionDone,
  startPeriod,
  withdrawRedFlag,
} from './repositories/assessmentRepo';
import {
  addRuleDocument,
  deleteRuleDocument,
  getAttachmentBytes,
} from './repositories/ruleDocumentRepo';
import { deletePerson, savePerson } from './repositories/personRepo';
import {
  isStoragePersisted,
  pastDateBounds,
  setEarliestYears,
  requestPersistentStorage,
  setOperator,
} from './repositories/settingsRepo';
import {
  issueBriefing,
  loadCountyRows,
  packageBriefing,
  saveCountyLayout,
  saveDraftFocus,
} from './repositories/printRepo';
import { checkHistory } from './repositories/auditRepo';
import {
  endLongTerm,
  recordRecheck,
  saveRecheckRules,
  setCountyRecheckDates,
} from './repositories/recheckRepo';
import {
  addPatrolPhoto,
  openFindingProblem,
  saveForestPatrol,
  saveForestPlot,
  savePatrolRules,
  saveRiver,
  saveRiverPatrol,
  voidPatrol,
  type PatrolCorrection,
} from './repositories/patrolRepo';
import {
  deleteRecord,
  saveEliminations,
  saveRecord,
  saveSummaryParagraph,
} from './repositories/recordRepo';
import { completeSetup, saveTown, type SetupInput } from './repositories/townRepo';
import { addVillages, saveVillage, setVillageDeleted } from './repositories/villageRepo';
import { checkInspectionDate } from '@shared/domain/period';
import type { Right } from '@shared/domain/accounts';
import {
  completeCountySetup,
  judgePackage,
  receivePackage,
  registerTown,
  rekeyTown,
} from './repositories/countyRepo';
import {
  checkFeedbackSigner,
  createFeedbackList,
  deleteFeedbackDraft,
  issueFeedbackList,
  pressOverdue,
  registerCountySigner,
  rekeyCountySigner,
  removeFeedbackItem,
  saveFeedbackItem,
  updateFeedbackHead,
  type FeedbackItemInput,
} from './repositories/countyFeedbackRepo';
import type { WorkflowEvent } from '@shared/domain/ledger';
import { endSession, lockSession, requireRight } from './session';
import { ACCOUNTS_REQUIRED_KEY } from './writeContext';
import {
  acknowledgeBreak,
  addAccount,
  changeOwnPassword,
  createFirstAccount,
  hasAccounts,
  prepareFirstAccount,
  recoverWithCode,
  resetPassword,
  setIdleMinutes,
  setSelfConfirmAllowed,
  signIn,
  updateAccount,
} from './repositories/accountRepo';

async function accountsRequired(db: EcoDeskDb): Promise<boolean> {
  return (await db.settings.get(ACCOUNTS_REQUIRED_KEY))?.value === true;
}

/**
 * A write the signed-in account must have the right for: refused in words before anything is
 * read or written (the screens do not offer it either; writeContext checks the sign-in again
 * inside the write's transaction).
 */
function guardOf(db: EcoDeskDb) {
  return <A extends unknown[], R>(right: Right, write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (await accountsRequired(db)) requireRight(right);
      return write(...args);
    };
}

/** The right each step of an item's workflow needs: 销号 and 退回 are the verifier's. */
const WORKFLOW_RIGHTS: Record<WorkflowEvent['type'], Right> = {
  start: 'ledger',
  requestClose: 'ledger',
  return: 'confirm',
  close: 'confirm',
  markUnfixable: 'approve',
};

/** The writes the screens may make, bound to a database (the app's: `actions`). */
export function createActions(db: EcoDeskDb) {
  const guard = guardOf(db);
  return {
    addPatrolPhoto: guard(
      'patrols',
      (
        table: 'riverPatrols' | 'forestPatrols',
        id: string,
        input: Parameters<typeof addPatrolPhoto>[3],
      ) => addPatrolPhoto(db, table, id, input),
    ),
    setExposed: guard('ledger', (id: string, exposed: boolean) => setExposed(db, id, exposed)),
    saveRiver: guard('patrols', (id: string | undefined, form: Parameters<typeof saveRiver>[2]) =>
      saveRiver(db, id, form),
    ),
    saveRiverPatrol: guard(
      'patrols',
      (form: Parameters<typeof saveRiverPatrol>[1], correction?: PatrolCorrection) =>
        saveRiverPatrol(db, form, correction),
    ),
    saveForestPlot: guard(
      'patrols',
      (id: string | undefined, form: Parameters<typeof saveForestPlot>[2]) =>
        saveForestPlot(db, id, form),
    ),
    saveForestPatrol: guard(
      'patrols',
      (form: Parameters<typeof saveForestPatrol>[1], correction?: PatrolCorrection) =>
        saveForestPatrol(db, form, correction),
    ),
    /** The opening check runs for everyone; the full check is for who may read the history. */
    checkHistory: (full: boolean) =>
      full
        ? guard('history', () => checkHistory(db, { full: true }))()
        : checkHistory(db, { full: false }),
    voidPatrol: guard(
      'patrols',
      (table: 'riverPatrols' | 'forestPatrols', id: string, reason: string) =>
        voidPatrol(db, table, id, reason),
    ),
    savePatrolRules: guard('patrols', (rules: Parameters<typeof savePatrolRules>[1]) =>
      savePatrolRules(db, rules),
    ),
    openFindingProblem: guard(
      'patrols',
      (table: 'riverPatrols' | 'forestPatrols', patrolId: string, findingId: string) =>
        openFindingProblem(db, table, patrolId, findingId),
    ),
    saveRecord: guard(
      'records',
      (
        kind: Parameters<typeof saveRecord>[1],
        id: string | undefined,
        raw: Record<string, string>,
      ) => saveRecord(db, kind, id, raw),
    ),
    deleteRecord: guard('records', (id: string) => deleteRecord(db, id)),
    saveEliminations: guard('records', (items: string[]) => saveEliminations(db, items)),
    saveSummaryParagraph: guard('records', (year: number, index: number, text: string | null) =>
      saveSummaryParagraph(db, year, index, text),
    ),
    saveBriefingFocus: guard('prints', (month: string, focus: string) =>
      saveDraftFocus(db, month, focus),
    ),
    issueBriefing: guard('issue', (month: string, asOf: string) => issueBriefing(db, month, asOf)),
    saveCountyLayout: guard('prints', (report: CountyReport, layout: ExportLayout) =>
      saveCountyLayout(db, report, layout),
    ),
    loadCountyRows: (report: CountyReport, options: Parameters<typeof loadCountyRows>[2]) =>
      loadCountyRows(db, report, options),
    buildPackage: guard('handoff', (choice: ExportChoice, signer: Signer, options: BuildOptions) =>
      buildPackage(db, choice, signer, options),
    ),
    packageBriefing: (period: { from: string; to: string }) => packageBriefing(db, period),
    commitRestore: guard('handoff', (input: Parameters<typeof commitRestore>[1]) =>
      commitRestore(db, input),
    ),
    /** The database cannot be opened: restore a backup into a new one (the damaged one is kept). */
    recoverIntoNewDatabase: (input: Parameters<typeof commitRestore>[1]) =>
      recoverIntoNewDatabase(input),
    hasTownData: () => hasTownData(db),
    recordBackupOutcome: (failure: Parameters<typeof recordBackupOutcome>[1]) =>
      recordBackupOutcome(db, failure),
    logExport: guard('handoff', (entry: Parameters<typeof logExport>[1]) => logExport(db, entry)),
    setHandoffInterval: guard('handoff', (days: number) => setHandoffInterval(db, days)),
    planHandoffImport: guard('handoff', (tables: Record<string, unknown[]>) =>
      planImport(db, tables),
    ),
    planRestore: guard('handoff', (tables: Record<string, unknown[]>) => planRestore(db, tables)),
    commitHandoffImport: guard('handoff', (input: Parameters<typeof commitImport>[1]) =>
      commitImport(db, input),
    ),
    /** The wizard's end: the town, its villages and the first account; the recovery code back. */
    completeSetup: async (
      input: Omit<SetupInput, 'account'> & { password: string; repeat: string },
    ): Promise<string> => {
      const { password, repeat, ...setup } = input;
      const account = await prepareFirstAccount({ name: setup.operator, password, repeat });
      await completeSetup(db, { ...setup, account });
      return account.recoveryCode;
    },
    saveTown: guard('setup', (form: Parameters<typeof saveTown>[1]) => saveTown(db, form)),
    setOperator: (name: string) => setOperator(db, name),
    saveVillage: guard('setup', (id: string | undefined, form: Parameters<typeof saveVillage>[2]) =>
      saveVillage(db, id, form),
    ),
    addVillages: guard('setup', (names: string[]) => addVillages(db, names)),
    setVillageDeleted: guard('setup', (id: string, deleted: boolean) =>
      setVillageDeleted(db, id, deleted),
    ),
    savePerson: guard('setup', (id: string | undefined, form: Parameters<typeof savePerson>[2]) =>
      savePerson(db, id, form),
    ),
    deletePerson: guard('setup', (id: string) => deletePerson(db, id)),
    addRuleDocument: guard('setup', (input: Parameters<typeof addRuleDocument>[1]) =>
      addRuleDocument(db, input),
    ),
    deleteRuleDocument: guard('setup', (id: string) => deleteRuleDocument(db, id)),
    getAttachmentBytes: (id: string) => getAttachmentBytes(db, id),
    requestPersistentStorage: () => requestPersistentStorage(db),
    isStoragePersisted,
    startPeriod: guard('assessment', (month: string, details: Parameters<typeof startPeriod>[2]) =>
      startPeriod(db, month, details),
    ),
    setEarliestYears: guard('setup', (years: number) => setEarliestYears(db, years)),
    /** Whether a month's 检查日期 can be taken, or is to be asked about first. */
    checkInspectionDate: async (month: string, date: string) =>
      checkInspectionDate(month, date, await pastDateBounds(db)),
    saveDeduction: guard('assessment', (cell: Parameters<typeof saveDeduction>[1]) =>
      saveDeduction(db, cell),
    ),
    saveVillageCheck: guard('assessment', (check: Parameters<typeof saveVillageCheck>[1]) =>
      saveVillageCheck(db, check),
    ),
    closePeriod: guard('assessment', (month: string) => closePeriod(db, month)),
    reopenPeriod: guard('assessment', (month: string, reason: string) =>
      reopenPeriod(db, month, reason),
    ),
    withdrawRedFlag: guard('assessment', (resultId: string, villageId: string, reason: string) =>
      withdrawRedFlag(db, resultId, villageId, reason),
    ),
    setActionDone: guard('assessment', (id: string, done: boolean, note: string) =>
      setActionDone(db, id, done, note),
    ),
    getRules: () => getRules(db),
    createProblem: guard(
      'ledger',
      (form: Parameters<typeof createProblem>[1], link?: Parameters<typeof createProblem>[2]) =>
        createProblem(db, form, link),
    ),
    applyWorkflow: async (id: string, event: WorkflowEvent) =>
      guard(WORKFLOW_RIGHTS[event.type], () => applyWorkflow(db, id, event))(),
    // 本机账号: signing in, the accounts (管理员), one's own password.
    signIn: (name: string, password: string) => signIn(db, name, password),
    signOut: () => endSession(),
    hasAccounts: () => hasAccounts(db),
    // 县级工作台: set-up, the towns' keys, receiving their packages.
    completeCountySetup: async (input: {
      county: string;
      name: string;
      password: string;
      repeat: string;
    }): Promise<string> => {
      const account = await prepareFirstAccount(input);
      await completeCountySetup(db, { county: input.county, account });
      return account.recoveryCode;
    },
    judgeCountyPackage: (
      arriving: Parameters<typeof judgePackage>[1],
      tables: Record<string, unknown[]>,
    ) => judgePackage(db, arriving, tables),
    registerTown: guard('handoff', (input: Parameters<typeof registerTown>[1]) =>
      registerTown(db, input),
    ),
    rekeyTown: guard('handoff', (input: Parameters<typeof rekeyTown>[1]) => rekeyTown(db, input)),
    receiveCountyPackage: guard('handoff', (input: Parameters<typeof receivePackage>[1]) =>
      receivePackage(db, input),
    ),
    // 督查反馈清单: drafted and issued at the county (the ledger right), registered at the town.
    createFeedbackList: guard('ledger', (input: Parameters<typeof createFeedbackList>[1]) =>
      createFeedbackList(db, input),
    ),
    updateFeedbackHead: guard('ledger', (id: string, head: { batch: string; issuedOn: string }) =>
      updateFeedbackHead(db, id, head),
    ),
    saveFeedbackItem: guard('ledger', (listId: string, item: FeedbackItemInput, itemId?: string) =>
      saveFeedbackItem(db, listId, item, itemId),
    ),
    removeFeedbackItem: guard('ledger', (listId: string, itemId: string) =>
      removeFeedbackItem(db, listId, itemId),
    ),
    deleteFeedbackDraft: guard('ledger', (listId: string) => deleteFeedbackDraft(db, listId)),
    pressOverdue: guard('ledger', (listId: string, ids: readonly string[], today: string) =>
      pressOverdue(db, listId, ids, today),
    ),
    issueFeedbackList: guard('ledger', (listId: string) => issueFeedbackList(db, listId)),
    checkFeedbackSigner: (input: Parameters<typeof checkFeedbackSigner>[1]) =>
      checkFeedbackSigner(db, input),
    registerCountySigner: guard('ledger', (input: Parameters<typeof registerCountySigner>[1]) =>
      registerCountySigner(db, input),
    ),
    // The county's new key needs the right its first registration needs.
    rekeyCountySigner: guard('ledger', (input: Parameters<typeof rekeyCountySigner>[1]) =>
      rekeyCountySigner(db, input),
    ),
    lock: () => lockSession(),
    recoverWithCode: (form: Parameters<typeof recoverWithCode>[1]) => recoverWithCode(db, form),
    createFirstAccount: (form: Parameters<typeof createFirstAccount>[1]) =>
      createFirstAccount(db, form),
    changeOwnPassword: (form: Parameters<typeof changeOwnPassword>[1]) =>
      changeOwnPassword(db, form),
    addAccount: guard('accounts', (form: Parameters<typeof addAccount>[1]) => addAccount(db, form)),
    updateAccount: guard('accounts', (id: string, change: Parameters<typeof updateAccount>[2]) =>
      updateAccount(db, id, change),
    ),
    resetPassword: guard('accounts', (id: string, form: Parameters<typeof resetPassword>[2]) =>
      resetPassword(db, id, form),
    ),
    setIdleMinutes: guard('accounts', (minutes: number) => setIdleMinutes(db, minutes)),
    setSelfConfirmAllowed: guard('accounts', (allowed: boolean) =>
      setSelfConfirmAllowed(db, allowed),
    ),
    acknowledgeBreak: guard('accounts', (note: string) => acknowledgeBreak(db, note)),
    revealComplainant: guard('complainant', (id: string) => revealComplainant(db, id)),
    correctProblem: guard(
      'ledger',
      (id: string, form: Parameters<typeof correctProblem>[2], reason: string) =>
        correctProblem(db, id, form, reason),
    ),
    voidProblem: guard('ledger', (id: string, reason: string) => voidProblem(db, id, reason)),
    addMeasure: guard('ledger', (id: string, text: string) => addMeasure(db, id, text)),
    setMeasureDone: guard('ledger', (id: string, measureId: string, done: boolean) =>
      setMeasureDone(db, id, measureId, done),
    ),
    addProgress: guard('ledger', (id: string, text: string) => addProgress(db, id, text)),
    extendDeadline: guard('ledger', (id: string, to: string, reason: string) =>
      extendDeadline(db, id, to, reason),
    ),
    setSupervised: guard('supervise', (id: string, supervised: boolean) =>
      setSupervised(db, id, supervised),
    ),
    addReport: guard('ledger', (id: string, date: string) => addReport(db, id, date)),
    addAccountability: guard(
      'supervise',
      (id: string, record: Parameters<typeof addAccountability>[2]) =>
        addAccountability(db, id, record),
    ),
    addProblemPhoto: guard('ledger', (id: string, input: Parameters<typeof addProblemPhoto>[2]) =>
      addProblemPhoto(db, id, input),
    ),
    bulkSetSupervised: guard('supervise', (ids: readonly string[], supervised: boolean) =>
      bulkSetSupervised(db, ids, supervised),
    ),
    bulkStart: guard('ledger', (ids: readonly string[]) => bulkStart(db, ids)),
    // 回头看: an on-site check after 销号 and ending a long-term duty are the verifier's (验收销号).
    recordRecheck: guard(
      'confirm',
      (
        id: string,
        input: Parameters<typeof recordRecheck>[2],
        photos?: Parameters<typeof recordRecheck>[3],
      ) => recordRecheck(db, id, input, photos),
    ),
    endLongTerm: guard('confirm', (id: string, on: string, reason: string) =>
      endLongTerm(db, id, on, reason),
    ),
    setCountyRecheckDates: guard('ledger', (id: string, dates: readonly string[]) =>
      setCountyRecheckDates(db, id, dates),
    ),
    saveRecheckRules: guard('setup', (rules: Parameters<typeof saveRecheckRules>[1]) =>
      saveRecheckRules(db, rules),
    ),
    saveLedgerView: (name: string, filter: Parameters<typeof saveLedgerView>[2]) =>
      saveLedgerView(db, name, filter),
    deleteLedgerView: (name: string) => deleteLedgerView(db, name),
    importCountyList: guard(
      'ledger',
      (
        rows: Parameters<typeof importCountyList>[1],
        remember: Parameters<typeof importCountyList>[2],
      ) => importCountyList(db, rows, remember),
    ),
    loadDemoData: guard(
      'setup',
      (
        years: number,
        onProgress?: Parameters<typeof loadDemoData>[2],
        images?: readonly Uint8Array[],
        seed?: number,
      ) => loadDemoData(db, years, onProgress, images, seed),
    ),
    saveStandard: guard('setup', (next: Parameters<typeof saveStandard>[1]) =>
      saveStandard(db, next),
    ),
    addDeductionPhoto: guard('assessment', (input: Parameters<typeof addDeductionPhoto>[1]) =>
      addDeductionPhoto(db, input),
    ),
    removeDeductionPhoto: guard('assessment', (deductionKey: string, attachmentId: string) =>
      removeDeductionPhoto(db, deductionKey, attachmentId),
    ),
    saveRules: guard(
      'setup',
      (...args: Parameters<typeof saveRules> extends [unknown, ...infer R] ? R : never) =>
        saveRules(db, ...args),
    ),
  };
}

export const actions = createActions(appDb);

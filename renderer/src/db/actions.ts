import type { CountyReport, ExportLayout } from '@shared/domain/countyExport';
import { db } from './db';
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
import { completeSetup, saveTown } from './repositories/townRepo';
import { addVillages, saveVillage, setVillageDeleted } from './repositories/villageRepo';
import { checkInspectionDate } from '@shared/domain/period';

/** The writes the screens may make, bound to the app's database. */
export const actions = {
  addPatrolPhoto: (
    table: 'riverPatrols' | 'forestPatrols',
    id: string,
    input: Parameters<typeof addPatrolPhoto>[3],
  ) => addPatrolPhoto(db, table, id, input),
  setExposed: (id: string, exposed: boolean) => setExposed(db, id, exposed),
  saveRiver: (id: string | undefined, form: Parameters<typeof saveRiver>[2]) =>
    saveRiver(db, id, form),
  saveRiverPatrol: (form: Parameters<typeof saveRiverPatrol>[1], correction?: PatrolCorrection) =>
    saveRiverPatrol(db, form, correction),
  saveForestPlot: (id: string | undefined, form: Parameters<typeof saveForestPlot>[2]) =>
    saveForestPlot(db, id, form),
  saveForestPatrol: (form: Parameters<typeof saveForestPatrol>[1], correction?: PatrolCorrection) =>
    saveForestPatrol(db, form, correction),
  checkHistory: (full: boolean) => checkHistory(db, { full }),
  voidPatrol: (table: 'riverPatrols' | 'forestPatrols', id: string, reason: string) =>
    voidPatrol(db, table, id, reason),
  savePatrolRules: (rules: Parameters<typeof savePatrolRules>[1]) => savePatrolRules(db, rules),
  openFindingProblem: (
    table: 'riverPatrols' | 'forestPatrols',
    patrolId: string,
    findingId: string,
  ) => openFindingProblem(db, table, patrolId, findingId),
  saveRecord: (
    kind: Parameters<typeof saveRecord>[1],
    id: string | undefined,
    raw: Record<string, string>,
  ) => saveRecord(db, kind, id, raw),
  deleteRecord: (id: string) => deleteRecord(db, id),
  saveEliminations: (items: string[]) => saveEliminations(db, items),
  saveSummaryParagraph: (year: number, index: number, text: string | null) =>
    saveSummaryParagraph(db, year, index, text),
  saveBriefingFocus: (month: string, focus: string) => saveDraftFocus(db, month, focus),
  issueBriefing: (month: string, asOf: string) => issueBriefing(db, month, asOf),
  saveCountyLayout: (report: CountyReport, layout: ExportLayout) =>
    saveCountyLayout(db, report, layout),
  loadCountyRows: (report: CountyReport, options: Parameters<typeof loadCountyRows>[2]) =>
    loadCountyRows(db, report, options),
  buildPackage: (choice: ExportChoice, signer: Signer, options: BuildOptions) =>
    buildPackage(db, choice, signer, options),
  packageBriefing: (period: { from: string; to: string }) => packageBriefing(db, period),
  commitRestore: (input: Parameters<typeof commitRestore>[1]) => commitRestore(db, input),
  /** The database cannot be opened: restore a backup into a new one (the damaged one is kept). */
  recoverIntoNewDatabase: (input: Parameters<typeof commitRestore>[1]) =>
    recoverIntoNewDatabase(input),
  hasTownData: () => hasTownData(db),
  recordBackupOutcome: (failure: Parameters<typeof recordBackupOutcome>[1]) =>
    recordBackupOutcome(db, failure),
  logExport: (entry: Parameters<typeof logExport>[1]) => logExport(db, entry),
  setHandoffInterval: (days: number) => setHandoffInterval(db, days),
  planHandoffImport: (tables: Record<string, unknown[]>) => planImport(db, tables),
  planRestore: (tables: Record<string, unknown[]>) => planRestore(db, tables),
  commitHandoffImport: (input: Parameters<typeof commitImport>[1]) => commitImport(db, input),
  completeSetup: (input: Parameters<typeof completeSetup>[1]) => completeSetup(db, input),
  saveTown: (form: Parameters<typeof saveTown>[1]) => saveTown(db, form),
  setOperator: (name: string) => setOperator(db, name),
  saveVillage: (id: string | undefined, form: Parameters<typeof saveVillage>[2]) =>
    saveVillage(db, id, form),
  addVillages: (names: string[]) => addVillages(db, names),
  setVillageDeleted: (id: string, deleted: boolean) => setVillageDeleted(db, id, deleted),
  savePerson: (id: string | undefined, form: Parameters<typeof savePerson>[2]) =>
    savePerson(db, id, form),
  deletePerson: (id: string) => deletePerson(db, id),
  addRuleDocument: (input: Parameters<typeof addRuleDocument>[1]) => addRuleDocument(db, input),
  deleteRuleDocument: (id: string) => deleteRuleDocument(db, id),
  getAttachmentBytes: (id: string) => getAttachmentBytes(db, id),
  requestPersistentStorage: () => requestPersistentStorage(db),
  isStoragePersisted,
  startPeriod: (month: string, details: Parameters<typeof startPeriod>[2]) =>
    startPeriod(db, month, details),
  setEarliestYears: (years: number) => setEarliestYears(db, years),
  /** Whether a month's 检查日期 can be taken, or is to be asked about first. */
  checkInspectionDate: async (month: string, date: string) =>
    checkInspectionDate(month, date, await pastDateBounds(db)),
  saveDeduction: (cell: Parameters<typeof saveDeduction>[1]) => saveDeduction(db, cell),
  saveVillageCheck: (check: Parameters<typeof saveVillageCheck>[1]) => saveVillageCheck(db, check),
  closePeriod: (month: string) => closePeriod(db, month),
  reopenPeriod: (month: string, reason: string) => reopenPeriod(db, month, reason),
  withdrawRedFlag: (resultId: string, villageId: string, reason: string) =>
    withdrawRedFlag(db, resultId, villageId, reason),
  setActionDone: (id: string, done: boolean, note: string) => setActionDone(db, id, done, note),
  getRules: () => getRules(db),
  createProblem: (
    form: Parameters<typeof createProblem>[1],
    link?: Parameters<typeof createProblem>[2],
  ) => createProblem(db, form, link),
  applyWorkflow: (id: string, event: Parameters<typeof applyWorkflow>[2]) =>
    applyWorkflow(db, id, event),
  correctProblem: (id: string, form: Parameters<typeof correctProblem>[2], reason: string) =>
    correctProblem(db, id, form, reason),
  voidProblem: (id: string, reason: string) => voidProblem(db, id, reason),
  addMeasure: (id: string, text: string) => addMeasure(db, id, text),
  setMeasureDone: (id: string, measureId: string, done: boolean) =>
    setMeasureDone(db, id, measureId, done),
  addProgress: (id: string, text: string) => addProgress(db, id, text),
  extendDeadline: (id: string, to: string, reason: string) => extendDeadline(db, id, to, reason),
  setSupervised: (id: string, supervised: boolean) => setSupervised(db, id, supervised),
  addReport: (id: string, date: string) => addReport(db, id, date),
  addAccountability: (id: string, record: Parameters<typeof addAccountability>[2]) =>
    addAccountability(db, id, record),
  addProblemPhoto: (id: string, input: Parameters<typeof addProblemPhoto>[2]) =>
    addProblemPhoto(db, id, input),
  bulkSetSupervised: (ids: readonly string[], supervised: boolean) =>
    bulkSetSupervised(db, ids, supervised),
  bulkStart: (ids: readonly string[]) => bulkStart(db, ids),
  saveLedgerView: (name: string, filter: Parameters<typeof saveLedgerView>[2]) =>
    saveLedgerView(db, name, filter),
  deleteLedgerView: (name: string) => deleteLedgerView(db, name),
  importCountyList: (
    rows: Parameters<typeof importCountyList>[1],
    remember: Parameters<typeof importCountyList>[2],
  ) => importCountyList(db, rows, remember),
  loadDemoData: (
    years: number,
    onProgress?: Parameters<typeof loadDemoData>[2],
    images?: readonly Uint8Array[],
  ) => loadDemoData(db, years, onProgress, images),
  saveStandard: (next: Parameters<typeof saveStandard>[1]) => saveStandard(db, next),
  addDeductionPhoto: (input: Parameters<typeof addDeductionPhoto>[1]) =>
    addDeductionPhoto(db, input),
  removeDeductionPhoto: (deductionKey: string, attachmentId: string) =>
    removeDeductionPhoto(db, deductionKey, attachmentId),
  saveRules: (...args: Parameters<typeof saveRules> extends [unknown, ...infer R] ? R : never) =>
    saveRules(db, ...args),
};

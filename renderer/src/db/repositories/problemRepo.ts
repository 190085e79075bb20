import type { Table } from 'dexie';
import type { AuditAction } from '@shared/domain/audit';
import type { Deduction } from '@shared/domain/assessment';
import { RIVER_PROBLEM_CATEGORY, type ForestPatrol, type RiverPatrol } from '@shared/domain/patrol';
import { checkDate, toIsoDate } from '@shared/domain/dates';
import {
  checkEvidenceChange,
  checkExtension,
  DEFAULT_SOURCE_CODES,
  nextSequence,
  problemNumber,
  transition,
  type WorkflowEvent,
} from '@shared/domain/ledger';
import {
  parseViews,
  saveView,
  type LedgerFilter,
  type SavedView,
} from '@shared/domain/ledgerFilter';
import {
  combineLedgerStats,
  OPEN_STATUSES,
  totalsFromTally,
  type LedgerStats,
  type TallyRow,
} from '@shared/domain/ledgerStats';
import {
  type AccountabilityKind,
  checkCorrection,
  checkVoid,
  type Problem,
  type ProblemForm,
  type UpperLevel,
  validateProblemForm,
} from '@shared/domain/problem';
import type { ImportedRow, RememberedMapping } from '@shared/domain/countyImport';
import { isLive, stamp } from '@shared/domain/record';
import { cleanText } from '@shared/domain/validation';
import { assertValid, InputError } from '../errors';
import { checkPhoto, storePhoto } from '../photos';
import type { EcoDeskDb } from '../schema';
import { changeTally } from './ledgerTally';
import { appendAudit, putAudited, writeContext, type WriteContext } from '../writeContext';
import { currentSession } from '../session';
import { selfConfirm } from '@shared/domain/accounts';
import { getSelfConfirmAllowed } from './accountRepo';
import { pastDateBounds } from './settingsRepo';
import { checkText, TEXT_LIMITS } from '@shared/domain/textLimits';
import { checkLongTermDuty, type Recheck } from '@shared/domain/recheck';

const refuse = (message: string, field = ''): never => {
  throw new InputError([{ field, message }]);
};

/**
 * The ledger's items; `openOnly` reads just the unfinished ones through the status index, one
 * request per status (in the index's order). `anyOf` walks a cursor, one event per item, each
 * waiting its turn on a busy page: on a cold start it held the dashboard's ledger figures back by
 * about a second here (334 items of 20,040).
 */
export async function listProblems(db: EcoDeskDb, openOnly = false): Promise<Problem[]> {
  const rows = openOnly
    ? (
        await Promise.all(
          [...OPEN_STATUSES].sort().map((s) => db.problems.where('status').equals(s).toArray()),
        )
      ).flat()
    : await db.problems.toArray();
  return rows.filter(isLive);
}

/**
 * The dashboard's ledger figures: the open items are read (a few hundred), the rest counted from
 * the tally kept beside them. Equal to `ledgerStats` over every record (tested).
 */
export async function loadLedgerStats(db: EcoDeskDb, today: string): Promise<LedgerStats> {
  return db.transaction('r', [db.problems, db.ledgerTally], async () => {
    const [openItems, tally] = await Promise.all([
      listProblems(db, true),
      db.ledgerTally.toArray(),
    ]);
    return combineLedgerStats(openItems, totalsFromTally(tally), today);
  });
}

/** Every item counted by village × category (and source), for the recurrence view. */
export const loadLedgerTally = (db: EcoDeskDb): Promise<TallyRow[]> => db.ledgerTally.toArray();

/** A new item (待整改) from a checked form, with its number. */
/** An item's fields as a form gives them, cleaned: what a new item starts with, what a 更正 sets. */
function formFields(form: ProblemForm) {
  return {
    source: form.source,
    upperLevel: form.source === 'upper' ? form.upperLevel : undefined,
    batch: form.source === 'upper' ? cleanText(form.batch ?? '') : undefined,
    countyNumber:
      form.source === 'upper' && cleanText(form.countyNumber ?? '')
        ? cleanText(form.countyNumber ?? '')
        : undefined,
    requirement:
      form.source === 'upper' && cleanText(form.requirement ?? '')
        ? cleanText(form.requirement ?? '')
        : undefined,
    channel: form.source === 'public' ? form.channel : undefined,
    complainant: form.source === 'public' ? cleanText(form.complainant ?? '') : undefined,
    category: form.category,
    villageId: form.villageId || undefined,
    place: cleanText(form.place),
    description: cleanText(form.description),
    foundOn: form.foundOn,
    deadline: form.deadline,
    responsiblePerson: cleanText(form.responsiblePerson),
    responsibleLeader: cleanText(form.responsibleLeader),
  } satisfies Partial<Problem>;
}

function buildProblem(
  form: ProblemForm,
  number: string,
  ctx: WriteContext,
  extra: Pick<Problem, 'deductionId' | 'externalKey' | 'patrol' | 'reboundOf'>,
): Problem {
  return stamp<Problem>(
    {
      number,
      ...formFields(form),
      originalDeadline: form.deadline,
      extensions: [],
      measures: [],
      progress: [],
      beforePhotos: [],
      afterPhotos: [],
      status: 'pending',
      supervised: false,
      accountability: [],
      reports: [],
      ...extra,
    },
    ctx,
  );
}

/** The next number for a year and source, given the numbers issued (read in the transaction). */
async function nextNumber(db: EcoDeskDb, form: ProblemForm, issued?: string[]): Promise<string> {
  const year = Number(form.foundOn.slice(0, 4));
  const code = DEFAULT_SOURCE_CODES[form.source];
  const numbers = issued ?? ((await db.problems.orderBy('number').keys()) as string[]);
  return problemNumber(year, code, nextSequence(numbers, year, code));
}

/**
 * Opens a ledger item with the next number for its year and source. Opened from an assessment
 * deduction, the two are linked both ways in the same transaction.
 */
export async function createProblem(
  db: EcoDeskDb,
  form: ProblemForm,
  link: {
    deductionId?: string;
    patrol?: Problem['patrol'];
    /** The return (反弹) of this closed item; with the 回头看 that found it, if one did. */
    rebound?: { of: string; recheck?: Recheck };
  } = {},
): Promise<Problem> {
  assertValid(validateProblemForm(form, await pastDateBounds(db)));
  const tables = [
    db.problems,
    db.ledgerTally,
    db.deductions,
    db.riverPatrols,
    db.forestPatrols,
    db.audit,
    db.settings,
  ];
  return db.transaction('rw', tables, async () => {
    const ctx = await writeContext(db);
    const returned = link.rebound ? await reboundOrigin(db, link.rebound.of) : undefined;
    const number = await nextNumber(db, form);
    const problem = buildProblem(form, number, ctx, {
      deductionId: link.deductionId,
      patrol: link.patrol,
      ...(returned ? { reboundOf: returned.id } : {}),
    });
    await putAudited(
      db,
      ctx,
      'problems',
      undefined,
      problem,
      problem.number,
      returned ? `${returned.number} 反弹` : undefined,
    );
    await changeTally(db, [], [problem]);
    if (returned && link.rebound)
      await markRebound(db, ctx, returned, problem, link.rebound.recheck);
    if (link.deductionId) {
      const before = await db.deductions.get(link.deductionId);
      if (!before) return refuse('找不到这条扣分记录。');
      if (before.problemId) return refuse('这条扣分已经开过整改问题了。');
      const after = stamp<Deduction>(
        { ...before, problemId: problem.id },
        { ...ctx, existing: before },
      );
      await putAudited(
        db,
        ctx,
        'deductions',
        before,
        after,
        `${before.itemCode} → ${problem.number}`,
      );
    }
    if (link.patrol) await linkFinding(db, ctx, link.patrol, problem);
    return problem;
  });
}

/** The closed item a new one is the return of, if it may be marked so. */
async function reboundOrigin(db: EcoDeskDb, id: string): Promise<Problem> {
  const before = await db.problems.get(id);
  if (!before || !isLive(before)) return refuse('找不到反弹对应的已销号问题。');
  if (before.status !== 'closed') return refuse('只有已销号的问题才能标记反弹。');
  if (before.reboundTo) return refuse(`${before.number} 已经标记过反弹了。`);
  return before;
}

/**
 * The closed item stays closed and readable, marked 反弹 with the new item (and the 回头看 that
 * found it), in the new item's transaction: one history entry.
 */
async function markRebound(
  db: EcoDeskDb,
  ctx: WriteContext,
  before: Problem,
  created: Problem,
  recheck: Recheck | undefined,
): Promise<void> {
  const after = stamp<Problem>(
    {
      ...before,
      reboundTo: { problemId: created.id, date: created.foundOn },
      ...(recheck
        ? { rechecks: [...(before.rechecks ?? []), { ...recheck, reboundId: created.id }] }
        : {}),
    },
    { ...ctx, existing: before },
  );
  await putAudited(db, ctx, 'problems', before, after, `${before.number} → ${created.number}`);
}

/** Marks a patrol's finding with the item opened from it (inside the item's transaction). */
async function linkFinding(
  db: EcoDeskDb,
  ctx: WriteContext,
  link: NonNullable<Problem['patrol']>,
  problem: Problem,
): Promise<void> {
  const table = db[link.table] as unknown as Table<RiverPatrol | ForestPatrol, string>;
  const before = await table.get(link.id);
  const finding = before?.findings.find((f) => f.id === link.findingId);
  if (!before || !finding) return refuse('找不到这条巡查记录的发现问题。');
  if (finding.problemId) return refuse('这个发现问题已经开过整改问题了。');
  const after = stamp<RiverPatrol | ForestPatrol>(
    {
      ...before,
      findings: before.findings.map((f) =>
        f.id === link.findingId ? { ...f, problemId: problem.id } : f,
      ),
    },
    { ...ctx, existing: before },
  );
  await putAudited(db, ctx, link.table, before, after, `${finding.kind} → ${problem.number}`);
}

/** Changes one problem in a transaction with its audit entry; `change` returns the new record. */
export async function update(
  db: EcoDeskDb,
  id: string,
  change: (problem: Problem, ctx: WriteContext) => Problem,
  reason?: string,
  action?: AuditAction,
): Promise<Problem> {
  return db.transaction('rw', [db.problems, db.ledgerTally, db.audit, db.settings], async () => {
    const before = await db.problems.get(id);
    if (!before || !isLive(before)) return refuse('这个问题已不存在。');
    const ctx = await writeContext(db);
    const after = stamp<Problem>(
      { ...before, ...change(before, ctx), id: before.id },
      { ...ctx, existing: before },
    );
    await changeTally(db, [before], [after]);
    await putAudited(db, ctx, 'problems', before, after, before.number, reason, action);
    return after;
  });
}

/**
 * Corrects an item's fields (更正): what was typed wrong, with a reason once work on it has
 * started. The history keeps the old values beside the new.
 */
export async function correctProblem(
  db: EcoDeskDb,
  id: string,
  form: ProblemForm,
  reason: string,
): Promise<Problem> {
  const past = await pastDateBounds(db);
  return update(
    db,
    id,
    (p) => {
      const { issues, changed } = checkCorrection(p, { ...form, source: p.source }, reason, past);
      if (issues.length > 0) throw new InputError(issues);
      const fields = formFields({ ...form, source: p.source });
      const next: Problem = { ...p };
      for (const f of changed) Object.assign(next, { [f]: fields[f] });
      if (changed.includes('deadline')) next.originalDeadline = next.deadline;
      return next;
    },
    cleanText(reason) || undefined,
    'correct',
  );
}

/**
 * Voids an item entered by mistake (作废): it leaves every list and count, keeps its number
 * (never given again) and stays in the history with the reason.
 */
export async function voidProblem(db: EcoDeskDb, id: string, reason: string): Promise<Problem> {
  return update(
    db,
    id,
    (p, ctx) => {
      const problem = checkVoid(p, reason);
      if (problem) refuse(problem, 'reason');
      return {
        ...p,
        deletedAt: ctx.now,
        voided: { reason: cleanText(reason), at: ctx.now, by: ctx.actor },
      };
    },
    cleanText(reason),
    'void',
  );
}

/**
 * 谁验收、谁负责: a 销号 by the account that asked for it is refused while another account may
 * confirm, unless the office allows it; when it is allowed, the history's entry says why.
 * Before accounts (no one signed in) there is no one to compare.
 */
async function closedBySelf(db: EcoDeskDb, id: string): Promise<string | undefined> {
  const session = currentSession();
  if (!session) return undefined;
  return db.transaction('r', [db.audit, db.accounts, db.settings], async () => {
    const history = await db.audit.where('[table+recordId]').equals(['problems', id]).toArray();
    const asked = history
      .filter((e) => e.after?.status === 'closeRequested' && e.before?.status !== 'closeRequested')
      .sort((a, b) => a.at.localeCompare(b.at))
      .at(-1);
    const others = (await db.accounts.toArray())
      .filter((a) => !a.disabled && a.id !== session.accountId && a.rights.includes('confirm'))
      .map((a) => a.name);
    const answer = selfConfirm({
      requestedBy: asked?.actor ?? null,
      actor: session.name,
      othersWhoMayConfirm: others,
      allowed: await getSelfConfirmAllowed(db),
    });
    if (!answer.ok) return refuse(answer.message, 'status');
    return answer.note;
  });
}

/**
 * A complainant's name and number, for an account allowed to see them: each reveal is itself
 * an entry of the history (who looked, when, at which item), never the value itself.
 */
export async function revealComplainant(db: EcoDeskDb, id: string): Promise<string> {
  return db.transaction('rw', [db.problems, db.audit, db.settings], async () => {
    const problem = await db.problems.get(id);
    if (!problem?.complainant) return refuse('这个问题没有反映人信息。');
    const ctx = await writeContext(db);
    await appendAudit(db, ctx, {
      id: ctx.newId(),
      at: ctx.now,
      actor: ctx.actor,
      table: 'problems',
      recordId: id,
      action: 'reveal',
      label: `${problem.number} 查看反映人`,
      before: null,
      after: null,
    });
    return problem.complainant;
  });
}

/** A step of the workflow (开始整改, 申请销号, 退回, 销号, 无法整改), refused unless the rules allow it. */
export async function applyWorkflow(
  db: EcoDeskDb,
  id: string,
  event: WorkflowEvent,
): Promise<Problem> {
  const past = event.type === 'close' ? await pastDateBounds(db) : undefined;
  const reason =
    event.type === 'return' || event.type === 'markUnfixable'
      ? cleanText(event.reason)
      : event.type === 'close'
        ? await closedBySelf(db, id)
        : undefined;
  return update(
    db,
    id,
    (p, ctx) => {
      const result = transition(
        { status: p.status, measures: p.measures, afterEvidence: p.afterPhotos.length },
        event,
        past,
      );
      if (!result.ok) return refuse(result.message, 'status');
      const duty = event.type === 'close' ? event.longTerm : undefined;
      if (duty) {
        const problem = checkLongTermDuty(duty);
        if (problem) return refuse(problem, 'longTerm');
      }
      return {
        ...p,
        ...(duty
          ? { longTerm: { duty: cleanText(duty.duty), intervalDays: duty.intervalDays } }
          : {}),
        status: result.status,
        verification:
          event.type === 'close'
            ? {
                verifier: cleanText(event.verifier),
                date: event.date,
                opinion: cleanText(event.opinion),
              }
            : p.verification,
        unfixable:
          event.type === 'markUnfixable'
            ? { reason: cleanText(event.reason), approver: cleanText(event.approver) }
            : p.unfixable,
        progress:
          event.type === 'return'
            ? [
                ...p.progress,
                { at: ctx.now, by: ctx.actor, text: `退回：${cleanText(event.reason)}` },
              ]
            : p.progress,
      };
    },
    reason,
  );
}

export async function addMeasure(db: EcoDeskDb, id: string, text: string): Promise<Problem> {
  const clean = cleanText(text);
  if (clean === '') refuse('整改措施不能为空。', 'measure');
  const long = checkText('整改措施', clean, TEXT_LIMITS.measure);
  if (long) refuse(long, 'measure');
  return update(db, id, (p, ctx) => ({
    ...evidenceMayChange(p),
    measures: [...p.measures, { id: ctx.newId(), text: clean, done: false }],
  }));
}

/** The item, if its measures and photos may still change (not from 申请销号 on); else refused. */
function evidenceMayChange(p: Problem): Problem {
  const problem = checkEvidenceChange(p.status);
  return problem ? refuse(problem, 'status') : p;
}

export function setMeasureDone(
  db: EcoDeskDb,
  id: string,
  measureId: string,
  done: boolean,
): Promise<Problem> {
  return update(db, id, (p) => ({
    ...evidenceMayChange(p),
    measures: p.measures.map((m) => (m.id === measureId ? { ...m, done } : m)),
  }));
}

export async function addProgress(db: EcoDeskDb, id: string, text: string): Promise<Problem> {
  const clean = cleanText(text);
  if (clean === '') refuse('进展情况不能为空。', 'progress');
  const long = checkText('进展情况', clean, TEXT_LIMITS.progress);
  if (long) refuse(long, 'progress');
  return update(db, id, (p, ctx) => ({
    ...p,
    progress: [...p.progress, { at: ctx.now, by: ctx.actor, text: clean }],
  }));
}

/** Extends the deadline with a reason; the original deadline stays on record. */
export function extendDeadline(
  db: EcoDeskDb,
  id: string,
  to: string,
  reason: string,
): Promise<Problem> {
  return update(
    db,
    id,
    (p, ctx) => {
      if (p.status === 'closed' || p.status === 'unfixable') refuse('已结束的问题不能延期。');
      const problem = checkExtension(p.deadline, to, reason);
      if (problem) refuse(problem, 'deadline');
      return {
        ...p,
        deadline: to,
        extensions: [
          ...p.extensions,
          { from: p.deadline, to, reason: cleanText(reason), at: ctx.now, by: ctx.actor },
        ],
      };
    },
    cleanText(reason),
  );
}

export function setSupervised(db: EcoDeskDb, id: string, supervised: boolean): Promise<Problem> {
  return update(db, id, (p) => ({ ...p, supervised }));
}

/** Puts an item on the 曝光台 (public exposure board) or takes it off. */
export function setExposed(db: EcoDeskDb, id: string, exposed: boolean): Promise<Problem> {
  return update(db, id, (p) => ({ ...p, exposed }));
}

/** The items the 曝光台 may show: 河湖四乱, those found on patrols, and those already chosen. */
export async function listExposureCandidates(db: EcoDeskDb): Promise<Problem[]> {
  const all = await db.problems.toArray();
  return all
    .filter(
      (p) =>
        isLive(p) && (p.exposed || p.patrol !== undefined || p.category === RIVER_PROBLEM_CATEGORY),
    )
    .sort((a, b) => b.foundOn.localeCompare(a.foundOn) || a.number.localeCompare(b.number));
}

export async function addAccountability(
  db: EcoDeskDb,
  id: string,
  record: { kind: AccountabilityKind; person: string; note: string },
): Promise<Problem> {
  if (cleanText(record.person) === '') refuse('请填写被约谈、通报或问责的人。', 'person');
  return update(db, id, (p, ctx) => ({
    ...p,
    accountability: [
      ...p.accountability,
      {
        kind: record.kind,
        person: cleanText(record.person),
        note: cleanText(record.note),
        at: ctx.now,
        by: ctx.actor,
      },
    ],
  }));
}

/** Records the after-fix evidence (a photo or document reference) needed for 销号. */
export function addAfterEvidence(
  db: EcoDeskDb,
  id: string,
  photo: Problem['afterPhotos'][number],
): Promise<Problem> {
  return update(db, id, (p) => ({
    ...evidenceMayChange(p),
    afterPhotos: [...p.afterPhotos, photo],
  }));
}

export function todayIso(): string {
  return toIsoDate(new Date());
}

/** Stores a before- or after-photo of a problem (JPEG/PNG, checked by content) with its thumbnail. */
export async function addProblemPhoto(
  db: EcoDeskDb,
  id: string,
  input: { kind: 'before' | 'after'; file: { name: string; data: Uint8Array }; thumbnail: Blob },
): Promise<Problem> {
  const { mime } = checkPhoto(input.file);
  const tables = [db.problems, db.ledgerTally, db.attachments, db.audit, db.settings];
  return db.transaction('rw', tables, async () => {
    const ctx = await writeContext(db);
    const photo = await storePhoto(db, ctx, input, mime);
    return update(db, id, (p) =>
      input.kind === 'before'
        ? { ...evidenceMayChange(p), beforePhotos: [...p.beforePhotos, photo] }
        : { ...evidenceMayChange(p), afterPhotos: [...p.afterPhotos, photo] },
    );
  });
}

/** Records that a progress report went up to the upper level on `date`. */
export async function addReport(db: EcoDeskDb, id: string, date: string): Promise<Problem> {
  const problem = checkDate('报送日期', date, await pastDateBounds(db));
  if (problem) refuse(problem, 'report');
  return update(db, id, (p) => {
    if (p.source !== 'upper') refuse('只有上级督查反馈的问题需要报送进展。');
    return { ...p, reports: [...p.reports, date].sort() };
  });
}

/**
 * 加入/取消督办 for several items in one transaction (each with its audit entry); items already in
 * that state are left alone. Returns how many changed.
 */
export function bulkSetSupervised(
  db: EcoDeskDb,
  ids: readonly string[],
  supervised: boolean,
): Promise<number> {
  return db.transaction('rw', [db.problems, db.ledgerTally, db.audit, db.settings], async () => {
    let changed = 0;
    for (const id of ids) {
      const p = await db.problems.get(id);
      if (!p || !isLive(p) || p.supervised === supervised) continue;
      await setSupervised(db, id, supervised);
      changed += 1;
    }
    return changed;
  });
}

/** 开始整改 for the selected items that are 待整改 (the others are skipped), all or none. */
export function bulkStart(db: EcoDeskDb, ids: readonly string[]): Promise<number> {
  return db.transaction('rw', [db.problems, db.ledgerTally, db.audit, db.settings], async () => {
    let changed = 0;
    for (const id of ids) {
      const p = await db.problems.get(id);
      if (!p || !isLive(p) || p.status !== 'pending') continue;
      await applyWorkflow(db, id, { type: 'start' });
      changed += 1;
    }
    return changed;
  });
}

const VIEWS_KEY = 'ledger.views';

/** The ledger's saved views (named filters). */
export async function listLedgerViews(db: EcoDeskDb): Promise<SavedView[]> {
  return parseViews((await db.settings.get(VIEWS_KEY))?.value);
}

export async function saveLedgerView(
  db: EcoDeskDb,
  name: string,
  filter: LedgerFilter,
): Promise<void> {
  await db.transaction('rw', [db.settings], async () => {
    const next = saveView(await listLedgerViews(db), name, filter);
    if (typeof next === 'string') return refuse(next, 'name');
    await db.settings.put({ key: VIEWS_KEY, value: next });
  });
}

export async function deleteLedgerView(db: EcoDeskDb, name: string): Promise<void> {
  await db.transaction('rw', [db.settings], async () => {
    const views = await listLedgerViews(db);
    await db.settings.put({ key: VIEWS_KEY, value: views.filter((v) => v.name !== name) });
  });
}

const mappingKey = (level: UpperLevel) => `ledger.importMapping.${level}`;

/** The column mapping used last time for a county list of this level (by header text). */
export async function getImportMapping(
  db: EcoDeskDb,
  level: UpperLevel,
): Promise<RememberedMapping | undefined> {
  const value = (await db.settings.get(mappingKey(level)))?.value;
  return typeof value === 'object' && value !== null ? value : undefined;
}

/** Which of these county keys are already in the ledger (imported before). */
export async function findExternalKeys(
  db: EcoDeskDb,
  keys: readonly string[],
): Promise<Set<string>> {
  const found = await db.problems
    .where('externalKey')
    .anyOf([...keys])
    .toArray();
  return new Set(found.filter(isLive).map((p) => p.externalKey!));
}

/**
 * Commits a dry run's new rows in one transaction: all are numbered and written with their audit
 * entries, or none (a row imported meanwhile, or any failure, leaves the ledger as it was). The
 * mapping is remembered for the next list of the same level.
 */
export async function importCountyList(
  db: EcoDeskDb,
  rows: readonly ImportedRow[],
  remember: {
    level: UpperLevel;
    mapping: RememberedMapping;
    fileName: string;
    /** Who signed the list, when it came as the county's signed package. */
    signedBy?: string | undefined;
  },
): Promise<Problem[]> {
  for (const row of rows) {
    const issue = validateProblemForm(row.form)[0];
    if (issue) refuse(`第 ${row.row} 行：${issue.message}`);
  }
  const tables = [db.problems, db.ledgerTally, db.audit, db.settings];
  return db.transaction('rw', tables, async () => {
    const already = await findExternalKeys(
      db,
      rows.map((r) => r.key),
    );
    if (already.size > 0)
      refuse(`有 ${already.size} 条刚刚已经导入过了，请重新预览后再导入。`, 'file');
    const ctx = await writeContext(db);
    const issued = (await db.problems.orderBy('number').keys()) as string[];
    const created: Problem[] = [];
    for (const row of rows) {
      const number = await nextNumber(db, row.form, issued);
      issued.push(number);
      const problem = buildProblem(row.form, number, ctx, { externalKey: row.key });
      await putAudited(
        db,
        ctx,
        'problems',
        undefined,
        problem,
        problem.number,
        `导入上级反馈清单《${remember.fileName}》${remember.signedBy ? `（${remember.signedBy}）` : ''}第 ${row.row} 行`,
      );
      created.push(problem);
    }
    await changeTally(db, [], created);
    await db.settings.put({ key: mappingKey(remember.level), value: remember.mapping });
    return created;
  });
}

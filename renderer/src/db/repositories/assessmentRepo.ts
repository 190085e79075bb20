import { BUILT_IN_AT } from '@shared/domain/audit';
import {
  PHOTOS_PER_CELL,
  scorePeriod,
  type Deduction,
  type DueAction,
  type Period,
  type PeriodResult,
  type VillageCheck,
} from '@shared/domain/assessment';
import {
  DEFAULT_CONSEQUENCE_RULES,
  validateConsequenceRules,
  type ConsequenceRules,
} from '@shared/domain/consequences';
import { toIsoDate } from '@shared/domain/dates';
import { DEFAULT_FLAG_RULES, validateFlagRules, type FlagRules } from '@shared/domain/flags';
import {
  checkInspectionDate,
  checkInspectors,
  isMonthKey,
  monthsOfQuarter,
  periodLabel,
  previousMonth,
  previousQuarter,
  quarterOf,
} from '@shared/domain/period';
import { actionsForResult, buildResultRows } from '@shared/domain/publication';
import { quarterlyInputs } from '@shared/domain/ranking';
import { isLive, stamp } from '@shared/domain/record';
import { checkEntry } from '@shared/domain/scoring';
import { standardFor, validateStandard, type StandardVersion } from '@shared/domain/standard';
import {
  DEFAULT_BONUS_CAP,
  DEFAULT_CATEGORIES,
  DEFAULT_ITEMS,
} from '@shared/domain/standardDefault';
import { cleanText } from '@shared/domain/validation';
import { InputError } from '../errors';
import { checkPhoto, storePhoto } from '../photos';
import type { EcoDeskDb } from '../schema';
import { measured } from '../timing';
import { putAudited, recordAudit, writeContext, type WriteContext } from '../writeContext';
import { checkText, TEXT_LIMITS } from '@shared/domain/textLimits';
import { pastDateBounds } from './settingsRepo';

export const FLAG_RULES_KEY = 'flagRules';
export const CONSEQUENCE_RULES_KEY = 'consequenceRules';

const refuse = (message: string, field = ''): never => {
  throw new InputError([{ field, message }]);
};

export async function getRules(
  db: EcoDeskDb,
): Promise<{ flags: FlagRules; consequences: ConsequenceRules }> {
  const [flags, consequences] = await Promise.all([
    db.settings.get(FLAG_RULES_KEY),
    db.settings.get(CONSEQUENCE_RULES_KEY),
  ]);
  return {
    flags: { ...DEFAULT_FLAG_RULES, ...(flags?.value as Partial<FlagRules> | undefined) },
    consequences: {
      ...DEFAULT_CONSEQUENCE_RULES,
      ...(consequences?.value as Partial<ConsequenceRules> | undefined),
    },
  };
}

export async function saveRules(
  db: EcoDeskDb,
  flags: FlagRules,
  consequences: ConsequenceRules,
): Promise<void> {
  const problems = [...validateFlagRules(flags), ...validateConsequenceRules(consequences)];
  if (problems.length > 0)
    throw new InputError(problems.map((message) => ({ field: 'rules', message })));
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put({ key: FLAG_RULES_KEY, value: flags });
    await db.settings.put({ key: CONSEQUENCE_RULES_KEY, value: consequences });
  });
}

/**
 * The built-in 五十条标准 as version 1: the same record, with the same id, stamps and history
 * entry, on every installation, so that two PCs exchanging data agree it is one standard and
 * neither gets the other's copy as an extra version.
 */
export const DEFAULT_STANDARD_ID = 'standard-default-1';
/** The built-in standard's history entry: the same on every PC, outside every chain. */
export const BUILT_IN_AUDIT_ID = `${DEFAULT_STANDARD_ID}-audit`;
const BUILT_IN_BY = '系统（软件内置）';

/** The standard's versions; the default 50 items become version 1 on first use. */
export async function ensureStandards(db: EcoDeskDb): Promise<StandardVersion[]> {
  return db.transaction('rw', [db.standards, db.audit, db.settings], async () => {
    const existing = (await db.standards.toArray()).filter(isLive);
    if (existing.length > 0) return existing;
    const first: StandardVersion = {
      id: DEFAULT_STANDARD_ID,
      createdAt: BUILT_IN_AT,
      updatedAt: BUILT_IN_AT,
      updatedBy: BUILT_IN_BY,
      version: 1,
      effectiveFrom: '2000-01',
      bonusCap: DEFAULT_BONUS_CAP,
      categories: DEFAULT_CATEGORIES,
      items: DEFAULT_ITEMS,
    };
    await db.standards.put(first);
    const ctx = {
      now: BUILT_IN_AT,
      actor: BUILT_IN_BY,
      newId: () => BUILT_IN_AUDIT_ID,
      installation: '',
    };
    await recordAudit(db, ctx, 'standards', undefined, first, '考核标准第 1 版（软件内置）');
    return [first];
  });
}

/** Opens a month for scoring against the standard in force then. */
export async function startPeriod(
  db: EcoDeskDb,
  month: string,
  /** `outsideMonth`: the user confirmed an inspection date outside the month. */
  details: { inspectors: string; inspectedOn: string; outsideMonth?: boolean },
): Promise<Period> {
  if (!isMonthKey(month)) refuse(`“${month}”不是有效的月份。`, 'month');
  const inspectors = checkInspectors(details.inspectors);
  if (inspectors) refuse(inspectors, 'inspectors');
  const date = checkInspectionDate(month, details.inspectedOn, await pastDateBounds(db));
  if (date && 'refuse' in date) refuse(date.refuse, 'inspectedOn');
  if (date && 'confirm' in date && !details.outsideMonth) refuse(date.confirm, 'inspectedOn');
  const standards = await ensureStandards(db);
  return db.transaction('rw', [db.periods, db.audit, db.settings], async () => {
    if (await db.periods.get(month)) refuse(`${periodLabel(month)}的考核已经开始。`, 'month');
    const standard = standardFor(standards, month);
    if (!standard) refuse(`${periodLabel(month)}没有适用的考核标准。`, 'month');
    const ctx = await writeContext(db);
    const period = stamp<Period>(
      {
        id: month,
        status: 'open',
        standardId: standard!.id,
        inspectors: cleanText(details.inspectors),
        inspectedOn: details.inspectedOn,
      },
      ctx,
    );
    await db.periods.add(period);
    await recordAudit(db, ctx, 'periods', undefined, period, periodLabel(month));
    return period;
  });
}

async function openPeriod(
  db: EcoDeskDb,
  periodId: string,
): Promise<{ period: Period; standard: StandardVersion }> {
  const period = await db.periods.get(periodId);
  if (!period) return refuse(`${periodLabel(periodId)}的考核还没有开始。`);
  if (period.status !== 'open') {
    return refuse(
      `${periodLabel(periodId)}的考核已经关闭：如需修改，请先点击“修改已关闭的考核”并说明原因。`,
    );
  }
  const standard = await db.standards.get(period.standardId);
  if (!standard) return refuse('找不到这一期使用的考核标准。');
  return { period, standard };
}

export const deductionId = (periodId: string, villageId: string, itemCode: string) =>
  `${periodId}:${villageId}:${itemCode}`;

/**
 * Saves one grid cell (autosave). A count follows the item's rule (capped at its cap); points
 * entered directly may not exceed the cap. An empty cell is stored as count 0.
 */
export async function saveDeduction(
  db: EcoDeskDb,
  cell: {
    periodId: string;
    villageId: string;
    itemCode: string;
    count: number | null;
    points: number | null;
    note?: string;
    place?: string;
  },
): Promise<Deduction> {
  return db.transaction(
    'rw',
    [db.periods, db.standards, db.deductions, db.villages, db.audit, db.settings],
    async () => {
      const { standard } = await openPeriod(db, cell.periodId);
      const item = standard.items.find((i) => i.code === cell.itemCode);
      if (!item) return refuse(`考核标准中没有第 ${cell.itemCode} 条。`);
      const village = await db.villages.get(cell.villageId);
      if (!village || !isLive(village)) return refuse('这个村已不存在。');
      const problem = checkEntry(item, {
        itemCode: item.code,
        count: cell.count,
        points: cell.points,
      });
      if (problem) refuse(problem, 'count');
      const note = checkText('情况说明', cell.note ?? '', TEXT_LIMITS.deductionNote);
      if (note) refuse(note, 'note');
      const place = checkText('地点', cell.place ?? '', TEXT_LIMITS.deductionPlace);
      if (place) refuse(place, 'place');
      const ctx = await writeContext(db);
      const id = deductionId(cell.periodId, cell.villageId, cell.itemCode);
      const before = await db.deductions.get(id);
      const after = stamp<Deduction>(
        {
          id,
          periodId: cell.periodId,
          villageId: cell.villageId,
          itemCode: cell.itemCode,
          count: cell.count,
          points: cell.count === null ? cell.points : null,
          note: cleanText(cell.note ?? before?.note ?? ''),
          place: cleanText(cell.place ?? before?.place ?? ''),
          problemId: before?.problemId,
          photos: before?.photos,
        },
        { ...ctx, existing: before },
      );
      // Saved again as it was (leaving a field unchanged): nothing to write, nothing to log.
      if (
        before &&
        isLive(before) &&
        before.count === after.count &&
        before.points === after.points &&
        before.note === after.note &&
        before.place === after.place
      )
        return before;
      await putAudited(
        db,
        ctx,
        'deductions',
        before,
        after,
        `${village.name} ${periodLabel(cell.periodId)} ${item.code}`,
      );
      return after;
    },
  );
}

/** Bonus points or "not inspected this period" for one village. */
export async function saveVillageCheck(
  db: EcoDeskDb,
  check: {
    periodId: string;
    villageId: string;
    skipped: boolean;
    bonus: number;
    bonusReason: string;
  },
): Promise<void> {
  await db.transaction(
    'rw',
    [db.periods, db.standards, db.villageChecks, db.villages, db.audit, db.settings],
    async () => {
      const { standard } = await openPeriod(db, check.periodId);
      if (!Number.isFinite(check.bonus) || check.bonus < 0 || check.bonus > standard.bonusCap) {
        refuse(`加分应在 0 到 ${standard.bonusCap} 分之间。`, 'bonus');
      }
      if (check.bonus > 0 && cleanText(check.bonusReason) === '')
        refuse('加分需要写明理由。', 'bonusReason');
      const reason = checkText('加分理由', check.bonusReason, TEXT_LIMITS.bonusReason);
      if (reason) refuse(reason, 'bonusReason');
      const village = await db.villages.get(check.villageId);
      const ctx = await writeContext(db);
      const id = `${check.periodId}:${check.villageId}`;
      const before = await db.villageChecks.get(id);
      const after = stamp<VillageCheck>(
        { ...check, id, bonusReason: cleanText(check.bonusReason) },
        { ...ctx, existing: before },
      );
      await putAudited(
        db,
        ctx,
        'villageChecks',
        before,
        after,
        `${village?.name ?? ''} ${periodLabel(check.periodId)}`,
      );
    },
  );
}

async function monthInputs(db: EcoDeskDb, periodId: string) {
  const period = await db.periods.get(periodId);
  if (!period) return null;
  // Asked for together: inside the close's transaction each await is a round trip.
  const [standard, villages, deductions, checks] = await Promise.all([
    db.standards.get(period.standardId),
    db.villages.orderBy('order').toArray(),
    db.deductions.where('periodId').equals(periodId).toArray(),
    db.villageChecks.where('periodId').equals(periodId).toArray(),
  ]);
  if (!standard) return null;
  return {
    period,
    standard,
    ...scorePeriod({
      standard,
      villages: villages.filter(isLive),
      deductions: deductions.filter(isLive),
      checks: checks.filter(isLive),
    }),
  };
}

/** Earlier flag periods' results, most recent first, stopping at the first gap. */
async function earlierResults(
  db: EcoDeskDb,
  key: string,
  cadence: 'month' | 'quarter',
): Promise<PeriodResult[]> {
  const keys: string[] = [];
  let cursor = key;
  for (let i = 0; i < 24; i += 1) {
    cursor = cadence === 'month' ? previousMonth(cursor) : previousQuarter(cursor);
    keys.push(cursor);
  }
  // One request for the 24 (one at a time they were 24 round trips inside the close's
  // transaction), then cut at the first gap.
  const found = await db.results.bulkGet(keys);
  const gap = found.findIndex((result) => !result || !result.flagsAwarded);
  return (gap === -1 ? found : found.slice(0, gap)) as PeriodResult[];
}

async function publish(
  db: EcoDeskDb,
  ctx: WriteContext,
  key: string,
  cadence: 'month' | 'quarter',
  inputs: Parameters<typeof buildResultRows>[0],
  withFlags: boolean,
  rules: { flags: FlagRules; consequences: ConsequenceRules },
  reason?: string,
): Promise<void> {
  const before = await db.results.get(key);
  const built = buildResultRows(inputs, rules.flags, withFlags);
  const result = stamp<PeriodResult>(
    { id: key, cadence, ...built, publishedAt: ctx.now, flagsAwarded: withFlags },
    { ...ctx, existing: before },
  );
  await putAudited(db, ctx, 'results', before, result, `${periodLabel(key)}红黄榜`, reason);
  if (!withFlags) return;
  // Re-publishing replaces the actions not yet done; done ones stay as the record of what happened.
  const old = (await db.dueActions.where('periodKey').equals(key).toArray()).filter(isLive);
  for (const action of old) {
    if (action.doneAt) continue;
    const removed = stamp<DueAction>(
      { ...action, deletedAt: ctx.now },
      { ...ctx, existing: action },
    );
    await putAudited(db, ctx, 'dueActions', action, removed, action.title, reason);
  }
  const done = new Set(old.filter((a) => a.doneAt).map((a) => `${a.villageId}:${a.kind}`));
  const drafts = actionsForResult({
    result,
    earlier: await earlierResults(db, key, cadence),
    rules: rules.consequences,
    publishedOn: toIsoDate(new Date(ctx.now)),
  });
  for (const draft of drafts) {
    if (done.has(`${draft.villageId}:${draft.kind}`)) continue;
    const action = stamp<DueAction>({ ...draft }, ctx);
    await db.dueActions.add(action);
    await recordAudit(db, ctx, 'dueActions', undefined, action, action.title);
  }
}

/**
 * Closes a month: freezes it, publishes its results (with flags when flags are monthly) and,
 * when flags are quarterly and this closes the quarter, the quarter's 红黄榜 on the mean scores.
 */
export const closePeriod = (db: EcoDeskDb, periodId: string, reason?: string): Promise<void> =>
  measured('assessment.recompute_period', () => closeAndPublish(db, periodId, reason));

async function closeAndPublish(db: EcoDeskDb, periodId: string, reason?: string): Promise<void> {
  const tables = [
    db.periods,
    db.standards,
    db.villages,
    db.deductions,
    db.villageChecks,
    db.results,
    db.dueActions,
    db.audit,
    db.settings,
  ];
  await db.transaction('rw', tables, async () => {
    const data = await monthInputs(db, periodId);
    if (!data) return refuse(`${periodLabel(periodId)}的考核还没有开始。`);
    if (data.period.status === 'closed') return refuse(`${periodLabel(periodId)}的考核已经关闭。`);
    const rules = await getRules(db);
    const ctx = {
      ...(await writeContext(db)),
      group: `关闭${periodLabel(periodId)}考核并发布结果`,
    };
    const closed = stamp<Period>(
      { ...data.period, status: 'closed', closedAt: ctx.now, closedBy: ctx.actor },
      { ...ctx, existing: data.period },
    );
    await db.periods.put(closed);
    await recordAudit(db, ctx, 'periods', data.period, closed, periodLabel(periodId), reason);
    const monthly = rules.flags.cadence === 'month';
    await publish(db, ctx, periodId, 'month', data.inputs, monthly, rules, reason);
    if (monthly) return;
    const quarter = quarterOf(periodId);
    const months = monthsOfQuarter(quarter);
    const all = await Promise.all(months.map((m) => monthInputs(db, m)));
    if (all.some((m) => !m || m.period.status !== 'closed')) return;
    const inputs = quarterlyInputs(all.map((m) => m!.inputs));
    await publish(db, ctx, quarter, 'quarter', inputs, true, rules, reason);
  });
}

/** Reopens a closed month for correction; the reason is kept in the audit log. */
export async function reopenPeriod(db: EcoDeskDb, periodId: string, reason: string): Promise<void> {
  const why = cleanText(reason);
  if (why.length < 4) refuse('请写明修改已关闭考核的原因（至少 4 个字）。', 'reason');
  await db.transaction('rw', db.periods, db.audit, db.settings, async () => {
    const before = await db.periods.get(periodId);
    if (!before || before.status !== 'closed')
      return refuse(`${periodLabel(periodId)}的考核没有关闭。`);
    const ctx = await writeContext(db);
    const after = stamp<Period>(
      { ...before, status: 'open', closedAt: undefined, closedBy: undefined },
      { ...ctx, existing: before },
    );
    await putAudited(db, ctx, 'periods', before, after, periodLabel(periodId), why);
  });
}

/** Takes back a red flag (摘旗) with a reason; its unpaid reward is cancelled. */
export async function withdrawRedFlag(
  db: EcoDeskDb,
  resultId: string,
  villageId: string,
  reason: string,
): Promise<void> {
  const why = cleanText(reason);
  if (why.length < 4) refuse('请写明摘旗原因（至少 4 个字）。', 'reason');
  await db.transaction('rw', [db.results, db.dueActions, db.audit, db.settings], async () => {
    const before = await db.results.get(resultId);
    const row = before?.rows.find((r) => r.villageId === villageId);
    if (!before || !row || row.flag !== 'red' || row.withdrawn)
      return refuse('这个村本期没有可以摘除的红旗。');
    const ctx = await writeContext(db);
    const after = stamp<PeriodResult>(
      {
        ...before,
        rows: before.rows.map((r) =>
          r.villageId === villageId
            ? { ...r, withdrawn: { reason: why, at: ctx.now, by: ctx.actor } }
            : r,
        ),
      },
      { ...ctx, existing: before },
    );
    await putAudited(
      db,
      ctx,
      'results',
      before,
      after,
      `${periodLabel(resultId)}红黄榜 摘旗：${row.name}`,
      why,
    );
    const rewards = (await db.dueActions.where('periodKey').equals(resultId).toArray()).filter(
      (a) => isLive(a) && a.villageId === villageId && a.kind === 'redReward' && !a.doneAt,
    );
    for (const reward of rewards) {
      const removed = stamp<DueAction>(
        { ...reward, deletedAt: ctx.now },
        { ...ctx, existing: reward },
      );
      await putAudited(db, ctx, 'dueActions', reward, removed, reward.title, why);
    }
  });
}

/** Marks a due action done (with a note) or not done. */
export async function setActionDone(
  db: EcoDeskDb,
  id: string,
  done: boolean,
  note: string,
): Promise<void> {
  await db.transaction('rw', db.dueActions, db.audit, db.settings, async () => {
    const before = await db.dueActions.get(id);
    if (!before || !isLive(before)) return refuse('这个事项已不存在。');
    const problem = done
      ? checkText('完成情况', note, TEXT_LIMITS.doneNote, { required: true })
      : null;
    if (problem) refuse(problem, 'doneNote');
    const ctx = await writeContext(db);
    const after = stamp<DueAction>(
      {
        ...before,
        doneAt: done ? ctx.now : undefined,
        doneNote: done ? cleanText(note) : undefined,
      },
      { ...ctx, existing: before },
    );
    await putAudited(db, ctx, 'dueActions', before, after, before.title);
  });
}

/** Everything the scoring screen shows for a month. */
export async function loadPeriodView(db: EcoDeskDb, periodId: string) {
  const [period, villages, deductions, checks] = await Promise.all([
    db.periods.get(periodId),
    db.villages.orderBy('order').toArray(),
    db.deductions.where('periodId').equals(periodId).toArray(),
    db.villageChecks.where('periodId').equals(periodId).toArray(),
  ]);
  const standard = period ? await db.standards.get(period.standardId) : undefined;
  return {
    period: period ?? null,
    standard: standard ?? null,
    villages: villages.filter(isLive),
    deductions: deductions.filter(isLive),
    checks: checks.filter(isLive),
  };
}

/**
 * Adds a site photo to a cell: checked by content (JPEG or PNG only) and size; the photo, its
 * thumbnail and the cell's reference are written in one transaction.
 */
export async function addDeductionPhoto(
  db: EcoDeskDb,
  input: {
    periodId: string;
    villageId: string;
    itemCode: string;
    file: { name: string; data: Uint8Array };
    thumbnail: Blob;
  },
): Promise<void> {
  const { mime } = checkPhoto(input.file);
  const tables = [
    db.periods,
    db.standards,
    db.deductions,
    db.villages,
    db.attachments,
    db.audit,
    db.settings,
  ];
  await db.transaction('rw', tables, async () => {
    await openPeriod(db, input.periodId);
    const village = await db.villages.get(input.villageId);
    if (!village || !isLive(village)) return refuse('这个村已不存在。');
    const id = deductionId(input.periodId, input.villageId, input.itemCode);
    const before = await db.deductions.get(id);
    const photos = before?.photos ?? [];
    if (photos.length >= PHOTOS_PER_CELL) refuse(`每一格最多 ${PHOTOS_PER_CELL} 张照片。`, 'photo');
    const ctx = await writeContext(db);
    const photo = await storePhoto(db, ctx, input, mime);
    const after = stamp<Deduction>(
      {
        id,
        periodId: input.periodId,
        villageId: input.villageId,
        itemCode: input.itemCode,
        count: before?.count ?? 0,
        points: before?.points ?? null,
        note: before?.note ?? '',
        place: before?.place ?? '',
        problemId: before?.problemId,
        photos: [...photos, photo],
      },
      { ...ctx, existing: before },
    );
    await putAudited(
      db,
      ctx,
      'deductions',
      before,
      after,
      `${village.name} ${periodLabel(input.periodId)} ${input.itemCode} 照片`,
    );
  });
}

/** Removes a photo from a cell (the file is kept in storage for the record). */
export async function removeDeductionPhoto(
  db: EcoDeskDb,
  deductionKey: string,
  attachmentId: string,
): Promise<void> {
  await db.transaction(
    'rw',
    [db.periods, db.standards, db.deductions, db.audit, db.settings],
    async () => {
      const before = await db.deductions.get(deductionKey);
      if (!before) return;
      await openPeriod(db, before.periodId);
      const ctx = await writeContext(db);
      const after = stamp<Deduction>(
        { ...before, photos: (before.photos ?? []).filter((p) => p.attachmentId !== attachmentId) },
        { ...ctx, existing: before },
      );
      await putAudited(
        db,
        ctx,
        'deductions',
        before,
        after,
        `${periodLabel(before.periodId)} ${before.itemCode} 删除照片`,
      );
    },
  );
}

/** The standard's versions, newest first (read-only: safe inside a live query). */
export async function listStandards(db: EcoDeskDb): Promise<StandardVersion[]> {
  return (await db.standards.toArray()).filter(isLive).sort((a, b) => b.version - a.version);
}

/**
 * Saves an edited or imported standard. While the newest version has not scored any period it
 * is changed in place; once used, the change becomes a new version in force from this month,
 * so that past periods keep the standard they were scored against.
 */
export async function saveStandard(
  db: EcoDeskDb,
  input: Pick<StandardVersion, 'categories' | 'items' | 'bonusCap'>,
): Promise<StandardVersion> {
  // Only the content is taken: ids, versions and stamps are the repository's to set.
  const next = { categories: input.categories, items: input.items, bonusCap: input.bonusCap };
  const problems = validateStandard(next);
  if (problems.length > 0) throw new InputError(problems);
  await ensureStandards(db);
  return db.transaction('rw', [db.standards, db.periods, db.audit, db.settings], async () => {
    const versions = (await db.standards.toArray())
      .filter(isLive)
      .sort((a, b) => b.version - a.version);
    const latest = versions[0]!;
    const used = (await db.periods.toArray()).some((p) => p.standardId === latest.id);
    const ctx = await writeContext(db);
    if (!used) {
      const after = stamp<StandardVersion>({ ...latest, ...next }, { ...ctx, existing: latest });
      await putAudited(db, ctx, 'standards', latest, after, `考核标准第 ${after.version} 版`);
      return after;
    }
    const created = stamp<StandardVersion>(
      {
        ...next,
        version: latest.version + 1,
        effectiveFrom: toIsoDate(new Date(ctx.now)).slice(0, 7),
      },
      ctx,
    );
    await db.standards.add(created);
    await recordAudit(db, ctx, 'standards', undefined, created, `考核标准第 ${created.version} 版`);
    return created;
  });
}

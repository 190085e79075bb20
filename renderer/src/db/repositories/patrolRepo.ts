import type { Table } from 'dexie';
import { PHOTOS_PER_CELL } from '@shared/domain/assessment';
import { addDays } from '@shared/domain/period';
import {
  checkPatrolCorrection,
  checkPatrolVoid,
  correctedFindings,
  DEFAULT_PATROL_RULES,
  isSamePatrol,
  samePatrolMessage,
  FOREST_PROBLEM_CATEGORY,
  findingProblemDescription,
  RIVER_PROBLEM_CATEGORY,
  validateForestPatrol,
  validatePatrolRules,
  validateRiverPatrol,
  type ForestPatrol,
  type ForestPatrolForm,
  type ForestPlot,
  type PatrolRules,
  type River,
  type RiverPatrol,
  type RiverPatrolForm,
  type RiverSegment,
} from '@shared/domain/patrol';
import { DEFAULT_FIX_DAYS, type Problem } from '@shared/domain/problem';
import { isLive, stamp, type BaseRecord, type Draft } from '@shared/domain/record';
import { charLength, cleanText } from '@shared/domain/validation';
import { assertValid, InputError } from '../errors';
import { checkPhoto, storePhoto, type PhotoInput } from '../photos';
import type { EcoDeskDb } from '../schema';
import { putAudited, writeContext, type WriteContext } from '../writeContext';
import { createProblem } from './problemRepo';
import { pastDateBounds } from './settingsRepo';

export const PATROL_RULES_KEY = 'patrolRules';

const refuse = (message: string, field = ''): never => {
  throw new InputError([{ field, message }]);
};

export async function getPatrolRules(db: EcoDeskDb): Promise<PatrolRules> {
  const stored = (await db.settings.get(PATROL_RULES_KEY))?.value as
    Partial<PatrolRules> | undefined;
  return { ...DEFAULT_PATROL_RULES, ...stored };
}

export async function savePatrolRules(db: EcoDeskDb, rules: PatrolRules): Promise<void> {
  const problems = validatePatrolRules(rules);
  if (problems.length > 0)
    throw new InputError(problems.map((message) => ({ field: 'rules', message })));
  await db.settings.put({ key: PATROL_RULES_KEY, value: rules });
}

export async function listRivers(db: EcoDeskDb): Promise<River[]> {
  return (await db.rivers.toArray())
    .filter(isLive)
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** Adds or changes a river with its segments; each segment needs a name and a chief. */
export async function saveRiver(
  db: EcoDeskDb,
  id: string | undefined,
  form: { name: string; segments: (Omit<RiverSegment, 'id'> & { id?: string | undefined })[] },
): Promise<River> {
  const name = cleanText(form.name);
  const issues: { field: string; message: string }[] = [];
  if (!name) issues.push({ field: 'name', message: '请填写河流名称。' });
  else if (charLength(name) > 30) issues.push({ field: 'name', message: '河流名称最多 30 字。' });
  if (form.segments.length === 0)
    issues.push({ field: 'segments', message: '请至少添加一个河段。' });
  form.segments.forEach((s, i) => {
    if (!cleanText(s.name ?? ''))
      issues.push({ field: 'segments', message: `第 ${i + 1} 个河段没有名称。` });
    if (!s.chiefId) issues.push({ field: 'segments', message: `第 ${i + 1} 个河段请选择河长。` });
  });
  if (issues.length > 0) throw new InputError(issues);
  return db.transaction('rw', db.rivers, db.audit, db.settings, async () => {
    const ctx = await writeContext(db);
    const before = id ? await db.rivers.get(id) : undefined;
    const river = stamp<River>(
      {
        id,
        name,
        segments: form.segments.map((s) => ({
          id: s.id ?? ctx.newId(),
          name: cleanText(s.name),
          level: s.level,
          chiefId: s.chiefId,
          villageId: s.villageId || undefined,
        })),
      },
      { ...ctx, existing: before },
    );
    await putAudited(db, ctx, 'rivers', before, river, river.name);
    return river;
  });
}

/** A correction of a stored patrol (更正): which one, and why. */
export interface PatrolCorrection {
  id: string;
  reason: string;
}

/**
 * Stores a patrol, new or corrected, with its audit entry: a correction keeps the patrol's
 * photos and the ledger items of its findings, and is refused by the rules of
 * `checkPatrolCorrection`.
 */
async function writePatrol<T extends RiverPatrol | ForestPatrol>(
  db: EcoDeskDb,
  table: 'riverPatrols' | 'forestPatrols',
  ctx: WriteContext,
  content: (stored: T | undefined) => Omit<T, keyof BaseRecord | 'photos' | 'voided'>,
  label: string,
  correction: PatrolCorrection | undefined,
): Promise<T> {
  const patrols = db[table] as unknown as Table<T, string>;
  const stored = correction ? await patrols.get(correction.id) : undefined;
  if (correction && (!stored || !isLive(stored))) return refuse('这条巡查记录已不存在。');
  const patrol = stamp<T>(
    { ...(stored ? { id: stored.id, photos: stored.photos } : {}), ...content(stored) } as Draft<T>,
    { ...ctx, existing: stored },
  );
  if (stored && correction) {
    const issues = checkPatrolCorrection(stored, patrol, correction.reason);
    if (issues.length > 0) throw new InputError(issues);
  }
  const sameDay = await patrols.where('date').equals(patrol.date).toArray();
  if (sameDay.some((p) => p.id !== patrol.id && isLive(p) && isSamePatrol(p, patrol)))
    return refuse(samePatrolMessage(patrol), 'date');
  await putAudited(
    db,
    ctx,
    table,
    stored,
    patrol,
    label,
    correction ? cleanText(correction.reason) : undefined,
    correction ? 'correct' : undefined,
  );
  return patrol;
}

/** Logs (or corrects) a river patrol: the chief is the segment's chief. */
export async function saveRiverPatrol(
  db: EcoDeskDb,
  form: RiverPatrolForm,
  correction?: PatrolCorrection,
): Promise<RiverPatrol> {
  assertValid(validateRiverPatrol(form, await pastDateBounds(db)));
  return db.transaction('rw', [db.rivers, db.riverPatrols, db.audit, db.settings], async () => {
    const river = await db.rivers.get(form.riverId);
    const segment = river?.segments.find((s) => s.id === form.segmentId);
    if (!river || !segment || !isLive(river)) return refuse('找不到这个河段。', 'segmentId');
    const ctx = await writeContext(db);
    return writePatrol<RiverPatrol>(
      db,
      'riverPatrols',
      ctx,
      (stored) => ({
        riverId: river.id,
        segmentId: segment.id,
        chiefId: segment.chiefId,
        date: form.date,
        startTime: form.startTime,
        endTime: form.endTime,
        routeFrom: cleanText(form.routeFrom),
        routeTo: cleanText(form.routeTo),
        checked: cleanText(form.checked),
        findings: correctedFindings(stored?.findings ?? [], form.findings, ctx.newId),
        action: cleanText(form.action),
      }),
      `${river.name}${segment.name} ${form.date} ${form.startTime}`,
      correction,
    );
  });
}

export async function saveForestPlot(
  db: EcoDeskDb,
  id: string | undefined,
  form: { name: string; villageId: string; group: string; cadreId?: string; rangerId: string },
): Promise<ForestPlot> {
  const issues: { field: string; message: string }[] = [];
  if (!cleanText(form.name)) issues.push({ field: 'name', message: '请填写山头地块名称。' });
  if (!form.villageId) issues.push({ field: 'villageId', message: '请选择所在村。' });
  if (!form.rangerId)
    issues.push({ field: 'rangerId', message: '请选择包山头地块的护林员或社长。' });
  if (issues.length > 0) throw new InputError(issues);
  return db.transaction('rw', db.forestPlots, db.audit, db.settings, async () => {
    const ctx = await writeContext(db);
    const before = id ? await db.forestPlots.get(id) : undefined;
    const plot = stamp<ForestPlot>(
      {
        id,
        name: cleanText(form.name),
        villageId: form.villageId,
        group: cleanText(form.group),
        cadreId: form.cadreId || undefined,
        rangerId: form.rangerId,
      },
      { ...ctx, existing: before },
    );
    await putAudited(db, ctx, 'forestPlots', before, plot, plot.name);
    return plot;
  });
}

export async function listForestPlots(db: EcoDeskDb): Promise<ForestPlot[]> {
  return (await db.forestPlots.toArray())
    .filter(isLive)
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** Logs (or corrects) a forest patrol by the plot's ranger. */
export async function saveForestPatrol(
  db: EcoDeskDb,
  form: ForestPatrolForm,
  correction?: PatrolCorrection,
): Promise<ForestPatrol> {
  assertValid(validateForestPatrol(form, await pastDateBounds(db)));
  return db.transaction(
    'rw',
    [db.forestPlots, db.forestPatrols, db.audit, db.settings],
    async () => {
      const plot = await db.forestPlots.get(form.plotId);
      if (!plot || !isLive(plot)) return refuse('找不到这个山头地块。', 'plotId');
      const ctx = await writeContext(db);
      return writePatrol<ForestPatrol>(
        db,
        'forestPatrols',
        ctx,
        (stored) => ({
          plotId: plot.id,
          rangerId: plot.rangerId,
          date: form.date,
          weather: form.weather,
          findings: correctedFindings(stored?.findings ?? [], form.findings, ctx.newId),
          note: cleanText(form.note),
        }),
        `${plot.name} ${form.date}`,
        correction,
      );
    },
  );
}

/**
 * Voids a patrol entered by mistake (作废, e.g. logged twice): it leaves the lists and the
 * compliance counts and stays in the history with the reason. Refused while one of its findings
 * is a live ledger item.
 */
export async function voidPatrol(
  db: EcoDeskDb,
  table: 'riverPatrols' | 'forestPatrols',
  id: string,
  reason: string,
): Promise<void> {
  const patrols = db[table] as unknown as Table<RiverPatrol | ForestPatrol, string>;
  const tables = [patrols, db.rivers, db.forestPlots, db.problems, db.audit, db.settings];
  await db.transaction('rw', tables, async () => {
    const before = await patrols.get(id);
    if (!before || !isLive(before)) return refuse('这条巡查记录已不存在。');
    const items = await db.problems.bulkGet(
      before.findings.flatMap((f) => (f.problemId ? [f.problemId] : [])),
    );
    const problem = checkPatrolVoid(items.filter((p) => p && isLive(p)).length, reason);
    if (problem) return refuse(problem, 'reason');
    const ctx = await writeContext(db);
    const after = stamp<RiverPatrol | ForestPatrol>(
      {
        ...before,
        deletedAt: ctx.now,
        voided: { reason: cleanText(reason), at: ctx.now, by: ctx.actor },
      },
      { ...ctx, existing: before },
    );
    const { where } = await findingPlace(db, table, before);
    const time = 'startTime' in before ? ` ${before.startTime}` : '';
    const label = `${where} ${before.date}${time}`;
    await putAudited(db, ctx, table, before, after, label, cleanText(reason), 'void');
  });
}

/** A month's patrols of both kinds (the screens show one month at a time). */
export async function loadPatrolMonth(db: EcoDeskDb, month: string) {
  const range = [`${month}-01`, `${month}-31`] as const;
  const [river, forest] = await Promise.all([
    db.riverPatrols.where('date').between(range[0], range[1], true, true).toArray(),
    db.forestPatrols.where('date').between(range[0], range[1], true, true).toArray(),
  ]);
  const byDate = <T extends { date: string; createdAt: string }>(a: T, b: T) =>
    b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt);
  return {
    river: river.filter(isLive).sort(byDate),
    forest: forest.filter(isLive).sort(byDate),
  };
}

/**
 * Opens the ledger item of a patrol's finding in one step (category 河湖四乱 or 林草/森林防火,
 * the village of the segment or plot, found on the patrol's date, the chief or ranger
 * responsible), linked both ways in one transaction.
 */
export async function openFindingProblem(
  db: EcoDeskDb,
  table: 'riverPatrols' | 'forestPatrols',
  patrolId: string,
  findingId: string,
): Promise<Problem> {
  const patrol = await db[table].get(patrolId);
  const finding = patrol?.findings.find((f) => f.id === findingId);
  if (!patrol || !finding) return refuse('找不到这条巡查记录的发现问题。');
  if (finding.problemId) return refuse('这个发现问题已经开过整改问题了。');
  const { where, villageId, personId } = await findingPlace(db, table, patrol);
  const person = await db.people.get(personId);
  const river = table === 'riverPatrols';
  return createProblem(
    db,
    {
      source: 'town',
      category: river ? RIVER_PROBLEM_CATEGORY : FOREST_PROBLEM_CATEGORY,
      villageId,
      place: where,
      description: findingProblemDescription(
        finding,
        where,
        patrol.date,
        river ? 'river' : 'forest',
      ),
      foundOn: patrol.date,
      deadline: addDays(patrol.date, DEFAULT_FIX_DAYS),
      responsiblePerson: person?.name ?? '',
      responsibleLeader: '',
    },
    { patrol: { table, id: patrolId, findingId } },
  );
}

/** Where a patrol was (river and segment, or plot), its village, and who patrolled. */
async function findingPlace(
  db: EcoDeskDb,
  table: 'riverPatrols' | 'forestPatrols',
  patrol: RiverPatrol | ForestPatrol,
): Promise<{ where: string; villageId: string | undefined; personId: string }> {
  if (table === 'riverPatrols') {
    const p = patrol as RiverPatrol;
    const river = await db.rivers.get(p.riverId);
    const segment = river?.segments.find((s) => s.id === p.segmentId);
    return {
      where: `${river?.name ?? ''}${segment?.name ?? ''}`,
      villageId: segment?.villageId,
      personId: p.chiefId,
    };
  }
  const p = patrol as ForestPatrol;
  const plot = await db.forestPlots.get(p.plotId);
  return { where: plot?.name ?? '', villageId: plot?.villageId, personId: p.rangerId };
}

/**
 * Adds a site photo to a patrol (at most 6; a photo is evidence: added, never removed). The
 * photo, its thumbnail and the patrol's reference are written in one transaction.
 */
export async function addPatrolPhoto(
  db: EcoDeskDb,
  table: 'riverPatrols' | 'forestPatrols',
  id: string,
  input: PhotoInput,
): Promise<void> {
  const { mime } = checkPhoto(input.file);
  const patrols = db[table] as unknown as Table<RiverPatrol | ForestPatrol, string>;
  await db.transaction('rw', [patrols, db.attachments, db.audit, db.settings], async () => {
    const before = await patrols.get(id);
    if (!before || !isLive(before)) return refuse('这条巡查记录已不存在。');
    if ((before.photos ?? []).length >= PHOTOS_PER_CELL)
      return refuse(`一条巡查记录最多 ${PHOTOS_PER_CELL} 张照片。`, 'photo');
    const ctx = await writeContext(db);
    const photo = await storePhoto(db, ctx, input, mime);
    const after = stamp<RiverPatrol | ForestPatrol>(
      { ...before, photos: [...(before.photos ?? []), photo] },
      { ...ctx, existing: before },
    );
    await putAudited(db, ctx, table, before, after, `${before.date} 照片 ${photo.name}`);
  });
}

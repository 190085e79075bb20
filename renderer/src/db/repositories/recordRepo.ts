import type { PeriodResult } from '@shared/domain/assessment';
import type { Problem } from '@shared/domain/problem';
import { isLive, stamp } from '@shared/domain/record';
import {
  checkRecord,
  DEFAULT_ELIMINATIONS,
  recordDate,
  RECORD_DEFS,
  type RecordKind,
  type WorkRecord,
} from '@shared/domain/workRecords';
import { cleanText } from '@shared/domain/validation';
import {
  summaryFigures,
  SUMMARY_TEMPLATE,
  type Figure,
  type SummaryDraft,
} from '@shared/domain/yearSummary';
import { InputError } from '../errors';
import type { EcoDeskDb } from '../schema';
import { putAudited, writeContext } from '../writeContext';
import { pastDateBounds } from './settingsRepo';

export const ELIMINATIONS_KEY = 'eliminations';

const refuse = (message: string, field = ''): never => {
  throw new InputError([{ field, message }]);
};

/** The town's ten eliminations (十项消除), as edited, or the default list. */
export async function getEliminations(db: EcoDeskDb): Promise<string[]> {
  const stored = (await db.settings.get(ELIMINATIONS_KEY))?.value;
  return Array.isArray(stored) && stored.every((s) => typeof s === 'string')
    ? stored
    : [...DEFAULT_ELIMINATIONS];
}

export async function saveEliminations(db: EcoDeskDb, items: string[]): Promise<void> {
  const clean = items.map(cleanText).filter(Boolean);
  if (clean.length === 0) refuse('至少要有一个消除项目。', 'eliminations');
  if (new Set(clean).size !== clean.length) refuse('消除项目有重复。', 'eliminations');
  await db.settings.put({ key: ELIMINATIONS_KEY, value: clean });
}

/** A kind's records, newest first (a year at a time, or all). */
export async function listRecords(
  db: EcoDeskDb,
  kind: RecordKind,
  year?: number,
): Promise<WorkRecord[]> {
  const from = year ? `${year}-01-01` : '';
  const to = year ? `${year}-12-31` : '\uffff';
  const rows = await db.workRecords
    .where('[kind+date]')
    .between([kind, from], [kind, to], true, true)
    .toArray();
  return rows.filter(isLive).reverse();
}

/** Adds or changes a record after the kind's check; raw values are as typed in the form. */
export async function saveRecord(
  db: EcoDeskDb,
  kind: RecordKind,
  id: string | undefined,
  raw: Record<string, string>,
): Promise<WorkRecord> {
  const [villages, eliminations, past] = await Promise.all([
    db.villages.toArray(),
    getEliminations(db),
    pastDateBounds(db),
  ]);
  const { values, issues } = checkRecord(kind, raw, {
    past,
    villageIds: new Set(villages.filter(isLive).map((v) => v.id)),
    eliminations,
  });
  if (issues.length > 0) throw new InputError(issues);
  return db.transaction('rw', db.workRecords, db.audit, db.settings, async () => {
    const ctx = await writeContext(db);
    const before = id ? await db.workRecords.get(id) : undefined;
    if (id && (!before || !isLive(before))) return refuse('这条记录已不存在。');
    const record = stamp<WorkRecord>(
      {
        id,
        kind,
        date: recordDate(kind, values),
        villageId: typeof values.villageId === 'string' ? values.villageId : undefined,
        values,
      },
      { ...ctx, existing: before },
    );
    await putAudited(
      db,
      ctx,
      'workRecords',
      before,
      record,
      `${RECORD_DEFS[kind].label} ${record.date}`,
    );
    return record;
  });
}

/** Deletes a record (soft: it stays in the audit log and can be seen there). */
export async function deleteRecord(db: EcoDeskDb, id: string): Promise<void> {
  await db.transaction('rw', db.workRecords, db.audit, db.settings, async () => {
    const before = await db.workRecords.get(id);
    if (!before || !isLive(before)) return;
    const ctx = await writeContext(db);
    const after = stamp<WorkRecord>(
      { ...before, deletedAt: ctx.now },
      { ...ctx, existing: before },
    );
    await putAudited(
      db,
      ctx,
      'workRecords',
      before,
      after,
      `${RECORD_DEFS[before.kind].label} ${before.date}`,
    );
  });
}

/**
 * The tables `loadYearSummary` reads: a write to any of them makes its kept answer out of date
 * (db/keptQuery.ts). Its test reads the draft in a transaction of only these.
 */
export const YEAR_SUMMARY_TABLES = [
  'town',
  'villages',
  'people',
  'ruleDocuments',
  'workRecords',
  'problems',
  'results',
  'riverPatrols',
  'forestPatrols',
  'summaries',
] as const;

/** The year-end summary: every figure from the year's records, and the office's edits. */
export async function loadYearSummary(
  db: EcoDeskDb,
  year: number,
): Promise<{ townName: string; figures: Map<string, Figure>; edited: (string | null)[] }> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const inYear = <T>(table: {
    where(i: string): {
      between(a: string, b: string, x: boolean, y: boolean): { toArray(): Promise<T[]> };
    };
  }) => table.where('date').between(from, to, true, true).toArray();
  const [
    town,
    villages,
    people,
    ruleDocuments,
    records,
    problems,
    results,
    riverPatrols,
    forestPatrols,
    draft,
  ] = await Promise.all([
    db.town.toCollection().first(),
    // In their own order: a figure of villages lists them so.
    db.villages.orderBy('order').toArray(),
    db.people.toArray(),
    db.ruleDocuments.toArray(),
    inYear<WorkRecord>(db.workRecords),
    problemsOfYear(db, year),
    db.results.where(':id').startsWith(String(year)).toArray() as Promise<PeriodResult[]>,
    inYear<{ id: string; date: string; findings: unknown[] }>(db.riverPatrols),
    inYear<{ id: string; date: string }>(db.forestPatrols),
    db.summaries.get(String(year)),
  ]);
  return {
    townName: town?.name ?? '',
    figures: summaryFigures({
      year,
      townName: town?.name ?? '',
      campaigns: town?.campaigns ?? [],
      villages,
      people,
      ruleDocuments,
      records,
      problems,
      results,
      riverPatrols,
      forestPatrols,
    }),
    edited: SUMMARY_TEMPLATE.map((_, i) => draft?.edited[i] ?? null),
  };
}

/**
 * The ledger's items the year's figures can count (found, closed, looked at again or found back
 * in the year), not the whole ledger: those written since the day before the year began (a 回头看
 * or a 反弹 is a write at or after its own date, and `stamp` never sets updatedAt back; the day
 * before covers any time zone), and, by their own indexes whatever any clock said, those found or
 * closed in it. `summaryFigures` picks from them as from the whole ledger.
 */
async function problemsOfYear(db: EcoDeskDb, year: number): Promise<Problem[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [written, found, closed] = await Promise.all([
    db.problems
      .where('updatedAt')
      .aboveOrEqual(`${year - 1}-12-31`)
      .toArray(),
    db.problems.where('foundOn').between(from, to, true, true).primaryKeys(),
    db.problems.where('verification.date').between(from, to, true, true).primaryKeys(),
  ]);
  const read = new Set(written.map((p) => p.id));
  const more = [...new Set([...found, ...closed])].filter((id) => !read.has(id));
  if (more.length === 0) return written;
  const rest = await db.problems.bulkGet(more);
  return [...written, ...rest.filter((p): p is Problem => p !== undefined)];
}

/** Keeps the office's text of one paragraph (null: back to the generated text). */
export async function saveSummaryParagraph(
  db: EcoDeskDb,
  year: number,
  index: number,
  text: string | null,
): Promise<void> {
  if (index < 0 || index >= SUMMARY_TEMPLATE.length) refuse('没有这一段。');
  if (text !== null && cleanText(text) === '')
    refuse('这一段不能为空；要恢复自动生成的文字，请点“恢复自动生成”。');
  await db.transaction('rw', db.summaries, db.audit, db.settings, async () => {
    const ctx = await writeContext(db);
    const before = await db.summaries.get(String(year));
    const edited = SUMMARY_TEMPLATE.map((_, i) => before?.edited[i] ?? null);
    edited[index] = text === null ? null : text.trim();
    const after = stamp<SummaryDraft>({ id: String(year), edited }, { ...ctx, existing: before });
    await putAudited(db, ctx, 'summaries', before, after, `${year}年度工作总结 第 ${index + 1} 段`);
  });
}

/** The records behind a figure, by table and ids (at most `limit`), for the click-through list. */
export async function loadFigureRecords(
  db: EcoDeskDb,
  table: string,
  ids: readonly string[],
  limit = 200,
): Promise<Record<string, unknown>[]> {
  const rows = await db.table(table).bulkGet(ids.slice(0, limit));
  return rows.filter((r): r is Record<string, unknown> => r !== undefined);
}

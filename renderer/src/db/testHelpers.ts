import { closePeriod, saveDeduction, startPeriod } from './repositories/assessmentRepo';
import { listVillages } from './repositories/villageRepo';
import type { EcoDeskDb } from './schema';

/** Test data for the repository tests: months scored to exact points. */

/** Items worth 1 point per instance, with their caps: enough room for 42 points in all. */
const ONE_POINT_ITEMS: [string, number][] = [
  ['A01', 4],
  ['A02', 4],
  ['G01', 3],
  ['G05', 3],
  ['E03', 3],
  ['E02', 3],
  ['F01', 4],
  ['F03', 3],
  ['D05', 2],
  ['B01', 4],
  ['B02', 3],
  ['C03', 3],
  ['C04', 3],
];

/** Deducts exactly `points` (a whole number) from a village, spread over one-point items. */
export async function deductPoints(
  db: EcoDeskDb,
  periodId: string,
  villageId: string,
  points: number,
): Promise<void> {
  let left = points;
  for (const [itemCode, cap] of ONE_POINT_ITEMS) {
    if (left === 0) break;
    const count = Math.min(cap, left);
    await saveDeduction(db, { periodId, villageId, itemCode, count, points: null });
    left -= count;
  }
  if (left > 0) throw new Error('test helper: too many points');
}

/** Scores a month (points deducted per village name) and closes it, publishing its 红黄榜. */
export async function scoreMonthOf(
  db: EcoDeskDb,
  month: string,
  deductions: Record<string, number>,
): Promise<void> {
  await startPeriod(db, month, { inspectors: '张环保、李干事', inspectedOn: `${month}-20` });
  const v = Object.fromEntries((await listVillages(db)).map((x) => [x.name, x.id]));
  for (const [name, points] of Object.entries(deductions))
    await deductPoints(db, month, v[name]!, points);
  await closePeriod(db, month);
}

import { expect, test, type Page } from '@playwright/test';
import { chooseFile, download, officePc, storeCounts } from './office';

/**
 * The PC is switched off (the browser closed) while an import is writing: when the app is opened
 * again, every table holds what it held before the import or everything after it — never a half —
 * and the ledger's kept tally agrees with a recount of the items.
 */

/** The ledger's tally, and the same figures counted again from the items themselves. */
function tallyAndRecount(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ kept: Record<string, number[]>; recount: Record<string, number[]> }>(
        (resolve) => {
          const request = indexedDB.open(localStorage.getItem('eco-desk.database') ?? 'eco-desk');
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction(['problems', 'ledgerTally']);
            const problems = tx.objectStore('problems').getAll();
            const tally = tx.objectStore('ledgerTally').getAll();
            tx.oncomplete = () => {
              db.close();
              type P = {
                source: string;
                villageId?: string;
                category: string;
                status: string;
                deletedAt?: string;
              };
              const recount: Record<string, number[]> = {};
              for (const p of problems.result as P[]) {
                if (p.deletedAt !== undefined) continue;
                const key = `${p.source}|${p.villageId ?? ''}|${p.category}`;
                const row = (recount[key] ??= [0, 0]);
                row[0]! += 1;
                if (p.status === 'closed') row[1]! += 1;
              }
              const kept: Record<string, number[]> = {};
              for (const t of tally.result as { key: string; total: number; closed: number }[])
                if (t.total > 0) kept[t.key] = [t.total, t.closed];
              resolve({ kept, recount });
            };
          };
        },
      ),
  );
}

const DATA_TABLES = [
  'villages',
  'periods',
  'deductions',
  'problems',
  'riverPatrols',
  'forestPatrols',
  'attachments',
];

test('closing the app while a backup is restored onto a new PC leaves every table as before or as after', async () => {
  const testInfo = test.info();
  test.setTimeout(10 * 60_000);
  // The package: three years of the demo, photos included (tens of thousands of records).
  const source = await officePc(testInfo, 'crash-source');
  const maker = await source.newPage();
  await maker.goto('/#/demo?years=3&auto=1');
  await expect(maker.getByTestId('demo-status')).toContainText('示例数据已载入', {
    timeout: 5 * 60_000,
  });
  // A new PC starts from another's backup (a package never brings the town).
  const file = testInfo.outputPath('three-years.zip');
  await maker.goto('/#/handoff');
  await maker.getByRole('button', { name: '立即备份' }).click();
  await expect(maker.getByText(/^已备份：/)).toBeVisible({ timeout: 120_000 });
  await download(
    maker,
    () =>
      maker
        .getByRole('button', { name: /^另存… / })
        .first()
        .click(),
    file,
  );
  const after = await storeCounts(maker);
  await source.close();

  // A new PC set up from the backup (the first-run restore), switched off the moment the
  // writing starts.
  const pc = await officePc(testInfo, 'crash-target');
  let page = await pc.newPage();
  await page.goto('/');
  await page.getByRole('link', { name: '已有本镇另一台电脑的备份？从文件恢复' }).click();
  await page.getByLabel('您的姓名').fill('李干事');
  await chooseFile(page, () => page.getByRole('button', { name: '选择文件…' }).click(), file);
  const review = page.getByTestId('import-review');
  await expect(review).toBeVisible({ timeout: 60_000 });
  await review.getByRole('button', { name: /确认恢复/ }).click();
  await expect(page.getByText('正在写入，请勿关闭程序……')).toBeVisible({ timeout: 120_000 });
  await pc.close();

  // Started again: nothing of the package, or all of it.
  const reopened = await officePc(testInfo, 'crash-target', { reuse: true });
  page = await reopened.newPage();
  await page.goto('/');
  const now = await storeCounts(page);
  const state = DATA_TABLES.map((t) =>
    (now[t] ?? 0) === 0 ? 'before' : now[t] === after[t] ? 'after' : `half (${t}: ${now[t]})`,
  );
  console.log(
    `[crash-safety] after the switch-off the import was: ${[...new Set(state)].join(', ')}`,
  );
  expect(new Set(state).size).toBe(1);
  expect(['before', 'after']).toContain(state[0]);
  // The app opens on what is there: the first-run screen, or the backup's sign-in.
  await expect(
    state[0] === 'before'
      ? page.getByRole('heading', { name: '首次使用设置' })
      : page.getByRole('form', { name: '登录' }),
  ).toBeVisible({ timeout: 30_000 });
  const { kept, recount } = await tallyAndRecount(page);
  expect(kept).toEqual(recount);
  await reopened.close();
});

import { expect, test, type Page } from '@playwright/test';
import { completeSetup, snap } from './helpers';
import { storedRows } from './office';
import { pdfText, printToPdf } from './pdf';

/**
 * The history as a hash chain (docs/audit-chain.md), as an outsider would try it: an entry of
 * 操作记录 is changed straight in the browser's database, outside the app; the check in 设置 →
 * 操作记录 names the entry, and the next time the app opens every screen says so.
 */

/** Changes one audit entry in IndexedDB, as someone with the browser's developer tools could. */
function tamper(page: Page, id: string, patch: Record<string, unknown>) {
  return page.evaluate(
    ({ id, patch }) =>
      new Promise<void>((resolve, reject) => {
        const name = localStorage.getItem('eco-desk.database') ?? 'eco-desk';
        const request = indexedDB.open(name);
        request.onerror = () => reject(new Error('cannot open'));
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction('audit', 'readwrite');
          const store = tx.objectStore('audit');
          const get = store.get(id);
          get.onsuccess = () => store.put({ ...get.result, ...patch });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(new Error('cannot write'));
        };
      }),
    { id, patch },
  );
}

test('an entry of the history changed outside the app is found, named by its place, on every screen', async ({
  page,
}) => {
  await completeSetup(page, { villages: ['东村', '西村', '南村'] });

  // The printed 月度通报 carries where the history stands: the last entry's place and hash.
  type Entry = { id: string; label: string; seq?: number; actor: string; hash?: string };
  const chained = (await storedRows<Entry>(page, 'audit')).filter((e) => e.seq);
  const head = chained.sort((a, b) => b.seq! - a.seq!)[0]!;
  const month = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 7);
  await page.goto(`/#/print/briefing/${month}`);
  const paper = pdfText(await printToPdf(page, 'history-head-briefing')).replace(/\s+/g, '');
  expect(paper).toContain(
    `操作记录校验：本通报生成时本机操作记录共${head.seq}条，末条校验值${head.hash!.slice(0, 12)}`,
  );
  await page.goto('/#/settings/audit');
  await page.getByRole('button', { name: '核验记录完整性' }).click();
  const result = page.getByTestId('history-check');
  await expect(result).toContainText('本机记录：');
  await expect(result).toContainText('全部核验通过，首尾相接、没有改动');

  await expect(page.getByTestId('chain-break')).toHaveCount(0);

  // Someone turns the latest entry into another person's, straight in IndexedDB. The app, opened
  // again, checks from where it checked last and finds it by itself, on every screen.
  const entries = await storedRows<Entry>(page, 'audit');
  const last = entries.filter((e) => e.seq).sort((a, b) => b.seq! - a.seq!)[0]!;
  await tamper(page, last.id, { actor: '别人' });
  await page.reload();
  await page.goto('/#/');
  const banner = page.getByTestId('chain-break');
  await expect(banner).toContainText(
    `操作记录的完整性核验未通过：第 ${last.seq} 条记录的内容被改动过（与它的校验值不符）。`,
  );
  await page.goto('/#/ledger');
  await expect(banner).toBeVisible();
  await snap(page, '96-history-break-banner');

  // An older entry changed is found by the full check in 操作记录, named by its place.
  const west = entries.find((e) => e.label === '西村' && e.seq)!;
  await tamper(page, west.id, { label: '北村' });
  await page.goto('/#/settings/audit');
  await page.getByRole('button', { name: '核验记录完整性' }).click();
  await expect(result).toContainText(
    `核验未通过：第 ${west.seq} 条记录的内容被改动过（与它的校验值不符）。`,
  );
  await snap(page, '95-history-check-broken');

  // An administrator acknowledges it, with what was done: the banner goes, the break stays in
  // the check, and the acknowledgement is itself an entry of the history.
  const acknowledge = async (note: string) => {
    await banner.getByRole('button', { name: '确认已知悉' }).click();
    const ack = page.getByRole('dialog', { name: '确认已知悉记录异常' });
    await ack.getByLabel('处理情况').fill(note);
    await ack.getByRole('button', { name: '确认已知悉' }).click();
    await expect(banner).toHaveCount(0);
  };
  await page.goto('/#/');
  await expect(banner).toContainText(`第 ${west.seq} 条`);
  await acknowledge('已报告镇纪委，保留现状');
  // Opened again, the check from where it last checked meets the other changed entry: another
  // place, not yet acknowledged, so it is shown until it is acknowledged too.
  await page.reload();
  await expect(banner).toContainText(`第 ${last.seq} 条记录的内容被改动过`);
  await acknowledge('同一次改动，已一并报告');
  await page.reload();
  await expect(page.getByRole('heading', { name: '总览' })).toBeVisible();
  await expect(page.getByTestId('village-tile').first()).toBeVisible();
  await expect(banner).toHaveCount(0);
  await page.goto('/#/settings/audit');
  await expect(page.getByTestId('chain-break-acknowledged')).toContainText(
    `第 ${last.seq} 条记录的内容被改动过`,
  );
  await expect(page.getByTestId('chain-break-acknowledged')).toContainText('已由 张环保 于');
  const log = page.getByRole('table', { name: '操作记录' });
  await expect(log.getByRole('row').filter({ hasText: '已报告镇纪委，保留现状' })).toContainText(
    '确认已知悉',
  );
  await expect(log.getByRole('row').filter({ hasText: '同一次改动，已一并报告' })).toContainText(
    '张环保',
  );
  // The full check still finds the first break: it stays on record, acknowledged, no banner.
  await page.getByRole('button', { name: '核验记录完整性' }).click();
  await expect(result).toContainText(`第 ${west.seq} 条记录的内容被改动过`);
  await expect(page.getByTestId('chain-break-acknowledged')).toContainText(
    `第 ${west.seq} 条记录的内容被改动过`,
  );
  await expect(banner).toHaveCount(0);
  await snap(page, '95b-history-break-acknowledged');
});

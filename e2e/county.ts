import { expect, type Page } from '@playwright/test';
import { PASSWORD } from './helpers';
import { chooseFile, download } from './office';

/** Helpers for the county desk's specs: a town's export, the county's set-up and a first receipt. */

/** Exports the town's data as the county receives it; returns the town's fingerprint. */
export async function exportFrom(page: Page, file: string): Promise<string> {
  await page.goto('/#/handoff');
  await download(page, () => page.getByRole('button', { name: '导出…' }).click(), file);
  await expect(page.getByTestId('receipt')).toBeVisible();
  return page.getByTestId('fingerprint').innerText();
}

/** The wizard set up as 县级工作台, its first account signed in. */
export async function setUpCounty(page: Page, county = '绿水县', name = '刘科长') {
  await page.goto('/');
  await page.getByLabel('县级工作台（接收、比较各乡镇的数据）').check();
  await page.getByLabel('县（区）名称').fill(county);
  await page.getByLabel('您的姓名').fill(name);
  await page.getByLabel('登录密码').fill(PASSWORD);
  await page.getByLabel('再输一次密码').fill(PASSWORD);
}

export async function finishCountySetup(page: Page) {
  await page.getByRole('button', { name: '完成设置' }).click();
  await page.getByLabel('我已打印或抄下恢复码').check();
  await page.getByRole('button', { name: '进入工作台' }).click();
  await expect(page.getByRole('heading', { name: '全县总览', level: 1 })).toBeVisible();
}

/** Chooses one or several packages on 接收数据; returns the panel showing the first. */
export async function pick(page: Page, file: string | string[]) {
  await chooseFile(
    page,
    () => page.getByRole('button', { name: '选择数据包（可多选）…' }).click(),
    file,
  );
  const arrival = page.getByTestId('county-arrival');
  await expect(arrival).toBeVisible();
  return arrival;
}

/** A town's first package: its fingerprint compared, the town registered, the package taken. */
export async function registerAndReceive(page: Page, file: string) {
  await page.goto('/#/receive');
  const arrival = await pick(page, file);
  await arrival.getByLabel('我已与该镇电话或当面核对，签名指纹完全一致').check();
  await arrival.getByRole('button', { name: '登记该镇并接收' }).click();
  await expect(page.getByText(/已接收.+的数据包（写入 \d+ 条记录）。/)).toBeVisible({
    timeout: 60_000,
  });
}

/**
 * The county writes a feedback list of one item for `town`, issues it and saves it as a signed
 * package (导出签名数据包…) to `file`; returns the fingerprint the list page shows (the county's
 * PC's).
 */
export async function issueList(
  page: Page,
  list: { town: string; batch: string; village: string; description: string; file: string },
): Promise<string> {
  await page.goto('/#/feedback');
  await page.getByRole('button', { name: '新建清单' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('乡镇').selectOption({ label: list.town });
  await dialog.getByLabel('批次或文号').fill(list.batch);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: `督查反馈清单 · ${list.town}` })).toBeVisible();
  await page.getByRole('button', { name: '添加问题' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('所在村').selectOption({ label: list.village });
  await dialog.getByLabel('具体位置').fill('村口');
  await dialog.getByLabel('整改责任人').fill(`${list.village}书记`);
  await dialog.getByLabel('问题描述').fill(list.description);
  await dialog.getByLabel('整改要求').fill('立即整改');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存这个问题。')).toBeVisible();
  await page.getByRole('button', { name: '下发', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: '下发' }).click();
  await expect(page.getByText('已下发。现在可以导出。')).toBeVisible();
  await download(
    page,
    () => page.getByRole('button', { name: '导出签名数据包…' }).click(),
    list.file,
  );
  return (await page.getByTestId('feedback-fingerprint').innerText()).match(
    /([0-9A-F]{4} ){7}[0-9A-F]{4}/,
  )![0];
}

/** The town opens the county's list (a signed package or a sheet) at 导入上级反馈清单. */
export async function openCountyList(page: Page, file: string) {
  await page.goto('/#/ledger');
  await chooseFile(
    page,
    () => page.getByRole('button', { name: '导入上级反馈清单' }).click(),
    file,
  );
}

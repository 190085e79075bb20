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

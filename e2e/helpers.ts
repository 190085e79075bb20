import { expect, type Page } from '@playwright/test';

export const SCREENSHOT_DIR = 'test-results/screenshots';

/** Saves a full-page screenshot under test-results/screenshots for a person to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

export interface SetupOptions {
  town?: string;
  county?: string;
  operator?: string;
  villages?: string[];
}

/** Walks the first-run wizard as a user does, ending on the dashboard. */
export async function completeSetup(page: Page, options: SetupOptions = {}): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '首次使用设置' })).toBeVisible();
  await page.getByLabel('乡镇名称').fill(options.town ?? '青山镇');
  await page.getByLabel('所属县（区）').fill(options.county ?? '绿水县');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('您的姓名').fill(options.operator ?? '张环保');
  await page.getByRole('button', { name: '下一步' }).click();
  if (options.villages) {
    await page
      .getByRole('textbox', { name: '村庄名单（每行一个村名）' })
      .fill(options.villages.join('\n'));
  }
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByRole('heading', { name: '总览' })).toBeVisible();
}

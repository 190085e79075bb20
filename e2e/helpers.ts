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
  password?: string;
  villages?: string[];
}

/** Walks the first-run wizard as a user does, ending on the dashboard; the recovery code shown. */
export async function completeSetup(page: Page, options: SetupOptions = {}): Promise<string> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '首次使用设置' })).toBeVisible();
  await page.getByLabel('乡镇名称').fill(options.town ?? '青山镇');
  await page.getByLabel('所属县（区）').fill(options.county ?? '绿水县');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('您的姓名').fill(options.operator ?? '张环保');
  await page.getByLabel('登录密码').fill(options.password ?? PASSWORD);
  await page.getByLabel('再输一次密码').fill(options.password ?? PASSWORD);
  await page.getByRole('button', { name: '下一步' }).click();
  if (options.villages) {
    await page
      .getByRole('textbox', { name: '村庄名单（每行一个村名）' })
      .fill(options.villages.join('\n'));
  }
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '完成设置' }).click();
  // The administrator's recovery code, shown once before the dashboard.
  await expect(page.getByTestId('recovery-code')).toHaveText(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){5}$/);
  const code = (await page.getByTestId('recovery-code').textContent()) ?? '';
  await page.getByLabel('我已打印或抄下恢复码').check();
  await page.getByRole('button', { name: '进入工作台' }).click();
  await expect(page.getByRole('heading', { name: '总览' })).toBeVisible();
  return code;
}

/** The password the specs' first accounts are given. */
export const PASSWORD = 'qingshan2026';

/**
 * Signs in on the sign-in screen (after the app was closed and opened again), as a person does:
 * the name picked from the list, the password typed.
 */
export async function signIn(page: Page, name = '张环保', password = PASSWORD): Promise<void> {
  const form = page.getByRole('form', { name: '登录' });
  await expect(form).toBeVisible();
  await form.getByLabel('姓名').selectOption(name);
  await form.getByLabel('密码').fill(password);
  await form.getByRole('button', { name: '登录' }).click();
  await expect(form).toBeHidden();
}

/** Unlocks the app after the idle lock (the page underneath stays as it was). */
export async function unlock(page: Page, password = PASSWORD): Promise<void> {
  const lock = page.getByRole('form', { name: '工作台已锁定' });
  await expect(lock).toBeVisible();
  await lock.getByLabel('密码').fill(password);
  await lock.getByRole('button', { name: '解锁' }).click();
  await expect(lock).toBeHidden();
}

/**
 * Starts watching the element with `testId` for `text`, from now on, through every change of
 * the page (a figure shown for a single frame counts). Resolves with the function that tells
 * whether it was ever seen.
 */
export async function watchFor(
  page: Page,
  testId: string,
  text: string,
): Promise<() => Promise<boolean>> {
  const name = await page.evaluate(
    ([id, wanted]) => {
      const seen = { hit: false };
      const key = `watch-${Math.random()}`;
      (window as unknown as Record<string, typeof seen>)[key] = seen;
      new MutationObserver(() => {
        const shown = document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
        if (shown.includes(wanted)) seen.hit = true;
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
      return key;
    },
    [testId, text] as const,
  );
  return () =>
    page.evaluate((key) => (window as unknown as Record<string, { hit: boolean }>)[key]!.hit, name);
}

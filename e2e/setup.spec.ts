import { expect, test, type Page } from '@playwright/test';
import { completeSetup, PASSWORD, signIn, snap } from './helpers';

test('first run: from an empty profile through the wizard to the dashboard, kept after reload', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page).toHaveURL(/#\/setup$/);
  await snap(page, '01-setup-town');

  // A blank town name is refused in Chinese and the wizard stays on the step.
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('乡镇名称不能为空。')).toBeVisible();
  await page.getByLabel('乡镇名称').fill('青山镇');
  await page.getByLabel('所属县（区）').fill('绿水县');
  await page.getByRole('button', { name: '下一步' }).click();

  // The first account: the administrator's name and a password typed twice.
  await expect(page.getByText('至少 6 位。忘记时用设置时打印的恢复码重设。')).toBeVisible();
  await page.getByLabel('您的姓名').fill('张环保');
  await page.getByLabel('登录密码').fill('12345');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('密码至少 6 位。')).toBeVisible();
  await page.getByLabel('登录密码').fill(PASSWORD);
  await page.getByLabel('再输一次密码').fill(`${PASSWORD}x`);
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('两次输入的密码不一致，请重新输入。')).toBeVisible();
  await page.getByLabel('再输一次密码').fill(PASSWORD);
  await snap(page, '01-setup-account');
  await page.getByRole('button', { name: '下一步' }).click();

  // 27 placeholder villages by default; a duplicate is named with its line.
  const list = page.getByRole('textbox', { name: '村庄名单（每行一个村名）' });
  await expect(list).toHaveValue(/^村庄01\n村庄02[\s\S]*村庄27$/);
  await expect(page.getByText('共 27 个村')).toBeVisible();
  await snap(page, '02-setup-villages');
  // The count follows a pasted list; Enter in the count makes that many, not the next step.
  const count = page.getByRole('textbox', { name: '村庄数量' });
  await list.fill('东村\n西村\n南村\n北村');
  await expect(count).toHaveValue('4');
  // The office's own names are replaced only when it says so.
  await count.fill('5');
  await count.press('Enter');
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('名单里现在有 4 个村名。生成 5 个占位村名');
  await confirm.getByRole('button', { name: '取消' }).click();
  await expect(list).toHaveValue('东村\n西村\n南村\n北村');
  await count.press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: '替换' }).click();
  await expect(list).toHaveValue('村庄01\n村庄02\n村庄03\n村庄04\n村庄05');
  await expect(page.getByText('共 5 个村')).toBeVisible();
  const names = Array.from({ length: 27 }, (_, i) => `村庄${String(i + 1).padStart(2, '0')}`);
  names[1] = '村庄01';
  await list.fill(names.join('\n'));
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('第 2 行：村名“村庄01”与第 1 行重复。')).toBeVisible();
  names[1] = '李家沟村';
  await list.fill(names.join('\n'));
  await page.getByRole('button', { name: '下一步' }).click();

  await expect(page.getByText('共 27 个村：村庄01、李家沟村')).toBeVisible();
  await snap(page, '03-setup-confirm');
  await page.getByRole('button', { name: '完成设置' }).click();

  // The recovery code is shown once; the way on only once the office says it kept it.
  const code = page.getByTestId('recovery-code');
  await expect(code).toHaveText(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){5}$/);
  await expect(page.getByText('绿水县 青山镇 · 管理员：张环保')).toBeVisible();
  await snap(page, '03-setup-recovery-code');
  const enter = page.getByRole('button', { name: '进入工作台' });
  await expect(enter).toBeDisabled();
  await page.getByLabel('我已打印或抄下恢复码').check();
  await enter.click();

  await expect(page.getByRole('heading', { name: '总览' })).toBeVisible();
  await expect(page.getByTestId('town-title')).toHaveText('绿水县 · 青山镇');
  await expect(page.getByTestId('village-tile')).toHaveCount(27);
  await expect(page.getByTestId('account-chip')).toHaveText('当前账号：张环保');
  await snap(page, '04-dashboard');

  // A reload keeps the person signed in; the wizard does not come back.
  await page.reload();
  await expect(page.getByTestId('village-tile')).toHaveCount(27);
  await expect(page.getByTestId('village-tile').nth(1)).toContainText('李家沟村');
  // A name too long for its tile ends in … on one line; the whole name is its title.
  await expect(page.getByTestId('village-tile').nth(1).getByTitle('李家沟村')).toBeVisible();
  // An empty card says so.
  await page.getByTestId('village-tile').nth(1).click();
  await expect(page.getByText('暂无走势：有两期以上的考核结果后显示。')).toBeVisible();
  await expect(page.getByText('暂无后续事项。')).toBeVisible();
  await page.goto('/#/setup');
  await expect(page.getByRole('heading', { name: '总览' })).toBeVisible();

  // The app opened again (a new window): nothing shows before the password.
  const again = await page.context().newPage();
  await again.goto('/');
  const form = again.getByRole('form', { name: '登录' });
  await expect(form).toBeVisible();
  await expect(again.getByTestId('village-tile')).toHaveCount(0);
  // The one account is already chosen; a wrong password is refused with the tries left.
  await expect(form.getByLabel('姓名')).toHaveValue('张环保');
  await form.getByLabel('密码').fill('qingshan');
  await form.getByRole('button', { name: '登录' }).click();
  await expect(form.getByText('密码不对（还可以再试 4 次）。')).toBeVisible();
  await snap(again, '05-sign-in-wrong');
  await form.getByLabel('密码').fill(PASSWORD);
  await form.getByRole('button', { name: '登录' }).click();
  await expect(again.getByTestId('village-tile')).toHaveCount(27);
  await again.close();
});

test('the bundled Chinese font is used, nothing is fetched from outside and nothing is missing', async ({
  page,
}) => {
  const outside: string[] = [];
  const missing: string[] = [];
  const fonts: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1:')) outside.push(request.url());
    if (request.resourceType() === 'font') fonts.push(request.url());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
  });
  await completeSetup(page);
  const fontLoaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return document.fonts.check('16px "Noto Sans SC"', '乡镇生态环境工作台');
  });
  expect(fontLoaded).toBe(true);
  const loadedFaces = await page.evaluate(
    () =>
      [...document.fonts].filter((f) => f.family.includes('Noto Sans SC') && f.status === 'loaded')
        .length,
  );
  expect(loadedFaces).toBeGreaterThan(0);
  // Chromium reads woff2: the stylesheet names no .woff, and only the theme's two weights load —
  // the app's own cut of each (renderer/src/fonts), which holds every character of these screens.
  expect(fonts.map((url) => url.replace(/^.*\/assets\/|-[\w-]{8}\.woff2$/g, '')).sort()).toEqual([
    'eco-sans-sc-400',
    'eco-sans-sc-500',
  ]);
  const css = await page.evaluate(async () => {
    const sheet = document.querySelector<HTMLLinkElement>('link[rel="stylesheet"]')!;
    return (await fetch(sheet.href)).text();
  });
  expect(css).toContain('.woff2');
  expect(css).not.toMatch(/\.woff\)/);
  expect(outside).toEqual([]);
  // The icon in the tab is the app's own (build/icon.svg), not a missing favicon.ico.
  expect(missing).toEqual([]);
  const icon = await page.evaluate(async () => {
    const href = document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? '';
    const response = await fetch(href);
    return { type: response.headers.get('content-type'), ok: response.ok };
  });
  expect(icon).toEqual({ type: 'image/svg+xml', ok: true });
});

test('every section of the side navigation opens on its own page', async ({ page }) => {
  await completeSetup(page);
  const nav = page.getByRole('navigation', { name: '主导航' });
  for (const label of ['考核评比', '问题整改', '巡河巡林', '工作记录', '简报报表', '数据交换']) {
    await nav.getByRole('link', { name: label }).click();
    await expect(page.getByRole('heading', { name: label, level: 1 })).toBeVisible();
  }
});

test('when the database cannot be opened the user is told, restores the latest backup into a new database, and the damaged one is kept', async ({
  page,
  context,
}) => {
  await completeSetup(page);
  await page.goto('/#/handoff');
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/^已备份：/)).toBeVisible();
  // The first page leaves the app for a blank page of the same origin, to read the databases.
  await page.route('**/blank.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }),
  );
  await page.goto('/blank.html');
  const before = await rowCounts(page, 'eco-desk');
  // A damaged database: every open of it fails in this page (other databases still open).
  const broken = await context.newPage();
  await broken.addInitScript(() => {
    const open = indexedDB.open.bind(indexedDB);
    indexedDB.open = (name: string, version?: number) => {
      if (name === 'eco-desk') throw new DOMException('simulated damaged profile', 'UnknownError');
      return version === undefined ? open(name) : open(name, version);
    };
  });
  await broken.goto('/');
  await expect(broken.getByText('无法打开数据')).toBeVisible();
  await expect(broken.getByText(/已保存的数据没有被删除/)).toBeVisible();
  await expect(broken.getByRole('button', { name: '重试' })).toBeVisible();
  // The backups, kept outside the database, can be taken away to restore elsewhere…
  await expect(broken.getByTestId('backup-rescue')).toContainText('（手动），共 1 份');
  const download = broken.waitForEvent('download');
  await broken.getByRole('button', { name: '另存最新备份…' }).click();
  expect((await download).suggestedFilename()).toMatch(/^eco-desk-backup-.*-manual\.zip$/);
  await snap(broken, '05-database-unavailable');

  // …or restored here, into a new database, after a confirmation that says what happens.
  await broken.getByRole('button', { name: '用最新备份恢复…' }).click();
  const dialog = broken.getByRole('dialog', { name: '用最新备份恢复' });
  await expect(dialog).toContainText('这份备份之后录入的内容不在其中');
  await expect(dialog).toContainText('原数据库不会被删除或改动');
  await expect(broken.locator('.MuiDialog-container')).toHaveCSS('opacity', '1');
  await snap(broken, '05b-restore-latest-backup');
  await dialog.getByRole('button', { name: '恢复' }).click();
  // The backup carried this PC's accounts: the new database asks for the password first.
  await signIn(broken);
  await expect(broken.getByTestId('village-tile')).toHaveCount(27);
  const recovered = await broken.evaluate(() => localStorage.getItem('eco-desk.database'));
  expect(recovered).toMatch(/^eco-desk-recovered-\d{8}T\d{6}$/);
  // The restore is in the log, naming the database it left alone.
  await broken.goto('/#/handoff');
  await expect(broken.getByText(/原数据库“eco-desk”无法打开，保留未动/)).toBeVisible();
  await broken.close();

  // The damaged database was not touched: every table holds what it held.
  expect(await rowCounts(page, 'eco-desk')).toEqual(before);
  expect((await rowCounts(page, recovered!)).villages).toBe(27);
  await page.goto('/');
  await expect(page.getByTestId('village-tile')).toHaveCount(27);
});

/** Rows per table of an IndexedDB database, read directly (not through the app). */
function rowCounts(page: Page, name: string): Promise<Record<string, number>> {
  return page.evaluate(
    (name) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onerror = () => reject(new Error(String(request.error)));
        request.onsuccess = () => {
          const db = request.result;
          const stores = [...db.objectStoreNames];
          const tx = db.transaction(stores, 'readonly');
          const counts: Record<string, number> = {};
          for (const store of stores) {
            const count = tx.objectStore(store).count();
            count.onsuccess = () => (counts[store] = count.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(counts);
          };
        };
      }),
    name,
  );
}

test('a damaged backup is refused on the recovery screen by name, nothing changes, and an older one restores', async ({
  page,
  context,
}) => {
  await completeSetup(page);
  await page.goto('/#/handoff');
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/^已备份：/)).toBeVisible();
  // The latest backup on this PC is cut short (as by a full disk or a pulled plug).
  await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const folder = await root.getDirectoryHandle('backups', { create: true });
    const file = await folder.getFileHandle('eco-desk-backup-20991231-235959-manual.zip', {
      create: true,
    });
    const writable = await file.createWritable();
    await writable.write(
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array<number>(60).fill(7)]),
    );
    await writable.close();
  });
  const broken = await context.newPage();
  await broken.addInitScript(() => {
    const open = indexedDB.open.bind(indexedDB);
    indexedDB.open = (name: string, version?: number) => {
      if (name === 'eco-desk') throw new DOMException('simulated damaged profile', 'UnknownError');
      return version === undefined ? open(name) : open(name, version);
    };
  });
  await broken.goto('/');
  await broken.getByRole('button', { name: '用最新备份恢复…' }).click();
  await broken.getByRole('dialog').getByRole('button', { name: '恢复' }).click();
  await expect(broken.getByRole('alert').filter({ hasText: '不能恢复' })).toHaveText(
    '备份《eco-desk-backup-20991231-235959-manual.zip》不能恢复：文件不完整（可能复制时中断了），请重新导出或重新复制。可以在上面选一份更早的备份再试。',
  );
  await snap(broken, '05c-damaged-backup-refused');
  expect(await broken.evaluate(() => localStorage.getItem('eco-desk.database'))).toBeNull();
  const recoveredNames = async () =>
    (await broken.evaluate(() => indexedDB.databases()))
      .map((d) => d.name ?? '')
      .filter((n) => n.includes('recovered'));
  expect(await recoveredNames()).toEqual([]);

  // The one before it is whole: chosen, it restores.
  await broken.getByRole('combobox', { name: '备份' }).selectOption({ index: 1 });
  await broken.getByRole('button', { name: '用所选备份恢复…' }).click();
  await broken.getByRole('dialog').getByRole('button', { name: '恢复' }).click();
  await signIn(broken);
  await expect(broken.getByTestId('village-tile')).toHaveCount(27);
  expect(await recoveredNames()).toHaveLength(1);
  await broken.close();
});

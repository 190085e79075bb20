import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { expect, test, type Page } from '@playwright/test';
import { completeSetup, signIn, snap, unlock } from './helpers';

/** What a person reads on the screens that show the town's data. */
async function screens(page: Page) {
  const nav = page.getByRole('navigation', { name: '主导航' });
  await nav.getByRole('link', { name: '总览' }).click();
  await expect(page.getByTestId('ledger-summary')).toBeVisible();
  const dashboard = await page.getByTestId('period-summary').innerText();
  const tiles = await page.getByTestId('village-tile').allInnerTexts();
  const ledgerSummary = await page.getByTestId('ledger-summary').innerText();
  await nav.getByRole('link', { name: '问题整改' }).click();
  const count = page.getByTestId('ledger-count');
  await expect(count).toHaveText(/共 [1-9]\d* 条/);
  const open = await count.innerText();
  await page.getByRole('combobox', { name: '状态' }).selectOption({ label: '全部' });
  // The demo has closed items too: the count changes once every item is listed.
  await expect(count).not.toHaveText(open);
  return { dashboard, tiles, ledgerSummary, open, all: await count.innerText() };
}

test('export a package, check it with the command line; a new PC restored from a backup holds the same data and the package adds nothing', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  // Packing runs in workers of the app's own; a failing worker would fall back to the page and say so.
  const workers: string[] = [];
  const errors: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto('/#/demo?years=1&auto=1');
  await expect(page.getByTestId('demo-status')).toContainText('示例数据已载入', {
    timeout: 120_000,
  });
  await page.getByRole('button', { name: '查看总览' }).click();
  const before = await screens(page);
  // An issued briefing: the package carries it as a PDF where the platform can print one.
  await page.goto('/#/reports');
  await page.getByRole('button', { name: '印发通报' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '印发通报' }).click();
  await expect(page.getByText(/通报已印发。/)).toBeVisible();

  await page.goto('/#/handoff');
  await expect(page.getByTestId('fingerprint')).toHaveText(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  const fingerprint = await page.getByTestId('fingerprint').innerText();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出…' }).click();
  const file = testInfo.outputPath('package.zip');
  await (await download).saveAs(file);
  await expect(page.getByTestId('receipt')).toContainText(fingerprint);
  await expect(page.getByRole('table', { name: '交换记录' })).toContainText('导出');
  expect(workers.filter((url) => /packWorker.*\.js$/.test(url)).length).toBeGreaterThanOrEqual(2);
  // The readable copies, and — in a browser, which cannot print to a file — why the PDF is not there.
  const receipt = page.getByTestId('receipt');
  await expect(receipt).toContainText('附带查阅文件：考核结果.xlsx、问题整改台账.xlsx');
  await expect(receipt).toContainText('未附月度通报 PDF：浏览器版不能生成 PDF（桌面版会附上）。');
  expect(errors.filter((e) => e.includes('pack worker'))).toEqual([]);
  await snap(page, '60-handoff-export');

  // The county's check: the same code, from the command line.
  const out = execFileSync('npm', ['run', '--silent', 'handoff', '--', 'verify', file], {
    encoding: 'utf8',
  });
  expect(out).toContain('通过：');
  expect(out).toContain(`签名指纹：${fingerprint}`);
  // Readable copies for people at the county: the ledger opens in Excel with its header and rows.
  const entries = unzipSync(new Uint8Array(readFileSync(file)));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(entries['readable/问题整改台账.xlsx']!.slice().buffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(1).getCell(1).text).toBe('编号');
  expect(sheet.rowCount).toBe(1 + Number(/\d+/.exec(before.all)![0]));
  expect(entries['readable/考核结果.xlsx']).toBeDefined();
  expect(Object.keys(entries).filter((n) => n.endsWith('.pdf'))).toEqual([]);

  // A copy of this PC's backup, to start a new PC from (a package never brings the town).
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/^已备份：/)).toBeVisible();
  const backupFile = testInfo.outputPath('backup.zip');
  const saved = page.waitForEvent('download');
  await page
    .getByRole('button', { name: /^另存… / })
    .first()
    .click();
  await (await saved).saveAs(backupFile);

  // A fresh profile (nothing stored): restore from the first-run screen.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/');
  await other.getByRole('link', { name: '已有本镇另一台电脑的备份？从文件恢复' }).click();

  // A damaged copy is refused and nothing is written.
  const bytes = readFileSync(backupFile);
  let chooser = other.waitForEvent('filechooser');
  await other.getByRole('button', { name: '选择文件…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'damaged.zip',
    mimeType: 'application/zip',
    buffer: bytes.subarray(0, bytes.length - 100),
  });
  await expect(other.getByTestId('import-problem')).toHaveText(
    '《damaged.zip》不能导入：文件不完整（可能复制时中断了），请重新导出或重新复制。',
  );
  // A package is not a way to start a PC: it says what is.
  chooser = other.waitForEvent('filechooser');
  await other.getByRole('button', { name: '选择文件…' }).click();
  await (await chooser).setFiles(file);
  await expect(other.getByTestId('import-problem')).toContainText(
    '这台电脑还没有设置乡镇，数据交换包只能导入到已设置好的电脑。新电脑请用本镇另一台电脑的备份恢复',
  );

  chooser = other.waitForEvent('filechooser');
  await other.getByRole('button', { name: '选择文件…' }).click();
  await (await chooser).setFiles(backupFile);
  const review = other.getByTestId('import-review');
  await expect(review).toContainText('来自：');
  await expect(review).toContainText(fingerprint);
  await snap(other, '61-handoff-restore-preview');
  // Who restores is asked (no one is signed in on a new PC yet).
  const confirm = review.getByRole('button', { name: /确认恢复/ });
  await confirm.click();
  await expect(other.getByTestId('commit-problem')).toContainText('您的姓名');
  await other.getByLabel('您的姓名').fill('李干事');
  await confirm.click();
  // The backup brought the office's accounts: the new PC asks for a sign-in before anything —
  // once the restore has written the demo's records and photos (it shows its progress meanwhile;
  // on a busy machine that takes longer than an expectation's usual 10 s).
  await expect(other.getByRole('form', { name: '登录' })).toBeVisible({ timeout: 60_000 });
  await signIn(other, '张环保', 'demo1234');
  await expect(other.getByRole('heading', { name: '总览' })).toBeVisible();
  expect(await screens(other)).toEqual(before);
  await expect(other.getByTestId('account-chip')).toHaveText('当前账号：张环保');

  // The same package again: nothing to write.
  await other
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '数据交换' })
    .click();
  chooser = other.waitForEvent('filechooser');
  await other.getByRole('button', { name: '选择文件…' }).click();
  await (await chooser).setFiles(file);
  await expect(other.getByTestId('import-review')).toContainText(
    '没有需要写入的记录（这个包已经导入过，或内容与本机相同）。',
  );
  await expect(other.getByRole('button', { name: '确认导入 0 条' })).toBeDisabled();
  await snap(other, '62-handoff-again');
  await fresh.close();
});

test('the dashboard reminds the office when the county has waited longer than the interval', async ({
  page,
}) => {
  await completeSetup(page, { villages: ['张家村'] });
  await expect(page.getByTestId('handoff-due')).toHaveCount(0);
  // Forty days later, nothing handed over yet.
  await page.clock.setFixedTime(new Date(Date.now() + 40 * 86_400_000));
  await page.reload();
  // Forty days without a keystroke: the app is locked, and opens with the password.
  await unlock(page);
  await expect(page.getByTestId('handoff-due')).toHaveText(
    /启用已 40 天，还没有向县里报送过数据（规定每 30 天一次）。/,
  );
  await snap(page, '63-dashboard-handoff-due');
  // The county asks every 60 days: no reminder yet.
  await page.getByTestId('handoff-due').getByRole('link', { name: '去数据交换' }).click();
  await page.getByLabel('县里要求每隔几天报送一次').fill('0');
  await page.getByRole('button', { name: '保存间隔' }).click();
  await expect(page.getByText('报送间隔应为 1 到 365 之间的整数天。')).toBeVisible();
  await page.getByLabel('县里要求每隔几天报送一次').fill('60');
  await page.getByRole('button', { name: '保存间隔' }).click();
  await expect(page.getByText('已保存：每 60 天报送一次，超过后总览会提醒。')).toBeVisible();
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '总览' })
    .click();
  await expect(page.getByRole('heading', { name: '总览' })).toBeVisible();
  await expect(page.getByTestId('handoff-due')).toHaveCount(0);
});

test('a backup restores the data as it was; the state before the restore is backed up too', async ({
  page,
}) => {
  await completeSetup(page, { villages: ['张家村'] });
  const addProblem = async (description: string) => {
    await page.goto('/#/ledger');
    await page.getByRole('button', { name: '新增问题' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('问题描述').fill(description);
    await dialog.getByLabel('整改责任人').fill('张三');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/镇督/);
  };
  await addProblem('备份前的问题');
  await page.goto('/#/handoff');
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/^已备份：eco-desk-backup-.*-manual\.zip$/)).toBeVisible();
  await addProblem('备份后的问题');

  await page.goto('/#/handoff');
  const backups = page.getByRole('table', { name: '本机的备份' });
  await backups.getByRole('button', { name: /恢复… .* 手动/ }).click();
  const review = page.getByTestId('import-review');
  await expect(review).toContainText(
    '恢复会用这个备份替换现有的数据（操作记录和数据交换记录除外）',
  );
  await snap(page, '64-handoff-restore-backup');
  // Every notice the page shows while it works, however briefly.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { statusSeen: string[] }).statusSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[role=status]')?.textContent ?? '';
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await review.getByRole('button', { name: '确认恢复' }).click();
  await expect(page.getByText(/恢复完成/)).toBeVisible();
  // It said what it was doing: first the backup of what is replaced, then the writing.
  expect(
    await page.evaluate(() => (window as unknown as { statusSeen: string[] }).statusSeen),
  ).toEqual(['正在先备份本机当前的数据…', '正在写入，请勿关闭程序……']);
  await page.goto('/#/ledger');
  await expect(page.getByTestId('ledger-count')).toHaveText('共 1 条');
  await expect(page.getByRole('grid')).toContainText('备份前的问题');

  // The data just replaced was backed up first ("恢复前"): restoring it brings the second back.
  await page.goto('/#/handoff');
  await backups.getByRole('button', { name: /恢复… .* 恢复前/ }).click();
  await page.getByTestId('import-review').getByRole('button', { name: '确认恢复' }).click();
  await expect(page.getByText(/恢复完成/)).toBeVisible();
  await page.goto('/#/ledger');
  await expect(page.getByTestId('ledger-count')).toHaveText('共 2 条');
});

test('a backup that fails stays on the dashboard until a backup succeeds', async ({ page }) => {
  await completeSetup(page, { villages: ['张家村'] });
  // The browser's file storage refuses to write (a full disk, a broken profile).
  await page.evaluate(() => {
    navigator.storage.getDirectory = () => Promise.reject(new Error('磁盘已满'));
  });
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '数据交换' })
    .click();
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText('手动备份没有完成：无法写入备份。').first()).toBeVisible();
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '总览' })
    .click();
  const alert = page.getByTestId('backup-failed');
  await expect(alert).toContainText('备份没有完成');
  await expect(alert).toContainText('手动备份没有完成：无法写入备份。');
  // Not a passing notice: it is still there after the app is opened again.
  await page.reload();
  await expect(alert).toContainText('在备份成功之前，这条提示会一直显示');
  await snap(page, '65-dashboard-backup-failed');
  // The storage works again: one backup, and the warning goes.
  await alert.getByRole('button', { name: '重新备份' }).click();
  await expect(page.getByText(/^备份成功：eco-desk-backup-.*-manual\.zip$/)).toBeVisible();
  await expect(alert).toHaveCount(0);
});

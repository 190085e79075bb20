import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { verifyPackage } from '../../shared/handoff/package';
import { API_METHODS, CHANNELS } from '../../shared/ipc/channels';
import { completeSetup, PASSWORD, signIn, snap } from '../helpers';
import { pdfInfo, pdfText } from '../pdf';
import { DesktopBridge } from './harness';

/**
 * The desktop code path as one piece (docs/desktop-bridge.md): the renderer's desktop adapter,
 * the preload, the IPC registry's sender check and zod schemas and the main-process services,
 * on a data folder of this test's; only Electron's own glue is replaced. One office PC (A) and,
 * for the import, a second PC of the same town (B) started from A's backup.
 */
test.describe.configure({ mode: 'serial' });

let a: DesktopBridge;
let page: Page;
let stick: string;

const nav = (p: Page, name: string) =>
  p.getByRole('navigation', { name: '主导航' }).getByRole('link', { name }).click();

async function addProblem(p: Page, description: string) {
  await p.goto('/#/ledger');
  await p.getByRole('button', { name: '新增问题' }).click();
  const dialog = p.getByRole('dialog');
  await dialog.getByLabel('问题描述').fill(description);
  await dialog.getByLabel('整改责任人').fill('张三');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(p.getByRole('heading', { level: 1 })).toHaveText(/镇督/);
}

/** The backups the page lists, as the table shows them, and the files in data/backups. */
async function backupsListed(bridge: DesktopBridge, p: Page) {
  await p.goto('/#/handoff');
  const table = p.getByRole('table', { name: '本机的备份' });
  const files = (await readdir(path.join(bridge.dataFolder, 'backups'))).filter((f) =>
    f.endsWith('.zip'),
  );
  await expect(table.getByRole('button', { name: /^恢复… / })).toHaveCount(files.length);
  return { table, files };
}

async function exportToStick(bridge: DesktopBridge, p: Page, mount: string) {
  await p.goto('/#/handoff');
  await p.getByRole('button', { name: '刷新U盘' }).click();
  await p.getByRole('combobox', { name: '保存到' }).click();
  await p.getByRole('option', { name: `U盘：${path.basename(mount)}（${mount}）` }).click();
  await p.getByRole('button', { name: '导出…' }).click();
  const receipt = p.getByTestId('receipt');
  await expect(receipt).toContainText('已写入U盘并读回逐项核对无误，可以安全拔出U盘。', {
    timeout: 60_000,
  });
  const written = (await readdir(mount)).filter((f) => f.endsWith('.zip'));
  expect(written).toHaveLength(1);
  await expect(receipt).toContainText(path.join(mount, written[0]!));
  return path.join(mount, written[0]!);
}

/** The origin vite preview serves the build on: the registry trusts this one. */
const origin = () => new URL(test.info().project.use.baseURL!).origin;

test.beforeAll(async () => {
  a = new DesktopBridge(await mkdtemp(path.join(os.tmpdir(), 'eco-bridge-a-')), origin());
  page = await a.start();
});

test.afterAll(async () => {
  await a.dispose();
});

test('the app picks its desktop adapter from the preload, and a town is set up through it', async () => {
  expect(await page.evaluate(() => Object.keys(window.ecoDesk ?? {}).sort())).toEqual(
    [...API_METHODS].sort(),
  );
  expect(await page.evaluate(() => Object.isFrozen(window.ecoDesk))).toBe(true);
  await completeSetup(page, { villages: ['张家村', '李家村'] });
  await page.goto('/#/settings/about');
  await expect(page.getByText('桌面应用')).toBeVisible();
  await expect(page.getByText(a.dataFolder)).toBeVisible();
  // No stick plugged in: the desktop page says so (lsblk listed the system disk only).
  await page.goto('/#/handoff');
  await expect(page.getByText('没有找到U盘。')).toBeVisible();
});

test('a backup is written to the data folder’s backups/ and listed from there', async () => {
  await addProblem(page, '备份前的问题');
  await page.goto('/#/handoff');
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/^已备份：eco-desk-backup-.*-manual\.zip$/)).toBeVisible();
  const name = (await page.getByText(/^已备份：/).innerText()).slice('已备份：'.length);
  const file = path.join(a.dataFolder, 'backups', name);
  const check = verifyPackage(new Uint8Array(await readFile(file)));
  expect(check.ok && check.manifest.backup).toBe(true);
  const { table, files } = await backupsListed(a, page);
  expect(files).toContain(name);
  await expect(table.getByRole('button', { name: /^恢复… .* 手动/ })).toHaveCount(1);
  await snap(page, 'bridge-01-backups');
});

test('restore from a listed backup; what it replaced is backed up first', async () => {
  await addProblem(page, '备份后的问题');
  await page.goto('/#/handoff');
  await page
    .getByRole('table', { name: '本机的备份' })
    .getByRole('button', { name: /恢复… .* 手动/ })
    .click();
  const review = page.getByTestId('import-review');
  await expect(review).toContainText('恢复会用这个备份替换现有的数据');
  await review.getByRole('button', { name: '确认恢复' }).click();
  await expect(page.getByText(/恢复完成/)).toBeVisible();
  await page.goto('/#/ledger');
  await expect(page.getByTestId('ledger-count')).toHaveText('共 1 条');
  await expect(page.getByRole('grid')).toContainText('备份前的问题');
  const files = await readdir(path.join(a.dataFolder, 'backups'));
  expect(files.filter((f) => /-restore\.zip$/.test(f))).toHaveLength(1);
  await backupsListed(a, page);
});

test('export to a stick: written, read back and checked by the main process', async () => {
  stick = await a.plugStick('ECO-A');
  const file = await exportToStick(a, page, stick);
  const check = verifyPackage(new Uint8Array(await readFile(file)));
  expect(check.ok).toBe(true);
  await expect(page.getByTestId('receipt')).toContainText(
    check.ok ? check.fingerprint : 'no fingerprint',
  );
  await expect(page.getByRole('table', { name: '交换记录' })).toContainText(file);
  await snap(page, 'bridge-02-stick-receipt');
});

test('a second PC starts from the backup file chosen in its dialog; its package is imported here from its stick', async () => {
  test.setTimeout(120_000);
  const b = new DesktopBridge(await mkdtemp(path.join(os.tmpdir(), 'eco-bridge-b-')), origin());
  try {
    const other = await b.start();
    const backups = path.join(a.dataFolder, 'backups');
    const manual = (await readdir(backups)).find((f) => f.endsWith('-manual.zip'))!;
    await other.getByRole('link', { name: '已有本镇另一台电脑的备份？从文件恢复' }).click();
    // Cancelled first: nothing happens; then the file.
    b.answerOpen(null);
    await other.getByRole('button', { name: '选择文件…' }).click();
    await expect.poll(() => b.dialogs.length).toBe(1);
    await expect(other.getByTestId('import-review')).toHaveCount(0);
    b.answerOpen(path.join(backups, manual));
    await other.getByRole('button', { name: '选择文件…' }).click();
    const review = other.getByTestId('import-review');
    await expect(review).toContainText(manual);
    expect(b.dialogs.at(-1)).toEqual({
      kind: 'open',
      filters: [{ name: '数据交换包或备份', extensions: ['zip'] }],
    });
    const confirm = review.getByRole('button', { name: /确认恢复/ });
    await confirm.click();
    await expect(other.getByTestId('commit-problem')).toContainText('您的姓名');
    await other.getByLabel('您的姓名').fill('李干事');
    await confirm.click();
    await signIn(other, '张环保', PASSWORD);
    await expect(other.getByRole('heading', { name: '总览' })).toBeVisible();
    // B's own key: another fingerprint than A's.
    await other.goto('/#/handoff');
    await expect(other.getByTestId('fingerprint')).toHaveText(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);

    await addProblem(other, '第二台电脑登记的问题');
    const file = await exportToStick(b, other, await b.plugStick('ECO-B'));

    await page.goto('/#/handoff');
    a.answerOpen(file);
    await page.getByRole('button', { name: '选择文件…' }).click();
    const incoming = page.getByTestId('import-review');
    await expect(incoming).toContainText(path.basename(file));
    await incoming.getByRole('button', { name: /^确认导入 [1-9]\d* 条$/ }).click();
    await expect(page.getByText(/^导入完成：写入 [1-9]\d* 条记录。$/)).toBeVisible();
    await page.goto('/#/ledger');
    await expect(page.getByRole('grid')).toContainText('第二台电脑登记的问题');
    // No import without a backup first.
    const files = await readdir(path.join(a.dataFolder, 'backups'));
    expect(files.filter((f) => /-import\.zip$/.test(f))).toHaveLength(1);
  } finally {
    await b.dispose();
  }
});

/** This month's draft briefing (a town without assessed months lists none on 简报报表 yet). */
const month = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' })
  .format(new Date())
  .slice(0, 7);

/** 存为 PDF on the draft's print route; resolves with the sentence the page says. */
async function savePdfAs(target: string) {
  await page.goto(`/#/print/briefing/${month}`);
  // A fresh page: no notice of an earlier test left on screen.
  await page.reload();
  a.forgetAnswers();
  a.answerSave(target);
  await page.getByRole('button', { name: '存为 PDF' }).click();
  const said = page.getByText(/^PDF 已保存到 |未生成 PDF/).first();
  await expect(said).toBeVisible({ timeout: 45_000 });
  return said.innerText();
}

test('存为 PDF as the app does it: the hidden print window opens as the account that asked', async () => {
  // Found by this harness: the print window is a new window, and who is signed in lives in each
  // window's session storage, so the print route showed the sign-in and never said it was
  // ready. The window asking now leaves a one-time grant for that route (db/session.ts).
  test.setTimeout(90_000);
  const target = path.join(a.documents, '通报-应用流程.pdf');
  expect(await savePdfAs(target)).toBe(`PDF 已保存到 ${target}`);
  expect((await readFile(target)).subarray(0, 5).toString()).toBe('%PDF-');
});

test('存为 PDF with the print window signed in: the print service waits for the route, Chromium prints it, the file is where the dialog said', async () => {
  a.signInPrintWindows = true;
  const target = path.join(a.documents, '通报.pdf');
  try {
    expect(await savePdfAs(target)).toBe(`PDF 已保存到 ${target}`);
  } finally {
    a.signInPrintWindows = false;
  }
  const save = a.dialogs.at(-1)!;
  expect(save.kind).toBe('save');
  expect(save.defaultPath).toBe(path.join(a.documents, path.basename(save.defaultPath!)));
  expect(save.defaultPath).toMatch(/\.pdf$/);
  expect(save.filters).toEqual([{ name: 'PDF 文件', extensions: ['pdf'] }]);
  expect((await readFile(target)).subarray(0, 5).toString()).toBe('%PDF-');
  const text = pdfText(target);
  expect(text).toContain(
    `内部资料 · 青山镇 · ${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`,
  );
  const { pages } = pdfInfo(target);
  expect(text.replace(/\s+/g, '')).toContain(`第${pages}页/共${pages}页`);
  // The print window is gone; no temporary file is left beside the PDF.
  expect(a.printWindows).toBe(0);
  // (The test before saved its own PDF there too.)
  expect((await readdir(a.documents)).sort()).toEqual(['通报-应用流程.pdf', '通报.pdf'].sort());
});

test('a rule document is opened through the dialog (cancelled once) and saved back byte for byte', async () => {
  const source = path.join(a.documents, '通报.pdf');
  await page.goto('/#/settings/documents');
  await page.getByRole('button', { name: '添加制度文件' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('文件名称').fill('人居环境整治红黄旗制度');
  await dialog.getByLabel('印发日期').fill('2026-03-01');
  a.answerOpen(null);
  await dialog.getByRole('button', { name: /选择文件/ }).click();
  await expect.poll(() => a.dialogs.at(-1)?.kind).toBe('open');
  await expect(dialog.getByTestId('chosen-file')).toHaveCount(0);
  a.answerOpen(source);
  await dialog.getByRole('button', { name: /选择文件/ }).click();
  await expect(dialog.getByTestId('chosen-file')).toContainText('通报.pdf');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /人居环境整治红黄旗制度.*通报\.pdf/ })).toBeVisible();

  const copy = path.join(a.documents, '制度副本.pdf');
  a.answerSave(copy);
  await page.getByRole('button', { name: '另存为' }).click();
  await expect
    .poll(() =>
      readFile(copy).then(
        (b) => b.length,
        () => 0,
      ),
    )
    .toBeGreaterThan(0);
  expect((await readFile(copy)).equals(await readFile(source))).toBe(true);
});

test('a wrong argument shape from the page is refused by zod, and the page says so in Chinese', async () => {
  const before = await readdir(path.join(a.dataFolder, 'backups'));
  await page.goto('/#/handoff');
  await page.evaluate((channel) => {
    (window as unknown as Record<string, unknown>).ecoDeskBridgePlantArguments = {
      channel,
      args: ['weekly', 'not bytes'],
    };
  }, CHANNELS.writeBackup);
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(
    page.getByText('手动备份没有完成：读取或打包数据时出错（详情见日志）。').first(),
  ).toBeVisible();
  expect(a.log.filter((l) => l.startsWith('refused writeBackup: '))).toHaveLength(1);
  expect(await readdir(path.join(a.dataFolder, 'backups'))).toEqual(before);
  await snap(page, 'bridge-03-refused-arguments');
});

test('a call from another origin, or from a frame inside the app, is refused', async () => {
  const evil = await a.newPage();
  await evil.route('http://evil.test/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>x</title>' }),
  );
  await evil.goto('http://evil.test/');
  const refusal = await evil.evaluate(() =>
    window.ecoDesk!.getIdentity().then(
      () => 'answered',
      (error: Error) => error.message,
    ),
  );
  expect(refusal).toBe(
    "Error invoking remote method 'eco-desk:get-identity': IpcRefusedError: getIdentity: sender not trusted",
  );
  expect(a.log).toContain('refused getIdentity from http://evil.test/');
  await evil.close();

  // A frame of the app's own origin gets no preload; were it to reach the IPC, it is refused.
  await page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.src = '/index.html#/frame';
    document.body.append(frame);
  });
  const frame = await expect
    .poll(() => page.frames().length)
    .toBe(2)
    .then(() => page.frames()[1]!);
  await frame.waitForLoadState();
  expect(await frame.evaluate(() => typeof window.ecoDesk)).toBe('undefined');
  const fromFrame = await frame.evaluate(
    (channel) =>
      (
        (window as unknown as Record<string, unknown>).ecoDeskBridgeInvoke as (
          c: string,
          p: string,
        ) => Promise<string>
      )(channel, '[]').then(
        () => 'answered',
        (error: Error) => error.message,
      ),
    CHANNELS.listBackups,
  );
  expect(fromFrame).toContain('listBackups: sender not trusted');
});

test('the key file is made once, owner-only, and gives the same fingerprint after a restart', async () => {
  const keyFile = path.join(a.dataFolder, 'keys', 'handoff-ed25519.json');
  await page.goto('/#/handoff');
  const fingerprint = page.getByTestId('fingerprint');
  await expect(fingerprint).toHaveText(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  const before = await fingerprint.innerText();
  const made = await stat(keyFile);
  expect(made.mode & 0o777).toBe(0o600);
  expect((await stat(path.dirname(keyFile))).mode & 0o777).toBe(0o700);
  const content = await readFile(keyFile, 'utf8');
  expect(JSON.parse(content)).not.toHaveProperty('sealedSecretKey');

  page = await a.restart();
  await signIn(page);
  await nav(page, '数据交换');
  await expect(page.getByTestId('fingerprint')).toHaveText(before);
  const after = await stat(keyFile);
  expect(after.ino).toBe(made.ino);
  expect(after.mtimeMs).toBe(made.mtimeMs);
  expect(await readFile(keyFile, 'utf8')).toBe(content);
  // The data came back with the app: the ledger as it was left.
  await nav(page, '问题整改');
  await expect(page.getByRole('grid')).toContainText('第二台电脑登记的问题');
});

test('planted fault: listBackups answering the wrong shape fails the backup list check', async () => {
  // The harness's switch: the page receives { backups: [...] } instead of the list. The check
  // above must catch that; this test passes only because it fails.
  test.fail();
  a.plantResult(CHANNELS.listBackups, (list) => ({ backups: list }));
  try {
    await backupsListed(a, page);
  } finally {
    a.plantResult(CHANNELS.listBackups, null);
  }
});

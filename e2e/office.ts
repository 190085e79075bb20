import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test';

/**
 * Helpers for specs that work as an office does: a persistent Chromium profile per PC (data on
 * disk, as on the office's PC), photos attached through the app's own buttons, files chosen and
 * downloaded as a person does.
 */

const profiles = new Map<string, string>();

/**
 * A PC of the office: Chromium with its own on-disk profile, on the tests' address. `reuse`
 * starts the same PC again (its profile as it was left).
 */
export async function officePc(
  testInfo: TestInfo,
  name: string,
  { reuse = false } = {},
): Promise<BrowserContext> {
  const use = testInfo.project.use;
  const dir =
    (reuse ? profiles.get(name) : undefined) ??
    mkdtempSync(path.join(os.tmpdir(), `eco-desk-${name}-`));
  profiles.set(name, dir);
  return chromium.launchPersistentContext(dir, {
    ...use.launchOptions,
    headless: true,
    baseURL: use.baseURL,
    locale: use.locale,
    timezoneId: use.timezoneId,
    viewport: use.viewport,
    acceptDownloads: true,
  });
}

/** A real PNG: a corner of the page itself. */
export const photoOf = (page: Page) =>
  page.screenshot({ clip: { x: 0, y: 0, width: 96, height: 72 } });

/** Adds a photo through the 添加照片 button inside `scope`, and waits for it to show. */
export async function addPhoto(page: Page, scope: ReturnType<Page['locator']>, name: string) {
  const png = await photoOf(page);
  const chooser = page.waitForEvent('filechooser', { timeout: 30_000 });
  await scope.getByRole('button', { name: '添加照片' }).first().click();
  await (await chooser).setFiles({ name, mimeType: 'image/png', buffer: png });
  await expect(scope.getByRole('img', { name })).toBeVisible();
}

/** The section of the problem page under a heading. */
export const section = (page: Page, heading: string) =>
  page.getByRole('heading', { name: heading }).locator('..');

/** From 待整改 to 已销号 on the problem page: a measure done, an after-photo, a named verifier. */
export async function fixAndClose(
  page: Page,
  { photo, verifier, verifiedOn }: { photo: string; verifier: string; verifiedOn: string },
) {
  await page.getByRole('button', { name: '开始整改' }).click();
  await expect(page.getByTestId('problem-status')).toHaveText('整改中');
  await page.getByLabel('添加措施').fill('清理到位');
  await page.getByRole('button', { name: '添加措施' }).click();
  await page.getByLabel('清理到位').click();
  await expect(page.getByLabel('清理到位')).toBeChecked();
  await addPhoto(page, section(page, '整改后照片或证明'), photo);
  await page.getByRole('button', { name: '申请销号' }).click();
  await expect(page.getByTestId('problem-status')).toHaveText('申请销号');
  await page.getByRole('button', { name: '验收销号' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('验收人（谁验收、谁负责）').fill(verifier);
  await dialog.getByLabel('验收日期').fill(verifiedOn);
  await dialog.getByLabel('验收意见').fill('现场核查，整改到位');
  await dialog.getByRole('button', { name: '验收销号' }).click();
  await expect(page.getByTestId('problem-status')).toHaveText('已销号');
}

/** Chooses a file in the app's file chooser opened by `click`. */
export async function chooseFile(
  page: Page,
  click: () => Promise<void>,
  file: string | string[] | { name: string; mimeType: string; buffer: Buffer },
) {
  const chooser = page.waitForEvent('filechooser', { timeout: 30_000 });
  await click();
  await (await chooser).setFiles(file);
}

/** Saves what the app offers as a download (另存为) to `file`. */
export async function download(page: Page, click: () => Promise<void>, file: string) {
  const event = page.waitForEvent('download', { timeout: 120_000 });
  await click();
  await (await event).saveAs(file);
}

/** Counts of every object store of the app's database, read straight from IndexedDB. */
export function storeCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const name = localStorage.getItem('eco-desk.database') ?? 'eco-desk';
        const request = indexedDB.open(name);
        request.onerror = () => reject(new Error('cannot open'));
        request.onsuccess = () => {
          const db = request.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const counts: Record<string, number> = {};
          for (const n of names) {
            const c = tx.objectStore(n).count();
            c.onsuccess = () => (counts[n] = c.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(counts);
          };
        };
      }),
  );
}

/** Every row of one object store of the app's database, read straight from IndexedDB. */
export function storedRows<T = Record<string, unknown>>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (store) =>
      new Promise<T[]>((resolve, reject) => {
        const name = localStorage.getItem('eco-desk.database') ?? 'eco-desk';
        const request = indexedDB.open(name);
        request.onerror = () => reject(new Error('cannot open'));
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as T[]);
          };
          all.onerror = () => reject(new Error(`cannot read ${store}`));
        };
      }),
    table,
  );
}

/**
 * The county's feedback list as the county sends it: a merged title, a line of who and when,
 * the header, items with dates typed three ways, a village name with stray spaces, a blank row,
 * a 合计 row and a note under the table.
 */
export async function deliveredCountyList(
  items: {
    no: string;
    village: string;
    text: string;
    demand: string;
    handed: Date | string;
    due: string;
    person: string;
  }[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('问题清单');
  sheet.addRow(['绿水县生态环境问题整改清单（第三批）']);
  sheet.mergeCells(1, 1, 1, 8);
  sheet.addRow(['填报单位：绿水县环委办', '', '', '', '', '日期：2026年7月16日']);
  sheet.addRow([
    '序号',
    '问题编号',
    '所在村',
    '问题描述',
    '整改要求',
    '交办日期',
    '整改时限',
    '责任人',
  ]);
  items.forEach((item, i) => {
    if (i === 2) sheet.addRow([]);
    sheet.addRow([
      i + 1,
      item.no,
      item.village,
      item.text,
      item.demand,
      item.handed,
      item.due,
      item.person,
    ]);
  });
  const total = sheet.addRow(['合计', '', '', `共 ${items.length} 个问题`]);
  sheet.mergeCells(total.number, 1, total.number, 3);
  const note = sheet.addRow(['注：请于每月25日前报送整改进展。']);
  sheet.mergeCells(note.number, 1, note.number, 8);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Goes to a screen through the main navigation. */
export const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name }).click();

/** A new ledger item through the 新增问题 dialog; resolves on its page. */
export async function newProblem(
  page: Page,
  item: { source: string; village: string; text: string; found: string; due: string },
  extra: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = () => Promise.resolve(),
) {
  await page.goto('/#/ledger');
  await page.getByRole('button', { name: '新增问题' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: '问题来源' }).click();
  await page.getByRole('option', { name: item.source }).click();
  await extra(dialog);
  await dialog.getByRole('combobox', { name: '所在村' }).click();
  await page.getByRole('option', { name: item.village, exact: true }).click();
  await dialog.getByLabel('问题描述').fill(item.text);
  await dialog.getByLabel('发现日期').fill(item.found);
  await dialog.getByLabel('整改时限').fill(item.due);
  await dialog.getByLabel('整改责任人').fill('村支书');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
}

/** Opens a ledger item's page from the ledger (all states shown). */
export async function openProblem(page: Page, number: string) {
  await page.goto('/#/ledger');
  await page.getByRole('combobox', { name: '状态' }).selectOption({ label: '全部' });
  await page.getByRole('grid').getByRole('row').filter({ hasText: number }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(number);
}

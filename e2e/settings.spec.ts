import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { completeSetup, snap } from './helpers';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 0x90)]);

async function chooseFile(
  page: Page,
  trigger: () => Promise<void>,
  file: { name: string; mimeType: string; buffer: Buffer },
) {
  const chooser = page.waitForEvent('filechooser');
  await trigger();
  await (await chooser).setFiles(file);
}

async function xlsx(rows: string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('村名单');
  rows.forEach((value, i) => {
    sheet.getCell(i + 1, 1).value = value;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test.beforeEach(async ({ page }) => {
  await completeSetup(page, { villages: ['张家村', '李家村', '王家村'] });
});

test('edit a village and a person; the dashboard and the audit log show it', async ({ page }) => {
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '设置' })
    .click();
  await expect(page.getByRole('tab', { name: '乡镇信息', selected: true })).toBeVisible();
  await snap(page, '20-settings-town');

  // A town leader first, so that a village can name its 包村领导.
  await page.getByRole('tab', { name: '人员' }).click();
  await page.getByRole('button', { name: '新增人员' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: '姓名' }).fill('王建国');
  await dialog.getByRole('textbox', { name: '职务' }).fill('副镇长');
  await dialog.getByLabel('镇领导').check();
  await dialog.getByLabel('林长').check();
  await dialog.getByRole('combobox', { name: '领导小组职务' }).click();
  await page.getByRole('option', { name: '副组长' }).click();
  await snap(page, '21-settings-person-dialog');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /王建国/ })).toContainText('镇领导');

  // A ranger must name a village; the message says so and the dialog stays open.
  await page.getByRole('button', { name: '新增人员' }).click();
  await dialog.getByRole('textbox', { name: '姓名' }).fill('赵护林');
  await dialog.getByLabel('生态护林员').check();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('生态护林员需要选择所在村。')).toBeVisible();
  await dialog.getByRole('combobox', { name: '所在村' }).click();
  await page.getByRole('option', { name: '李家村' }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await snap(page, '22-settings-people');

  // Edit the person: change the title.
  await page.getByRole('button', { name: '修改 王建国' }).click();
  await dialog.getByRole('textbox', { name: '职务' }).fill('党委副书记、镇长');
  await dialog.getByRole('textbox', { name: '职务' }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /王建国/ })).toContainText('党委副书记、镇长');

  // Edit a village: secretary, contact, leader, groups. Enter saves.
  await page.getByRole('tab', { name: '村庄' }).click();
  await page.getByRole('button', { name: '修改 张家村' }).click();
  await dialog.getByLabel('村名').fill('张家湾村');
  await dialog.getByLabel('支部书记').fill('李明');
  await dialog.getByLabel('联系方式').fill('13800001111');
  await dialog.getByRole('combobox', { name: '包村领导' }).click();
  await page.getByRole('option', { name: /王建国/ }).click();
  await dialog.getByLabel('组/社、自然村').fill('一组、二组，上湾');
  await snap(page, '23-settings-village-dialog');
  await dialog.getByLabel('组/社、自然村').press('Enter');
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /张家湾村/ });
  await expect(row).toContainText('李明');
  await expect(row).toContainText('王建国');
  await expect(row).toContainText('一组、二组、上湾');
  await snap(page, '24-settings-villages');

  await page.getByRole('tab', { name: '领导小组' }).click();
  await expect(page.getByRole('row', { name: /副组长.*王建国/ })).toBeVisible();
  await snap(page, '25-settings-group');

  // The audit log names who changed what, with before and after.
  await page.getByRole('tab', { name: '操作记录' }).click();
  const entry = page.getByRole('row', { name: /张家湾村.*修改/ });
  await expect(entry).toContainText('张环保');
  await expect(entry).toContainText('名称');
  await entry.getByRole('button', { name: '查看改动' }).click();
  await expect(
    page.getByRole('row', { name: '名称 张家村 → 张家湾村', exact: true }),
  ).toBeVisible();
  await expect(
    page.getByRole('row', { name: '包村领导 （空） → 王建国', exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /删除|修改/ })).toHaveCount(0);
  await snap(page, '26-settings-audit');

  // After a reload everything is still there, and the dashboard shows it.
  await page.reload();
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '总览' })
    .click();
  const tile = page.getByTestId('village-tile').first();
  await expect(tile).toContainText('张家湾村');
  await expect(tile).toContainText('支部书记：李明');
  await expect(tile).toContainText('包村领导：王建国');
});

test('bad village input is refused in Chinese and nothing saved changes', async ({ page }) => {
  await page.goto('/#/settings/villages');
  const dialog = page.getByRole('dialog');

  await page.getByRole('button', { name: '修改 李家村' }).click();
  await dialog.getByLabel('村名').fill('   ');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('村名不能为空。')).toBeVisible();
  await dialog.getByLabel('村名').fill('王家村');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('村名“王家村”已经存在，村名不能重复。')).toBeVisible();
  await snap(page, '27-settings-village-duplicate');
  await dialog.getByRole('button', { name: '取消' }).click();

  await page.getByRole('button', { name: '新增村庄' }).click();
  await dialog.getByLabel('村名').fill('张家村');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('村名“张家村”已经存在，村名不能重复。')).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();

  // A list file with a blank row and a duplicate: refused whole, rows named.
  await chooseFile(page, () => page.getByRole('button', { name: '从文件批量导入' }).click(), {
    name: '新增村.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await xlsx(['村名', '赵家村', '', '李家村']),
  });
  const issues = page.getByTestId('issue-list');
  await expect(issues).toContainText('文件“新增村.xlsx”有问题，没有导入任何村');
  await expect(issues).toContainText('第 3 行：村名不能为空。');
  await expect(issues).toContainText('第 4 行：村名“李家村”已经存在，村名不能重复。');
  await snap(page, '28-settings-village-import-refused');

  await expect(page.getByRole('table', { name: '村庄' }).getByRole('row')).toHaveCount(4); // header + 3
  await expect(page.getByRole('row', { name: /李家村/ })).toBeVisible();

  // A good file adds its villages at the end.
  await chooseFile(page, () => page.getByRole('button', { name: '从文件批量导入' }).click(), {
    name: '新增村.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await xlsx(['村名', '赵家村', '钱家村']),
  });
  await expect(page.getByText('已导入 2 个村。')).toBeVisible();
  await expect(page.getByRole('table', { name: '村庄' }).getByRole('row')).toHaveCount(6);

  // Delete asks first, then offers undo.
  await page.getByRole('button', { name: '删除 钱家村' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('已删除“钱家村”。')).toBeVisible();
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(page.getByRole('row', { name: /钱家村/ })).toBeVisible();
});

test('rule documents: a real PDF is kept; an oversized file and a renamed program are refused', async ({
  page,
}) => {
  await page.goto('/#/settings/documents');
  await snap(page, '29-settings-documents-empty');
  const dialog = page.getByRole('dialog');

  await page.getByRole('button', { name: '添加制度文件' }).click();
  await dialog.getByLabel('文件名称').fill('人居环境整治红黄旗制度');
  await dialog.getByLabel('印发日期').fill('2026-03-01');
  await chooseFile(page, () => dialog.getByRole('button', { name: /选择文件/ }).click(), {
    name: '红黄旗制度.pdf',
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  await expect(dialog.getByTestId('chosen-file')).toContainText('红黄旗制度.pdf');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('row', { name: /人居环境整治红黄旗制度.*2026-03-01.*红黄旗制度\.pdf/ }),
  ).toBeVisible();

  // A program renamed .pdf.
  await page.getByRole('button', { name: '添加制度文件' }).click();
  await dialog.getByLabel('文件名称').fill('考核奖惩办法');
  await dialog.getByLabel('印发日期').fill('2026-04-01');
  await chooseFile(page, () => dialog.getByRole('button', { name: /选择文件/ }).click(), {
    name: '考核奖惩办法.pdf',
    mimeType: 'application/pdf',
    buffer: EXE,
  });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(
    dialog.getByText(
      '文件“考核奖惩办法.pdf”的扩展名是 .pdf，但内容是一个程序，不是真正的PDF文件，已拒绝。',
    ),
  ).toBeVisible();
  await snap(page, '30-settings-document-exe-refused');

  // Over the 20 MB limit.
  await chooseFile(page, () => dialog.getByRole('button', { name: /选择文件/ }).click(), {
    name: '扫描件.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024)]),
  });
  await expect(
    dialog.getByText(/文件“扫描件\.pdf”有 21\.0 MB，超过了 20\.0 MB 的上限。/),
  ).toBeVisible();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('请选择文件。')).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();

  await expect(page.getByRole('table', { name: '制度文件' }).getByRole('row')).toHaveCount(2); // header + 1
  await page.reload();
  await expect(page.getByRole('row', { name: /人居环境整治红黄旗制度/ })).toBeVisible();
  await snap(page, '31-settings-documents');

  // The stored file can be saved again, byte for byte.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '另存为' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('红黄旗制度.pdf');
  const stream = await saved.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).equals(PDF)).toBe(true);
});

test('town details: blank refused, a change recorded under the signed-in account', async ({
  page,
}) => {
  await page.goto('/#/settings/town');
  await page.getByLabel('乡镇名称').fill('');
  await page.getByRole('button', { name: '保存' }).first().click();
  await expect(page.getByText('乡镇名称不能为空。')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('乡镇名称')).toHaveValue('青山镇');
  // No name is typed for who does it: the history names the account signed in.
  await expect(page.getByLabel('当前操作员')).toHaveCount(0);
  await page.getByLabel('乡镇名称').fill('青山镇人民政府');
  await page.getByRole('button', { name: '保存' }).first().click();
  await expect(page.getByTestId('town-title')).toHaveText('绿水县 · 青山镇人民政府');

  await page.getByRole('tab', { name: '操作记录' }).click();
  await expect(page.getByRole('row', { name: /张环保.*乡镇.*青山镇人民政府.*修改/ })).toBeVisible();
  await page.getByRole('tab', { name: '关于' }).click();
  await expect(page.getByText('本浏览器的本地存储')).toBeVisible();
  await snap(page, '32-settings-about');
});

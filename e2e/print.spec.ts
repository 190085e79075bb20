import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { snap } from './helpers';
import { pdfFonts, pdfInfo, pdfPages, pdfText, printToPdf } from './pdf';

/** 示例数据 (a year of assessments and a full ledger of 27 villages) through the app's own page. */
async function loadDemo(page: Page): Promise<void> {
  await page.goto('/#/demo?years=1&auto=1');
  await expect(page.getByTestId('demo-status')).toHaveText('示例数据已载入。', { timeout: 60_000 });
}

/** The dashboard's names of every village, and of those holding a red flag this month. */
async function dashboardNames(page: Page): Promise<{ all: string[]; red: string[] }> {
  await page.goto('/#/');
  const tiles = page.getByTestId('village-tile');
  await expect(tiles).toHaveCount(27);
  const all = await tiles.locator('h5').allInnerTexts();
  const red = await tiles
    .filter({ has: page.locator('[data-flag="red"]') })
    .locator('h5')
    .allInnerTexts();
  return { all, red };
}

/** pdftotext spaces short lines its own way: page numbers are compared without spaces. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

const openCount = (text: string) => Number(/台账在办问题 (\d+) 件/.exec(text)?.[1]);

test.describe.configure({ timeout: 180_000 });

test('月度通报: the month’s briefing prints on A4 with header, page numbers, every village, its flags and the focus; an issued briefing stays as printed', async ({
  page,
}) => {
  await loadDemo(page);
  const villages = await dashboardNames(page);
  expect(villages.red.length).toBeGreaterThan(0);

  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '简报报表' })
    .click();
  const month = await page.getByRole('combobox', { name: '通报月份' }).inputValue();
  const label = `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`;
  const focus = page.getByRole('textbox', { name: '下阶段工作重点' });
  await focus.fill('一是抓好秋冬季秸秆禁烧。\n二是推进河道清漂保洁。');
  await expect(page.getByTestId('focus-state')).toContainText('未保存');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('focus-state')).toContainText('草稿已保存');
  await snap(page, '70-reports-briefing');

  await page.getByRole('button', { name: '预览草稿' }).click();
  await expect(page.getByTestId('briefing')).toBeVisible();
  // The preview as the user first sees it (the whole document is the PDF below).
  await page.screenshot({ path: 'test-results/screenshots/71-briefing-preview.png' });
  const draft = await printToPdf(page, 'briefing-draft');
  const { pages, width, height } = pdfInfo(draft);
  expect([Math.round(width), Math.round(height)]).toEqual([595, 842]); // A4 portrait
  const text = pdfText(draft);
  expect(text).toContain(`示例镇${label}生态环境工作通报`);
  // The page header and "第 x 页 / 共 y 页" on every page, counted by the printer.
  expect(text.split(`内部资料 · 示例镇 · ${label}`).length - 1).toBe(pages);
  for (let p = 1; p <= pages; p += 1) expect(squeeze(text)).toContain(`第${p}页/共${pages}页`);
  for (const name of villages.all) expect(text).toContain(name);
  for (const name of villages.red) expect(text).toMatch(new RegExp(`▲红旗\\s+${name}`));
  expect(text).toContain('一是抓好秋冬季秸秆禁烧。');
  expect(text).toContain('二是推进河道清漂保洁。');
  // The screen-only parts (toolbar, the draft note) never reach the paper.
  expect(text).not.toContain('这是草稿预览');
  expect(text).not.toContain('存为 PDF');
  // Only the bundled font, embedded.
  const fonts = pdfFonts(draft);
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.filter((f) => !f.includes('NotoSansSC'))).toEqual([]);
  pdfPages(draft, '72-briefing-pdf', 1, 3);
  const openBefore = openCount(text);
  expect(openBefore).toBeGreaterThan(0);

  // Issue it, then change the data: the issued briefing keeps what was printed.
  await page.getByRole('button', { name: '返回' }).click();
  await page.getByRole('button', { name: '印发通报' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '印发通报' }).click();
  await expect(page.getByText(`${label}通报已印发。`)).toBeVisible();
  await expect(page.getByText(/已于 .+ 由 张环保 印发/)).toBeVisible();
  const issuedUrl = page.url();
  const issuedText = pdfText(await printToPdf(page, 'briefing-issued'));
  expect(openCount(issuedText)).toBe(openBefore);

  await page.goto('/#/ledger');
  await page.getByRole('button', { name: '新增问题' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('问题描述').fill('通报印发后新发现的问题');
  await dialog.getByLabel('整改责任人').fill('王五');
  const found = await dialog.getByLabel('发现日期').inputValue();
  await dialog
    .getByLabel('整改时限')
    .fill(new Date(Date.parse(found) + 10 * 86_400_000).toISOString().slice(0, 10));
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(/已新增问题/)).toBeVisible();
  await page.goto(`/#/reports`);
  await page.getByRole('textbox', { name: '下阶段工作重点' }).fill('改过的工作重点。');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('focus-state')).toContainText('草稿已保存');

  await page.goto(`/#/print/briefing/${month}`);
  const redraft = pdfText(await printToPdf(page, 'briefing-redraft'));
  expect(openCount(redraft)).toBe(openBefore + 1);
  expect(redraft).toContain('改过的工作重点。');

  await page.goto(issuedUrl);
  const again = pdfText(await printToPdf(page, 'briefing-issued-again'));
  expect(openCount(again)).toBe(openBefore);
  expect(again).toContain('一是抓好秋冬季秸秆禁烧。');
  expect(again).not.toContain('改过的工作重点。');
  await page.goto('/#/reports');
  await expect(page.getByRole('table', { name: '已印发的通报' })).toContainText(label);
});

test('公示, 台账 and 报告单: the notice names the flags, the ledger prints the filter with overdue marked, a village’s card its month', async ({
  page,
}) => {
  await loadDemo(page);
  const villages = await dashboardNames(page);

  await page.goto('/#/reports');
  await page.getByRole('tab', { name: '公示与报告单' }).click();
  const period = await page.getByRole('combobox', { name: '评旗期' }).inputValue();
  await page.getByRole('button', { name: '预览公示' }).click();
  const notice = pdfText(await printToPdf(page, 'notice'));
  expect(notice).toContain('公 示');
  for (const name of villages.red) expect(notice).toMatch(new RegExp(`▲红旗\\s+${name}`));
  expect(squeeze(notice)).toContain('第1页/共1页');
  expect(period).toMatch(/^\d{4}-(\d{2}|Q\d)$/);

  // The ledger: only overdue items, counted on screen and on paper alike.
  await page.goto('/#/ledger');
  await expect(page.getByTestId('ledger-count')).toHaveText(/共 [1-9]\d* 条/);
  await page.getByLabel('只看逾期').click();
  // The count line shows the filtered list once it is read (the demo's open items are all overdue).
  await expect(page.getByTestId('ledger-count')).toHaveText(/共 [1-9]\d* 条/);
  const count = Number(/共 (\d+) 条/.exec(await page.getByTestId('ledger-count').innerText())?.[1]);
  expect(count).toBeGreaterThan(0);
  await page.getByRole('button', { name: '打印台账' }).click();
  const ledgerPdf = await printToPdf(page, 'ledger');
  const ledger = pdfText(ledgerPdf);
  const size = pdfInfo(ledgerPdf);
  expect([Math.round(size.width), Math.round(size.height)]).toEqual([842, 595]); // landscape
  expect(ledger).toContain(`状态：未办结；仅逾期`);
  expect(ledger).toContain(`共 ${count} 件，其中逾期 ${count} 件`);
  expect(ledger.match(/★\d+天/g)?.length).toBe(count);
  for (let p = 1; p <= size.pages; p += 1)
    expect(squeeze(ledger)).toContain(`第${p}页/共${size.pages}页`);
  pdfPages(ledgerPdf, '73-ledger-pdf', 1, 1);

  // One village's report card: its score and rank as the dashboard shows them.
  await page.goto('/#/');
  const tile = page.getByTestId('village-tile').first();
  const name = await tile.locator('h5').innerText();
  const score = await tile.locator('p').first().innerText();
  await page.goto('/#/reports');
  await page.getByRole('tab', { name: '公示与报告单' }).click();
  await page.getByRole('combobox', { name: '村' }).selectOption({ label: name });
  await page.getByRole('button', { name: '预览报告单' }).click();
  await expect(page.getByTestId('village-card')).toBeVisible();
  await snap(page, '74-village-card');
  const cardPdf = await printToPdf(page, 'village-card');
  const card = pdfText(cardPdf);
  expect(card).toContain(`${name}`);
  expect(card).toContain(`得分 ${score} 分`);
  expect(card).toContain('扣分明细');
  expect(card).toContain('近十二个月');
  pdfPages(cardPdf, '75-village-card-pdf', 1, 1);
});

test('县级报表: a county template sets the columns, the sheets keep its title rows, numbers and dates', async ({
  page,
}, testInfo) => {
  await loadDemo(page);
  await page.goto('/#/reports');
  await page.getByRole('tab', { name: '县级报表' }).click();
  const results = page.getByTestId('county-results');

  // Not a spreadsheet: refused by name.
  await results.getByRole('button', { name: '设置列…' }).click();
  const dialog = page.getByRole('dialog');
  let chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: '读入县里的模板…' }).click();
  await (
    await chooser
  ).setFiles({
    name: '模板.xlsx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('not a spreadsheet'),
  });
  await expect(dialog.getByRole('alert')).toContainText('不是 Excel 表格');

  // The county's template: two title rows, its own headers, one column it fills in itself.
  const template = new ExcelJS.Workbook();
  const sheet = template.addWorksheet('汇总');
  sheet.addRow(['绿水县农村人居环境考评结果汇总表']);
  sheet.addRow(['填报单位：', '', '', '填报日期：']);
  sheet.addRow(['序号', '村（社区）', '考核得分', '名次', '红黄旗', '公布日期', '县级意见']);
  chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: '读入县里的模板…' }).click();
  await (
    await chooser
  ).setFiles({
    name: '县模板.xlsx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(await template.xlsx.writeBuffer()),
  });
  await expect(dialog.getByText('已按《县模板.xlsx》设置 7 列。')).toBeVisible();
  await expect(dialog.getByTestId('layout-title-rows')).toContainText(
    '绿水县农村人居环境考评结果汇总表',
  );
  await expect(dialog.getByRole('combobox', { name: '第 2 列内容' })).toHaveValue('village');
  // A header left empty is named, and nothing is saved until it is mended.
  await dialog.getByRole('textbox', { name: '第 7 列表头' }).fill('');
  await dialog.getByRole('button', { name: '保存设置' }).click();
  await expect(dialog.getByTestId('issue-list')).toContainText('第 7 列没有表头。');
  await dialog.getByRole('textbox', { name: '第 7 列表头' }).fill('县级意见');
  await snap(page, '76-county-layout');
  await dialog.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('列设置已保存。')).toBeVisible();
  await expect(page.getByTestId('county-results-layout')).toContainText('7 列，模板标题 2 行');

  let download = page.waitForEvent('download');
  await results.getByRole('button', { name: '导出 .xlsx' }).click();
  const resultsFile = testInfo.outputPath('results.xlsx');
  await (await download).saveAs(resultsFile);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(await readFile(resultsFile)).buffer);
  const ws = book.worksheets[0]!;
  expect(ws.getCell('A1').value).toBe('绿水县农村人居环境考评结果汇总表');
  expect(ws.getCell('D2').value).toBe('填报日期：');
  expect(ws.getRow(3).values).toEqual([
    undefined,
    '序号',
    '村（社区）',
    '考核得分',
    '名次',
    '红黄旗',
    '公布日期',
    '县级意见',
  ]);
  expect(ws.rowCount).toBe(3 + 27);
  for (let r = 4; r <= ws.rowCount; r += 1) {
    expect(typeof ws.getCell(r, 3).value).toBe('number');
    expect(typeof ws.getCell(r, 4).value).toBe('number');
    expect(ws.getCell(r, 6).value).toBeInstanceOf(Date);
    expect(ws.getCell(r, 1).value).toBeNull(); // 序号 is the county's own column
  }

  // The ledger in the default layout: dates are dates, overdue days numbers.
  download = page.waitForEvent('download');
  await page.getByTestId('county-ledger').getByRole('button', { name: '导出 .xlsx' }).click();
  const ledgerFile = testInfo.outputPath('ledger.xlsx');
  await (await download).saveAs(ledgerFile);
  const ledgerBook = new ExcelJS.Workbook();
  await ledgerBook.xlsx.load(new Uint8Array(await readFile(ledgerFile)).buffer);
  const ls = ledgerBook.worksheets[0]!;
  const headers = ls.getRow(1).values as unknown[];
  expect(headers).toContain('发现日期');
  const foundColumn = headers.indexOf('发现日期');
  const overdueColumn = headers.indexOf('逾期天数');
  expect(ls.rowCount).toBeGreaterThan(100);
  expect(ls.getCell(2, foundColumn).value).toBeInstanceOf(Date);
  expect(typeof ls.getCell(2, overdueColumn).value).toBe('number');
});

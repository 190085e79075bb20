import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { completeSetup, snap } from './helpers';
import { fixAndClose } from './office';

/** A county feedback list as the county sends it: a title row above the header, real dates. */
async function countyList(rows: (string | number | Date)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('问题清单');
  sheet.addRow(['绿水县2026年第3批生态环境问题反馈清单']);
  sheet.addRow(['序号', '所属村', '反馈问题', '交办日期', '整改时限', '责任人']);
  rows.forEach((row) => sheet.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function chooseFile(page: Page, name: string, buffer: Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入上级反馈清单' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
}

test('a county list is checked row by row, imported once, and a second import adds nothing', async ({
  page,
}) => {
  await completeSetup(page, { villages: ['张家村', '李家村'] });
  await page.goto('/#/ledger');

  // Not a spreadsheet: refused by name, nothing opens.
  await chooseFile(page, '清单.xlsx', Buffer.from('这不是表格'));
  await expect(page.getByText('文件“清单.xlsx”不是 Excel 表格（.xlsx）。')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // An impossible date and an unknown village: named by row and column, import impossible.
  await chooseFile(
    page,
    '第3批-有误.xlsx',
    await countyList([
      [1, '张家村', '村口垃圾堆放', new Date(Date.UTC(2026, 2, 5)), '2026-02-30', '张三'],
      [2, '王家村', '河道漂浮物', new Date(Date.UTC(2026, 2, 5)), '2026-03-25', '李四'],
    ]),
  );
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('import-summary')).toContainText(
    '新增 0 条，已导入过 0 条，有问题 2 条',
  );
  const rejected = dialog.getByRole('table', { name: '有问题（2）' });
  await expect(rejected.getByRole('row').nth(1)).toHaveText(
    /第 3 行\s*E 列“整改时限”\s*“2026-02-30”不是有效的日期/,
  );
  await expect(rejected.getByRole('row').nth(2)).toContainText('本镇没有叫“王家村”的村');
  await expect(dialog.getByRole('button', { name: '导入' })).toBeDisabled();
  await snap(page, '53-county-import-rejected');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(page.getByTestId('ledger-count')).toHaveText('共 0 条');

  // The corrected list: two new rows; the batch typed once; the columns were recognised.
  const good = await countyList([
    [
      1,
      '张家村',
      '村口垃圾堆放',
      new Date(Date.UTC(2026, 2, 5)),
      new Date(Date.UTC(2026, 2, 20)),
      '张三',
    ],
    [2, '李家村', '河道漂浮物', new Date(Date.UTC(2026, 2, 5)), '2026/3/25', '李四'],
  ]);
  await chooseFile(page, '第3批.xlsx', good);
  await dialog.getByLabel('本清单的批次或文号').fill('县环委办〔2026〕3号');
  await expect(dialog.getByTestId('import-summary')).toContainText(
    '新增 2 条，已导入过 0 条，有问题 0 条',
  );
  await expect(dialog.getByLabel('整改时限 *')).toHaveText('E 列 · 整改时限');
  await snap(page, '54-county-import-preview');
  await dialog.getByRole('button', { name: '导入 2 条' }).click();
  await expect(page.getByText('已导入 2 条上级反馈问题。')).toBeVisible();
  await expect(page.getByTestId('ledger-count')).toHaveText('共 2 条');
  const grid = page.getByRole('grid');
  await expect(grid.getByRole('row').filter({ hasText: '2026-上督-0002' })).toContainText(
    '河道漂浮物',
  );

  // The same file again: both rows already there, nothing to import, nothing added.
  await chooseFile(page, '第3批.xlsx', good);
  await dialog.getByLabel('本清单的批次或文号').fill('县环委办〔2026〕3号');
  await expect(dialog.getByTestId('import-summary')).toContainText(
    '新增 0 条，已导入过 2 条，有问题 0 条',
  );
  await expect(dialog.getByRole('button', { name: '导入' })).toBeDisabled();
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(page.getByTestId('ledger-count')).toHaveText('共 2 条');

  // The imported item goes to 销号; its history says where it came from and every step.
  await grid.getByRole('gridcell', { name: '2026-上督-0001' }).click();
  await expect(page.getByText(/县级 县环委办〔2026〕3号/)).toBeVisible();
  await fixAndClose(page, { photo: '整改后.png', verifier: '县督查组', verifiedOn: '2026-03-18' });
  const history = page.getByRole('table', { name: '操作记录（不可修改）' });
  await expect(history).toContainText('导入上级反馈清单《第3批.xlsx》第 3 行');
  await expect(history.getByRole('row').filter({ hasText: '申请销号 → 已销号' })).toContainText(
    '张环保',
  );
});

test('items of every source end as they should; bulk 督办, saved views and the recurrence view', async ({
  page,
}) => {
  await completeSetup(page, { villages: ['张家村', '李家村'] });
  await page.goto('/#/ledger');
  const add = async (source: string, description: string, extra?: () => Promise<void>) => {
    await page.getByRole('button', { name: '新增问题' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('问题来源').click();
    await page.getByRole('option', { name: source }).click();
    await extra?.();
    await dialog.getByLabel('所在村').click();
    await page.getByRole('option', { name: '张家村' }).click();
    await dialog.getByLabel('问题描述').fill(description);
    await dialog.getByLabel('整改责任人').fill('张三');
    await dialog.getByLabel('发现日期').fill('2026-03-01');
    await dialog.getByLabel('整改时限').fill('2026-03-10');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/2026-/);
    await page.getByRole('link', { name: '返回台账' }).click();
  };
  await add('村级自查上报', '山塘边违规搭建棚屋');
  await add('群众申诉反映', '夜间焚烧垃圾', async () => {
    await page.getByRole('dialog').getByLabel('反映渠道').click();
    await page.getByRole('option', { name: '12345' }).click();
  });
  await add('镇级督查发现', '村道两侧垃圾');

  // All three are past their deadline: the grid says 逾期.
  const grid = page.getByRole('grid');
  await expect(page.getByTestId('ledger-count')).toHaveText('共 3 条');
  await page.getByLabel('只看逾期').click();
  await expect(page.getByTestId('ledger-count')).toHaveText('共 3 条');
  await page.getByLabel('只看逾期').click();

  // Bulk: select two, put them under supervision, confirmed, each on record.
  await grid.getByRole('row').filter({ hasText: '夜间焚烧垃圾' }).getByRole('checkbox').click();
  await grid.getByRole('row').filter({ hasText: '村道两侧垃圾' }).getByRole('checkbox').click();
  await expect(page.getByText('已选 2 条')).toBeVisible();
  await page.getByRole('button', { name: '加入督办' }).click();
  await expect(page.getByRole('dialog')).toContainText('把选中的 2 条问题加入镇纪委督办？');
  await page.getByRole('dialog').getByRole('button', { name: '加入督办' }).click();
  await expect(page.getByText('已处理 2 条。')).toBeVisible();
  await page.getByLabel('只看督办').click();
  await expect(page.getByTestId('ledger-count')).toHaveText('共 2 条');
  await expect(page.getByText(/已选/)).toHaveCount(0);

  // A tick the filter hides is dropped, not kept out of sight for the next bulk action.
  await grid.getByRole('row').filter({ hasText: '夜间焚烧垃圾' }).getByRole('checkbox').click();
  await grid.getByRole('row').filter({ hasText: '村道两侧垃圾' }).getByRole('checkbox').click();
  await expect(page.getByText('已选 2 条')).toBeVisible();
  const search = page.getByLabel('搜索编号、描述、地点、责任人');
  await search.fill('焚烧');
  await expect(page.getByText('已选 1 条')).toBeVisible();
  await search.fill('');
  await expect(page.getByTestId('ledger-count')).toHaveText('共 2 条');
  await expect(page.getByText('已选 1 条')).toBeVisible();
  await grid.getByRole('row').filter({ hasText: '夜间焚烧垃圾' }).getByRole('checkbox').click();
  await expect(page.getByText(/已选/)).toHaveCount(0);
  // A filter that lists nothing says so; the ledger is not empty.
  await search.fill('没有这样的问题');
  await expect(grid).toContainText('没有符合筛选条件的问题。');

  // Saved view: 督办 + search; it comes back after clearing the filter.
  await page.getByLabel('搜索编号、描述、地点、责任人').fill('焚烧');
  await expect(page.getByTestId('ledger-count')).toHaveText('共 1 条');
  await page.getByRole('button', { name: '存为视图' }).click();
  await page.getByRole('dialog').getByLabel('视图名称').fill('督办的焚烧');
  await page.getByRole('dialog').getByRole('button', { name: '存为视图' }).click();
  await expect(page.getByText('已存视图“督办的焚烧”。')).toBeVisible();
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(page.getByTestId('ledger-count')).toHaveText('共 3 条');
  await page.getByRole('combobox', { name: '已存视图' }).click();
  await page.getByRole('option', { name: '督办的焚烧' }).click();
  await expect(page.getByTestId('ledger-count')).toHaveText('共 1 条');
  await expect(page.getByLabel('只看督办')).toBeChecked();
  await snap(page, '55-ledger-saved-view');
  await page.getByRole('button', { name: '清除筛选' }).click();

  // 村级自查: cannot be fixed — closed with a reason and an approver, not counted as 销号.
  await grid.getByRole('gridcell', { name: '山塘边违规搭建棚屋' }).click();
  await page.getByRole('button', { name: '无法整改' }).click();
  await page.getByRole('dialog').getByLabel('原因').fill('权属争议，待县里裁定');
  await page.getByRole('dialog').getByLabel('批准人').fill('李书记');
  await page.getByRole('dialog').getByRole('button', { name: '无法整改' }).click();
  await expect(page.getByTestId('problem-status')).toHaveText('无法整改');
  await expect(page.getByText('无法整改：权属争议，待县里裁定（批准人：李书记）')).toBeVisible();
  await expect(
    page.getByRole('table', { name: '操作记录（不可修改）' }).getByRole('row').filter({
      hasText: '待整改 → 无法整改',
    }),
  ).toContainText('权属争议，待县里裁定');
  await page.getByRole('link', { name: '返回台账' }).click();

  // 群众申诉: fixed and closed after being supervised.
  await search.fill('焚烧');
  await grid.getByRole('gridcell', { name: '夜间焚烧垃圾' }).click();
  await expect(page.getByLabel('镇纪委督办')).toBeChecked();
  await fixAndClose(page, { photo: '整改后.png', verifier: '王副镇长', verifiedOn: '2026-03-18' });
  await page.getByRole('link', { name: '返回台账' }).click();
  // The list comes back as it was left: the search still there, the item (closed) not listed.
  await expect(search).toHaveValue('焚烧');
  await expect(grid).toContainText('没有符合筛选条件的问题。');
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(page.getByTestId('ledger-count')).toHaveText('共 1 条');

  // The recurrence view: 张家村 has 3 items of 人居环境, 1 still open; a cell opens them.
  await page.getByRole('tab', { name: '按村按类统计' }).click();
  const cell = page.getByRole('button', { name: '张家村 人居环境 3 条' });
  await expect(cell).toHaveText('3（1）');
  await snap(page, '56-ledger-recurrence');
  await cell.click();
  await expect(page.getByTestId('ledger-count')).toHaveText('共 3 条');

  // The dashboard: 1 of 3 closed (33%), by source, overdue by person, the village tile.
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '总览' })
    .click();
  await expect(page.getByTestId('ledger-summary')).toContainText('销号率33%');
  const bySource = page.getByRole('table', { name: '按来源' });
  await expect(bySource.getByRole('row').filter({ hasText: '群众申诉反映' })).toHaveText(
    /群众申诉反映\s*0\s*0\s*1/,
  );
  await expect(bySource.getByRole('row').filter({ hasText: '镇级督查发现' })).toHaveText(
    /镇级督查发现\s*1\s*1\s*0/,
  );
  await expect(bySource.getByRole('row').filter({ hasText: '村级自查上报' })).toHaveText(
    /村级自查上报\s*0\s*0\s*0/,
  );
  await expect(
    page
      .getByRole('table', { name: '逾期问题责任人' })
      .getByRole('row')
      .filter({ hasText: '张三' }),
  ).toHaveText(/张三\s*1/);
  await expect(page.getByRole('table', { name: '按类别' })).toContainText('人居环境');
  await snap(page, '57-dashboard-ledger-sources');
});

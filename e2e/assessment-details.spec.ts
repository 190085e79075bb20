import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { completeSetup, snap } from './helpers';

test('a deduction keeps its note, place and site photos; a program renamed .jpg is refused', async ({
  page,
}) => {
  await completeSetup(page, { villages: ['张家村', '李家村', '王家村'] });
  // A real PNG to upload: a small screenshot of the page itself.
  const png = await page.screenshot({ clip: { x: 0, y: 0, width: 120, height: 90 } });
  await page.goto('/#/assessment/2026-03/scoring');
  await page.getByLabel('检查人员').fill('张环保、李干事');
  await page.getByRole('button', { name: '开始本月考核' }).click();

  await page.getByRole('gridcell', { name: '李家村 A06', exact: true }).click();
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await page.getByRole('gridcell', { name: '李家村 A06', exact: true }).click();
  const panel = page.getByTestId('cell-panel');
  await expect(panel).toContainText('李家村 · A06 存在陈年垃圾或积存垃圾堆');
  await expect(panel.getByTestId('item-points')).toHaveText('本条扣 2 分');
  await panel.getByLabel('情况说明').fill('村口沟渠旁积存建筑垃圾约 3 方');
  await panel.getByLabel('地点').fill('二组村口');
  await panel.getByRole('button', { name: '保存本格' }).click();

  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: '添加照片' }).click();
  await (await chooser).setFiles({ name: '村口垃圾.png', mimeType: 'image/png', buffer: png });
  await expect(panel.getByRole('img', { name: '村口垃圾.png' })).toBeVisible();

  const refused = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: '添加照片' }).click();
  await (
    await refused
  ).setFiles({
    name: '照片.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(500)]),
  });
  await expect(panel.getByRole('alert')).toContainText(
    '“照片.jpg”不是照片：现场照片只能是 JPG 或 PNG 图片。',
  );
  await expect(panel.getByRole('img')).toHaveCount(1);
  await snap(page, '47-assessment-cell-photo');

  await page.reload();
  await page.getByRole('gridcell', { name: '李家村 A06', exact: true }).click();
  await expect(panel.getByLabel('情况说明')).toHaveValue('村口沟渠旁积存建筑垃圾约 3 方');
  await panel.getByRole('button', { name: '查看照片 村口垃圾.png' }).click();
  await expect(page.getByRole('dialog').getByRole('img', { name: '村口垃圾.png' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Points entered directly may not exceed the cap, with the reason in Chinese.
  await page.getByRole('gridcell', { name: '王家村 D02', exact: true }).click();
  await panel.getByLabel('或直接扣分').fill('5');
  await panel.getByRole('button', { name: '保存本格' }).click();
  await expect(panel.getByRole('alert')).toContainText('最多扣 3 分（扣完为止），不能扣 5 分');
  await panel.getByLabel('或直接扣分').fill('2.5');
  await panel.getByRole('button', { name: '保存本格' }).click();
  await expect(page.getByTestId('score-王家村')).toHaveText('97.5');
});

test('what is typed in a cell’s panel is kept when a photo is added or another cell is chosen', async ({
  page,
}) => {
  await completeSetup(page, { villages: ['张家村', '李家村'] });
  const png = await page.screenshot({ clip: { x: 0, y: 0, width: 120, height: 90 } });
  await page.goto('/#/assessment/2026-03/scoring');
  await page.getByLabel('检查人员').fill('张环保、李干事');
  await page.getByRole('button', { name: '开始本月考核' }).click();
  const panel = page.getByTestId('cell-panel');
  // A note and a place, then straight to 添加照片 (no 保存本格).
  await page.getByRole('gridcell', { name: '张家村 A06', exact: true }).click();
  await panel.getByLabel('情况说明').fill('村口垃圾箱满溢');
  await panel.getByLabel('地点').fill('张家村村口');
  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: '添加照片' }).click();
  await (await chooser).setFiles({ name: '垃圾箱.png', mimeType: 'image/png', buffer: png });
  await expect(panel.getByRole('img', { name: '垃圾箱.png' })).toBeVisible();
  await expect(panel.getByLabel('情况说明')).toHaveValue('村口垃圾箱满溢');
  await expect(panel.getByLabel('地点')).toHaveValue('张家村村口');
  // A note in another cell, then a third cell chosen: the note is there when it comes back.
  await page.getByRole('gridcell', { name: '李家村 B01', exact: true }).click();
  await panel.getByLabel('情况说明').fill('检查井堵塞');
  await page.getByRole('gridcell', { name: '李家村 C01', exact: true }).click();
  await expect(panel).toContainText('李家村 · C01');
  await page.getByRole('gridcell', { name: '李家村 B01', exact: true }).click();
  await expect(panel.getByLabel('情况说明')).toHaveValue('检查井堵塞');
  await page.reload();
  await page.getByRole('gridcell', { name: '张家村 A06', exact: true }).click();
  await expect(panel.getByLabel('情况说明')).toHaveValue('村口垃圾箱满溢');
});

test('the flag rules are set under 设置 and used at the next close', async ({ page }) => {
  await completeSetup(page, { villages: ['甲村', '乙村', '丙村', '丁村'] });
  await page.goto('/#/settings/rules');
  await page.getByLabel('红旗名额（前几名）').fill('1');
  await page.getByLabel('红旗最低分（不低于）').fill('96');
  await page.getByLabel('黄旗分数线（低于）').fill('95');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存。')).toBeVisible();
  await page.getByLabel('黄旗分数线（低于）').fill('99');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('黄旗分数线不能高于红旗最低分。')).toBeVisible();
  await snap(page, '33-settings-rules');
  await page.reload();
  await expect(page.getByLabel('黄旗分数线（低于）')).toHaveValue('95');

  await page.goto('/#/assessment/2026-04/scoring');
  await page.getByLabel('检查人员').fill('张环保、李干事');
  await page.getByRole('button', { name: '开始本月考核' }).click();
  await page.getByRole('gridcell', { name: '乙村 A01', exact: true }).click();
  await page.keyboard.type('2'); // 98
  await page.keyboard.press('Enter');
  await page.keyboard.type('4'); // 丙村 96
  await page.keyboard.press('Enter');
  await page.getByRole('gridcell', { name: '丁村 B01', exact: true }).click();
  await page.keyboard.type('4'); // 96 → not below 95
  await page.keyboard.press('Tab');
  await page.keyboard.type('3'); // B02: 93 → yellow
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '关闭本月考核并发布结果' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '关闭并发布' }).click();
  const board = page.getByRole('table', { name: '2026年4月红黄榜' });
  await expect(board.locator('[data-flag="red"]')).toHaveCount(1);
  await expect(board.getByRole('row').filter({ hasText: '甲村' })).toContainText('红旗');
  await expect(board.getByRole('row').filter({ hasText: '丁村' })).toContainText('黄旗');
  await expect(board.getByRole('row').filter({ hasText: '丁村' })).toContainText('低于 95 分');

  // 摘旗 with a reason: the flag is struck through and its reward cancelled.
  await board
    .getByRole('row')
    .filter({ hasText: '甲村' })
    .getByRole('button', { name: '摘旗' })
    .click();
  await page.getByRole('dialog').getByLabel('摘旗原因').fill('复查发现露天焚烧秸秆');
  await page.getByRole('dialog').getByRole('button', { name: '摘旗' }).click();
  await expect(board.getByRole('row').filter({ hasText: '甲村' })).toContainText(
    '已摘旗：复查发现露天焚烧秸秆',
  );
  await page.getByRole('tab', { name: '后续事项' }).click();
  await expect(page.getByRole('row').filter({ hasText: '红旗奖励' })).toHaveCount(0);
});

test('the standard: edited in the app, exported and imported from Excel; bad rows named; a used version is kept', async ({
  page,
}) => {
  await completeSetup(page, { villages: ['甲村', '乙村'] });
  await page.goto('/#/settings/standard');
  const table = page.getByRole('table', { name: '考核标准' });
  await expect(table.getByRole('row')).toHaveCount(51);
  await expect(page.getByText('五十条标准 · 第 1 版')).toBeVisible();
  await snap(page, '34-settings-standard');

  // Export, then import the same file: accepted, still version 1 (no period used it yet).
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('环境整治考核标准-第1版.xlsx');
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  const exported: Buffer = Buffer.concat(chunks);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    exported.buffer.slice(
      exported.byteOffset,
      exported.byteOffset + exported.byteLength,
    ) as ArrayBuffer,
  );
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(1).getCell(1).text).toBe('编号');
  expect(sheet.rowCount).toBe(51);

  // A broken copy: a word where a number belongs (row 3) and a bad yes/no (row 5).
  sheet.getRow(3).getCell(5).value = '一分';
  sheet.getRow(5).getCell(9).value = '也许';
  const broken = Buffer.from(await workbook.xlsx.writeBuffer());
  let chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '从 Excel 导入' }).click();
  await (
    await chooser
  ).setFiles({ name: '标准.xlsx', mimeType: 'application/octet-stream', buffer: broken });
  const issues = page.getByTestId('issue-list');
  await expect(issues).toContainText('文件“标准.xlsx”有问题，没有导入');
  await expect(issues).toContainText('第 3 行“每处扣分”应是数字，现在是“一分”。');
  await expect(issues).toContainText('第 5 行“严重问题”应填“是”或“否”，现在是“也许”。');
  await snap(page, '35-settings-standard-import-refused');

  // Use version 1 for a month, then edit an item: a new version, January keeps version 1.
  await page.goto('/#/assessment/2026-01/scoring');
  await page.getByLabel('检查人员').fill('张环保、李干事');
  await page.getByRole('button', { name: '开始本月考核' }).click();
  await page.goto('/#/settings/standard');
  await page.getByRole('button', { name: '修改 A01' }).click();
  await page.getByRole('dialog').getByLabel('扣分上限').fill('6');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(/已生成第 2 版标准/)).toBeVisible();
  await expect(page.getByText(/五十条标准 · 第 2 版/)).toBeVisible();
  await expect(page.getByText(/历史版本：第 2 版.*第 1 版（最初版本）/)).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'A01' })).toContainText('最多 6 分');

  // Importing the good export now makes version 3 (version 2 has not been used: it is replaced).
  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '从 Excel 导入' }).click();
  await (
    await chooser
  ).setFiles({ name: '标准.xlsx', mimeType: 'application/octet-stream', buffer: exported });
  await page.getByRole('dialog').getByRole('button', { name: '从 Excel 导入' }).click();
  await expect(page.getByText('已导入 50 条标准（第 2 版）。')).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'A01' })).toContainText('最多 4 分');
});

test('示例数据: an empty profile fills with a year of assessments, labelled on every screen', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: '只是想先看看？载入示例数据' }).click();
  await page.getByRole('combobox', { name: '年数' }).click();
  await page.getByRole('option', { name: '1 年' }).click();
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await expect(page.getByTestId('demo-status')).toHaveText('示例数据已载入。', { timeout: 60_000 });
  await snap(page, '48-demo-loaded');
  await page.getByRole('button', { name: '查看总览' }).click();
  await expect(page.getByTestId('demo-label')).toHaveText('示例数据');
  await expect(page.getByTestId('village-tile')).toHaveCount(27);
  await expect(page.locator('[data-flag]').first()).toBeVisible();
  await snap(page, '49-demo-dashboard');
  // A second load is refused: demo data never mixes with records.
  await page.goto('/#/demo');
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await expect(page.getByRole('alert')).toContainText('已经有考核数据');
});

test('示例数据 with a seed: one not a whole number is refused in words; seeds 7 and 8 load different towns', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const summaries: string[] = [];
  for (const seed of ['7', '8']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (seed === '7') {
      await page.goto('/#/demo?years=1&seed=7.5&auto=1');
      await expect(page.getByTestId('demo-seed-error')).toHaveText(
        '随机种子“7.5”不是 0 到 4294967295 之间的整数。请改成这样的整数（例如 7），或不写随机种子。',
      );
      await expect(page.getByRole('button', { name: '载入示例数据' })).toBeDisabled();
      await expect(page.getByTestId('demo-status')).toHaveCount(0);
      await snap(page, '48b-demo-seed-refused');
    }
    await page.goto(`/#/demo?years=1&seed=${seed}&auto=1`);
    await expect(page.getByTestId('demo-seed')).toHaveText(
      `随机种子：${seed}。同一个随机种子生成的示例数据完全相同，不同的随机种子生成不同的数据。`,
    );
    await expect(page.getByTestId('demo-status')).toHaveText('示例数据已载入。', {
      timeout: 90_000,
    });
    if (seed === '7') await snap(page, '48c-demo-seed');
    summaries.push((await page.getByText(/个月考核、/).textContent()) ?? '');
    await context.close();
  }
  // The same months and ledger size, another draw: other deductions and patrols.
  expect(summaries[0]).toMatch(/^12 个月考核、\d+ 条扣分/);
  expect(summaries[1]).not.toBe(summaries[0]);
});

test('a village’s page lists its newest 24 periods and 12 follow-up actions, all on request', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/#/demo?years=3&auto=1');
  await expect(page.getByTestId('demo-status')).toHaveText('示例数据已载入。', {
    timeout: 120_000,
  });
  await page.goto('/#/');
  await page.getByTestId('village-tile').first().click();
  const history = page.getByRole('table', { name: '历次考核' });
  // A header row and the newest 24 of the 36 months.
  await expect(history.getByRole('row')).toHaveCount(25);
  // The newest first: last month (the demo's months end there).
  const [y, m] = new Date()
    .toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
    .split('-')
    .map(Number) as [number, number];
  const newest = m === 1 ? `${y - 1}年12月` : `${y}年${m - 1}月`;
  await expect(history.getByRole('row').nth(1)).toContainText(newest);
  const actions = page.getByRole('table', { name: '后续事项' });
  await expect(actions.getByRole('row')).toHaveCount(12);
  await snap(page, '46b-village-page-newest');
  await page.getByRole('button', { name: '显示全部 36 期' }).click();
  await expect(history.getByRole('row')).toHaveCount(37);
  await expect(page.getByRole('button', { name: /^显示全部 \d+ 期$/ })).toHaveCount(0);
  const more = page.getByRole('button', { name: /^显示全部 \d+ 项$/ });
  const total = Number((await more.textContent())?.match(/\d+/)?.[0]);
  expect(total).toBeGreaterThan(12);
  await more.click();
  await expect(actions.getByRole('row')).toHaveCount(total);
});

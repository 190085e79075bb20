import { expect, test, type Page } from '@playwright/test';
import { completeSetup, snap } from './helpers';

const village = (n: number) => `村庄${String(n).padStart(2, '0')}`;

/** Selects a cell with the mouse, types a count and presses a key, as an inspector does. */
async function typeCell(page: Page, villageNo: number, code: string, value: string, key = 'Enter') {
  await page.getByRole('gridcell', { name: `${village(villageNo)} ${code}`, exact: true }).click();
  await page.keyboard.type(value);
  await page.keyboard.press(key);
}

async function startMonth(page: Page, month: string) {
  await page.goto(`/#/assessment/${month}/scoring`);
  await page.getByLabel('检查人员').fill('张环保、李干事');
  await page.getByRole('button', { name: '开始本月考核' }).click();
  await expect(page.getByRole('grid', { name: '打分表' })).toBeVisible();
}

async function closeMonth(page: Page) {
  await page.getByRole('button', { name: '关闭本月考核并发布结果' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '关闭并发布' }).click();
  await expect(page.getByRole('tab', { name: '红黄榜', selected: true })).toBeVisible();
}

test('score a whole month for 27 villages, close it, and read the 红黄榜 and due actions; a second month brings 约谈', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await completeSetup(page);
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '考核评比' })
    .click();
  await page.goto('/#/assessment/2026-01/scoring');
  await snap(page, '40-assessment-start');
  await startMonth(page, '2026-01');

  // November's sheet, typed along each row with Tab:
  // 村庄02 −2 → 98; 村庄03 −5 → 95; 村庄04–24 −10 → 90; 村庄25 −21 → 79; 村庄26 −24 → 76;
  // 村庄27: open burning zeroes 生活垃圾 (−20) and −10 more → 70. 村庄01 is clean: 100.
  await typeCell(page, 2, 'A01', '2');
  await typeCell(page, 3, 'A01', '4', 'Tab');
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  for (let n = 4; n <= 24; n += 1) {
    await typeCell(page, n, 'A01', '4', 'Tab');
    await page.keyboard.type('4');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight'); // skip A03
    await page.keyboard.type('2');
    await page.keyboard.press('Enter'); // A04
  }
  for (const [n, extra] of [
    [25, 0],
    [26, 3],
  ] as const) {
    for (const [code, count] of [
      ['A01', '4'],
      ['A02', '4'],
      ['A04', '2'],
      ['A08', '2'],
      ['B01', '4'],
      ['B02', '3'],
      ['B04', '2'],
    ] as const) {
      await typeCell(page, n, code, count);
    }
    if (extra) await typeCell(page, n, 'C03', String(extra));
  }
  await typeCell(page, 27, 'A07', '1');
  for (const [code, count] of [
    ['B01', '4'],
    ['B02', '3'],
    ['B04', '2'],
    ['C03', '1'],
  ] as const) {
    await typeCell(page, 27, code, count);
  }

  // An impossible entry is refused with the reason, and the saved value stays.
  await page.getByRole('gridcell', { name: '村庄02 A01', exact: true }).click();
  await page.keyboard.press('F2'); // edit the saved "2" in place
  await page.keyboard.type('x');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('“2x”不是处数：请输入 0 到 99 之间的整数。');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('gridcell', { name: '村庄02 A01', exact: true })).toHaveText('2');

  await expect(page.getByTestId('score-村庄01')).toHaveText('100');
  await expect(page.getByTestId('score-村庄02')).toHaveText('98');
  await expect(page.getByTestId('score-村庄03')).toHaveText('95');
  await expect(page.getByTestId('score-村庄10')).toHaveText('90');
  await expect(page.getByTestId('score-村庄25')).toHaveText('79');
  await expect(page.getByTestId('score-村庄26')).toHaveText('76');
  await expect(page.getByTestId('score-村庄27')).toHaveText('70');
  await expect(page.getByTestId('autosave')).toContainText('已自动保存');

  // The panel explains the selected cell: the cap at work on 村庄25's A01.
  await page.getByRole('gridcell', { name: '村庄27 A07', exact: true }).click();
  await expect(page.getByTestId('cell-panel')).toContainText('发现即扣完“生活垃圾”全部 20 分');
  await expect(page.getByTestId('village-score')).toHaveText('得分 70（扣 30 分）');
  await snap(page, '41-assessment-grid');

  // Autosave: a reload keeps every cell.
  await page.reload();
  await expect(page.getByTestId('score-村庄27')).toHaveText('70');

  await closeMonth(page);
  const board = page.getByRole('table', { name: '2026年1月红黄榜' });
  await expect(board.getByRole('row')).toHaveCount(28);
  const rowOf = (name: string) => board.getByRole('row').filter({ hasText: name });
  await expect(rowOf('村庄01')).toContainText('红旗');
  await expect(rowOf('村庄02')).toContainText('红旗');
  await expect(rowOf('村庄03')).toContainText('红旗');
  await expect(rowOf('村庄10')).toContainText('4（并列）');
  await expect(rowOf('村庄25')).toContainText('黄旗');
  await expect(rowOf('村庄26')).toContainText('黄旗');
  await expect(rowOf('村庄27')).toContainText('黄旗');
  await expect(rowOf('村庄27')).toContainText('得分 70 分，倒数第 1 名');
  await expect(page.locator('[data-flag]')).toHaveCount(6);
  await snap(page, '42-assessment-results');

  await page.getByRole('tab', { name: '后续事项' }).click();
  const tracker = page.getByRole('table', { name: '后续事项' });
  await expect(tracker.getByRole('row')).toHaveCount(7); // 3 rewards + 3 speeches
  await expect(tracker.getByRole('row').filter({ hasText: '村庄27' })).toContainText('表态发言');
  await snap(page, '43-assessment-actions');

  // A closed month is read-only until reopened with a reason.
  await page.getByRole('tab', { name: '打分' }).click();
  await expect(page.getByText(/本期考核已于 .* 由 张环保 关闭/)).toBeVisible();
  await expect(page.getByRole('button', { name: '关闭本月考核并发布结果' })).toHaveCount(0);
  // Typing into it says why nothing changes, and where a change is made; nothing is stored.
  await page.getByRole('gridcell', { name: '村庄01 A01', exact: true }).click();
  await page.keyboard.type('5');
  await expect(page.getByTestId('grid-message')).toHaveText(
    '本期考核已关闭，不能直接修改。如确需更正，请点上方“修改已关闭的考核”并写明原因。',
  );
  await expect(page.getByRole('gridcell', { name: '村庄01 A01', exact: true })).not.toContainText(
    '5',
  );

  // February: 村庄01 100, 村庄02 99, 村庄03 98, 村庄04–26 97, 村庄27 79 (burning + 1) → 约谈.
  // The month typed as people type it, taken on Enter.
  await page.getByLabel('考核月份').fill('2026-2');
  await page.getByLabel('考核月份').press('Enter');
  await expect(page).toHaveURL(/#\/assessment\/2026-02\//);
  await expect(page.getByLabel('考核月份')).toHaveValue('2026-02');
  await startMonth(page, '2026-02');
  await page.getByRole('gridcell', { name: '村庄02 A01', exact: true }).click();
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  for (let n = 4; n <= 26; n += 1) {
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
  }
  await typeCell(page, 27, 'A07', '1');
  await typeCell(page, 27, 'B01', '1');
  await expect(page.getByTestId('score-村庄26')).toHaveText('97');
  await expect(page.getByTestId('score-村庄27')).toHaveText('79');
  await closeMonth(page);
  const february = page.getByRole('table', { name: '2026年2月红黄榜' });
  await expect(february.locator('[data-flag="yellow"]')).toHaveCount(1);
  await expect(february.locator('[data-flag="red"]')).toHaveCount(3);

  await page.getByRole('tab', { name: '后续事项' }).click();
  const interview = page.getByRole('row').filter({ hasText: '镇纪委约谈' });
  await expect(interview).toHaveCount(1);
  await expect(interview).toContainText('村庄27');
  await expect(interview).toContainText('连续 2 次黄旗');
  await interview.getByRole('button', { name: '标记完成' }).click();
  await page.getByRole('dialog').getByLabel('完成情况').fill('3 月 2 日已约谈');
  await page.getByRole('dialog').getByRole('button', { name: '标记完成' }).click();
  await page.getByRole('button', { name: '全部' }).click();
  await expect(page.getByRole('row').filter({ hasText: '镇纪委约谈' })).toContainText(
    '已完成：3 月 2 日已约谈',
  );
  await snap(page, '44-assessment-actions-february');

  // The dashboard shows February: scores, ranks, flags as word and symbol, change since January.
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '总览' })
    .click();
  await expect(page.getByText('2026年2月各村得分')).toBeVisible();
  await expect(page.getByTestId('period-summary')).toContainText('红旗 3 面，黄旗 1 面');
  const tile = (name: string) => page.getByTestId('village-tile').filter({ hasText: name });
  await expect(tile('村庄27')).toContainText('▼黄旗');
  await expect(tile('村庄27')).toContainText('79');
  await expect(tile('村庄27')).toContainText('低于平均');
  await expect(tile('村庄01')).toContainText('▲红旗');
  await expect(tile('村庄01')).toContainText('第 1 名');
  await expect(tile('村庄26')).toContainText('↑22'); // 26th → 4th
  await expect(page.getByTestId('ranking-chart')).toBeVisible();
  await expect(page.getByTestId('trend-chart')).toBeVisible();
  const heat = page.getByRole('table', { name: '各村分类扣分' });
  await expect(heat.getByRole('row').filter({ hasText: '村庄27' })).toContainText('−20');
  await snap(page, '45-dashboard-with-results');

  // Filter by category: the chart ranks deductions in 生活垃圾, the heatmap shows that column.
  await page.getByRole('combobox', { name: '类别' }).click();
  await page.getByRole('option', { name: '生活垃圾' }).click();
  await expect(page.getByTestId('category-chart')).toContainText('“生活垃圾”扣分');
  await expect(heat.getByRole('columnheader')).toHaveCount(2);
  await expect(heat.getByRole('row').filter({ hasText: '村庄27' })).toContainText('−20');
  await page.getByRole('combobox', { name: '类别' }).click();
  await page.getByRole('option', { name: '全部类别' }).click();
  await expect(page.getByTestId('ranking-chart')).toBeVisible();

  // January still reads as it was published.
  await page.getByRole('combobox', { name: '考核月份' }).selectOption({ label: '2026年1月' });
  await expect(page.getByTestId('period-summary')).toContainText('红旗 3 面，黄旗 3 面');

  // The village page tells 村庄27's story.
  await tile('村庄27').click();
  await expect(page.getByRole('heading', { name: '村庄27', level: 1 })).toBeVisible();
  const history = page.getByRole('table', { name: '历次考核' });
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('table', { name: '2026年1月扣分明细' })).toContainText(
    'A07 露天焚烧垃圾、秸秆',
  );
  await expect(page.getByRole('table', { name: '后续事项' })).toContainText('镇纪委约谈');
  await snap(page, '46-village-page');
});

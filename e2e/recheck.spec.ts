import { expect, test, type Page } from '@playwright/test';
import { completeSetup, snap, unlock, watchFor } from './helpers';
import { addPhoto, fixAndClose, photoOf, section } from './office';

/** The app's clock, fixed at a moment of the office's day (Asia/Shanghai). */
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

/** Moves the app's clock to `day`: the page reloads, and after the days away it is locked. */
async function moveClock(page: Page, day: string) {
  await page.clock.setFixedTime(at(day));
  await page.reload();
  await unlock(page);
}

async function newItem(page: Page, description: string, foundOn: string, deadline: string) {
  await page.goto('/#/ledger');
  await page.getByRole('button', { name: '新增问题' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('所在村').click();
  await page.getByRole('option', { name: '张家村' }).click();
  await dialog.getByLabel('地点').fill('二组村口');
  await dialog.getByLabel('问题描述').fill(description);
  await dialog.getByLabel('整改责任人').fill('张三');
  await dialog.getByLabel('发现日期').fill(foundOn);
  await dialog.getByLabel('整改时限').fill(deadline);
  return dialog;
}

test('回头看: an item closed, the clock a month on, a 反弹 recorded; the new linked item, the figures and the briefing line', async ({
  page,
}) => {
  await page.clock.setFixedTime(at('2026-05-10'));
  await completeSetup(page, { villages: ['张家村', '李家村'] });

  const dialog = await newItem(page, '村口堆放建筑垃圾', '2026-05-01', '2026-05-16');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '2026-镇督-0001' })).toBeVisible();
  const closedItem = page.url();
  await fixAndClose(page, { photo: '整改后.png', verifier: '张环保', verifiedOn: '2026-05-10' });

  // Closed 2026-05-10: looked at again 30 days on (05-31 is +21, 06-09 is +30) and 90 days on
  // (+51 at 06-30, +82 at 07-31, 08-08 is +90).
  const recheck = page.getByTestId('recheck-section');
  const schedule = recheck.getByTestId('recheck-schedule');
  await expect(schedule.getByRole('row').nth(1)).toHaveText(/2026-06-09\s*销号后 30 天\s*未到/);
  await expect(schedule.getByRole('row').nth(2)).toHaveText(/2026-08-08\s*销号后 90 天\s*未到/);

  // 36 days later nobody has been back: the 30-day check is 6 days overdue (06-09 → 06-15).
  await moveClock(page, '2026-06-15');
  await page.goto('/#/');
  const summary = page.getByTestId('recheck-summary');
  await expect(summary.getByTestId('recheck-due-count')).toHaveText('1');
  await expect(summary).toContainText('其中逾期 1 项');
  await expect(summary.getByTestId('recheck-due').getByRole('row').nth(1)).toHaveText(
    /2026-镇督-0001\s*张家村\s*销号后 30 天\s*2026-06-09\s*! 逾期 6 天/,
  );
  await summary.scrollIntoViewIfNeeded();
  await snap(page, '90-recheck-dashboard-due');

  // The item's page: the check is overdue; 记录回头看 starts with who is signed in, and today.
  await summary.getByRole('link', { name: '2026-镇督-0001' }).click();
  await expect(schedule.getByRole('row').nth(1)).toContainText('! 逾期 6 天未做');
  await recheck.getByRole('button', { name: '记录回头看' }).click();
  const form = page.getByRole('dialog');
  await expect(form.getByLabel('回头看的人')).toHaveValue('张环保');
  await expect(form.getByLabel('回头看日期')).toHaveValue('2026-06-15');
  await form.getByLabel('反弹', { exact: true }).check();
  await expect(form).toContainText('选“反弹”会另开一个新问题');
  await form.getByLabel('看到的情况（将作为新问题的描述）').fill('村口又堆了建筑垃圾约两方');
  const chooser = page.waitForEvent('filechooser');
  await form.getByRole('button', { name: '添加照片' }).click();
  await (
    await chooser
  ).setFiles({ name: '回头看.png', mimeType: 'image/png', buffer: await photoOf(page) });
  await expect(form.getByTestId('recheck-photos')).toHaveText('照片：回头看.png');
  await snap(page, '91-recheck-dialog');
  await form.getByRole('button', { name: '记录回头看' }).click();
  await expect(page.getByText('已记录回头看：反弹，另开新问题 2026-镇督-0002。')).toBeVisible();

  // The old item stays closed and readable, marked 反弹, its visit with its photo; the 90-day
  // check is no longer owed (the new item carries the problem).
  await expect(page.getByTestId('problem-status')).toHaveText('已销号');
  await expect(page.getByTestId('rebound-chip')).toHaveText('▲ 反弹');
  await expect(schedule.getByRole('row')).toHaveCount(2);
  await expect(schedule.getByRole('row').nth(1)).toContainText('已补做（2026-06-15）');
  const visits = recheck.getByTestId('recheck-visits');
  await expect(visits).toContainText('2026-06-15 · 张环保 · 反弹 → 2026-镇督-0002');
  await expect(visits.getByRole('img', { name: '回头看.png' })).toBeVisible();
  const history = page.getByRole('table', { name: '操作记录（不可修改）' });
  await expect(history.getByRole('row').first()).toContainText('回头看：反弹');
  await snap(page, '92-recheck-closed-item-rebound');

  // The new item: linked back, same village, category and place, found today, 15 days to fix.
  await page.getByTestId('rebound-to').getByRole('link', { name: '2026-镇督-0002' }).click();
  await expect(page.getByRole('heading', { name: '2026-镇督-0002' })).toBeVisible();
  await expect(page.getByTestId('problem-status')).toHaveText('待整改');
  await expect(page.getByTestId('rebound-of-chip')).toHaveText('反弹问题');
  await expect(page.getByTestId('rebound-of').getByRole('link')).toHaveText('2026-镇督-0001');
  await expect(page.getByText('村口又堆了建筑垃圾约两方').first()).toBeVisible();
  for (const fact of ['张家村', '二组村口', '人居环境', '2026-06-15', '2026-06-30'])
    await expect(page.getByRole('table').first()).toContainText(fact);

  // The figures: 1 item closed in the last 12 months, back within 6 → 100%; the one check due
  // was done late → 0% on time. The figures from before the visit (no rebound) never show, not
  // even for a moment on the way back.
  const oldFigureShown = await watchFor(page, 'recheck-summary', '6 个月内反弹 0 个');
  await page.goto('/#/');
  await expect(summary.getByTestId('rebound-rate')).toHaveText('100%');
  expect(await oldFigureShown()).toBe(false);
  await expect(summary).toContainText('销号 1 个，6 个月内反弹 1 个');
  await expect(summary.getByTestId('recheck-on-time')).toHaveText('0%');
  await expect(summary.getByRole('table', { name: '各来源的反弹率' })).toContainText(
    /镇级督查发现\s*1\s*1\s*100%/,
  );
  await expect(summary.getByRole('table', { name: '反弹的村' })).toContainText(
    /张家村\s*1\s*1\s*100%/,
  );
  await summary.scrollIntoViewIfNeeded();
  await snap(page, '93-recheck-dashboard-figures');

  // The recurrence view counts the rebound in its village × category cell.
  await page.goto('/#/ledger');
  await page.getByRole('tab', { name: '按村按类统计' }).click();
  await expect(page.getByRole('button', { name: '张家村 人居环境 2 条 反弹 1' })).toHaveText(
    '2（1） 反弹 1',
  );

  // A new item at the same place: the closed one is already marked, so nothing is offered.
  const again = await newItem(page, '又见垃圾', '2026-06-15', '2026-06-30');
  await expect(again.getByTestId('rebound-offer')).toHaveCount(0);
  await again.getByRole('button', { name: '取消' }).click();

  // The village's page and the briefing's ledger section.
  await page.goto('/#/');
  await page
    .getByRole('link', { name: /张家村/ })
    .first()
    .click();
  await expect(page.getByTestId('village-rechecks')).toContainText(
    '近 12 个月销号 1 个问题，6 个月内反弹 1 个（100%）。',
  );
  await page.goto('/#/print/briefing/2026-06');
  await expect(page.getByTestId('briefing-rechecks')).toHaveText(
    '2026年6月应回头看 1 次，按时完成 0 次、补做 1 次。近 12 个月（2025-07-01 至 2026-06-30）销号 1 个问题，6 个月内反弹 1 个，反弹率 100%（镇级督查发现 1/1）。本月发现反弹 1 个：张家村人居环境 2026-镇督-0001（另开 2026-镇督-0002）。',
  );
  await snap(page, '94-recheck-briefing');

  // The screens at the office's two usual sizes, to look at.
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto(closedItem);
    await expect(page.getByTestId('recheck-section')).toBeVisible();
    await snap(page, `97-recheck-item-${width}`);
    await page.goto('/#/');
    await expect(page.getByTestId('recheck-summary')).toBeVisible();
    await snap(page, `98-recheck-dashboard-${width}`);
    await page.goto('/#/settings/recheck');
    await expect(page.getByTestId('recheck-rules')).toBeVisible();
    await snap(page, `99-recheck-settings-${width}`);
  }
});

test('已完成·长期坚持: checked at its interval until the duty is ended; a new item is offered as a rebound', async ({
  page,
}) => {
  await page.clock.setFixedTime(at('2026-05-10'));
  await completeSetup(page, { villages: ['张家村'] });

  // 设置 → 回头看规则: 河湖四乱 checked 15 and 45 days after 销号; a day count must be a number.
  await page.goto('/#/settings/recheck');
  const rules = page.getByTestId('recheck-rules');
  await rules.getByRole('button', { name: '添加规则' }).click();
  await rules.getByLabel('问题类别').click();
  await page.getByRole('option', { name: '河湖四乱' }).click();
  await rules.getByLabel('销号后第几天', { exact: true }).fill('45，十五');
  await rules.getByRole('button', { name: '保存' }).click();
  await expect(rules).toContainText('第 1 条规则的天数只能是整数，多个用逗号隔开。');
  await rules.getByLabel('销号后第几天', { exact: true }).fill('45，15');
  await rules.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存。')).toBeVisible();
  await page.reload();
  await expect(
    page.getByTestId('recheck-rules').getByLabel('销号后第几天', { exact: true }),
  ).toHaveValue('15, 45');

  const dialog = await newItem(page, '村口垃圾池满溢', '2026-05-01', '2026-05-16');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '2026-镇督-0001' })).toBeVisible();
  await page.getByRole('button', { name: '开始整改' }).click();
  await page.getByLabel('添加措施').fill('建立保洁制度');
  await page.getByRole('button', { name: '添加措施' }).click();
  await page.getByLabel('建立保洁制度').click();
  await expect(page.getByLabel('建立保洁制度')).toBeChecked();
  await addPhoto(page, section(page, '整改后照片或证明'), '整改后.png');
  await page.getByRole('button', { name: '申请销号' }).click();
  await expect(page.getByTestId('problem-status')).toHaveText('申请销号');
  await page.getByRole('button', { name: '销号·长期坚持' }).click();
  const close = page.getByRole('dialog');
  await expect(close.getByLabel('验收人（谁验收、谁负责）')).toHaveValue('张环保');
  await close.getByLabel('验收意见').fill('保洁制度已建立');
  await close.getByLabel('长期坚持的工作').fill('每周保洁一次，垃圾日产日清');
  await close.getByLabel('检查间隔（天）').fill('14');
  await close.getByRole('button', { name: '销号·长期坚持' }).click();
  await expect(page.getByTestId('long-term-chip')).toHaveText('已完成·长期坚持');
  // Every 14 days from 05-10: 05-24, 06-07, …
  const schedule = page.getByTestId('recheck-schedule');
  await expect(schedule.getByRole('row').nth(1)).toHaveText(/2026-05-24\s*长期坚持第 1 次/);
  await expect(schedule.getByRole('row').nth(2)).toHaveText(/2026-06-07\s*长期坚持第 2 次/);
  // The next two are listed; the rest of the year is counted (2026-06-21 … 2027-05-09: 24).
  await expect(schedule.getByRole('row')).toHaveCount(3);
  await expect(page.getByTestId('recheck-section')).toContainText(
    '此后一年内还有 24 次，每 14 天一次。',
  );
  await snap(page, '95-recheck-long-term');

  // A month on (06-12) the office ends the duty: the checks after that day are not owed.
  await moveClock(page, '2026-06-12');
  await expect(schedule.getByRole('row').nth(3)).toHaveText(/2026-06-21\s*长期坚持第 3 次\s*未到/);
  await page.getByRole('button', { name: '结束长期坚持' }).click();
  const end = page.getByRole('dialog');
  await end.getByLabel('结束的原因').fill('好');
  await end.getByRole('button', { name: '结束长期坚持' }).click();
  await expect(end).toContainText('至少 4 个字');
  await end.getByLabel('结束的原因').fill('已纳入村规民约长效管护');
  await end.getByRole('button', { name: '结束长期坚持' }).click();
  await expect(page.getByTestId('long-term-ended')).toHaveText(
    '长期坚持已于 2026-06-12 结束（张环保）：已纳入村规民约长效管护',
  );
  await expect(schedule.getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('table', { name: '操作记录（不可修改）' })).toContainText(
    '结束长期坚持',
  );

  // A new item at the same place is offered as the return of the closed one.
  const again = await newItem(page, '垃圾池又满了', '2026-06-12', '2026-06-27');
  const offer = again.getByTestId('rebound-offer');
  await expect(offer).toContainText('2026-镇督-0001（2026-05-10 销号）村口垃圾池满溢');
  await offer.getByLabel(/2026-镇督-0001/).check();
  await snap(page, '96-recheck-rebound-offer');
  await again.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '2026-镇督-0002' })).toBeVisible();
  await expect(page.getByTestId('rebound-of').getByRole('link')).toHaveText('2026-镇督-0001');

  // The closed one is marked 反弹, and is looked at no more.
  await page.getByTestId('rebound-of').getByRole('link').click();
  await expect(page.getByTestId('rebound-chip')).toBeVisible();
  await expect(
    page.getByTestId('recheck-section').getByRole('button', { name: '记录回头看' }),
  ).toHaveCount(0);
  await expect(page.getByRole('table', { name: '操作记录（不可修改）' })).toContainText('标记反弹');
});

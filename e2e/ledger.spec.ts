import { expect, test, type Page } from '@playwright/test';
import { completeSetup, snap } from './helpers';

async function addPhoto(page: Page, section: string, name: string) {
  const png = await page.screenshot({ clip: { x: 0, y: 0, width: 100, height: 75 } });
  const chooser = page.waitForEvent('filechooser');
  await page
    .getByRole('heading', { name: section })
    .locator('..')
    .getByRole('button', { name: '添加照片' })
    .click();
  await (await chooser).setFiles({ name, mimeType: 'image/png', buffer: png });
  await expect(page.getByRole('img', { name })).toBeVisible();
}

test('a deduction opens a ledger item, which goes through 退回, an extension, supervision and 销号, all on record', async ({
  page,
}) => {
  await completeSetup(page, { villages: ['张家村', '李家村'] });
  await page.goto('/#/assessment/2026-05/scoring');
  await page.getByLabel('检查人员').fill('张环保、李干事');
  await page.getByRole('button', { name: '开始本月考核' }).click();
  await page.getByRole('gridcell', { name: '李家村 A06', exact: true }).click();
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await page.getByRole('gridcell', { name: '李家村 A06', exact: true }).click();
  await page.getByTestId('cell-panel').getByLabel('情况说明').fill('沟渠旁积存建筑垃圾');
  await page.getByTestId('cell-panel').getByRole('button', { name: '保存本格' }).click();

  await page.getByRole('button', { name: '开整改问题' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('问题描述')).toHaveValue(
    '存在陈年垃圾或积存垃圾堆：沟渠旁积存建筑垃圾（2026年5月考核 A06）',
  );
  await dialog.getByLabel('整改责任人').fill('李明');
  await dialog.getByLabel('整改时限').fill('2026-05-01'); // before the finding: refused
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('整改时限不能早于发现日期。')).toBeVisible();
  const found = await dialog.getByLabel('发现日期').inputValue();
  const deadline = new Date(Date.parse(found) + 2 * 86_400_000).toISOString().slice(0, 10);
  await dialog.getByLabel('整改时限').fill(deadline);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(/已新增问题 \d{4}-镇督-0001。/)).toBeVisible();
  await page.getByRole('gridcell', { name: '李家村 A06', exact: true }).click();
  await page.getByRole('link', { name: '查看整改问题' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/\d{4}-镇督-0001/);
  await expect(page.getByTestId('problem-status')).toHaveText('待整改');
  await page.getByRole('button', { name: '开始整改' }).click();
  await expect(page.getByTestId('problem-status')).toHaveText('整改中');
  await page.getByLabel('添加措施').fill('清运建筑垃圾并平整场地');
  await page.getByRole('button', { name: '添加措施' }).click();
  await page.getByRole('button', { name: '申请销号' }).click();
  await expect(page.getByText('还有 1 项整改措施没有完成，不能申请销号。')).toBeVisible();
  await page.getByLabel('清运建筑垃圾并平整场地').click();
  await expect(page.getByLabel('清运建筑垃圾并平整场地')).toBeChecked();
  await page.getByRole('button', { name: '申请销号' }).click();
  await expect(page.getByText('申请销号需要至少一张整改后的照片或一份证明材料。')).toBeVisible();
  await addPhoto(page, '整改后照片或证明', '清理后.png');
  await page.getByRole('button', { name: '申请销号' }).click();
  await expect(page.getByTestId('problem-status')).toHaveText('申请销号');

  await page.getByRole('button', { name: '退回' }).click();
  await page.getByRole('dialog').getByLabel('退回原因').fill('现场仍有残留垃圾');
  await page.getByRole('dialog').getByRole('button', { name: '退回' }).click();
  await expect(page.getByTestId('problem-status')).toHaveText('整改中');
  await expect(page.getByText('退回：现场仍有残留垃圾')).toBeVisible();

  await page.getByRole('button', { name: '延期' }).click();
  const later = new Date(Date.parse(deadline) + 10 * 86_400_000).toISOString().slice(0, 10);
  await page.getByRole('dialog').getByLabel('新的整改时限').fill(later);
  await page.getByRole('dialog').getByLabel('延期理由').fill('雨季运输困难');
  await page.getByRole('dialog').getByRole('button', { name: '延期' }).click();
  await expect(page.getByTestId('original-deadline')).toContainText('原时限');

  await page.getByLabel('镇纪委督办').click();
  await expect(page.getByLabel('镇纪委督办')).toBeChecked();
  await page.getByRole('button', { name: '添加约谈/通报/问责' }).click();
  await page.getByRole('dialog').getByLabel('对象').fill('李明');
  await page.getByRole('dialog').getByLabel('说明').fill('整改不彻底');
  await page.getByRole('dialog').getByRole('button', { name: '添加约谈/通报/问责' }).click();
  await expect(page.getByText('约谈：李明（整改不彻底）')).toBeVisible();

  await page.getByRole('button', { name: '申请销号' }).click();
  await expect(page.getByTestId('problem-status')).toHaveText('申请销号');
  // What the 销号 was asked on stays as the verifier will see it, until it is sent back.
  await expect(page.getByTestId('evidence-locked')).toBeVisible();
  await expect(page.getByLabel('清运建筑垃圾并平整场地')).toBeDisabled();
  await expect(page.getByRole('button', { name: '添加措施' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '添加照片' })).toHaveCount(0);
  await page.getByRole('button', { name: '验收销号' }).click();
  // The one signed in and today to start with, both still to change.
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  await expect(page.getByRole('dialog').getByLabel('验收人（谁验收、谁负责）')).toHaveValue(
    '张环保',
  );
  await expect(page.getByRole('dialog').getByLabel('验收日期')).toHaveValue(today);
  await snap(page, '50-ledger-close-dialog');
  await page.getByRole('dialog').getByLabel('验收人（谁验收、谁负责）').fill('王副镇长');
  // Verified today: a 验收日期 still to come is refused (e2e/entry.spec.ts).
  await page.getByRole('dialog').getByLabel('验收意见').fill('已清理到位，场地平整');
  await page.getByRole('dialog').getByRole('button', { name: '验收销号' }).click();
  await expect(page.getByTestId('problem-status')).toHaveText('已销号');
  await expect(page.getByText(/验收：王副镇长/)).toBeVisible();

  const history = page.getByRole('table', { name: '操作记录（不可修改）' });
  await expect(history.getByRole('row').filter({ hasText: '申请销号 → 整改中' })).toContainText(
    '现场仍有残留垃圾',
  );
  await expect(history.getByRole('row').filter({ hasText: '雨季运输困难' })).toHaveCount(1);
  await expect(history.getByRole('row').filter({ hasText: '申请销号 → 已销号' })).toContainText(
    '张环保',
  );
  // Each step by its name: adding the measure and ticking it are not both 修改.
  await expect(history.getByRole('row').filter({ hasText: '新增整改措施' })).toHaveCount(1);
  await expect(history.getByRole('row').filter({ hasText: '完成整改措施' })).toHaveCount(1);
  await expect(history.getByRole('row').filter({ hasText: '添加整改后照片或证明' })).toHaveCount(1);
  await expect(history.getByRole('cell', { name: '修改', exact: true })).toHaveCount(0);
  await snap(page, '50-ledger-problem');

  // The grid lists it, closed and supervised; a second, overdue item shows 逾期.
  await page.getByRole('link', { name: '返回台账' }).click();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('button', { name: '新增问题' }).click();
  await page.getByRole('dialog').getByLabel('问题来源').click();
  await page.getByRole('option', { name: '群众申诉反映' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('dialog').getByText('群众申诉请选择反映渠道。')).toBeVisible();
  // On the office's screen the long form scrolls inside the dialog; 保存 and 取消 stay in sight.
  await expect(page.getByRole('dialog').getByRole('button', { name: '保存' })).toBeInViewport();
  await expect(page.getByRole('dialog').getByRole('button', { name: '取消' })).toBeInViewport();
  await snap(page, '51-ledger-new-public-1366');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await snap(page, '51-ledger-new-public-1920');
  await page.setViewportSize({ width: 1366, height: 860 });
  await page.getByRole('dialog').getByLabel('反映渠道').click();
  await page.getByRole('option', { name: '12345' }).click();
  await page.getByRole('dialog').getByLabel('问题描述').fill('河边有人倾倒垃圾');
  await page.getByRole('dialog').getByLabel('整改责任人').fill('张三');
  await page.getByRole('dialog').getByLabel('发现日期').fill('2026-01-05');
  await page.getByRole('dialog').getByLabel('整改时限').fill('2026-01-20');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('2026-群诉-0001');
  await page.getByRole('link', { name: '返回台账' }).click();
  const grid = page.getByRole('grid');
  // The ledger opens on unfinished items; 全部 shows the closed one too.
  await expect(grid.getByRole('row')).toHaveCount(2);
  await page.getByRole('combobox', { name: '状态' }).selectOption({ label: '全部' });
  await expect(grid.getByRole('row')).toHaveCount(3);
  await expect(grid.getByRole('row').filter({ hasText: '2026-群诉-0001' })).toContainText('逾期');
  await page.getByLabel('只看逾期').click();
  await expect(grid.getByRole('row')).toHaveCount(2);
  await snap(page, '51-ledger-grid');

  // 整改一个、触及一类: the closed item points at the same kind of problem still open elsewhere.
  await page.getByLabel('只看逾期').click();
  await grid.getByRole('gridcell', { name: /镇督-0001/ }).click();
  await expect(page.getByTestId('same-class')).toContainText('2026-群诉-0001 河边有人倾倒垃圾');

  // The dashboard counts the ledger: by source, closure rate, overdue by person.
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '总览' })
    .click();
  const summary = page.getByTestId('ledger-summary');
  await expect(summary).toContainText('销号率50%');
  await expect(
    page
      .getByRole('table', { name: '按来源' })
      .getByRole('row')
      .filter({ hasText: '群众申诉反映' }),
  ).toHaveText(/群众申诉反映\s*1\s*1\s*0/);
  await expect(page.getByRole('table', { name: '逾期问题责任人' })).toContainText('张三');
  await snap(page, '52-dashboard-ledger');
});

test('upper-level feedback shows when the next progress report is due', async ({ page }) => {
  await completeSetup(page, { villages: ['张家村'] });
  await page.goto('/#/ledger');
  await page.getByRole('button', { name: '新增问题' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('问题来源').click();
  await page.getByRole('option', { name: '上级督查反馈' }).click();
  await dialog.getByLabel('督查层级').click();
  await page.getByRole('option', { name: '县级' }).click();
  await dialog.getByLabel('批次或文号').fill('县环委办〔2026〕12号');
  await dialog.getByLabel('问题描述').fill('镇区生活垃圾处理不及时');
  await dialog.getByLabel('整改责任人').fill('赵站长');
  await dialog.getByLabel('发现日期').fill('2026-05-01');
  await dialog.getByLabel('整改时限').fill('2026-06-30');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('2026-上督-0001');
  await expect(page.getByText('县级 县环委办〔2026〕12号')).toBeVisible();
  // Found on 1 May: the first report was due on the 8th, long past — said so.
  await expect(page.getByTestId('next-report')).toHaveText(
    '! 下次报送期限：2026-05-08（每 7 天一次），已过期，请尽快向上级报送进展',
  );
});

import { expect, test, type Page } from '@playwright/test';
import { completeSetup, PASSWORD, snap } from './helpers';
import { addPhoto, newProblem, section } from './office';

/**
 * 本机账号 as an office uses them: the administrator adds the leader, the discipline committee's
 * member and a colleague; each signs in, sets their own password, and finds only what their role
 * may do; 谁验收、谁负责; a complainant's name only for whom it is allowed; the lock.
 */

async function addAccount(page: Page, name: string, roles: string[]) {
  await page.getByRole('button', { name: '添加账号' }).click();
  const dialog = page.getByRole('dialog', { name: '添加账号' });
  await dialog.getByLabel('姓名').fill(name);
  // 环境办 is ticked to start with; the roles asked for, and only those.
  for (const role of ['管理员', '环境办', '领导', '纪委']) {
    const box = dialog.getByLabel(role, { exact: true });
    if (roles.includes(role)) await box.check();
    else await box.uncheck();
  }
  await dialog.getByLabel('登录密码').fill('first-pass');
  await dialog.getByLabel('再输一次密码').fill('first-pass');
  await dialog.getByRole('button', { name: '添加账号' }).click();
  await expect(dialog).toBeHidden();
}

/** 切换用户, then the person's first sign-in: the administrator's password changed to their own. */
async function switchTo(page: Page, name: string, own: string) {
  await page.getByTestId('account-chip').click();
  await page.getByRole('menuitem', { name: '切换用户' }).click();
  const form = page.getByRole('form', { name: '登录' });
  await form.getByLabel('姓名').selectOption(name);
  await form.getByLabel('密码').fill('first-pass');
  await form.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '请设置您自己的密码' })).toBeVisible();
  await page.getByLabel('原密码').fill('first-pass');
  await page.getByLabel('新密码').fill(own);
  await page.getByLabel('再输一次密码').fill(own);
  await page.getByRole('button', { name: '保存新密码' }).click();
  await expect(page.getByTestId('account-chip')).toHaveText(`当前账号：${name}`);
}

test('each role signs in and finds only what it may do; the one who asks for 销号 does not confirm it', async ({
  page,
}) => {
  await completeSetup(page, { villages: ['东村', '西村'] });
  await page.goto('/#/settings/accounts');
  await addAccount(page, '李镇长', ['领导']);
  await addAccount(page, '王纪检', ['纪委']);
  await addAccount(page, '赵干事', ['环境办']);
  const rows = page.getByTestId('account-row');
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: '王纪检' })).toContainText('督办、约谈、通报和问责');
  await expect(rows.filter({ hasText: '赵干事' })).toContainText('待本人改密码');
  await snap(page, '97-accounts');

  // A public complaint, its complainant kept private.
  await newProblem(
    page,
    {
      source: '群众申诉反映',
      village: '东村',
      text: '河边有人倾倒垃圾',
      found: '2026-11-05',
      due: '2026-11-20',
    },
    async (dialog) => {
      await dialog.getByLabel('反映渠道').click();
      await page.getByRole('option', { name: '12345' }).click();
      await dialog.getByLabel('反映人（保密，不导出）').fill('刘某 13800001234');
    },
  );
  const number = '2026-群诉-0001';
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(number);
  const itemUrl = page.url();

  // 赵干事 (环境办): works the item, but may not see the complainant or confirm a 销号.
  await switchTo(page, '赵干事', 'zhao-2026');
  await page.goto(itemUrl);
  await expect(page.getByText('13800001234')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '查看', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: '开始整改' }).click();
  await page.getByLabel('添加措施').fill('清理垃圾并设警示牌');
  await page.getByRole('button', { name: '添加措施' }).click();
  await page.getByLabel('清理垃圾并设警示牌').click();
  await addPhoto(page, section(page, '整改后照片或证明'), '整改后.png');
  await page.getByRole('button', { name: '申请销号' }).click();
  await expect(page.getByTestId('problem-status')).toHaveText('申请销号');
  await expect(page.getByRole('button', { name: '验收销号' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '退回' })).toHaveCount(0);
  await page.goto('/#/settings/town');
  // What the account may only read says so, and why.
  await expect(page.getByTestId('read-only')).toHaveText(
    '这里只能查看：您的账号（赵干事）没有“乡镇、村、人员、考核标准和制度设置”的权限。如需修改，请找管理员在 设置 → 账号 中调整。',
  );
  await expect(page.getByRole('tab', { name: '账号' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: '操作记录' })).toHaveCount(0);
  // Typed straight into the address bar, a tab it may not see opens 乡镇信息 instead.
  await page.goto('/#/settings/accounts');
  await expect(page).toHaveURL(/#\/settings\/town$/);
  await snap(page, '97b-office-settings');

  // 李镇长 (领导): confirms the 销号 that someone else asked for; enters nothing of his own.
  await switchTo(page, '李镇长', 'li-2026ab');
  await page.goto('/#/ledger');
  await expect(page.getByRole('button', { name: '新增问题' })).toHaveCount(0);
  await page.goto(itemUrl);
  await expect(page.getByRole('button', { name: '开始整改' })).toHaveCount(0);
  await page.getByRole('button', { name: '验收销号' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('验收人（谁验收、谁负责）').fill('李镇长');
  await dialog.getByLabel('验收日期').fill('2026-11-25');
  await dialog.getByLabel('验收意见').fill('现场核查，垃圾已清理');
  await dialog.getByRole('button', { name: '验收销号' }).click();
  await expect(page.getByTestId('problem-status')).toHaveText('已销号');

  // 王纪检 (纪委): reads everything and the whole history, 督办s; edits nothing of the ledger.
  await switchTo(page, '王纪检', 'wang-2026');
  await page.goto(itemUrl);
  await expect(page.getByRole('button', { name: '添加措施' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /更正/ })).toHaveCount(0);
  await page.goto('/#/settings/audit');
  const log = page.getByRole('table', { name: '操作记录' });
  const item = log.getByRole('row').filter({ hasText: number });
  await expect(item.filter({ hasText: '验收记录' })).toContainText('李镇长');
  await expect(item.filter({ hasText: '整改后照片' })).toContainText('赵干事');
  await expect(
    log.getByRole('row').filter({ hasText: '本人修改密码' }).filter({ hasText: '王纪检' }),
  ).toContainText('修改密码');
  await page.getByRole('button', { name: '核验记录完整性' }).click();
  await expect(page.getByTestId('history-check')).toContainText('全部核验通过');
  await snap(page, '97c-discipline-history');

  // 锁定: the page stays underneath; the password brings it back as it was.
  await page.getByTestId('account-chip').click();
  await page.getByRole('menuitem', { name: '锁定' }).click();
  const lock = page.getByRole('form', { name: '工作台已锁定' });
  await expect(lock).toBeVisible();
  await expect(lock).toContainText('王纪检 的工作台已锁定');
  await snap(page, '97d-locked');
  await lock.getByLabel('密码').fill('wrong-one');
  await lock.getByRole('button', { name: '解锁' }).click();
  await expect(lock.getByText(/密码不对/)).toBeVisible();
  await lock.getByLabel('密码').fill('wang-2026');
  await lock.getByRole('button', { name: '解锁' }).click();
  await expect(lock).toBeHidden();
  await expect(page.getByTestId('history-check')).toContainText('全部核验通过');

  // The administrator sees the complainant on asking, and the look is in the history.
  await page.getByTestId('account-chip').click();
  await page.getByRole('menuitem', { name: '切换用户' }).click();
  const form = page.getByRole('form', { name: '登录' });
  await form.getByLabel('姓名').selectOption('张环保');
  await form.getByLabel('密码').fill(PASSWORD);
  await form.getByRole('button', { name: '登录' }).click();
  await page.goto(itemUrl);
  await expect(page.getByText('13800001234')).toHaveCount(0);
  await page.getByRole('button', { name: '查看', exact: true }).click();
  await expect(page.getByText('刘某 13800001234')).toBeVisible();
  await page.goto('/#/settings/audit');
  await expect(log.getByRole('row').filter({ hasText: '查看保密信息' }).first()).toContainText(
    '张环保',
  );
});

test('the one who asks for a 销号 cannot confirm it while a leader can', async ({ page }) => {
  await completeSetup(page, { villages: ['东村'] });
  await page.goto('/#/settings/accounts');
  await addAccount(page, '李镇长', ['领导']);
  await newProblem(page, {
    source: '镇级督查',
    village: '东村',
    text: '沟渠旁积存建筑垃圾',
    found: '2026-11-05',
    due: '2026-11-20',
  });
  await page.getByRole('button', { name: '开始整改' }).click();
  await page.getByLabel('添加措施').fill('清运');
  await page.getByRole('button', { name: '添加措施' }).click();
  await page.getByLabel('清运').click();
  await addPhoto(page, section(page, '整改后照片或证明'), '整改后.png');
  await page.getByRole('button', { name: '申请销号' }).click();
  await page.getByRole('button', { name: '验收销号' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('验收人（谁验收、谁负责）').fill('张环保');
  await dialog.getByLabel('验收日期').fill('2026-11-25');
  await dialog.getByLabel('验收意见').fill('已清运');
  await dialog.getByRole('button', { name: '验收销号' }).click();
  await expect(dialog).toContainText(
    '销号申请是您本人提出的，应由其他人验收（谁验收、谁负责）。可以验收的账号：李镇长。',
  );
  await snap(page, '97e-self-confirm-refused');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(page.getByTestId('problem-status')).toHaveText('申请销号');
});

test('the administrator stops an account from its row, ticks rights one by one, and renews the recovery code', async ({
  page,
}) => {
  const firstCode = await completeSetup(page, { villages: ['东村'] });
  await page.goto('/#/settings/accounts');
  await page.getByRole('button', { name: '添加账号' }).click();
  const add = page.getByRole('dialog', { name: '添加账号' });
  // The roles give the starting rights; each is a box of its own, as the help says.
  await expect(add.getByText('下面可以逐项调整')).toBeVisible();
  await add.getByLabel('环境办', { exact: true }).uncheck();
  await add.getByLabel('领导', { exact: true }).check();
  await expect(add.getByLabel('验收销号', { exact: true })).toBeChecked();
  await add.getByLabel('审批“无法整改”', { exact: true }).uncheck();
  await expect(add.getByText('至少 6 位。忘记时由管理员重设。')).toBeVisible();
  await add.getByLabel('姓名').fill('李镇长');
  await add.getByLabel('登录密码').fill('first-pass');
  await add.getByLabel('再输一次密码').fill('first-pass');
  await page.setViewportSize({ width: 1366, height: 768 });
  await snap(page, '98-account-add-1366');
  await add.getByRole('button', { name: '添加账号' }).click();
  await expect(add).toBeHidden();
  const row = page.getByTestId('account-row').filter({ hasText: '李镇长' });
  await expect(row).toContainText('验收销号');
  await expect(row).not.toContainText('审批“无法整改”');

  // 停用 is on the row; the message says it was stopped, not that rights were saved.
  await expect(
    page
      .getByTestId('account-row')
      .filter({ hasText: '张环保' })
      .getByRole('button', { name: '停用' }),
  ).toHaveCount(0);
  await row.getByRole('button', { name: '停用' }).click();
  await page
    .getByRole('dialog', { name: '停用“李镇长”的账号？' })
    .getByRole('button', { name: '停用' })
    .click();
  await expect(page.getByText('已停用“李镇长”的账号，他不能再登录。')).toBeVisible();
  await expect(row).toContainText('已停用');
  await snap(page, '98-accounts-stopped-1366');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await snap(page, '98-accounts-stopped-1920');
  await row.getByRole('button', { name: '重新启用' }).click();
  await expect(page.getByText('已重新启用“李镇长”的账号')).toBeVisible();
  await expect(row).toContainText('待本人改密码');
  // Through 调整权限 too, a stop is said as a stop.
  await row.getByRole('button', { name: '调整权限' }).click();
  const edit = page.getByRole('dialog', { name: '调整“李镇长”的权限' });
  await edit.getByLabel('停用这个账号（人员调离时）').check();
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已停用“李镇长”的账号，他不能再登录。')).toBeVisible();
  await page.setViewportSize({ width: 1366, height: 860 });

  // The administrator's own password comes back with the recovery code, not from an administrator.
  await page.getByTestId('account-chip').click();
  await page.getByRole('menuitem', { name: '修改密码' }).click();
  await expect(page.getByText('至少 6 位。忘记时用设置时打印的恢复码重设。')).toBeVisible();
  await page.keyboard.press('Escape');

  // The sign-in says which town's PC this is; the code renewed says the old one is spent.
  await page.getByTestId('account-chip').click();
  await page.getByRole('menuitem', { name: '切换用户' }).click();
  await expect(page.getByTestId('sign-in-place')).toHaveText('绿水县 · 青山镇 的工作台');
  await page.setViewportSize({ width: 1366, height: 768 });
  await snap(page, '98-sign-in-1366');
  await page.getByRole('button', { name: '忘记密码？' }).click();
  await page.getByRole('button', { name: '用恢复码重设管理员密码' }).click();
  await page.getByLabel('姓名').selectOption('张环保');
  await page.getByLabel('恢复码').fill(firstCode);
  await expect(page.getByText('至少 6 位。忘记时用设置时打印的恢复码重设。')).toBeVisible();
  await page.getByLabel('新密码').fill('qingshan-new');
  await page.getByLabel('再输一次密码').fill('qingshan-new');
  await page.getByRole('button', { name: '重设密码并登录' }).click();
  await expect(page.getByRole('heading', { name: '请打印并保管好新的管理员恢复码' })).toBeVisible();
  await expect(page.getByTestId('recovery-renewed')).toHaveText(
    '原来的恢复码已经用过，从现在起不能再用了：请把旧的那张销毁，换成这一张新的。',
  );
  await expect(page.getByTestId('recovery-code')).not.toHaveText(firstCode);
  await snap(page, '98-recovery-renewed-1366');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await snap(page, '98-recovery-renewed-1920');
});

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test, type Page } from '@playwright/test';
import { completeSetup, signIn, snap } from './helpers';
import {
  addPhoto,
  chooseFile,
  deliveredCountyList,
  download,
  fixAndClose,
  nav,
  newProblem,
  officePc,
  openProblem,
  storeCounts,
} from './office';

/**
 * A quarter of an office's work, on two PCs with on-disk Chromium profiles: three months scored
 * with site photos, items of all four sources closed with after-photos, a patrol finding with a
 * photo, the county's list as the county sends it (twice), a backup, an export with every photo
 * checked by the county's verifier, the second PC set up from it, one item changed on both PCs
 * and exchanged both ways, and a backup restored. Every count is worked out here by hand.
 */

const VILLAGES = ['张家村', '李家村', '第三村', '王家村', '赵家村'];
/** Today as the app sees it (the tests run in Asia/Shanghai). */
const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const year = today.slice(0, 4);

/** Says in the test's output which part of the quarter is under way. */
const step = (name: string) => console.log(`[quarter] ${name}`);

/** A month: A01 (1 point per pile, at most 4) typed for each village; one cell gets a photo. */
async function scoreMonth(page: Page, month: string, piles: number[], photoOn: string) {
  await page.goto(`/#/assessment/${month}/scoring`);
  await page.getByLabel('检查人员').fill('张环保、李干事');
  await page.getByRole('button', { name: '开始本月考核' }).click();
  await expect(page.getByRole('grid', { name: '打分表' })).toBeVisible();
  for (const [i, count] of piles.entries()) {
    if (count === 0) continue;
    await page.getByRole('gridcell', { name: `${VILLAGES[i]} A01`, exact: true }).click();
    await page.keyboard.type(String(count));
    await page.keyboard.press('Enter');
  }
  for (const [i, count] of piles.entries())
    await expect(page.getByTestId(`score-${VILLAGES[i]}`)).toHaveText(String(100 - count));
  await page.getByRole('gridcell', { name: `${photoOn} A01`, exact: true }).click();
  const panel = page.getByTestId('cell-panel');
  await addPhoto(page, panel, `${month}-${photoOn}.png`);
  await page.getByRole('button', { name: '关闭本月考核并发布结果' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '关闭并发布' }).click();
  await expect(page.getByRole('tab', { name: '红黄榜', selected: true })).toBeVisible();
}

/** The ledger lists `count` items of a status (全部 by default). */
async function expectLedger(page: Page, count: number, status = '全部') {
  await page.goto('/#/ledger');
  await page.getByRole('combobox', { name: '状态' }).selectOption({ label: status });
  await expect(page.getByTestId('ledger-count')).toHaveText(`共 ${count} 条`);
}

async function exportPackage(page: Page, file: string) {
  await nav(page, '数据交换');
  await download(page, () => page.getByRole('button', { name: '导出…' }).click(), file);
  await expect(page.getByTestId('receipt')).toBeVisible();
}

/** Imports a package through the 数据交换 page; resolves with the review shown (not committed). */
async function reviewPackage(page: Page, file: string) {
  await nav(page, '数据交换');
  await chooseFile(page, () => page.getByRole('button', { name: '选择文件…' }).click(), file);
  const review = page.getByTestId('import-review');
  await expect(review).toBeVisible();
  return review;
}

test('an office’s quarter on two PCs: photos everywhere, the county’s list, exchanges both ways, a restore', async () => {
  const testInfo = test.info();
  test.setTimeout(15 * 60_000);
  const pc1 = await officePc(testInfo, 'pc1');
  const page = await pc1.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  step('Set-up and a quarter of scoring (July–September), a site photo each month');
  await completeSetup(page, { villages: VILLAGES });
  // Piles of rubbish (A01, −1 each): July 99/98/97/96/100, August 100/99/98/97/96,
  // September 98/100/99/96/97. Three red flags each month (top three, all ≥ 90), no yellow.
  await scoreMonth(page, '2026-07', [1, 2, 3, 4, 0], '王家村');
  await scoreMonth(page, '2026-08', [0, 1, 2, 3, 4], '赵家村');
  await scoreMonth(page, '2026-09', [2, 0, 1, 4, 3], '王家村');
  const september = page.getByRole('table', { name: '2026年9月红黄榜' });
  await expect(september.locator('[data-flag="red"]')).toHaveCount(3);
  await expect(september.getByRole('row').filter({ hasText: '李家村' })).toContainText('红旗');
  await expect(september.locator('[data-flag="yellow"]')).toHaveCount(0);

  step('The ledger: one item of each source the office enters itself, each closed');
  await newProblem(page, {
    source: '镇级督查发现',
    village: '张家村',
    text: '村口沟渠旁积存建筑垃圾约3方，长期无人清理，群众反映强烈',
    found: '2026-09-10',
    due: '2026-09-25',
  });
  await expect(page.getByText('已新增问题 2026-镇督-0001。')).toBeVisible();
  await newProblem(page, {
    source: '村级自查上报',
    village: '李家村',
    text: '二组旱厕粪污外溢',
    found: '2026-09-11',
    due: '2026-09-30',
  });
  await newProblem(
    page,
    {
      source: '群众申诉反映',
      village: '王家村',
      text: '夜间有人往河里倾倒生活垃圾',
      found: '2026-09-12',
      due: '2026-09-27',
    },
    async (dialog) => {
      await dialog.getByRole('combobox', { name: '反映渠道' }).click();
      await page.getByRole('option', { name: '电话' }).click();
      await dialog.getByLabel('反映人（保密，不导出）').fill('王大妈 13900001111');
    },
  );
  for (const [number, photo] of [
    ['2026-镇督-0001', '沟渠清理后.png'],
    ['2026-村查-0001', '旱厕改造后.png'],
    ['2026-群诉-0001', '河道清理后.png'],
  ] as const) {
    await openProblem(page, number);
    await fixAndClose(page, { photo, verifier: '王副镇长', verifiedOn: '2026-09-28' });
  }
  // On this PC the complainant is on the item, masked until asked for.
  await expect(page.getByTestId('complainant')).toHaveText(/^王＊+$/);
  await page.getByRole('button', { name: '查看', exact: true }).click();
  await expect(page.getByTestId('complainant')).toHaveText('王大妈 13900001111');

  step('The county’s list, as the county sends it, imported twice');
  const list = await deliveredCountyList([
    {
      no: 'LS-2026-031',
      village: '第 三 村',
      text: '村道两侧垃圾堆放',
      demand: '立即清运，建立保洁制度',
      handed: new Date(Date.UTC(2026, 6, 16)),
      due: '2026.8.15',
      person: '孙书记',
    },
    {
      no: 'LS-2026-032',
      village: '张家村',
      text: '河道内有漂浮物',
      demand: '3日内清理，建立巡河台账',
      handed: '2026.7.16',
      due: '2026年8月30日',
      person: '张书记',
    },
    {
      no: 'LS-2026-033',
      village: '赵家村',
      text: '露天焚烧秸秆',
      demand: '加强巡查，落实禁烧责任',
      handed: '2026年7月16日',
      due: '2026.8.31',
      person: '赵书记',
    },
  ]);
  const importList = async () => {
    await page.goto('/#/ledger');
    await chooseFile(page, () => page.getByRole('button', { name: '导入上级反馈清单' }).click(), {
      name: '第三批整改清单.xlsx',
      mimeType: 'application/octet-stream',
      buffer: list,
    });
    return page.getByRole('dialog');
  };
  let dialog = await importList();
  await expect(dialog.getByTestId('import-summary')).toContainText(
    '新增 3 条，已导入过 0 条，有问题 0 条，跳过 3 行（合计、说明或空行）',
  );
  await dialog.getByRole('tab', { name: '跳过的行（3）' }).click();
  await expect(dialog.getByRole('table', { name: '跳过的行（3）' })).toContainText('合计行');
  await snap(page, '90-quarter-county-list');
  await dialog.getByRole('button', { name: '导入 3 条' }).click();
  await expect(page.getByText('已导入 3 条上级反馈问题。')).toBeVisible();
  // Again, with a batch typed this time: nothing new, nothing duplicated.
  dialog = await importList();
  await dialog.getByLabel('本清单的批次或文号').fill('县环委办〔2026〕3号');
  await expect(dialog.getByTestId('import-summary')).toContainText(
    '新增 0 条，已导入过 3 条，有问题 0 条',
  );
  await dialog.getByRole('button', { name: '取消' }).click();
  await openProblem(page, '2026-上督-0001');
  await expect(page.getByText('LS-2026-031')).toBeVisible();
  await expect(page.getByText('立即清运，建立保洁制度')).toBeVisible();
  await fixAndClose(page, {
    photo: '村道清运后.png',
    verifier: '王副镇长',
    verifiedOn: '2026-08-14',
  });

  step('A river patrol finding with a photo, into the ledger in one step');
  await page.goto('/#/settings/people');
  await page.getByRole('button', { name: '新增人员' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: '姓名' }).fill('李河长');
  await dialog.getByLabel('村级河长').check();
  await dialog.getByRole('combobox', { name: '所在村' }).click();
  await page.getByRole('option', { name: '张家村' }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await page.goto('/#/patrols');
  await page.getByRole('tab', { name: '河流与山头' }).click();
  await page.getByRole('button', { name: '添加河流' }).click();
  await dialog.getByLabel('河流名称').fill('东河');
  await dialog.getByRole('textbox', { name: '河段 1 名称' }).fill('张家村段');
  await dialog.getByRole('combobox', { name: '河段 1 河长' }).selectOption({ label: '李河长' });
  await dialog.getByRole('combobox', { name: '河段 1 所在村' }).selectOption({ label: '张家村' });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('tab', { name: '巡河' }).click();
  await page.getByRole('button', { name: '记录巡河' }).click();
  await dialog.getByLabel('起点').fill('张家村桥');
  await dialog.getByLabel('终点').fill('王家村坝');
  await dialog.getByRole('button', { name: '添加发现问题' }).click();
  await dialog.getByRole('combobox', { name: '发现问题 1 类型' }).selectOption({ label: '乱堆' });
  await dialog.getByRole('textbox', { name: '发现问题 1 情况' }).fill('河岸堆放建筑垃圾');
  await dialog.getByLabel('处理情况').fill('已通知张家村清理');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const patrols = page.getByRole('table', { name: '巡河记录' });
  await addPhoto(page, patrols, '河岸垃圾.png');
  await patrols.getByRole('button', { name: '转整改' }).click();
  await expect(page.getByText(`已开整改问题 ${year}-镇督-`)).toBeVisible();

  // The ledger: 3 entered + 3 from the county + 1 from the patrol = 7; 4 closed, 3 open.
  await expectLedger(page, 7);
  await expectLedger(page, 4, '已销号');
  // Photos: 3 deductions + 4 after-photos + 1 patrol = 8, each stored with its thumbnail: 16.
  const counts = await storeCounts(page);
  expect(counts.attachments).toBe(16);
  expect(counts.problems).toBe(7);
  expect(counts.periods).toBe(3);
  // Deductions: July 4 cells, August 4, September 4 (villages with piles) = 12.
  expect(counts.deductions).toBe(12);

  step('A backup, then an export with every photo, checked as the county checks it');
  await nav(page, '数据交换');
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(
    page.getByText(/^已备份：eco-desk-backup-\d{8}-\d{6}\+0800-manual\.zip$/),
  ).toBeVisible();
  const backupName = (await page.getByText(/^已备份：/).innerText()).slice('已备份：'.length);
  await expect(page.getByTestId('backup-failed')).toHaveCount(0);

  const first = testInfo.outputPath('pc1-first.zip');
  await exportPackage(page, first);
  await expect(page.getByTestId('receipt')).toContainText('照片和文件 16');
  await expect(page.getByTestId('receipt')).toContainText(
    /青山镇-2026-07至\d{4}-\d{2}-\d{8}-\d{4}\.zip/,
  );
  await snap(page, '91-quarter-export');
  const verified = execFileSync('npm', ['run', '--silent', 'handoff', '--', 'verify', first], {
    encoding: 'utf8',
  });
  expect(verified).toContain('通过：');
  expect(verified).toContain('时间范围：2026-07 至');
  expect(verified).toContain('整改问题 7');
  expect(verified).toContain('照片和文件 16');
  // The photos are in it, byte for byte as listed; the complainant is not.
  const entries = unzipSync(new Uint8Array(readFileSync(first)));
  expect(Object.keys(entries).filter((n) => n.startsWith('attachments/'))).toHaveLength(16);
  for (const [name, bytes] of Object.entries(entries))
    if (!name.startsWith('attachments/') && !name.endsWith('.xlsx'))
      expect(strFromU8(bytes), name).not.toContain('王大妈');

  step('The second PC starts from the first one’s backup');
  // A package never brings the town: a new PC is a copy of another's backup, accounts and all.
  const copy = testInfo.outputPath('pc1-backup.zip');
  await download(
    page,
    () =>
      page
        .getByRole('button', { name: /^另存… / })
        .first()
        .click(),
    copy,
  );
  const pc2 = await officePc(testInfo, 'pc2');
  const other = await pc2.newPage();
  other.on('pageerror', (e) => errors.push(e.message));
  await other.goto('/');
  await other.getByRole('link', { name: '已有本镇另一台电脑的备份？从文件恢复' }).click();
  await other.getByLabel('您的姓名').fill('李干事');
  await chooseFile(other, () => other.getByRole('button', { name: '选择文件…' }).click(), copy);
  await other
    .getByTestId('import-review')
    .getByRole('button', { name: /确认恢复/ })
    .click();
  await signIn(other);
  await expect(other.getByRole('heading', { name: '总览' })).toBeVisible();
  await expectLedger(other, 7);
  expect((await storeCounts(other)).attachments).toBe(16);
  // The restore is the new PC's first entry, by the one who did it.
  await other.goto('/#/settings/audit');
  await expect(
    other
      .getByRole('table', { name: '操作记录' })
      .getByRole('row')
      .filter({ hasText: '从备份恢复' }),
  ).toContainText('李干事');

  step('The same item changed on both PCs');
  // PC1: a progress note and an extension to 09-05. PC2: 开始整改 and an extension to 09-10.
  await openProblem(page, '2026-上督-0002');
  await page.getByLabel('记录进展').fill('已清理一半，剩余部分水深难以作业');
  await page.getByRole('button', { name: '记录进展' }).click();
  await page.getByRole('button', { name: '延期' }).click();
  await page.getByRole('dialog').getByLabel('新的整改时限').fill('2026-09-05');
  await page.getByRole('dialog').getByLabel('延期理由').fill('河道水位高');
  await page.getByRole('dialog').getByRole('button', { name: '延期' }).click();
  await expect(page.getByTestId('original-deadline')).toBeVisible();

  await openProblem(other, '2026-上督-0002');
  await other.getByRole('button', { name: '开始整改' }).click();
  await expect(other.getByTestId('problem-status')).toHaveText('整改中');
  await other.getByRole('button', { name: '延期' }).click();
  await other.getByRole('dialog').getByLabel('新的整改时限').fill('2026-09-10');
  await other.getByRole('dialog').getByLabel('延期理由').fill('等待挖机进场');
  await other.getByRole('dialog').getByRole('button', { name: '延期' }).click();
  await expect(other.getByTestId('original-deadline')).toBeVisible();

  // PC2's package at PC1: one question (the deadline both extended), the rest merges by itself.
  const fromPc2 = testInfo.outputPath('pc2.zip');
  await exportPackage(other, fromPc2);
  let review = await reviewPackage(page, fromPc2);
  await expect(review.getByRole('table', { name: '导入预览' })).toContainText('需要选择');
  const conflict = review.getByTestId('conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText('整改问题：2026-上督-0002');
  await expect(conflict.getByRole('row').filter({ hasText: '状态' })).toContainText(
    '对方改的，采用对方的',
  );
  await expect(conflict.getByRole('row').filter({ hasText: '进展情况' })).toContainText(
    '本机改的，保留本机的',
  );
  await expect(
    conflict.getByRole('row').filter({ hasText: '整改时限、原定时限、延期记录' }),
  ).toContainText('等待挖机进场');
  await expect(review.getByRole('button', { name: /确认导入/ })).toBeDisabled();
  await snap(page, '92-quarter-conflict');
  await conflict.getByRole('radio', { name: '整改时限、原定时限、延期记录用对方的' }).check();
  await review.getByRole('button', { name: /确认导入/ }).click();
  await expect(page.getByText(/导入完成/)).toBeVisible();
  await openProblem(page, '2026-上督-0002');
  // Nothing of either side lost: PC2's start and deadline, PC1's note; the history says so last.
  await expect(page.getByTestId('problem-status')).toHaveText('整改中');
  await expect(page.getByText('逾期 2026-09-10')).toBeVisible();
  await expect(page.getByText('已清理一半，剩余部分水深难以作业')).toBeVisible();
  const history = page.getByRole('table', { name: '操作记录（不可修改）' });
  await expect(history.getByRole('row').first()).toContainText('合并两台电脑的修改');
  const atPc1 = await page.getByRole('main').innerText();

  // Back to PC2: PC1's record has seen everything PC2 did, and is taken without a question.
  const back = testInfo.outputPath('pc1-back.zip');
  await exportPackage(page, back);
  review = await reviewPackage(other, back);
  await expect(review.getByTestId('conflict')).toHaveCount(0);
  await review.getByRole('button', { name: /确认导入/ }).click();
  await expect(other.getByText(/导入完成/)).toBeVisible();
  await openProblem(other, '2026-上督-0002');
  await expect(other.getByText('已清理一半，剩余部分水深难以作业')).toBeVisible();
  await expect(other.getByText('逾期 2026-09-10')).toBeVisible();
  // The two PCs read the same item (the history's rows aside, which name who imported).
  const facts = (text: string) => text.slice(0, text.indexOf('操作记录（不可修改）'));
  expect(facts(await other.getByRole('main').innerText())).toBe(facts(atPc1));

  step('Restoring the backup taken before the exchanges');
  await newProblem(page, {
    source: '镇级督查发现',
    village: '赵家村',
    text: '备份之后新增的问题',
    found: today,
    due: today,
  });
  await nav(page, '数据交换');
  await page
    .getByRole('table', { name: '本机的备份' })
    .getByRole('row')
    .filter({ hasText: '手动' })
    .getByRole('button', { name: /恢复…/ })
    .click();
  review = page.getByTestId('import-review');
  await expect(review).toContainText(backupName);
  const preview = review.getByTestId('restore-preview');
  // 8 items now, 7 in the backup; the new one goes; 2026-上督-0002 goes back to 待整改.
  await expect(preview.getByRole('row').filter({ hasText: '整改问题' })).toContainText('87−1');
  await expect(review.getByTestId('restore-lost')).toContainText('备份之后新增的问题');
  await expect(review.getByTestId('restore-reverted')).toContainText(
    '2026-上督-0002：状态 整改中 → 待整改',
  );
  await snap(page, '93-quarter-restore-preview');
  await review.getByRole('button', { name: '确认恢复' }).click();
  await expect(page.getByText(/恢复完成/)).toBeVisible();
  await expectLedger(page, 7);
  const restored = await storeCounts(page);
  expect(restored.attachments).toBe(16);
  await nav(page, '数据交换');
  await expect(page.getByRole('table', { name: '交换记录' })).toContainText('从备份恢复');
  // The restore point of the restore is kept beside the manual one.
  await expect(page.getByRole('table', { name: '本机的备份' })).toContainText('恢复前');
  await expect(page.getByRole('table', { name: '本机的备份' })).toContainText('手动');

  step('The history the discipline committee reads, every change opened');
  await nav(page, '设置');
  await page.getByRole('tab', { name: '操作记录' }).click();
  const log = page.getByRole('table', { name: '操作记录' });
  await expect(log.getByRole('button', { name: '查看改动' }).first()).toBeVisible();
  // Closing a month is one step of the history, its entries under it.
  const close = log.getByRole('row').filter({ hasText: '关闭2026年8月考核并发布结果' });
  await expect(close).toHaveCount(1);
  await expect(close).toContainText('一次操作');
  await expect(close).toContainText('新建 红黄榜 1 条');
  for (const button of await log.getByRole('button', { name: '查看各条' }).all())
    await button.click();
  for (const button of await log.getByRole('button', { name: '查看改动' }).all())
    await button.click();
  const text = await log.innerText();
  expect(text).toContain('从备份恢复');
  // No identifier of a table, field or value: only Chinese, names, numbers, the standard's item
  // codes (A01) and file names as the office named them.
  const words = text
    // File names are the office's own (《pc1-first.zip》, 河岸垃圾.png).
    .replace(/《[^》]*》/g, '')
    .replace(/\S+\.(png|jpg|zip|xlsx|pdf)/g, '')
    // A check value (校验值 8f846b5bad18) is hex digits, whatever letters fall in it.
    .replace(/[0-9a-f]{12,64}/g, '')
    .match(/[A-Za-z_]{3,}/g);
  for (const line of text.split('\n'))
    if (/[A-Za-z_]{3,}/.test(line.replace(/《[^》]*》/g, '').replace(/[0-9a-f]{12,64}/g, '')))
      console.log('[quarter] English:', line);
  expect([...new Set(words ?? [])]).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/94-quarter-history.png' });

  expect(errors).toEqual([]);
  await pc2.close();
  await pc1.close();
});

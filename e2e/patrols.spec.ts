import { unzipSync, strFromU8 } from 'fflate';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { completeSetup, snap, watchFor } from './helpers';
import { pdfText, printToPdf } from './pdf';

/** Today as the app sees it (the tests run in Asia/Shanghai). */
const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const year = Number(today.slice(0, 4));

async function addPerson(page: Page, name: string, role: string, village: string) {
  await page.goto('/#/settings/people');
  await page.getByRole('button', { name: '新增人员' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: '姓名' }).fill(name);
  await dialog.getByLabel(role).check();
  await dialog.getByRole('combobox', { name: '所在村' }).click();
  await page.getByRole('option', { name: village }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
}

/** A compliance row's 已巡 figure, by the person's name. */
const done = async (page: Page, table: string, name: string) =>
  Number(
    await page
      .getByTestId(table)
      .getByRole('row', { name: new RegExp(name) })
      .getByRole('cell')
      .nth(3)
      .innerText(),
  );

test.describe.configure({ timeout: 120_000 });

test('巡河巡林: patrols open ledger items in one step and change who is behind; the 曝光台 prints', async ({
  page,
}) => {
  await completeSetup(page, { villages: ['东村', '西村'] });
  await addPerson(page, '李河长', '村级河长', '东村');
  await addPerson(page, '赵护林', '公益护林员', '东村');

  // The grid: a river with its segment and chief, a forest plot with its ranger.
  await page.goto('/#/patrols');
  await expect(page.getByText('先在“河流与山头”中添加河流和河段')).toBeVisible();
  await page.getByRole('tab', { name: '河流与山头' }).click();
  await page.getByRole('button', { name: '添加河流' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByTestId('issue-list')).toContainText('请填写河流名称。');
  await dialog.getByLabel('河流名称').fill('东河');
  await dialog.getByRole('textbox', { name: '河段 1 名称' }).fill('东村段');
  await dialog.getByRole('combobox', { name: '河段 1 河长' }).selectOption({ label: '李河长' });
  await dialog.getByRole('combobox', { name: '河段 1 所在村' }).selectOption({ label: '东村' });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: '添加山头地块' }).click();
  await dialog.getByLabel('山头地块名称').fill('东山梁');
  await dialog.getByRole('combobox', { name: '所在村' }).selectOption({ label: '东村' });
  await dialog.getByRole('combobox', { name: '护林员或社长' }).selectOption({ label: '赵护林' });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: '河流与河段' })).toContainText(
    '村级河长 李河长 · 东村',
  );
  await snap(page, '80-patrols-grid');

  // 巡河: none yet; a patrol with a finding needs what was done about it.
  await page.getByRole('tab', { name: '巡河' }).click();
  expect(await done(page, 'river-compliance', '李河长')).toBe(0);
  await page.getByRole('button', { name: '记录巡河' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('起点').fill('东村桥');
  await dialog.getByLabel('终点').fill('西村坝');
  await dialog.getByRole('button', { name: '添加发现问题' }).click();
  await dialog.getByRole('combobox', { name: '发现问题 1 类型' }).selectOption({ label: '乱堆' });
  await dialog.getByRole('textbox', { name: '发现问题 1 情况' }).fill('河岸堆放建筑垃圾约 3 方');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByTestId('issue-list')).toContainText('发现问题时请填写处理情况。');
  await dialog.getByLabel('处理情况').fill('已通知东村限期清理');
  // The message goes once the field is mended.
  await expect(dialog.getByTestId('issue-list')).toBeHidden();
  await snap(page, '81-river-patrol-dialog');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  expect(await done(page, 'river-compliance', '李河长')).toBe(1);
  const required = Math.floor(Number(today.slice(8, 10)) / 7);
  await expect(
    page.getByTestId('river-compliance').getByRole('row', { name: /李河长/ }),
  ).toContainText(required > 1 ? `差 ${required - 1} 次` : '达标');

  // A site photo on the patrol (a real PNG: a corner of the page itself).
  const patrols = page.getByRole('table', { name: '巡河记录' });
  const png = await page.screenshot({ clip: { x: 0, y: 0, width: 120, height: 90 } });
  const chooser = page.waitForEvent('filechooser');
  await patrols.getByRole('button', { name: '添加照片' }).click();
  await (await chooser).setFiles({ name: '河岸垃圾.png', mimeType: 'image/png', buffer: png });
  await expect(patrols.getByRole('img', { name: '河岸垃圾.png' })).toBeVisible();

  // One step into the ledger, linked both ways.
  await patrols.getByRole('button', { name: '转整改' }).click();
  await expect(page.getByText(`已开整改问题 ${year}-镇督-0001。`)).toBeVisible();
  await snap(page, '82-river-patrols');
  await patrols.getByRole('button', { name: '查看整改' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${year}-镇督-0001`);
  await expect(page.getByText('乱堆：河岸堆放建筑垃圾约 3 方')).toBeVisible();
  await expect(page.getByTestId('from-patrol')).toHaveText('巡河发现');
  await page.getByTestId('from-patrol').click();
  await expect(page.getByRole('heading', { name: '巡河巡林', level: 1 })).toBeVisible();

  // The very same patrol again is refused; logged twice with a slip in the time, it is voided
  // with a reason: out of the list and the count.
  await page.getByRole('button', { name: '记录巡河' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('起点').fill('东村桥');
  await dialog.getByLabel('终点').fill('西村坝');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toContainText('08:30 开始的巡河已经记录过了');
  await dialog.getByLabel('开始时间').fill('835');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  expect(await done(page, 'river-compliance', '李河长')).toBe(2);
  const second = patrols
    .getByRole('row')
    .filter({ hasNotText: '转整改' })
    .filter({ hasText: '东村桥' });
  await second.filter({ hasNotText: '查看整改' }).getByRole('button', { name: '作废' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('作废原因').fill('重复');
  await dialog.getByRole('button', { name: '作废' }).click();
  await expect(dialog).toContainText('作废需要写明原因（至少 4 个字），例如“重复录入”。');
  await dialog.getByLabel('作废原因').fill('同一次巡河录了两遍');
  await dialog.getByRole('button', { name: '作废' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('巡查记录已作废。')).toBeVisible();
  expect(await done(page, 'river-compliance', '李河长')).toBe(1);
  await expect(patrols.getByRole('row')).toHaveCount(2); // the header and the one patrol

  // The patrol whose finding is a ledger item is corrected: its finding stays, the reason is asked.
  await patrols.getByRole('button', { name: '更正' }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('更正巡河记录');
  await expect(dialog.getByText('已转整改', { exact: true })).toBeVisible();
  await expect(dialog.getByRole('button', { name: '删除' })).toHaveCount(0);
  await dialog.getByLabel('结束时间').fill('11:15');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByTestId('issue-list')).toContainText('更正需要写明原因（至少 4 个字）');
  await dialog.getByLabel('更正原因').fill('结束时间录错');
  // The message is answered, and goes.
  await expect(dialog.getByTestId('issue-list')).toBeHidden();
  await snap(page, '81b-river-patrol-correct');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('巡查记录已更正。')).toBeVisible();
  await expect(patrols.getByRole('row').nth(1)).toContainText('–11:15');
  await expect(patrols.getByRole('button', { name: '查看整改' })).toBeVisible();
  await expect(patrols.getByRole('img', { name: '河岸垃圾.png' })).toBeVisible();
  expect(await done(page, 'river-compliance', '李河长')).toBe(1);

  // 巡林: the ranger's days go up; a fire hazard becomes a ledger item too.
  await page.getByRole('tab', { name: '巡林' }).click();
  await expect(page.getByTestId('fire-season')).toContainText('防火期 11-15 至 04-15');
  expect(await done(page, 'ranger-compliance', '赵护林')).toBe(0);
  await page.getByRole('button', { name: '记录巡林' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '添加发现问题' }).click();
  await dialog
    .getByRole('combobox', { name: '发现问题 1 类型' })
    .selectOption({ label: '火灾隐患' });
  await dialog.getByRole('textbox', { name: '发现问题 1 情况' }).fill('坟地周边杂草未清理');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  expect(await done(page, 'ranger-compliance', '赵护林')).toBe(1);
  await page
    .getByRole('table', { name: '巡林记录' })
    .getByRole('button', { name: '转整改' })
    .click();
  await expect(page.getByText(`已开整改问题 ${year}-镇督-0002。`)).toBeVisible();
  await snap(page, '83-forest-patrols');

  // 曝光台: choose the river item, print the board.
  await page.getByRole('tab', { name: '曝光台' }).click();
  await page.getByRole('checkbox', { name: `曝光 ${year}-镇督-0001` }).click();
  await expect(page.getByRole('checkbox', { name: `曝光 ${year}-镇督-0001` })).toBeChecked();
  await page.getByRole('button', { name: '打印曝光台' }).click();
  const board = pdfText(await printToPdf(page, 'exposure'));
  expect(board).toContain('青山镇生态环境问题曝光台');
  expect(board).toContain(`${year}-镇督-0001`);
  expect(board).not.toContain(`${year}-镇督-0002`);

  // The dashboard counts the month's patrols.
  await page.goto('/#/');
  await expect(page.getByTestId('patrol-summary')).toContainText('已巡河 1 次、巡林 1 次');
  await snap(page, '88-dashboard-patrols');

  // The history says both, in words, with the reasons.
  await page.goto('/#/settings');
  await page.getByRole('tab', { name: '操作记录' }).click();
  const log = page.getByRole('table', { name: '操作记录' });
  await expect(
    log.getByRole('row', { name: /巡河记录.*东河东村段.*更正.*结束时间录错/ }),
  ).toBeVisible();
  await expect(
    log.getByRole('row', { name: /巡河记录.*东河东村段.*作废.*同一次巡河录了两遍/ }),
  ).toBeVisible();
  await log
    .getByRole('row', { name: /巡河记录.*更正/ })
    .getByRole('button', { name: '查看改动' })
    .click();
  await expect(log).toContainText('结束时间');
  await expect(log).toContainText('10:30');
  await snap(page, '89-history-patrol-correct');
});

test('工作记录 and 年度总结: the year’s records fill the draft, each number opens its records, Word and print', async ({
  page,
}, testInfo) => {
  await completeSetup(page, { villages: ['东村', '西村'] });
  await addPerson(page, '赵护林', '公益护林员', '东村');
  await addPerson(page, '钱护林', '公益护林员', '西村');
  await addPerson(page, '孙护林', '生态护林员', '西村');

  // 理论学习: fast entry keeps the date and the meeting type for the next form.
  await page.goto('/#/records');
  await page.getByRole('button', { name: '新增理论学习' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^日期/).fill(today);
  await dialog.getByRole('combobox', { name: /^会议类型/ }).selectOption('镇党委会议');
  await dialog.getByLabel(/^学习内容/).fill('学习习近平生态文明思想');
  await dialog.getByLabel(/^参加人数/).fill('15');
  await dialog.getByRole('button', { name: '保存并继续录入' }).click();
  await expect(page.getByText('理论学习已保存。')).toBeVisible();
  await expect(dialog.getByLabel(/^日期/)).toHaveValue(today);
  await dialog.getByLabel(/^学习内容/).fill('学习新修订的环境保护法');
  await dialog.getByLabel(/^参加人数/).fill('十二');
  await dialog.getByRole('button', { name: '保存并继续录入' }).click();
  await expect(dialog.getByText('参加人数应为不小于 0 的整数。')).toBeVisible();
  await dialog.getByLabel(/^参加人数/).fill('12');
  await dialog.getByRole('button', { name: '保存并继续录入' }).click();
  await expect(dialog.getByLabel(/^学习内容/)).toHaveValue('');
  await dialog.getByRole('combobox', { name: /^会议类型/ }).selectOption('党委理论学习中心组');
  await dialog.getByLabel(/^学习内容/).fill('生态环境保护专题');
  await dialog.getByLabel(/^参加人数/).fill('9');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('record-count')).toHaveText(`${year}年理论学习共 3 条`);
  await snap(page, '84-records-study');

  // 农村改厕 in two villages: the per-village table and chart.
  const add = async (
    tab: string,
    values: Record<string, string>,
    choices: Record<string, string>,
  ) => {
    await page.getByRole('tab', { name: tab }).click();
    await page.getByRole('button', { name: `新增${tab}` }).click();
    for (const [label, value] of Object.entries(values))
      await dialog.getByLabel(new RegExp(`^${label}`)).fill(value);
    for (const [label, option] of Object.entries(choices))
      await dialog
        .getByRole('combobox', { name: new RegExp(`^${label}`) })
        .selectOption({ label: option });
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    await expect(dialog).toBeHidden();
  };
  await add(
    '农村改厕',
    { 登记日期: today, '计划（座）': '20', '完成（座）': '18' },
    { 村: '东村', 类型: '三格式', 使用情况: '正常使用' },
  );
  await add(
    '农村改厕',
    { 登记日期: today, '计划（座）': '10', '完成（座）': '6' },
    { 村: '西村', 类型: '双瓮式', 使用情况: '正常使用' },
  );
  await expect(page.getByRole('table', { name: '各村改厕' })).toContainText('60%');
  await snap(page, '85-records-toilets');
  await add(
    '绿化管护',
    { 登记日期: today, 道路: 'S205', '管护里程（公里）': '12.5', 管护单位或责任人: '东村' },
    {},
  );
  await add('十项消除', { 日期: today, 处数: '5' }, { 村: '东村', 消除项目: '生活垃圾' });
  const eliminations = page.getByRole('table', { name: '各村十项消除' });
  await expect(eliminations.getByRole('row', { name: /东村/ })).toContainText('5');
  await expect(eliminations.getByRole('row', { name: /全镇合计/ })).toHaveText(/全镇合计\s*5\s*5/);

  // The year-end draft: every blank filled from what was entered.
  await page.goto('/#/reports');
  await page.getByRole('tab', { name: '年度总结' }).click();
  const draft = page.getByTestId('summary-draft');
  await expect(draft).toContainText(
    '年内，镇党委会议学习生态环境保护内容2次，镇党委理论学习中心组会议学习共1次，镇村干部职工例会学习共0次。',
  );
  await expect(draft).toContainText(
    '对境内S205沿线12.5公里栽植的绿植进行长效管护，完成24座农村改厕任务',
  );
  await expect(draft).toContainText('全年消除各类问题5处');
  await expect(draft).toContainText('2名公益护林员、1名生态护林员');
  await snap(page, '86-year-summary');

  // A number opens the records it counts.
  await page.getByTestId('summary-paragraph-2').getByRole('button', { name: '2' }).click();
  await expect(page.getByTestId('figure-records').getByRole('listitem')).toHaveCount(2);
  await expect(page.getByTestId('figure-records')).toContainText('学习新修订的环境保护法');
  await snap(page, '87-year-summary-figure');
  await page.keyboard.press('Escape');
  // A record of a village is listed with the village's name, not its id.
  await draft.getByRole('button', { name: '24', exact: true }).click();
  await expect(page.getByTestId('figure-records').getByRole('listitem')).toHaveCount(2);
  await expect(page.getByTestId('figure-records')).toContainText('东村');
  await expect(page.getByTestId('figure-records')).toContainText('西村');
  // Its numbers named by their fields, not bare.
  await expect(
    page.getByTestId('figure-records').getByRole('listitem').filter({ hasText: '西村' }),
  ).toHaveText(`${today} · 西村 · 计划（座）：10 · 完成（座）：6 · 双瓮式 · 正常使用`);
  await snap(page, '87-year-summary-figure-villages');
  await page.keyboard.press('Escape');

  // A record entered after the draft was read: the draft counts it on the way back, and never
  // shows the figure from before, not even for a moment (a click then would use it).
  await page.goto('/#/records');
  await add('十项消除', { 日期: today, 处数: '3' }, { 村: '西村', 消除项目: '生活垃圾' });
  await expect(eliminations.getByRole('row', { name: /全镇合计/ })).toHaveText(/全镇合计\s*8\s*8/);
  const oldFigureShown = await watchFor(page, 'summary-draft', '全年消除各类问题5处');
  await page.goto('/#/reports');
  await page.getByRole('tab', { name: '年度总结' }).click();
  await expect(draft).toContainText('全年消除各类问题8处');
  expect(await oldFigureShown()).toBe(false);

  // A year without campaigns says none; one named in 设置 → 乡镇信息 is said where it belongs.
  await expect(draft).toContainText('一是聚力抓好人居环境整治工作。扎实开展以“十项消除”');
  // …nor documents (that clause left out, not “尚待制定”), nor a leading group.
  await expect(draft).toContainText('三是建立工作机制。细化工作举措');
  await expect(draft).toContainText('工作责任，全面构建无遗漏');
  await page.goto('/#/settings/town');
  await page.getByLabel('本年度专项活动（每行一个）').fill('勇做减法助推人居环境大提升');
  await page.getByRole('button', { name: '保存' }).first().click();
  await expect(page.getByText('已保存。')).toBeVisible();
  await page.goto('/#/reports');
  await page.getByRole('tab', { name: '年度总结' }).click();
  await expect(draft).toContainText(
    '一是聚力抓好人居环境整治工作。以开展“勇做减法助推人居环境大提升”活动为抓手，扎实开展以“十项消除”为主要内容的整治，全年消除各类问题8处，对境内S205沿线12.5公里栽植的绿植进行长效管护，完成24座农村改厕任务。',
  );
  await expect(draft).toContainText('开展“勇做减法助推人居环境大提升”等环境整治活动，细化工作举措');
  // Nothing counted, nothing to open: a 0 is text, not a link.
  await expect(
    page.getByTestId('summary-paragraph-2').getByRole('button', { name: '0', exact: true }),
  ).toHaveCount(0);
  await draft
    .getByRole('button', { name: '“勇做减法助推人居环境大提升”', exact: true })
    .first()
    .click();
  await expect(page.getByTestId('figure-records')).toHaveText(
    '勇做减法助推人居环境大提升（设置 → 乡镇信息）',
  );
  await page.keyboard.press('Escape');

  // Rewrite a paragraph: kept with the draft, and brought back on request.
  const closing = page.getByTestId('summary-paragraph-13');
  await closing.getByRole('button', { name: '改写本段' }).click();
  await page.getByRole('textbox', { name: '第 14 段' }).fill('今后，青山镇将继续巩固整治成果。');
  await page.getByRole('button', { name: '保存本段' }).click();
  await expect(closing).toContainText('已改写');
  await page.reload();
  await page.getByRole('tab', { name: '年度总结' }).click();
  await expect(page.getByTestId('summary-paragraph-13')).toContainText(
    '今后，青山镇将继续巩固整治成果。',
  );

  // Word: the same text in document.xml.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Word（.docx）' }).click();
  const file = testInfo.outputPath('summary.docx');
  await (await download).saveAs(file);
  const xml = strFromU8(unzipSync(new Uint8Array(await readFile(file)))['word/document.xml']!);
  const text = xml.replace(/<[^>]+>/g, '');
  expect(text).toContain(`青山镇${year}年生态环境保护工作总结`);
  expect(text).toContain('完成24座农村改厕任务');
  expect(text).toContain('今后，青山镇将继续巩固整治成果。');

  // Print: A4 with the header, the edited paragraph as edited.
  await page.getByRole('button', { name: '打印预览' }).click();
  const printed = pdfText(await printToPdf(page, 'year-summary'));
  expect(printed).toContain(`内部资料 · 青山镇 · ${year}年`);
  expect(printed.replace(/\s+/g, '')).toContain('完成24座农村改厕任务');
  expect(printed).toContain('今后，青山镇将继续巩固整治成果。');

  await page.goto('/#/reports');
  await page.getByRole('tab', { name: '年度总结' }).click();
  // Bringing back the generated text asks first: 取消 keeps the rewrite.
  const restore = page
    .getByTestId('summary-paragraph-13')
    .getByRole('button', { name: '恢复自动生成' });
  await restore.click();
  const confirm = page.getByRole('dialog', { name: '恢复自动生成？' });
  await expect(confirm).toContainText(
    '本段（“今后，青山镇将继续巩固整治成…”）将换回按本年记录自动生成的文字',
  );
  await snap(page, '87-year-summary-restore-confirm');
  await confirm.getByRole('button', { name: '取消' }).click();
  await expect(page.getByTestId('summary-paragraph-13')).toContainText('已改写');
  await restore.click();
  await confirm.getByRole('button', { name: '恢复自动生成' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('summary-paragraph-13')).not.toContainText('已改写');
});

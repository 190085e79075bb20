import { expect, test, type Page } from '@playwright/test';
import { completeSetup, snap } from './helpers';
import { fixAndClose, newProblem, openProblem, storedRows } from './office';
import { pdfInfo, pdfPages, pdfText, printToPdf } from './pdf';

/**
 * Entry that cannot silently go wrong: what a new office user typed in the scoring grid, typed
 * the same way here, and what the screen says and what is stored afterwards.
 */

/** Today as the app sees it (the tests run in Asia/Shanghai), and the days around it. */
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', {
    timeZone: 'Asia/Shanghai',
  });
const today = day(0);

const cell = (page: Page, village: string, code: string) =>
  page.getByRole('gridcell', { name: `${village} ${code}`, exact: true });

async function storedCount(page: Page, village: string, code: string) {
  const villages = await storedRows<{ id: string; name: string }>(page, 'villages');
  const id = villages.find((v) => v.name === village)?.id;
  const rows = await storedRows<{ villageId: string; itemCode: string; count: number | null }>(
    page,
    'deductions',
  );
  return rows.find((r) => r.villageId === id && r.itemCode === code)?.count ?? null;
}

test('the scoring grid behaves like a spreadsheet: typing replaces, Enter moves down, F2 edits; -1 and 999 are refused; past the cap says 扣完为止', async ({
  page,
}) => {
  await completeSetup(page, { villages: ['张家村', '李家村', '王家村', '赵家村'] });
  await page.goto('/#/assessment/2026-11/scoring');
  await page.getByLabel('检查人员').fill('张环保、李干事');
  await page.getByRole('button', { name: '开始本月考核' }).click();
  const grid = page.getByRole('grid', { name: '打分表' });
  await expect(grid).toBeVisible();

  // 6 Enter 2 Enter: 6 in 张家村, 2 in 李家村 — never 62.
  await cell(page, '张家村', 'A03').click();
  await page.keyboard.type('6');
  await page.keyboard.press('Enter');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await expect(cell(page, '张家村', 'A03')).toHaveText('6');
  await expect(cell(page, '李家村', 'A03')).toHaveText('2');
  await expect(cell(page, '王家村', 'A03')).toHaveAttribute('aria-selected', 'true');
  // Enter on a cell that is not being typed into only moves.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(cell(page, '王家村', 'A03')).toHaveAttribute('aria-selected', 'true');
  await expect(cell(page, '李家村', 'A03')).toHaveText('2');
  // Typing on a filled cell replaces its value.
  await cell(page, '张家村', 'A03').click();
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(cell(page, '张家村', 'A03')).toHaveText('5');
  await expect.poll(() => storedCount(page, '张家村', 'A03')).toBe(5);
  await expect.poll(() => storedCount(page, '李家村', 'A03')).toBe(2);

  // -1 and 999 are refused in the cell, with the reason; nothing is saved.
  await cell(page, '赵家村', 'A01').click();
  await page.keyboard.type('-1');
  await page.keyboard.press('Enter');
  const message = page.getByTestId('grid-message');
  await expect(message).toHaveText('处数不能是负数：请输入 0 到 99 之间的整数。');
  await expect(page.getByRole('textbox', { name: '赵家村 A01 处数' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await snap(page, '45-grid-refused');
  await page.keyboard.press('Escape');
  await expect(message).toHaveCount(0);
  await page.keyboard.type('999');
  await page.keyboard.press('Enter');
  await expect(message).toHaveText('处数最多 99，999 太大，请核对。');
  await page.keyboard.press('Escape');
  await expect(cell(page, '赵家村', 'A01')).toHaveText('');
  expect(await storedCount(page, '赵家村', 'A01')).toBeNull();

  // F2 edits in place: 5 becomes 58 — past A03's cap of 3 points (0.5 each). Said while typing,
  // before it is saved; Enter saves it and moves on; the village loses 3 points, not 29.
  await cell(page, '张家村', 'A03').click();
  await page.keyboard.press('F2');
  await page.keyboard.type('8');
  await expect(message).toHaveText(
    '58 处 × 0.5 分 = 29 分，超过本条上限 3 分：扣完为止，按 3 分计。',
  );
  expect(await storedCount(page, '张家村', 'A03')).toBe(5);
  await snap(page, '46-grid-capped');
  await page.keyboard.press('Enter');
  await expect(cell(page, '李家村', 'A03')).toHaveAttribute('aria-selected', 'true');
  await expect(cell(page, '张家村', 'A03')).toHaveText('58');
  await expect.poll(() => storedCount(page, '张家村', 'A03')).toBe(58);
  await expect(page.getByTestId('score-张家村')).toHaveText('97');
  // A double-click edits in place too.
  await cell(page, '李家村', 'A03').dblclick();
  await page.keyboard.type('0');
  await expect(message).toContainText('20 处 × 0.5 分 = 10 分');
  await page.keyboard.press('Enter');
  await expect.poll(() => storedCount(page, '李家村', 'A03')).toBe(20);
  await expect(page.getByTestId('score-李家村')).toHaveText('97');
  // Past the cap, 6 Enter 2 Enter still puts 6 and 2 in two cells (A02: 1 point each, cap 4).
  await cell(page, '王家村', 'A02').click();
  await page.keyboard.type('6');
  await page.keyboard.press('Enter');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await expect.poll(() => storedCount(page, '王家村', 'A02')).toBe(6);
  await expect.poll(() => storedCount(page, '赵家村', 'A02')).toBe(2);
  await expect(page.getByTestId('score-王家村')).toHaveText('96');
});

test('dates: one that does not exist, one in the future and one a century ago are refused with the reason; typed the Chinese way they are read', async ({
  page,
}) => {
  await completeSetup(page, { villages: ['张家村', '李家村'] });

  // A new item: 发现日期 1900-01-01, then next year; 整改时限 2026-02-30.
  await page.goto('/#/ledger');
  await page.getByRole('button', { name: '新增问题' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: '问题来源' }).click();
  await page.getByRole('option', { name: '镇级督查' }).click();
  await dialog.getByRole('combobox', { name: '所在村' }).click();
  await page.getByRole('option', { name: '张家村', exact: true }).click();
  await dialog.getByLabel('问题描述').fill('河道有漂浮垃圾');
  await dialog.getByLabel('整改责任人').fill('村支书');
  const found = dialog.getByLabel('发现日期');
  await found.fill('1900-01-01');
  await dialog.getByLabel('整改时限').fill('2026-02-30');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toContainText('发现日期“1900-01-01”太早');
  await expect(dialog).toContainText('整改时限“2026-02-30”不存在：2026年2月只有 28 天。');
  const nextYear = `${Number(today.slice(0, 4)) + 1}-06-01`;
  await found.fill(nextYear);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toContainText(`发现日期“${nextYear}”还没到（今天是 ${today}）`);
  await snap(page, '47-dates-refused');
  expect(await storedRows(page, 'problems')).toEqual([]);
  // Typed as people write dates: read, and shown the one way the app shows dates.
  const [y, m, d] = today.split('-').map(Number);
  await found.fill(`${y}年${m}月${d}日`);
  await found.blur();
  await expect(found).toHaveValue(today);
  await dialog.getByLabel('整改时限').fill(day(20).replace(/-/g, '.'));
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const [item] = await storedRows<{ number: string; foundOn: string; deadline: string }>(
    page,
    'problems',
  );
  expect(item).toMatchObject({ foundOn: today, deadline: day(20) });
  // The number takes the year it was found, not a year typed by mistake.
  expect(item!.number).toBe(`${today.slice(0, 4)}-镇督-0001`);

  // A 验收日期 of tomorrow is refused; today closes it.
  await openProblem(page, item!.number);
  await expect(
    fixAndClose(page, { photo: '清理后.png', verifier: '王副镇长', verifiedOn: day(1) }),
  ).rejects.toThrow();
  const close = page.getByRole('dialog');
  await expect(close).toContainText(`验收日期“${day(1)}”还没到（今天是 ${today}），请核对。`);
  await close.getByLabel('验收日期').fill(today);
  await close.getByRole('button', { name: '验收销号' }).click();
  await expect(page.getByTestId('problem-status')).toHaveText('已销号');

  // A month is started with who inspected, and a 检查日期 outside it is asked about.
  const earlier = day(-35).slice(0, 7);
  await page.goto(`/#/assessment/${earlier}/scoring`);
  await page.getByRole('button', { name: '开始本月考核' }).click();
  await expect(page.getByText('请填写检查人员（谁检查的），例如：张环保、李干事。')).toBeVisible();
  await page.getByLabel('检查人员').fill('张环保、李干事');
  await page.getByLabel('检查日期').fill(today);
  await page.getByRole('button', { name: '开始本月考核' }).click();
  const outside = page.getByRole('dialog', { name: '检查日期不在本月' });
  await expect(outside).toContainText(`检查日期 ${today} 不在`);
  await outside.getByRole('button', { name: '按这个日期开始' }).click();
  await expect(page.getByRole('grid', { name: '打分表' })).toBeVisible();
  expect((await storedRows<{ inspectedOn: string }>(page, 'periods'))[0]?.inspectedOn).toBe(today);

  // The span before set-up is the office's: 31 years refused, 0 years makes yesterday too early.
  await page.goto('/#/settings');
  const span = page.getByLabel('最早可录入到本镇启用前几年');
  await expect(span).toHaveValue('10');
  await span.fill('31');
  await span.press('Enter');
  await expect(page.getByText('请填写 0 到 30 之间的整数（年）。')).toBeVisible();
  await span.fill('0');
  await span.press('Enter');
  await expect(page.getByText(`最早可以是 ${today}`)).toBeVisible();
  await snap(page, '51-settings-date-span');
  await page.goto('/#/ledger');
  await page.getByRole('button', { name: '新增问题' }).click();
  await page.getByRole('dialog').getByLabel('发现日期').fill(day(-1));
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('dialog')).toContainText(`发现日期“${day(-1)}”太早（早于 ${today}）`);
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  await page.goto('/#/settings');
  await page.getByLabel('最早可录入到本镇启用前几年').fill('10');
  await page.getByLabel('最早可录入到本镇启用前几年').press('Enter');
  await expect(page.getByText('已保存。')).toBeVisible();

  // A work record dated 2026-02-30: said not to exist (a browser's date box dropped it).
  await page.goto('/#/records');
  await page.getByRole('button', { name: '新增理论学习' }).click();
  const record = page.getByRole('dialog');
  await record.getByLabel(/^日期/).fill('2026-02-30');
  await record.getByRole('combobox', { name: /^会议类型/ }).selectOption('镇党委会议');
  await record.getByLabel(/^学习内容/).fill('学习环境保护法');
  await record.getByLabel(/^参加人数/).fill('12');
  await record.getByRole('button', { name: '保存', exact: true }).click();
  await expect(record).toContainText('日期“2026-02-30”不存在：2026年2月只有 28 天。');
  // The calendar is in Chinese whatever the PC's language.
  await record.getByRole('button', { name: '打开日历' }).click();
  const calendar = page.getByRole('dialog', { name: '日历' });
  await expect(calendar).toContainText('2026年2月');
  await snap(page, '48-dates-calendar');
  await calendar.getByRole('gridcell', { name: '27' }).click();
  await expect(record.getByLabel(/^日期/)).toHaveValue('2026-02-27');
  await record.getByRole('button', { name: '保存', exact: true }).click();
  await expect(record).toBeHidden();
});

test('every free text has a limit the user sees: a 3,000-character note is refused with the reason, the longest allowed note keeps the report card on one page', async ({
  page,
}) => {
  await completeSetup(page, { villages: ['张家村', '李家村'] });
  await newProblem(page, {
    source: '镇级督查',
    village: '张家村',
    text: '河道有漂浮垃圾',
    found: today,
    due: day(10),
  });
  const number = `${today.slice(0, 4)}-镇督-0001`;
  await openProblem(page, number);
  const progress = page.getByLabel('记录进展');
  await progress.fill('进'.repeat(450));
  await expect(page.getByText('450/500')).toBeVisible();
  await progress.fill('进'.repeat(3000));
  await expect(page.getByText('3000/500')).toBeVisible();
  await page.getByRole('button', { name: '记录进展' }).click();
  await expect(page.getByText('进展情况最多 500 个字，现在是 3000 个字。')).toBeVisible();
  // What was typed stays, to be shortened.
  await expect(progress).toHaveValue('进'.repeat(3000));
  await snap(page, '49-text-too-long');
  // An empty measure says why, on screen.
  await page.getByRole('button', { name: '添加措施' }).click();
  await expect(page.getByText('整改措施不能为空。')).toBeVisible();
  const [item] = await storedRows<{ progress: unknown[]; measures: unknown[] }>(page, 'problems');
  expect(item).toMatchObject({ progress: [], measures: [] });

  // A deduction note of 2,200 characters is refused; the longest allowed (200) is kept, and the
  // village's report card still prints on one A4 page.
  await page.goto(`/#/assessment/${today.slice(0, 7)}/scoring`);
  await page.getByLabel('检查人员').fill('张环保、李干事');
  await page.getByRole('button', { name: '开始本月考核' }).click();
  await page.getByRole('gridcell', { name: '张家村 A01', exact: true }).click();
  await page.keyboard.type('2');
  await page.keyboard.press('ArrowUp');
  const panel = page.getByTestId('cell-panel');
  const note = panel.getByLabel('情况说明');
  await note.fill('垃'.repeat(2200));
  await panel.getByLabel('地点').click();
  await expect(panel).toContainText('情况说明最多 200 个字，现在是 2200 个字。');
  const longest = '村口垃圾收集点周边散落生活垃圾，已责令当日清理。'.repeat(10).slice(0, 200);
  await note.fill(longest);
  await panel.getByLabel('地点').fill('村口'.repeat(25));
  await panel.getByRole('button', { name: '保存本格' }).click();
  await expect
    .poll(async () => (await storedRows<{ note: string }>(page, 'deductions'))[0]?.note)
    .toBe(longest);
  const villages = await storedRows<{ id: string; name: string }>(page, 'villages');
  const id = villages.find((v) => v.name === '张家村')!.id;
  await page.goto(`/#/print/village/${id}/${today.slice(0, 7)}`);
  const file = await printToPdf(page, 'entry-report-card-longest-note');
  expect(pdfInfo(file).pages).toBe(1);
  expect(pdfText(file).replace(/\s+/g, '')).toContain(longest.slice(0, 40));
});

test('the longest texts an item allows print in full: the ledger and the briefing keep their layout, no line lost', async ({
  page,
}) => {
  await completeSetup(page, { villages: ['张家村', '李家村'] });
  const sentence = (text: string, n: number) => text.repeat(Math.ceil(n / text.length)).slice(0, n);
  const description = sentence('沟渠两侧堆放建筑垃圾和生活垃圾，雨后冲入河道，', 499) + '尾';
  const place = sentence('张家村三组至李家村一组沿河道路', 99) + '端';
  const requirement = sentence('限期清理并建立长效保洁机制，落实专人巡查，', 999) + '止';
  await newProblem(
    page,
    { source: '上级督查反馈', village: '张家村', text: description, found: day(-20), due: day(-3) },
    async (dialog) => {
      await dialog.getByRole('combobox', { name: '督查层级' }).click();
      await page.getByRole('option', { name: '县级' }).click();
      await dialog.getByLabel('上级的整改要求').fill(requirement);
      await dialog.getByLabel('地点').fill(place);
    },
  );
  await newProblem(page, {
    source: '镇级督查',
    village: '李家村',
    text: '河道漂浮垃圾',
    found: day(-10),
    due: day(-1),
  });
  const [stored] = (
    await storedRows<{ description: string; requirement: string; place: string }>(page, 'problems')
  ).filter((p) => p.description.length > 100);
  expect([stored?.description, stored?.place, stored?.requirement]).toEqual([
    description,
    place,
    requirement,
  ]);
  const squeeze = (text: string) => text.replace(/\s+/g, '');

  // The ledger: every character of the three texts is on paper, the next item after it, and
  // every page keeps its header and page number.
  await page.goto('/#/ledger');
  await page.getByRole('button', { name: '打印台账' }).click();
  const ledgerPdf = await printToPdf(page, 'entry-ledger-longest');
  const ledger = squeeze(pdfText(ledgerPdf));
  const { pages } = pdfInfo(ledgerPdf);
  // No line is lost: each text's own marks, counted, and its last character (the layout puts
  // other columns between a cell's lines, so the text is not read back in one piece).
  const count = (text: string, mark: string) => text.split(mark).length - 1;
  const marks: [string, string][] = [
    [description, '冲'],
    [place, '组'],
    [requirement, '机制'],
  ];
  for (const [text, mark] of marks) expect(count(ledger, mark)).toBe(count(text, mark));
  for (const end of ['尾（', '端）', '止']) expect(ledger).toContain(end);
  expect(ledger).toContain('河道漂浮垃圾');
  for (let p = 1; p <= pages; p += 1) expect(ledger).toContain(`第${p}页/共${pages}页`);
  expect(pages).toBeLessThanOrEqual(3);
  pdfPages(ledgerPdf, '76-ledger-longest-pdf', 1, pages);

  // The briefing lists the overdue item with its whole description.
  await page.goto(`/#/print/briefing/${today.slice(0, 7)}`);
  const briefingPdf = await printToPdf(page, 'entry-briefing-longest');
  const briefing = squeeze(pdfText(briefingPdf));
  expect(count(briefing, '冲')).toBe(count(description, '冲'));
  expect(briefing).toContain('生活垃圾，尾');
  const briefingPages = pdfInfo(briefingPdf).pages;
  for (let p = 1; p <= briefingPages; p += 1)
    expect(briefing).toContain(`第${p}页/共${briefingPages}页`);
  pdfPages(briefingPdf, '77-briefing-longest-pdf', 1, briefingPages);
});

test('an item is corrected without hiding anything, and one entered twice is voided: out of the ledger, its number never reused', async ({
  page,
}) => {
  await completeSetup(page, { villages: ['张家村', '李家村'] });
  const item = {
    source: '镇级督查',
    village: '张家村',
    text: '沟渠旁积存建筑垃圾',
    found: today,
    due: day(15),
  };
  await newProblem(page, item);
  await newProblem(page, item);
  const year = today.slice(0, 4);

  // A slip corrected while pending: no reason needed.
  await openProblem(page, `${year}-镇督-0001`);
  await page.getByRole('button', { name: '更正' }).click();
  let dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('问题来源')).toBeDisabled();
  await dialog.getByLabel('地点').fill('三组村口');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /地点\s*三组村口/ })).toBeVisible();

  // Once started: a reason, and the deadline only by 延期.
  await page.getByRole('button', { name: '开始整改' }).click();
  await page.getByRole('button', { name: '更正' }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('整改时限')).toBeDisabled();
  await dialog.getByLabel('问题描述').fill('沟渠旁积存建筑垃圾约 3 方');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toContainText('开始整改后更正需要写明原因（至少 4 个字）。');
  await dialog.getByLabel(/^更正原因/).fill('录入时漏写方量');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${year}-镇督-0001`);
  const history = page.getByRole('row').filter({ hasText: '录入时漏写方量' });
  await expect(history).toContainText('更正');
  await expect(history).toContainText('问题描述');

  // The same item entered twice: voided with a reason.
  await openProblem(page, `${year}-镇督-0002`);
  await page.getByRole('button', { name: '作废' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('作废原因').fill('重复');
  await dialog.getByRole('button', { name: '作废' }).click();
  await expect(dialog).toContainText('作废需要写明原因（至少 4 个字）');
  await dialog.getByLabel('作废原因').fill('重复录入，与 0001 是同一个问题');
  await dialog.getByRole('button', { name: '作废' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('voided')).toContainText('重复录入，与 0001 是同一个问题');
  await expect(page.getByRole('button', { name: '开始整改' })).toHaveCount(0);
  await snap(page, '50-item-voided');
  await page.goto('/#/ledger');
  await page.getByRole('combobox', { name: '状态' }).selectOption({ label: '全部' });
  await expect(page.getByTestId('ledger-count')).toHaveText('共 1 条');
  await newProblem(page, { ...item, text: '河道漂浮垃圾' });
  const numbers = (await storedRows<{ number: string }>(page, 'problems'))
    .map((p) => p.number)
    .sort();
  expect(numbers).toEqual([`${year}-镇督-0001`, `${year}-镇督-0002`, `${year}-镇督-0003`]);
  // The history says it, in words.
  await page.goto('/#/settings');
  await page.getByRole('tab', { name: '操作记录' }).click();
  await expect(
    page.getByRole('row', { name: new RegExp(`${year}-镇督-0002.*作废.*重复录入`) }),
  ).toBeVisible();
});

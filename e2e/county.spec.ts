import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { newKeyPair, signManifest } from '../shared/handoff/package';
import { completeSetup, signIn, snap } from './helpers';
import {
  exportFrom,
  finishCountySetup,
  issueList,
  openCountyList,
  pick,
  registerAndReceive,
  setUpCounty,
} from './county';
import { chooseFile, download, newProblem, officePc } from './office';
import { pdfInfo, pdfPages, pdfText, printToPdf } from './pdf';

/**
 * The county desk (县级工作台), as the county and two towns use it: the towns export, the county
 * registers each town by the fingerprint the town reads out, receives, compares and drills down;
 * a package re-signed by another key, a rewound history and an older package are each shown for
 * what they are.
 */

/** A town's PC: its own Chromium profile on disk, set up through the wizard. */
async function townPc(testInfo: TestInfo, town: string, villages: string[]) {
  const context = await officePc(testInfo, town);
  const page = context.pages()[0] ?? (await context.newPage());
  await completeSetup(page, { town, villages });
  return page;
}

/** Changes the town's history outside the app (IndexedDB, as a tool on that PC would). */
function tamperHistory(page: Page, how: 'cut' | 'rewrite') {
  return page.evaluate(
    (how) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(localStorage.getItem('eco-desk.database') ?? 'eco-desk');
        request.onerror = () => reject(new Error('cannot open'));
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction('audit', 'readwrite');
          const store = tx.objectStore('audit');
          const all = store.getAll();
          all.onsuccess = () => {
            const chained = (all.result as { id: string; seq?: number; label?: string }[])
              .filter((e) => e.seq)
              .sort((a, b) => b.seq! - a.seq!);
            // Cut: the last three entries gone. Rewrite: an earlier entry's words changed.
            if (how === 'cut') for (const entry of chained.slice(0, 3)) store.delete(entry.id);
            else store.put({ ...chained[1]!, label: `${chained[1]!.label ?? ''}（已改）` });
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
        };
      }),
    how,
  );
}

/** The same package under another key: what a forger with the town's name would send. */
function resigned(file: string, out: string): void {
  const entries = unzipSync(new Uint8Array(readFileSync(file)));
  const other = newKeyPair();
  const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as Record<string, unknown>;
  manifest.publicKey = Buffer.from(other.publicKey).toString('hex');
  manifest.createdAt = new Date().toISOString();
  const bytes = strToU8(JSON.stringify(manifest, null, 2));
  writeFileSync(
    out,
    zipSync({
      ...entries,
      'manifest.json': bytes,
      'manifest.sig': strToU8(signManifest(bytes, other.secretKey)),
    }),
  );
}

test('the county registers two towns by fingerprint, receives, compares and drills down; a forged key, a rewound and a rewritten history and an older package are shown as such', async () => {
  const testInfo = test.info();
  test.setTimeout(240_000);
  const out = (name: string) => testInfo.outputPath(name);

  // Two towns, each with an item in its ledger, export their data.
  const qingshan = await townPc(testInfo, '青山镇', ['东村', '西村']);
  await newProblem(qingshan, {
    source: '镇级督查',
    village: '东村',
    text: '沟渠旁积存建筑垃圾',
    found: '2026-11-05',
    due: '2026-11-15',
  });
  const qsPrint = await exportFrom(qingshan, out('qingshan-1.zip'));
  const lushui = await townPc(testInfo, '绿水镇', ['南村']);
  const lsPrint = await exportFrom(lushui, out('lushui-1.zip'));
  expect(lsPrint).not.toBe(qsPrint);

  // The county's PC: the wizard set up as 县级工作台.
  const countyContext = await officePc(testInfo, 'county');
  const county = countyContext.pages()[0] ?? (await countyContext.newPage());
  await setUpCounty(county);
  await snap(county, '99-county-setup');
  await finishCountySetup(county);
  await expect(county.getByTestId('town-title')).toHaveText('绿水县 · 县级工作台');
  await expect(county.getByText('还没有接收过乡镇的数据。')).toBeVisible();
  // A town's screens are not there.
  const nav = county.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link', { name: '问题整改' })).toHaveCount(0);

  // Both towns' first packages chosen at once (a stick with two files), taken one after
  // another; a town's first package waits until its fingerprint has been compared.
  await county.goto('/#/receive');
  let arrival = await pick(county, [out('qingshan-1.zip'), out('lushui-1.zip')]);
  await expect(arrival.getByTestId('arrival-position')).toHaveText(
    '第 1 个，共 2 个：qingshan-1.zip',
  );
  await expect(arrival.getByTestId('arrival-fingerprint')).toHaveText(qsPrint);
  await expect(arrival.getByTestId('arrival-verdict')).toContainText('“青山镇”还没有登记');
  const register = arrival.getByRole('button', { name: '登记该镇并接收' });
  await expect(register).toBeDisabled();
  await arrival.getByLabel('我已与该镇电话或当面核对，签名指纹完全一致').check();
  await snap(county, '99b-county-register');
  await register.click();
  await expect(county.getByText(/已接收青山镇的数据包（写入 \d+ 条记录）。/)).toBeVisible();
  await expect(arrival.getByTestId('arrival-position')).toHaveText(
    '第 2 个，共 2 个：lushui-1.zip',
  );
  await expect(arrival.getByTestId('arrival-fingerprint')).toHaveText(lsPrint);
  await arrival.getByLabel('我已与该镇电话或当面核对，签名指纹完全一致').check();
  await arrival.getByRole('button', { name: '登记该镇并接收' }).click();
  await expect(county.getByText(/已接收绿水镇的数据包/)).toBeVisible();
  const towns = county.getByRole('table', { name: '已登记的乡镇' });
  await expect(towns.getByRole('row').filter({ hasText: '青山镇' })).toContainText(qsPrint);
  await expect(towns.getByRole('row').filter({ hasText: '青山镇' })).toContainText('刘科长');

  // The same file again changes nothing.
  arrival = await pick(county, out('qingshan-1.zip'));
  await expect(arrival.getByTestId('arrival-verdict')).toHaveText('这个包已经接收过，没有变化。');
  await expect(arrival.getByRole('button', { name: '接收' })).toHaveCount(0);
  await arrival.getByRole('button', { name: '放弃' }).click();

  // 青山镇's name under another key: refused, naming both fingerprints.
  resigned(out('qingshan-1.zip'), out('forged.zip'));
  arrival = await pick(county, out('forged.zip'));
  const forged = arrival.getByTestId('arrival-verdict');
  await expect(forged).toContainText('这个包自称来自“青山镇”，但签名指纹是');
  await expect(forged).toContainText(`不是该镇登记的 ${qsPrint}。已拒收。`);
  await snap(county, '99c-county-forged');
  await arrival.getByRole('button', { name: '放弃' }).click();

  // 青山镇 works on and exports twice; the county takes the newest, then the one before it.
  await newProblem(qingshan, {
    source: '村级自查',
    village: '西村',
    text: '垃圾桶破损',
    found: '2026-11-20',
    due: '2026-12-20',
  });
  await exportFrom(qingshan, out('qingshan-2.zip'));
  await qingshan.waitForTimeout(1100);
  await exportFrom(qingshan, out('qingshan-3.zip'));
  arrival = await pick(county, out('qingshan-3.zip'));
  await expect(arrival.getByTestId('arrival-verdict')).toContainText('操作记录接续上次');
  await arrival.getByRole('button', { name: '接收' }).click();
  await expect(county.getByText(/已接收青山镇的数据包/)).toBeVisible();
  arrival = await pick(county, out('qingshan-2.zip'));
  await expect(arrival.getByTestId('arrival-verdict')).toContainText('比已收到的');
  await expect(arrival.getByTestId('arrival-verdict')).toContainText('不替换较新的数据');
  await arrival.getByRole('button', { name: '留存备查' }).click();
  await expect(county.getByText('已留存青山镇的数据包，没有替换数据。')).toBeVisible();

  // 青山镇's history cut short outside the app, then exported: the county sees it rewound.
  await tamperHistory(qingshan, 'cut');
  await exportFrom(qingshan, out('qingshan-rewound.zip'));
  arrival = await pick(county, out('qingshan-rewound.zip'));
  await expect(arrival.getByTestId('arrival-verdict')).toContainText('记录被倒回过');
  await arrival.getByRole('button', { name: '留存备查' }).click();
  // An entry of 青山镇's history changed afterwards: the package's own entries do not fit.
  await tamperHistory(qingshan, 'rewrite');
  await exportFrom(qingshan, out('qingshan-rewritten.zip'));
  arrival = await pick(county, out('qingshan-rewritten.zip'));
  await expect(arrival.getByTestId('arrival-verdict')).toContainText(
    '这个包里的操作记录前后对不上',
  );
  await snap(county, '99c2-county-rewritten');
  await arrival.getByRole('button', { name: '留存备查' }).click();
  const received = county.getByRole('table', { name: '已接收的数据包' });
  await expect(received.getByRole('row').filter({ hasText: 'qingshan-rewound.zip' })).toContainText(
    '记录被倒回',
  );
  await expect(
    received.getByRole('row').filter({ hasText: 'qingshan-rewritten.zip' }),
  ).toContainText('记录被改写');
  await expect(received.getByRole('row').filter({ hasText: 'qingshan-2.zip' })).toContainText(
    '较旧，已留存',
  );
  await expect(received.getByRole('row').filter({ hasText: 'qingshan-1.zip' })).toContainText(
    '这是收到该镇的第一个数据包',
  );
  await snap(county, '99d-county-received');

  // 全县总览: both towns; 青山镇's ledger is the newest package's (two items, one overdue).
  await nav.getByRole('link', { name: '全县总览' }).click();
  const rows = county.getByTestId('county-row');
  await expect(rows).toHaveCount(2);
  const qs = rows.filter({ hasText: '青山镇' });
  await expect(qs.getByRole('cell').nth(4)).toHaveText('2');
  await expect(qs.getByRole('cell').nth(5)).toHaveText('1');
  await snap(county, '99e-county-overview');
  // A figure sorts most first; clicked again, least first.
  const openColumn = county.getByRole('button', { name: '未销号', exact: true });
  await openColumn.click();
  await expect(rows.first()).toContainText('青山镇');
  await openColumn.click();
  await expect(rows.first()).toContainText('绿水镇');
  await qs.click();
  await expect(county.getByRole('heading', { name: '青山镇', level: 1 })).toBeVisible();
  await expect(county.getByTestId('drill-problem')).toHaveCount(2);
  await expect(county.getByTestId('drill-problem').first()).toContainText('逾期');
  await expect(county.getByText('东村、西村')).toBeVisible();
  // By source: 镇级 — one open, overdue; 村级自查 — one open, on time.
  const bySource = county.getByRole('table', { name: '按来源' });
  await expect(bySource.getByRole('row').filter({ hasText: '镇级督查发现' })).toHaveText(
    /镇级督查发现\s*1\s*1\s*0/,
  );
  await expect(bySource.getByRole('row').filter({ hasText: '村级自查上报' })).toHaveText(
    /村级自查上报\s*1\s*0\s*0/,
  );
  await snap(county, '99f-county-drill');
  // The county's settings speak of the county's work only.
  await county.goto('/#/settings/accounts');
  await expect(county.getByText('县级工作台的账号和权限、操作记录和程序信息。')).toBeVisible();
  const me = county.getByTestId('account-row').filter({ hasText: '刘科长' });
  await expect(me).toContainText('接收乡镇数据包、登记和更换乡镇密钥');
  await expect(me).toContainText('编写和下发督查反馈清单');
  await expect(me).not.toContainText('村庄考核打分');
  await expect(county.getByText('允许申请销号的人本人验收')).toHaveCount(0);
  // The county's own history records each registration and receipt, by its account.
  await county.goto('/#/settings/audit');
  const log = county.getByRole('table', { name: '操作记录' });
  await expect(
    log.getByRole('row').filter({ hasText: '接收青山镇的数据包' }).first(),
  ).toContainText('刘科长');

  // 督查反馈: the county writes a list for 青山镇 — one item of its own, one overdue item pressed.
  await nav.getByRole('link', { name: '督查反馈' }).click();
  await county.getByRole('button', { name: '新建清单' }).click();
  let dialog = county.getByRole('dialog');
  await dialog.getByLabel('乡镇').selectOption({ label: '青山镇' });
  await dialog.getByLabel('批次或文号').fill('绿水县环督〔2026〕12号');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(county.getByRole('heading', { name: '督查反馈清单 · 青山镇' })).toBeVisible();
  await county.getByRole('button', { name: '添加问题' }).click();
  dialog = county.getByRole('dialog');
  await dialog.getByLabel('所在村').selectOption({ label: '西村' });
  await dialog.getByLabel('具体位置').fill('村西桥头');
  await dialog.getByLabel('整改责任人').fill('西村书记');
  await dialog.getByLabel('问题描述').fill('河岸堆放生活垃圾，长约二十米');
  await dialog.getByLabel('整改要求').fill('立即清运，建立保洁制度');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(county.getByText('已保存这个问题。')).toBeVisible();
  await county.getByRole('button', { name: '督办逾期问题…' }).click();
  dialog = county.getByRole('dialog');
  const overdue = dialog.getByTestId('pressable');
  await expect(overdue).toHaveCount(1);
  await expect(overdue).toContainText('沟渠旁积存建筑垃圾');
  await overdue.click();
  await snap(county, '99g-county-press');
  await dialog.getByRole('button', { name: '加入清单（1 个）' }).click();
  const items = county.getByTestId('feedback-item');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('绿水县督-2026-001');
  await expect(items.nth(1)).toContainText('绿水县督-2026-002');
  await expect(items.nth(1)).toContainText('【督办】贵镇 2026-镇督-0001：沟渠旁积存建筑垃圾');
  // Issued: frozen, then exported both ways.
  await county.getByRole('button', { name: '下发', exact: true }).click();
  await county.getByRole('dialog').getByRole('button', { name: '下发' }).click();
  await expect(county.getByText('已下发。现在可以导出。')).toBeVisible();
  await expect(county.getByRole('button', { name: '添加问题' })).toHaveCount(0);
  const countyPrint = (await county.getByTestId('feedback-fingerprint').innerText()).match(
    /([0-9A-F]{4} ){7}[0-9A-F]{4}/,
  )![0];
  await snap(county, '99h-county-feedback');
  await download(
    county,
    () => county.getByRole('button', { name: '导出 Excel…' }).click(),
    out('feedback.xlsx'),
  );
  await download(
    county,
    () => county.getByRole('button', { name: '导出签名数据包…' }).click(),
    out('feedback.zip'),
  );

  // 青山镇 opens the signed list: the county's fingerprint is compared once, then registered.
  const openList = async (file: string) => {
    await qingshan.goto('/#/ledger');
    await chooseFile(
      qingshan,
      () => qingshan.getByRole('button', { name: '导入上级反馈清单' }).click(),
      file,
    );
  };
  await openList(out('feedback.zip'));
  dialog = qingshan.getByRole('dialog');
  await expect(dialog.getByTestId('county-fingerprint')).toHaveText(countyPrint);
  await expect(dialog.getByRole('button', { name: '登记并继续导入' })).toBeDisabled();
  await dialog.getByLabel('我已与县里核对，签名指纹完全一致').check();
  await snap(qingshan, '99i-town-county-key');
  await dialog.getByRole('button', { name: '登记并继续导入' }).click();
  dialog = qingshan.getByRole('dialog');
  await expect(dialog.getByTestId('signed-list')).toContainText(countyPrint);
  await expect(dialog.getByTestId('import-summary')).toContainText(
    '新增 2 条，已导入过 0 条，有问题 0 条，跳过 2 行（合计、说明或空行）',
  );
  await snap(qingshan, '99j-town-import-feedback');
  await dialog.getByRole('button', { name: '导入 2 条' }).click();
  await expect(qingshan.getByText('已导入 2 条上级反馈问题。')).toBeVisible();
  await expect(qingshan.getByTestId('ledger-count')).toHaveText('共 4 条');

  // Once and only once: the package again, and the spreadsheet, add nothing.
  for (const file of ['feedback.zip', 'feedback.xlsx']) {
    await openList(out(file));
    dialog = qingshan.getByRole('dialog');
    await expect(dialog.getByTestId('import-summary')).toContainText(
      '新增 0 条，已导入过 2 条，有问题 0 条',
    );
    await expect(dialog.getByRole('button', { name: '导入' })).toBeDisabled();
    await dialog.getByRole('button', { name: '取消' }).click();
  }
  await expect(qingshan.getByTestId('ledger-count')).toHaveText('共 4 条');

  // The same list signed by another key is refused, naming both fingerprints; closed, nothing
  // is imported (the county's new PC is another test).
  resigned(out('feedback.zip'), out('feedback-forged.zip'));
  await openList(out('feedback-forged.zip'));
  dialog = qingshan.getByRole('dialog');
  await expect(dialog.getByTestId('county-key-refused')).toContainText(
    '的签名指纹与本机登记的绿水县签名指纹不同',
  );
  await expect(dialog.getByTestId('refused-registered')).toHaveText(countyPrint);
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(qingshan.getByRole('dialog')).toHaveCount(0);
  await expect(qingshan.getByTestId('ledger-count')).toHaveText('共 4 条');

  // The item as the town's ledger keeps it: the county's number and demand, who signed.
  await qingshan.getByText('河岸堆放生活垃圾，长约二十米').click();
  await expect(qingshan.getByText('绿水县督-2026-001')).toBeVisible();
  await expect(qingshan.getByText('立即清运，建立保洁制度')).toBeVisible();

  // The county's briefing of the month (A4 landscape) and the comparison as a spreadsheet.
  await county.goto('/#/');
  await county.getByRole('button', { name: '打印通报' }).click();
  await expect(county.getByTestId('county-briefing')).toContainText('一、各乡镇情况对比');
  const briefing = await printToPdf(county, 'county-briefing');
  const { width, height } = pdfInfo(briefing);
  expect(width).toBeGreaterThan(height);
  const printed = pdfText(briefing).replace(/\s+/g, '');
  for (const words of [
    '绿水县各乡镇生态环境工作情况通报',
    '内部资料·绿水县',
    '绿水县登记乡镇2个，其中2个报送了数据。',
    '青山镇',
    '绿水镇',
    '二、本月下发的督查反馈清单',
    '绿水县环督〔2026〕12号',
  ])
    expect(printed).toContain(words);
  pdfPages(briefing, '99l-county-briefing-pdf', 1, 1);
  await county.goto('/#/');
  await download(
    county,
    () => county.getByRole('button', { name: '导出 Excel…' }).click(),
    out('comparison.xlsx'),
  );
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out('comparison.xlsx'));
  const sheet = book.worksheets[0]!;
  expect(sheet.getCell('A1').text).toMatch(
    /^绿水县各乡镇生态环境工作情况对比（\d{4}年\d{1,2}月）$/,
  );
  expect(sheet.getRow(2).values).toContain('销号率（%）');
  const qsRow = [2, 3, 4].map((r) => sheet.getRow(r)).find((r) => r.getCell(1).value === '青山镇')!;
  // The figures are numbers a spreadsheet can add up, not texts.
  expect(typeof qsRow.getCell(5).value).toBe('number');

  // 青山镇 changes PC: its package under the new key is refused until the county re-keys the
  // town — compared, with a reason, recorded — and then what the old key signed is refused.
  resigned(out('qingshan-3.zip'), out('qingshan-new-pc.zip'));
  await county.goto('/#/receive');
  arrival = await pick(county, out('qingshan-new-pc.zip'));
  const newPrint = await arrival.getByTestId('arrival-fingerprint').innerText();
  await expect(arrival.getByTestId('arrival-verdict')).toContainText('已拒收');
  await arrival.getByRole('button', { name: '该镇换了电脑，更换密钥…' }).click();
  dialog = county.getByRole('dialog');
  await expect(dialog.getByTestId('rekey-fingerprint')).toHaveText(newPrint);
  await dialog.getByLabel('更换原因').fill('旧电脑硬盘损坏，换新电脑');
  await expect(dialog.getByRole('button', { name: '更换密钥' })).toBeDisabled();
  await dialog.getByLabel('我已与该镇核对，新的签名指纹完全一致').check();
  await snap(county, '99k-county-rekey');
  await dialog.getByRole('button', { name: '更换密钥' }).click();
  await expect(county.getByText('已更换青山镇的签名密钥。')).toBeVisible();
  await expect(arrival.getByTestId('arrival-verdict')).toContainText('操作记录接续上次');
  await arrival.getByRole('button', { name: '接收' }).click();
  await expect(county.getByText(/已接收青山镇的数据包/)).toBeVisible();
  await expect(towns.getByRole('row').filter({ hasText: '青山镇' })).toContainText(
    `${newPrint}（此前更换过 1 次）`,
  );
  arrival = await pick(county, out('qingshan-1.zip'));
  await expect(arrival.getByTestId('arrival-verdict')).toContainText(
    `这个包是“青山镇”更换密钥前的电脑签的（签名指纹 ${qsPrint}`,
  );
  await expect(arrival.getByRole('button', { name: '该镇换了电脑，更换密钥…' })).toHaveCount(0);
  await county.goto('/#/settings/audit');
  await expect(
    county
      .getByRole('table', { name: '操作记录' })
      .getByRole('row')
      .filter({ hasText: '青山镇更换密钥' }),
  ).toContainText('刘科长');
});

test('the county desk backs itself up daily or on demand, and a new PC restores it whole; the town re-registers the new PC’s key, and the old one is refused', async () => {
  const testInfo = test.info();
  test.setTimeout(300_000);
  const out = (name: string) => testInfo.outputPath(name);
  const qingshan = await townPc(testInfo, '青山镇-备份', ['东村']);
  await exportFrom(qingshan, out('qingshan.zip'));

  const oldPc = await officePc(testInfo, 'county-old');
  const county = oldPc.pages()[0] ?? (await oldPc.newPage());
  await setUpCounty(county);
  await finishCountySetup(county);
  await registerAndReceive(county, out('qingshan.zip'));
  // The old PC's list: the town registers the county's key with it.
  const oldPrint = await issueList(county, {
    town: '青山镇-备份',
    batch: '绿水县环督〔2026〕20号',
    village: '东村',
    description: '村口垃圾池满溢',
    file: out('list-old.zip'),
  });
  await openCountyList(qingshan, out('list-old.zip'));
  let dialog = qingshan.getByRole('dialog');
  await expect(dialog.getByTestId('county-fingerprint')).toHaveText(oldPrint);
  await dialog.getByLabel('我已与县里核对，签名指纹完全一致').check();
  await dialog.getByRole('button', { name: '登记并继续导入' }).click();
  await qingshan.getByRole('dialog').getByRole('button', { name: '导入 1 条' }).click();
  await expect(qingshan.getByText('已导入 1 条上级反馈问题。')).toBeVisible();
  const nav = county.getByRole('navigation', { name: '主导航' });
  await nav.getByRole('link', { name: '备份与恢复' }).click();
  await expect(county.getByRole('heading', { name: '备份与恢复', level: 1 })).toBeVisible();
  await county.getByRole('button', { name: '立即备份' }).click();
  await expect(county.getByText(/^已备份：/)).toBeVisible();
  await snap(county, '99m-county-backups');
  await download(
    county,
    () =>
      county
        .getByRole('button', { name: /^另存… / })
        .first()
        .click(),
    out('county-backup.zip'),
  );

  // A new PC for the county: from its set-up, the backup, then the county's own sign-in.
  const newPc = await officePc(testInfo, 'county-new');
  const fresh = newPc.pages()[0] ?? (await newPc.newPage());
  await fresh.goto('/');
  await fresh.getByLabel('县级工作台（接收、比较各乡镇的数据）').check();
  await fresh.getByRole('link', { name: '县级工作台换了电脑？从备份文件恢复' }).click();
  await expect(fresh.getByText(/选择县级工作台的备份文件/)).toBeVisible();
  await chooseFile(
    fresh,
    () => fresh.getByRole('button', { name: '选择文件…' }).click(),
    out('county-backup.zip'),
  );
  const review = fresh.getByTestId('import-review');
  await expect(review).toContainText('绿水县（县级工作台）');
  await expect(review).toContainText('登记的乡镇');
  await snap(fresh, '99n-county-restore-preview');
  await fresh.getByLabel('您的姓名').fill('刘科长');
  await review.getByRole('button', { name: /确认恢复/ }).click();
  await signIn(fresh, '刘科长');
  await expect(fresh.getByRole('heading', { name: '全县总览', level: 1 })).toBeVisible();
  await expect(fresh.getByTestId('county-row')).toHaveCount(1);
  await expect(fresh.getByTestId('county-row')).toContainText('青山镇-备份');
  // The registration came back: the same package again is known, nothing changes.
  await fresh.goto('/#/receive');
  const arrival = await pick(fresh, out('qingshan.zip'));
  await expect(arrival.getByTestId('arrival-verdict')).toHaveText('这个包已经接收过，没有变化。');
  // The restore is in the new PC's history, by who did it.
  await fresh.goto('/#/settings/audit');
  await expect(
    fresh
      .getByRole('table', { name: '操作记录' })
      .getByRole('row')
      .filter({ hasText: '从备份恢复' }),
  ).toBeVisible();

  // The new PC signs with a key of its own: its list is refused by the town, naming both
  // fingerprints, until the town re-registers the county's key — compared by phone, with a
  // reason, recorded — and is then imported, once.
  const newPrint = await issueList(fresh, {
    town: '青山镇-备份',
    batch: '绿水县环督〔2026〕21号',
    village: '东村',
    description: '河道内堆放秸秆',
    file: out('list-new.zip'),
  });
  expect(newPrint).not.toBe(oldPrint);
  await qingshan.setViewportSize({ width: 1366, height: 768 });
  await openCountyList(qingshan, out('list-new.zip'));
  dialog = qingshan.getByRole('dialog');
  await expect(dialog.getByRole('heading')).toHaveText('清单没有导入：签名指纹不符');
  await expect(dialog.getByTestId('county-key-refused')).toHaveText(
    '《list-new.zip》的签名指纹与本机登记的绿水县签名指纹不同：这份清单不是本机登记的县里那台电脑签的，没有导入。',
  );
  await expect(dialog.getByTestId('refused-arriving')).toHaveText(newPrint);
  await expect(dialog.getByTestId('refused-registered')).toHaveText(oldPrint);
  await snap(qingshan, '99o-town-county-key-refused');
  await dialog.getByRole('button', { name: '县里换了电脑，更换县级密钥…' }).click();
  dialog = qingshan.getByRole('dialog');
  await expect(dialog.getByRole('heading')).toHaveText('更换绿水县的签名密钥');
  await expect(dialog.getByTestId('county-new-fingerprint')).toHaveText(newPrint);
  await expect(dialog.getByText(oldPrint)).toBeVisible();
  const submit = dialog.getByRole('button', { name: '更换密钥并继续导入' });
  await expect(submit).toBeDisabled();
  await dialog.getByLabel('我已与县里电话核对，新的签名指纹完全一致').check();
  // Without a reason the key stays.
  await submit.click();
  await expect(dialog.getByText('请写明为什么更换县级密钥')).toBeVisible();
  await dialog.getByLabel('更换原因').fill('县里旧电脑硬盘损坏，已在新电脑上恢复备份');
  await snap(qingshan, '99p-town-county-rekey');
  await submit.click();
  await expect(qingshan.getByText('已更换绿水县的签名密钥。')).toBeVisible();
  dialog = qingshan.getByRole('dialog');
  await expect(dialog.getByTestId('signed-list')).toContainText(newPrint);
  await expect(dialog.getByTestId('import-summary')).toContainText('新增 1 条，已导入过 0 条');
  await dialog.getByRole('button', { name: '导入 1 条' }).click();
  await expect(qingshan.getByText('已导入 1 条上级反馈问题。')).toBeVisible();
  await expect(qingshan.getByTestId('ledger-count')).toHaveText('共 2 条');
  await openCountyList(qingshan, out('list-new.zip'));
  dialog = qingshan.getByRole('dialog');
  await expect(dialog.getByTestId('import-summary')).toContainText('新增 0 条，已导入过 1 条');
  await dialog.getByRole('button', { name: '取消' }).click();
  // The old PC's list now: refused as the county's old key, when and by whom it was replaced.
  await openCountyList(qingshan, out('list-old.zip'));
  const retired = qingshan.getByText(/是绿水县换电脑前的旧电脑签的/);
  await expect(retired).toContainText(`（签名指纹 ${oldPrint}，`);
  await expect(retired).toContainText(
    `由张环保在本机更换为新密钥），没有导入。本机现在登记的绿水县签名指纹是 ${newPrint}`,
  );
  await expect(retired).toContainText(new Date().getFullYear().toString());
  await expect(qingshan.getByRole('dialog')).toHaveCount(0);
  await snap(qingshan, '99q-town-county-old-key');
  await qingshan.getByRole('alert').filter({ has: retired }).getByRole('button').click();
  await expect(qingshan.getByTestId('ledger-count')).toHaveText('共 2 条');
  // The town's history: the step by name, who, why; in Chinese only.
  await qingshan.goto('/#/settings/audit');
  const step = qingshan
    .getByRole('table', { name: '操作记录' })
    .getByRole('row')
    .filter({ hasText: '更换县级密钥' });
  await expect(step).toContainText(`绿水县的签名指纹：${oldPrint} → ${newPrint}`);
  await expect(step).toContainText('张环保');
  await expect(step).toContainText('签名指纹、此前的密钥、签名公钥');
  await expect(step).toContainText(
    '已与县里核对新的签名指纹；县里旧电脑硬盘损坏，已在新电脑上恢复备份',
  );
  await step.getByRole('button', { name: '查看改动' }).click();
  await snap(qingshan, '99r-town-county-rekey-history');
  for (const pc of [newPc, oldPc, qingshan.context()]) await pc.close();
});

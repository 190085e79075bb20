import { expect, test, type Page } from '@playwright/test';
import { exportFrom, finishCountySetup, registerAndReceive, setUpCounty } from './county';
import { snap } from './helpers';

/**
 * Every screen at the office's usual screen (1366 × 768) and a large one (1920 × 1080), on a
 * year of the demo's data: nothing runs off the page sideways, no button or tab label breaks
 * onto a second line, and each screen leaves a screenshot to look at.
 */

test.describe.configure({ timeout: 300_000 });

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** The month before this one, `YYYY-MM`, as the app sees today (Asia/Shanghai). */
function lastMonth(): string {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The screens, by address; each of their tabs is visited too. */
const SCREENS = [
  ['dashboard', '/#/'],
  ['assessment', '/#/assessment'],
  // Last month: scored and closed, the grid full.
  ['scored', `/#/assessment/${lastMonth()}/scoring`],
  ['ledger', '/#/ledger'],
  ['patrols', '/#/patrols'],
  ['records', '/#/records'],
  ['reports', '/#/reports'],
  ['handoff', '/#/handoff'],
  ['settings', '/#/settings/town'],
] as const;

/** What is wrong with the layout of what is on screen now, in words (empty when nothing). */
async function layoutFaults(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const faults: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth + 1)
      faults.push(`页面横向超出 ${doc.scrollWidth - window.innerWidth}px`);
    const labels = document.querySelectorAll<HTMLElement>(
      'main button, main [role="tab"], main th, header button, nav a',
    );
    for (const el of labels) {
      const text = el.innerText.trim();
      if (!text || el.offsetParent === null) continue;
      // A text on one line lies in one line box: its pieces share one top.
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const tops = [...range.getClientRects()].map((r) => r.top);
        const lines = tops.filter((top, i) => i === 0 || Math.abs(top - tops[0]!) > 4).length;
        if (lines > 1) faults.push(`“${text.replace(/\s+/g, ' ')}”折成了 ${lines} 行`);
      }
    }
    return faults;
  });
}

test('every screen at 1366 × 768 and 1920 × 1080: nothing off the page, no label broken in two', async ({
  page,
}) => {
  await page.goto('/#/demo?years=1&auto=1');
  await expect(page.getByTestId('demo-status')).toHaveText('示例数据已载入。', { timeout: 60_000 });
  const found: string[] = [];
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const screens: [string, string][] = SCREENS.map(([n, u]) => [n, u]);
    // One item's page and one village's page, as the office opens them.
    await page.goto('/#/ledger');
    await page.getByRole('grid').getByRole('row').nth(1).click();
    await expect(page).toHaveURL(/#\/ledger\/.+/);
    screens.push(['problem', new URL(page.url()).hash.replace(/^/, '/')]);
    await page.goto('/#/');
    await page.getByTestId('village-tile').first().click();
    await expect(page).toHaveURL(/#\/villages\/.+/);
    screens.push(['village', new URL(page.url()).hash.replace(/^/, '/')]);

    for (const [name, url] of screens) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const tabs = page.getByRole('main').getByRole('tab');
      const count = await tabs.count();
      for (let t = 0; t < Math.max(1, count); t += 1) {
        if (count > 0) await tabs.nth(t).click();
        await page.waitForLoadState('networkidle');
        await expect(page.getByRole('progressbar')).toHaveCount(0);
        await page.evaluate(() => document.fonts.ready);
        // The data read and the tab's underline moved (the screenshot is to be looked at).
        await page.waitForTimeout(400);
        const where = `${size.width}×${size.height} ${name}${count > 0 ? ` 第${t + 1}页签` : ''}`;
        for (const fault of await layoutFaults(page)) found.push(`${where}：${fault}`);
        // The ledger's grid scrolls inside itself: the page fits the screen.
        if (name === 'ledger' && t === 0) {
          const over = await page.evaluate(
            () => document.documentElement.scrollHeight - window.innerHeight,
          );
          if (over > 0) found.push(`${where}：页面纵向超出 ${over}px`);
        }
        await snap(page, `90-${size.width}-${name}-${t + 1}`);
      }
    }
  }
  expect(found).toEqual([]);

  // The check sees a broken label and a page too wide when there is one.
  await page.evaluate(() => {
    const button = document.createElement('button');
    button.textContent = '导出全部数据到 U 盘';
    button.style.width = '40px';
    const wide = document.createElement('div');
    wide.style.width = '4000px';
    wide.style.height = '1px';
    document.querySelector('main')!.append(button, wide);
  });
  expect(await layoutFaults(page)).toEqual([
    expect.stringMatching(/^页面横向超出 \d+px$/),
    expect.stringMatching(/^“导出全部数据到 U 盘”折成了 \d 行$/),
  ]);
});

/** A table that scrolls sideways inside its box hides columns at that size. */
async function tableCut(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main .MuiTableContainer-root')]
      .filter((box) => box.scrollWidth > box.clientWidth + 1)
      .map((box) => `表格横向被截去 ${box.scrollWidth - box.clientWidth}px`),
  );
}

test('the county desk’s screens at 1366 × 768 and 1920 × 1080: nothing off the page or cut', async ({
  page,
  browser,
}, testInfo) => {
  // A town with a year of the demo's data hands its package to a county.
  await page.goto('/#/demo?years=1&auto=1');
  await expect(page.getByTestId('demo-status')).toHaveText('示例数据已载入。', { timeout: 60_000 });
  const file = testInfo.outputPath('demo-town.zip');
  await exportFrom(page, file);
  const county = await (await browser.newContext()).newPage();
  await setUpCounty(county);
  await finishCountySetup(county);
  await registerAndReceive(county, file);
  await county.goto('/#/feedback');
  await county.getByRole('button', { name: '新建清单' }).click();
  await county.getByRole('dialog').getByLabel('批次或文号').fill('绿水县环督〔2026〕12号');
  await county.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(county).toHaveURL(/#\/feedback\/.+/);
  const list = new URL(county.url()).hash;
  await county.getByRole('button', { name: '督办逾期问题…' }).click();
  const pressable = county.getByRole('dialog').getByTestId('pressable');
  await pressable.first().click();
  await county
    .getByRole('dialog')
    .getByRole('button', { name: /加入清单/ })
    .click();
  await county.goto('/#/');
  await county.getByTestId('county-row').first().click();
  const drill = new URL(county.url()).hash;

  const found: string[] = [];
  const screens = [
    ['overview', '/#/'],
    ['receive', '/#/receive'],
    ['feedback', '/#/feedback'],
    ['feedback-list', `/${list}`],
    ['drill', `/${drill}`],
    ['settings', '/#/settings/accounts'],
  ] as const;
  for (const size of SIZES) {
    await county.setViewportSize(size);
    for (const [name, url] of screens) {
      await county.goto(url);
      await expect(county.getByRole('heading', { level: 1 })).toBeVisible();
      const tabs = county.getByRole('main').getByRole('tab');
      const count = await tabs.count();
      for (let t = 0; t < Math.max(1, count); t += 1) {
        if (count > 0) await tabs.nth(t).click();
        await county.evaluate(() => document.fonts.ready);
        await county.waitForTimeout(300);
        const where = `${size.width}×${size.height} 县级 ${name}${count > 0 ? ` 第${t + 1}页签` : ''}`;
        for (const fault of [...(await layoutFaults(county)), ...(await tableCut(county))])
          found.push(`${where}：${fault}`);
        await snap(county, `91-${size.width}-county-${name}-${t + 1}`);
      }
    }
  }
  expect(found).toEqual([]);
});

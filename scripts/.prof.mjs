// scratch (not committed): node scripts/.prof.mjs <action> [runs]
import { existsSync } from 'node:fs';
import { launchProfile, seedDemo, serveApp } from './browser.mjs';
const action = process.argv[2] ?? 'summary';
const runs = Number(process.argv[3] ?? '3');
const profileDir = '/tmp/rc/profile';
const fresh = !existsSync(profileDir);
const app = await serveApp(4399);
const ctx = await launchProfile(profileDir);
const page = await ctx.newPage();
page.on('pageerror', (e) => console.log('pageerror', e.message));
page.on('console', (m) => m.text().startsWith('TMP') && process.env.TMPLOG && console.log(m.text()));
if (fresh) {
  console.log('seeding', await seedDemo(page, app.url, 10));
  await page.goto(`${app.url}#/settings/accounts`);
  await page.getByLabel('无操作多少分钟后自动锁定').fill('0');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByText('已关闭自动锁定。').waitFor().catch(() => console.log('lock not turned off'));
}
await page.goto(`${app.url}#/`);
const signIn = page.getByRole('button', { name: '登录' });
await Promise.race([page.getByTestId('period-summary').waitFor(), signIn.waitFor()]);
if (await signIn.isVisible()) {
  await page.getByLabel('姓名').selectOption('张环保');
  await page.getByLabel('密码').fill('demo1234');
  await signIn.click();
}
await page.getByTestId('period-summary').waitFor();
await page.waitForTimeout(8000);
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
const steps = {
  async summary() {
    await page.goto(`${app.url}#/`);
    await page.getByTestId('period-summary').waitFor();
    await page.goto(`${app.url}#/reports`);
    await page.getByRole('tab', { name: '年度总结' }).waitFor();
    await page.waitForTimeout(500);
    const t = performance.now();
    await cdp.send('Profiler.start');
    const inside = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const started = performance.now();
          const observer = new MutationObserver(() => {
            if (!document.querySelector('[data-testid=summary-paragraph-13]')) return;
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - started));
          });
          observer.observe(document.body, { childList: true, subtree: true });
          document.querySelector('[role=tab]:nth-child(4)').click();
        }),
    );
    console.log('in page', Math.round(inside));
    return t;
  },
  async export() {
    await page.goto(`${app.url}#/handoff`);
    await page.getByRole('button', { name: '导出…' }).waitFor();
    await page.waitForTimeout(500);
    const download = page.waitForEvent('download', { timeout: 600_000 });
    const t = performance.now();
    await cdp.send('Profiler.start');
    await page.getByTestId('export-run').click();
    await page.getByTestId('receipt').waitFor({ timeout: 600_000 });
    await download;
    return t;
  },
  async ledger() {
    await page.goto(`${app.url}#/`);
    await page.getByTestId('period-summary').waitFor();
    await page.waitForTimeout(500);
    const t = performance.now();
    await cdp.send('Profiler.start');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '问题整改' }).click();
    await page.locator('.MuiDataGrid-row').first().waitFor();
    return t;
  },
  async recompute() {
    const last = '2026-11';
    await page.goto(`${app.url}#/assessment/${last}/scoring`);
    await page.getByRole('button', { name: '修改已关闭的考核' }).click();
    await page.getByRole('dialog').getByLabel('修改原因').fill('性能测试：重新计算');
    await page.getByRole('dialog').getByRole('button', { name: '确认修改' }).click();
    await page.getByRole('button', { name: '关闭本月考核并发布结果' }).click();
    await page.waitForTimeout(500);
    const t = performance.now();
    await cdp.send('Profiler.start');
    const inside = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const started = performance.now();
          const observer = new MutationObserver(() => {
            if (!document.querySelector('table[aria-label$="红黄榜"]')) return;
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - started));
          });
          observer.observe(document.body, { childList: true, subtree: true });
          [...document.querySelectorAll('[role=dialog] button')]
            .find((b) => b.textContent.trim() === '关闭并发布')
            .click();
        }),
    );
    console.log('in page', Math.round(inside));
    return t;
  },
  async coldt() {
    await page.addInitScript(() => {
      const obs = new MutationObserver(() => {
        if (!window.__tiles && document.querySelectorAll('[data-testid=village-tile]').length >= 27) window.__tiles = performance.now();
        if (!window.__ledger && document.querySelector('[data-testid=ledger-summary]')) window.__ledger = performance.now();
        if (!window.__shell && document.querySelector('nav')) window.__shell = performance.now();
      });
      document.addEventListener('DOMContentLoaded', () => obs.observe(document.body, { childList: true, subtree: true }));
    });
    await page.goto(`${app.url}#/`);
    await page.getByTestId('period-summary').waitFor();
    const t = performance.now();
    await cdp.send('Profiler.start');
    await page.reload();
    await page.getByTestId('village-tile').nth(26).waitFor();
    await page.getByTestId('ledger-summary').waitFor();
    await page.waitForTimeout(300);
    console.log(JSON.stringify(await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource');
      const js = res.filter((r) => r.name.endsWith('.js'));
      const fonts = res.filter((r) => r.name.endsWith('.woff2'));
      return {
        dcl: Math.round(n.domContentLoadedEventEnd),
        load: Math.round(n.loadEventEnd),
        jsEnd: Math.round(Math.max(...js.map((r) => r.responseEnd))),
        jsCount: js.length,
        jsKB: Math.round(js.reduce((a, r) => a + r.decodedBodySize, 0) / 1024),
        fonts: fonts.length, fontEnd: Math.round(Math.max(0, ...fonts.map((r) => r.responseEnd))),
        shell: Math.round(window.__shell), tiles: Math.round(window.__tiles), ledger: Math.round(window.__ledger),
        marks: performance.getEntriesByType('measure').map((m) => [m.name, Math.round(m.startTime), Math.round(m.duration)]),
      };
    })));
    return t;
  },
  async dash() {
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('link', { name: '考核评比' }).click();
    await page.getByRole('tab', { name: '打分' }).waitFor();
    await page.waitForTimeout(300);
    const t = performance.now();
    await cdp.send('Profiler.start');
    const inside = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const ready = ['[data-testid=period-summary]', '[data-testid=village-tile]:nth-child(27)', '[data-testid=ledger-summary]'];
          const started = performance.now();
          const observer = new MutationObserver(() => {
            if (!ready.every((s) => document.querySelector(s))) return;
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - started));
          });
          observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
          document.querySelector('nav a[href="#/"]').click();
        }),
    );
    console.log('in page', Math.round(inside));
    return t;
  },
  async cold() {
    await page.goto(`${app.url}#/`);
    await page.getByTestId('period-summary').waitFor();
    const t = performance.now();
    await cdp.send('Profiler.start');
    await page.reload();
    await page.getByTestId('village-tile').nth(26).waitFor();
    await page.getByTestId('ledger-summary').waitFor();
    return t;
  },
};
for (let i = 0; i < runs; i += 1) {
  const t = await steps[action]();
  const ms = performance.now() - t;
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map();
  const dt = profile.timeDeltas;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  let busy = 0;
  profile.samples.forEach((id, k) => {
    const n = byId.get(id);
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    const d = (dt[k] ?? 0) / 1000;
    if (f.functionName !== '(idle)' && f.functionName !== '(program)') busy += d;
    self.set(key, (self.get(key) ?? 0) + d);
  });
  if (process.env.BUCKETS) {
    const buckets = new Map();
    let tt = 0;
    profile.samples.forEach((id, k) => {
      tt += (dt[k] ?? 0) / 1000;
      const f = byId.get(id).callFrame;
      if (f.functionName === '(idle)') return;
      const b = Math.floor(tt / 50) * 50;
      const m = buckets.get(b) ?? new Map();
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
      m.set(key, (m.get(key) ?? 0) + (dt[k] ?? 0) / 1000);
      buckets.set(b, m);
    });
    for (const [b, m] of [...buckets].sort((a, c) => a[0] - c[0])) {
      const tot = [...m.values()].reduce((a, c) => a + c, 0);
      console.log(`  @${b} busy ${tot.toFixed(0)}: ` + [...m].sort((a, c) => c[1] - a[1]).slice(0, 4).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' | '));
    }
  }
  console.log(`\n${action} run ${i}: ${Math.round(ms)} ms wall, busy ${Math.round(busy)} ms`);
  [...self].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, v]) => console.log(`  ${v.toFixed(0).padStart(6)} ${k}`));
}
await ctx.close();
await app.close();

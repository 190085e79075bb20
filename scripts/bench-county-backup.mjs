// node scripts/bench-county-backup.mjs [--towns 20] [--profile DIR] [--skip-backup] [--skip-restore]
//                                      [--dist DIR: build the tree there and serve that]
// (build first: npm run build:renderer; wrap in flock /tmp/browser.lock)
//
// A county desk's own backup at scale: a county profile receives the bench's cached ten-year
// packages of --towns towns (scripts/bench.mjs makes them), then 备份与恢复 → 立即备份 is timed
// to its notice, the backup saved (另存…), and restored onto a new county PC from its set-up
// (县级工作台换了电脑？从备份文件恢复) up to 全县总览 with every town's row. The receiving profile
// is kept in --profile (default: a folder under the temp folder), so that a second run measures
// the backup again without receiving for ten minutes. Prints the figures and the largest
// renderer's memory seen in each step; writes bench/county-backup.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { preview } from 'vite';
import { argFlag, argValue, launchProfile, serveApp } from './browser.mjs';

async function serveBuilt(outDir, port) {
  const server = await preview({
    configFile: 'vite.config.ts',
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1', open: false },
  });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

const towns = Number(argValue('towns', '20'));
const profile = argValue('profile', path.join(os.tmpdir(), `eco-desk-county-backup-${towns}`));
const skipRestore = argFlag('skip-restore');
// The backup saved by an earlier run, restored again without making it anew.
const skipBackup = argFlag('skip-backup');
const cache = path.join(os.tmpdir(), 'eco-desk-bench-cache');
const saved = path.join(os.tmpdir(), `eco-desk-county-backup-${towns}.zip`);
const NAME = '性能测试';
const PASSWORD = 'bench-2026';
const started = performance.now();
const step = (text) =>
  console.log(`[${Math.round((performance.now() - started) / 1000)} s] ${text}`);

/** The largest resident size of a Chromium renderer (or its workers' process) now, in MiB. */
function rendererMiB() {
  try {
    const out = execFileSync('ps', ['-eo', 'rss=,args='], { encoding: 'utf8' });
    let most = 0;
    for (const line of out.split('\n')) {
      if (!/chrom/.test(line) || !/--type=renderer/.test(line)) continue;
      most = Math.max(most, Number(line.trim().split(/\s+/)[0]) / 1024);
    }
    return Math.round(most);
  } catch {
    return null;
  }
}

/** Runs `action`, sampling the renderer's memory every second; its time, result and peak. */
async function measured(label, action) {
  let peak = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = rendererMiB() ?? 0;
    peak = Math.max(peak, now);
    if (++ticks % 15 === 0) step(`${label}: ${ticks} s, renderer ${now} MiB`);
  }, 1000);
  const t = performance.now();
  try {
    const result = await action();
    return { result, ms: Math.round(performance.now() - t), peakMiB: peak };
  } catch (error) {
    return {
      error: String(error?.message ?? error),
      ms: Math.round(performance.now() - t),
      peakMiB: peak,
    };
  } finally {
    clearInterval(timer);
    step(`${label}: ${Math.round((performance.now() - t) / 1000)} s, renderer peak ${peak} MiB`);
  }
}

const townFiles = Array.from({ length: towns }, (_, i) =>
  path.join(cache, `county-10y-seed${i + 1}-v2.zip`),
);
for (const file of townFiles)
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run bench -- --skip-town`);

// Its own build of the tree (--dist), so that another build of dist/ meanwhile changes nothing.
const dist = argValue('dist', '');
if (dist)
  execFileSync(
    'npx',
    ['vite', 'build', '--config', 'vite.config.ts', '--outDir', dist, '--emptyOutDir'],
    {
      stdio: 'ignore',
    },
  );
const app = dist ? await serveBuilt(dist, 4317) : await serveApp(4317);
const figures = { towns, profile };
const messages = [];
const watch = (page) => {
  page.on('console', (m) => {
    if (m.type() !== 'error' && m.type() !== 'warning') return;
    messages.push(m.text().slice(0, 500));
    step(`console ${m.type()}: ${m.text().slice(0, 300)}`);
  });
  page.on('pageerror', (error) => step(`page error: ${String(error).slice(0, 300)}`));
  page.on('crash', () => step('the page crashed'));
};
try {
  const fresh = !skipBackup && !existsSync(path.join(profile, 'received.json'));
  if (fresh) rmSync(profile, { recursive: true, force: true });
  mkdirSync(profile, { recursive: true });
  const context = skipBackup ? null : await launchProfile(profile);
  if (context)
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      watch(page);
      if (fresh) {
        step('set-up as 县级工作台');
        await page.goto(app.url);
        await page.getByLabel('县级工作台（接收、比较各乡镇的数据）').check();
        await page.getByLabel('县（区）名称').fill('示例县');
        await page.getByLabel('您的姓名').fill(NAME);
        await page.getByLabel('登录密码').fill(PASSWORD);
        await page.getByLabel('再输一次密码').fill(PASSWORD);
        await page.getByRole('button', { name: '完成设置' }).click();
        await page.getByLabel('我已打印或抄下恢复码').check();
        await page.getByRole('button', { name: '进入工作台' }).click();
        await page.getByRole('heading', { name: '全县总览', level: 1 }).waitFor();
        await page.goto(`${app.url}#/settings/accounts`);
        await page.getByLabel('无操作多少分钟后自动锁定').fill('0');
        await page.getByRole('button', { name: '保存', exact: true }).click();
        await page.getByText('已关闭自动锁定。').waitFor();
        let records = 0;
        for (const [i, file] of townFiles.entries()) {
          await page.goto(`${app.url}#/receive`);
          const chooser = page.waitForEvent('filechooser');
          await page.getByRole('button', { name: '选择数据包（可多选）…' }).click();
          await (await chooser).setFiles(file);
          const arrival = page.getByTestId('county-arrival');
          await arrival
            .or(page.getByTestId('county-problem'))
            .first()
            .waitFor({ timeout: 600_000 });
          await arrival.getByLabel('我已与该镇电话或当面核对，签名指纹完全一致').check();
          await arrival.getByRole('button', { name: '登记该镇并接收' }).click();
          const notice = page.getByText(/已接收.+的数据包（写入 (\d+) 条记录）/);
          await notice.waitFor({ timeout: 600_000 });
          records += Number(/写入 (\d+) 条/.exec((await notice.textContent()) ?? '')?.[1] ?? 0);
          step(`received town ${i + 1} of ${towns} (${records} records in all)`);
        }
        writeFileSync(path.join(profile, 'received.json'), JSON.stringify({ records }));
      } else {
        await page.goto(app.url);
        const form = page.getByRole('form', { name: '登录' });
        const overview = page.getByRole('heading', { name: '全县总览', level: 1 });
        await form.or(overview).first().waitFor({ timeout: 300_000 });
        if (await form.isVisible()) {
          await form.getByLabel('姓名').selectOption(NAME);
          await form.getByLabel('密码').fill(PASSWORD);
          await form.getByRole('button', { name: '登录' }).click();
        }
        await page
          .getByRole('heading', { name: '全县总览', level: 1 })
          .waitFor({ timeout: 300_000 });
      }
      figures.records = JSON.parse(
        await import('node:fs').then((fs) =>
          fs.readFileSync(path.join(profile, 'received.json'), 'utf8'),
        ),
      ).records;

      // 立即备份, to its notice: 已备份：<name>, or the failure the page shows.
      await page.goto(`${app.url}#/backups`);
      await page.getByRole('heading', { name: '备份与恢复', level: 1 }).waitFor();
      const backup = await measured('backup', async () => {
        await page.getByRole('button', { name: '立即备份' }).click();
        const done = page.getByText(/^已备份：/);
        const failed = page.getByText(/备份没有完成/).first();
        await done
          .or(failed)
          .first()
          .waitFor({ timeout: 30 * 60_000 });
        if (await done.isVisible()) return (await done.textContent())?.trim();
        throw new Error((await failed.textContent())?.trim() ?? 'failed');
      });
      figures.backup = backup;
      if (backup.error) {
        figures.console = messages.slice(-10);
        throw new Error(`backup failed: ${backup.error}`);
      }
      const download = page.waitForEvent('download', { timeout: 10 * 60_000 });
      await page
        .getByRole('button', { name: /^另存… / })
        .first()
        .click();
      await (await download).saveAs(saved);
      figures.backupBytes = statSync(saved).size;
      step(`backup saved: ${saved}, ${(figures.backupBytes / 2 ** 20).toFixed(1)} MiB`);
    } finally {
      await context.close();
    }

  if (!skipRestore) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'eco-desk-county-restore-'));
    const restored = await launchProfile(dir);
    try {
      const page = restored.pages()[0] ?? (await restored.newPage());
      watch(page);
      await page.goto(app.url);
      await page.getByLabel('县级工作台（接收、比较各乡镇的数据）').check();
      await page.getByRole('link', { name: '县级工作台换了电脑？从备份文件恢复' }).click();
      const check = await measured('restore: read, check and preview', async () => {
        const chooser = page.waitForEvent('filechooser');
        await page.getByRole('button', { name: '选择文件…' }).click();
        await (await chooser).setFiles(saved);
        const review = page.getByTestId('import-review');
        const problem = page.getByTestId('import-problem');
        await review
          .or(problem)
          .first()
          .waitFor({ timeout: 30 * 60_000 });
        if (await problem.isVisible()) throw new Error((await problem.textContent())?.trim());
      });
      figures.restoreCheck = check;
      if (check.error) {
        figures.console = messages.slice(-10);
        throw new Error(`restore check failed: ${check.error}`);
      }
      await page.getByLabel('您的姓名').fill(NAME);
      const write = await measured('restore: write, to the sign-in', async () => {
        await page
          .getByTestId('import-review')
          .getByRole('button', { name: /确认恢复/ })
          .click();
        const form = page.getByRole('form', { name: '登录' });
        const failed = page.getByTestId('commit-problem');
        await form
          .or(failed)
          .first()
          .waitFor({ timeout: 30 * 60_000 });
        if (await failed.isVisible()) throw new Error((await failed.textContent())?.trim());
      });
      figures.restoreWrite = write;
      if (write.error) {
        figures.console = messages.slice(-10);
        throw new Error(`restore failed: ${write.error}`);
      }
      const overview = await measured('restore: sign-in to 全县总览 with every town', async () => {
        const form = page.getByRole('form', { name: '登录' });
        await form.getByLabel('姓名').selectOption(NAME);
        await form.getByLabel('密码').fill(PASSWORD);
        await form.getByRole('button', { name: '登录' }).click();
        await page.getByRole('heading', { name: '全县总览', level: 1 }).waitFor();
        await page
          .locator(`[data-testid=county-row]:nth-child(${towns})`)
          .waitFor({ timeout: 10 * 60_000 });
        return await page.getByTestId('county-row').count();
      });
      figures.restoreOverview = overview;
      figures.restoredCount = await page.evaluate(async () => {
        const name = localStorage.getItem('eco-desk.database') ?? 'eco-desk';
        return new Promise((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onerror = () => reject(new Error('cannot open'));
          request.onsuccess = () => {
            const count = request.result
              .transaction('countyRecords')
              .objectStore('countyRecords')
              .count();
            count.onsuccess = () => resolve(count.result);
          };
        });
      });
      step(`restored countyRecords: ${figures.restoredCount} (received ${figures.records})`);
    } finally {
      await restored.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
} catch (error) {
  console.error(String(error?.message ?? error));
  process.exitCode = 1;
} finally {
  figures.console ??= messages.slice(-10);
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/county-backup.json', `${JSON.stringify(figures, null, 2)}\n`);
  console.log(JSON.stringify(figures, null, 2));
  await app.close();
}

// npm run seed:demo -- --years N [--seed S] [--profile DIR]
// Fills a Chromium profile folder with N years of 示例数据 through the app itself, drawn from
// seed S (a whole number; the app's default draw without it).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { argValue, launchProfile, seedDemo, serveApp } from './browser.mjs';

const years = Number(argValue('years', '3'));
const seed = argValue('seed', undefined);
const profile = path.resolve(argValue('profile', 'demo-profile'));
if (existsSync(profile)) {
  console.error(
    `“${profile}”已存在：示例数据只载入到新的空白配置。请换一个 --profile 目录或删除它。`,
  );
  process.exit(1);
}
const app = await serveApp(4312);
const context = await launchProfile(profile);
try {
  const page = await context.newPage();
  const seconds = await seedDemo(page, app.url, years, seed);
  const summary = await page.locator('text=/个月考核/').textContent();
  console.log(`已载入 ${years} 年示例数据（${summary}），用时 ${seconds.toFixed(1)} 秒。`);
  console.log(`配置目录：${profile}`);
  console.log(
    `查看：npm run build 后运行 npx vite preview --port 4312，再用 chromium --user-data-dir="${profile}" http://127.0.0.1:4312/ 打开。`,
  );
} finally {
  await context.close();
  await app.close();
}

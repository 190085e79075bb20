// Shared by seed:demo and bench: serve the built app on 127.0.0.1 and drive Debian's Chromium.
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

export async function serveApp(port) {
  const server = await preview({
    configFile: 'vite.config.ts',
    preview: { port, strictPort: true, host: '127.0.0.1', open: false },
  });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

/**
 * A Chromium with an on-disk profile folder, as an office PC keeps its data. `options` adds to
 * Playwright's (the county bench's raw figure needs `bypassCSP` to load Dexie into the app's page).
 */
export async function launchProfile(profileDir, options = {}) {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 860 },
    locale: 'zh-CN',
    ...options,
  });
}

/**
 * Loads N years of 示例数据 through the app's own #/demo page, drawn from `seed` when given (the
 * app's default draw otherwise); resolves with the seconds taken.
 */
export async function seedDemo(page, url, years, seed = undefined) {
  const started = performance.now();
  const query = `years=${years}${seed === undefined ? '' : `&seed=${encodeURIComponent(seed)}`}`;
  await page.goto(`${url}#/demo?${query}&auto=1`);
  const refused = page.getByTestId('demo-seed-error');
  await page
    .getByTestId('demo-status')
    .filter({ hasText: '示例数据已载入' })
    .or(refused)
    .waitFor({ timeout: 10 * 60_000 });
  if (await refused.count()) throw new Error((await refused.textContent()) ?? 'seed refused');
  return (performance.now() - started) / 1000;
}

/** Whether `--name` was given (a switch without a value). */
export function argFlag(name) {
  return process.argv.includes(`--${name}`);
}

export function argValue(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

import { createServer } from 'node:net';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';

/**
 * End-to-end tests run the production renderer build (vite preview on 127.0.0.1) in Debian's
 * Chromium through the web adapter. Desktop specs (e2e/desktop) need an Electron runtime and
 * skip themselves, saying why, where none is installed.
 */
/**
 * The tests serve the app on a free port of their own, never the one `npm start` uses for people
 * (4310), so the app can stay open while the tests run. Chosen once by the runner; its workers
 * read the config again and inherit the choice through the environment.
 */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
process.env.ECO_DESK_TEST_PORT ??= String(await freePort());
const PORT = Number(process.env.ECO_DESK_TEST_PORT);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  globalSetup: './e2e/globalSetup.ts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      // As the app's main process does: Chinese date pickers and built-in texts.
      args: [...CHROMIUM_ARGS, '--lang=zh-CN'],
    },
  },
  projects: [
    { name: 'web', testIgnore: /(desktop|bridge)\// },
    { name: 'desktop', testMatch: /desktop\/.*\.spec\.ts/ },
    // The desktop code path (preload, IPC registry, main-process services) in Chromium, with
    // only Electron's own glue replaced: docs/desktop-bridge.md. Runs where Electron cannot.
    { name: 'desktop-bridge', testMatch: /bridge\/.*\.spec\.ts/ },
  ],
  webServer: {
    command: `npx vite preview --config vite.config.ts --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});

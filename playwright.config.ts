import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests run the production renderer build (vite preview on 127.0.0.1) in Debian's
 * Chromium through the web adapter. Desktop specs (e2e/desktop) need an Electron runtime and
 * skip themselves, saying why, where none is installed.
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PORT = 4310;

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
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // As the app's main process does: Chinese date pickers and built-in texts.
        '--lang=zh-CN',
      ],
    },
  },
  projects: [
    { name: 'web', testIgnore: /desktop\// },
    { name: 'desktop', testMatch: /desktop\/.*\.spec\.ts/ },
  ],
  webServer: {
    command: `npx vite preview --config vite.config.ts --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});

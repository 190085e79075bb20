import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { API_METHODS } from '../../shared/ipc/channels';
import { electronBinary, launchApp, SKIP_REASON } from './electronApp';

test.skip(!electronBinary, SKIP_REASON);

test('the page has no Node, runs on app://eco-desk and sees only window.ecoDesk', async () => {
  const { app, cleanup } = await launchApp();
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: '首次使用设置' })).toBeVisible();
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
      'undefined',
    );
    expect(await page.evaluate(() => location.origin)).toBe('app://eco-desk');
    expect(await page.evaluate(() => Object.keys(window.ecoDesk ?? {}).sort())).toEqual(
      [...API_METHODS].sort(),
    );
    // contextIsolation: the page's window is not the preload's, so Electron's API is absent.
    expect(
      await page.evaluate(() => typeof (globalThis as { ipcRenderer?: unknown }).ipcRenderer),
    ).toBe('undefined');
  } finally {
    await cleanup();
  }
});

test('window.open, outside navigation, remote requests and permissions are all refused', async () => {
  const { app, cleanup } = await launchApp();
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: '首次使用设置' })).toBeVisible();
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url().startsWith('app://eco-desk/')).toBe(true);
    const fetched = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'reached',
        () => 'blocked',
      ),
    );
    expect(fetched).toBe('blocked');
    expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
    const geo = await page.evaluate(() =>
      navigator.permissions.query({ name: 'geolocation' }).then((s) => s.state),
    );
    expect(geo).toBe('denied');
  } finally {
    await cleanup();
  }
});

test('a second launch exits and leaves the first window alone', async () => {
  const { app, dataDir, cleanup } = await launchApp();
  try {
    await app.firstWindow();
    const second = spawn(electronBinary!, ['.'], {
      env: { ...process.env, ECO_DESK_DATA_DIR: dataDir },
    });
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(code).toBe(0);
    expect(app.windows()).toHaveLength(1);
  } finally {
    await cleanup();
  }
});

test('portable mode keeps the data in data/ beside the program when the marker is there', async () => {
  const programDir = await mkdtemp(path.join(os.tmpdir(), 'eco-desk-portable-'));
  await writeFile(path.join(programDir, 'portable'), '');
  const app = await electron.launch({
    executablePath: electronBinary!,
    args: ['.'],
    env: { ...process.env, PORTABLE_EXECUTABLE_DIR: programDir },
  });
  try {
    const page = await app.firstWindow();
    const info = await page.evaluate(() => window.ecoDesk!.getAppInfo());
    expect(info.portable).toBe(true);
    expect(info.dataFolder).toBe(path.join(programDir, 'data'));
    const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'));
    expect(userData).toBe(path.join(programDir, 'data'));
  } finally {
    await app.close().catch(() => undefined);
    await rm(programDir, { recursive: true, force: true });
  }
});

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, type ElectronApplication } from '@playwright/test';
import { installedElectron } from '../../scripts/electronRuntime.mjs';

/** The Electron runtime, or null on machines that could not download it. */
export const electronBinary = installedElectron();

export const SKIP_REASON =
  'desktop layer skipped: no Electron runtime in node_modules/electron/dist (it cannot be downloaded on this machine); these specs never count as passed here';

/** Launches the built desktop app with a fresh data folder; the caller closes it. */
export async function launchApp(env: Record<string, string> = {}): Promise<{
  app: ElectronApplication;
  dataDir: string;
  cleanup: () => Promise<void>;
}> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'eco-desk-desktop-'));
  const app = await electron.launch({
    executablePath: electronBinary!,
    args: ['.'],
    env: { ...process.env, ECO_DESK_DATA_DIR: dataDir, ...env },
  });
  return {
    app,
    dataDir,
    cleanup: async () => {
      await app.close().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Launches the app and loads a year of 示例数据 through its own page; the caller cleans up. */
export async function launchWithDemo() {
  const launched = await launchApp();
  const page = await launched.app.firstWindow();
  await page.goto('app://eco-desk/index.html#/demo?years=1&auto=1');
  await expect(page.getByTestId('demo-status')).toHaveText('示例数据已载入。', {
    timeout: 120_000,
  });
  return { ...launched, page };
}

/** The save dialog answers with this file (in the test's folder). */
export async function answerSaveDialogWith(app: ElectronApplication, file: string) {
  await app.evaluate(({ dialog }, target) => {
    dialog.showSaveDialog = () => Promise.resolve({ canceled: false, filePath: target });
  }, file);
}

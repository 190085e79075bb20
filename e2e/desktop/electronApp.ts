import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication } from '@playwright/test';
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

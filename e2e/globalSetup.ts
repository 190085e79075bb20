import { installedElectron } from '../scripts/electronRuntime.mjs';

/** Says plainly, once per run, whether the desktop layer runs on this machine. */
export default function globalSetup(): void {
  const binary = installedElectron();
  console.log(
    binary
      ? `[desktop] Electron runtime found at ${binary}: desktop specs run.`
      : '[desktop] SKIPPED: no Electron runtime on this machine (it cannot be downloaded here); the desktop specs did not run and do not count as passed.',
  );
}

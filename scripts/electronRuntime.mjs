// Finds the Electron runtime binary without triggering the electron package's own download.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function packageDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** @returns {string | null} the runtime binary, when it is on disk */
export function installedElectron() {
  const dir = packageDir();
  if (!dir) return null;
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist');
  const binary = path.join(base, relative);
  return existsSync(binary) ? binary : null;
}

/**
 * The runtime binary, downloading it once if the machine can; otherwise the reason it is missing.
 * @returns {{ path: string } | { missing: string }}
 */
export function ensureElectron() {
  const found = installedElectron();
  if (found) return { path: found };
  const dir = packageDir();
  if (!dir) return { missing: '没有安装 electron 依赖包' };
  console.log('正在下载 Electron 运行时（只需一次）……');
  const result = spawnSync(process.execPath, [path.join(dir, 'install.js')], {
    encoding: 'utf8',
    timeout: 10 * 60 * 1000,
  });
  const downloaded = installedElectron();
  if (result.status === 0 && downloaded) return { path: downloaded };
  const reason =
    `${result.stderr ?? ''}`.split('\n').find((line) => line.trim()) ?? 'download failed';
  return { missing: `无法下载：${reason.trim()}` };
}

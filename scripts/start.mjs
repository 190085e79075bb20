// `npm start`: runs the desktop app; where the Electron runtime is missing and cannot be
// downloaded, serves the same built app for a browser on 127.0.0.1 instead of failing.
import { spawn } from 'node:child_process';
import { preview } from 'vite';
import { ensureElectron } from './electronRuntime.mjs';

const electron = ensureElectron();
if ('path' in electron) {
  const child = spawn(electron.path, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const server = await preview({
    configFile: 'vite.config.ts',
    preview: { open: false, strictPort: false },
  });
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4310/';
  console.log(
    `\n本机没有 Electron 运行时（${electron.missing}），已改为在浏览器中运行同一应用：请用浏览器打开 ${url}，按 Ctrl+C 停止。\n`,
  );
}

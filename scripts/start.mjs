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
  // Always the same address: the browser keeps the data per address (port included), so the
  // app served on another port would open empty.
  const url = 'http://127.0.0.1:4310/';
  try {
    await preview({ configFile: 'vite.config.ts', preview: { open: false, strictPort: true } });
    console.log(
      `\n本机没有 Electron 运行时（${electron.missing}），已改为在浏览器中运行同一应用：请用浏览器打开 ${url}，按 Ctrl+C 停止。\n`,
    );
  } catch (error) {
    if (error?.code !== 'EADDRINUSE' && !/already (in )?use/i.test(String(error?.message)))
      throw error;
    console.error(
      `\n${url} 已被占用：应用可能已经在运行（另一个 npm start），请直接用浏览器打开它；否则请先关掉占用 4310 端口的程序。\n`,
    );
    process.exit(1);
  }
}

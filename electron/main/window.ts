import { BrowserWindow } from 'electron';
import { APP_ORIGIN } from '@shared/ipc/channels';
import type { PrintWindow } from './services/printService';
import { mainWindowOptions } from './windowOptions';

export function createMainWindow(preloadPath: string, build: { packaged: boolean }): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, build));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

export function focusWindow(window: BrowserWindow | undefined): void {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * A hidden window for printing one route: the main window's security settings, never shown.
 * Ready when the page sets `data-print-ready` (its data read, fonts loaded).
 */
export async function openPrintWindow(
  preloadPath: string,
  build: { packaged: boolean },
  url: string,
): Promise<PrintWindow> {
  const window = new BrowserWindow({ ...mainWindowOptions(preloadPath, build), show: false });
  await window.loadURL(url);
  return {
    isReady: async () =>
      window.isDestroyed()
        ? false
        : Boolean(
            await window.webContents.executeJavaScript(
              "document.documentElement.dataset.printReady === '1'",
            ),
          ),
    printToPdf: async ({ landscape }) =>
      new Uint8Array(
        await window.webContents.printToPDF({
          landscape,
          pageSize: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
        }),
      ),
    close: () => {
      if (!window.isDestroyed()) window.destroy();
    },
  };
}

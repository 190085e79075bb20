import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  app,
  type BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session,
  type WebContents,
} from 'electron';
import { APP_SCHEME } from '@shared/ipc/channels';
import { resolveDataFolder } from './dataFolder';
import { createApiHandlers } from './handlers';
import { registerApiHandlers } from './ipc/registry';
import { buildMenuTemplate } from './menu';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { safeStorageProtector } from './safeStorageProtector';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow, focusWindow, openPrintWindow } from './window';

// Composition root: everything here runs in this order, and the first part before `ready`.
const log = (message: string) => console.log(`[eco-desk] ${message}`);

const dataFolder = resolveDataFolder({
  exePath: app.getPath('exe'),
  env: process.env,
  defaultUserData: app.getPath('userData'),
  fileExists: existsSync,
  packaged: app.isPackaged,
});
if (dataFolder.folder !== app.getPath('userData')) {
  mkdirSync(dataFolder.folder, { recursive: true });
  app.setPath('userData', dataFolder.folder);
  app.setPath('sessionData', dataFolder.folder);
}

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// Chinese date pickers and built-in texts whatever the system language is.
app.commandLine.appendSwitch('lang', 'zh-CN');

let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => focusWindow(mainWindow));
  hardenWebContents(app, log);
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}

function start(): void {
  const rendererRoot = path.join(__dirname, '..', '..', 'dist', 'renderer');
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));
  hardenSession(session.defaultSession, log);

  const preloadPath = path.join(__dirname, '..', 'preload', 'index.cjs');
  const build = { packaged: app.isPackaged };
  registerApiHandlers(
    ipcMain,
    createApiHandlers<WebContents>({
      version: app.getVersion(),
      dataFolder,
      platform: process.platform,
      electronVersion: process.versions.electron ?? '',
      dialogs: {
        showSaveDialog: (options) => dialog.showSaveDialog(options),
        showOpenDialog: (options) => dialog.showOpenDialog(options),
      },
      documentsFolder: () => app.getPath('documents'),
      protector: safeStorageProtector(safeStorage, process.platform),
      openPrintWindow: (url) => openPrintWindow(preloadPath, build, url),
      printPage: (sender) =>
        new Promise<void>((resolve) => sender.print({ silent: false }, () => resolve())),
      log,
    }),
    log,
  );

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        showAbout: () =>
          void dialog.showMessageBox({
            title: '关于',
            message: `乡镇生态环境工作台 ${app.getVersion()}`,
            detail: dataFolder.portable
              ? `数据位置：${dataFolder.folder}（便携模式）\n签名密钥随U盘携带：谁复制了这个U盘，谁就能以本镇的名义签数据交换包。U盘丢失时请告知县里：不再接受这个指纹签的包。`
              : `数据位置：${dataFolder.folder}`,
          }),
      }),
    ),
  );

  mainWindow = createMainWindow(preloadPath, build);
}

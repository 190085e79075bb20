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
} from 'electron';
import { APP_SCHEME } from '@shared/ipc/channels';
import { resolveDataFolder } from './dataFolder';
import { registerApiHandlers } from './ipc/registry';
import { buildMenuTemplate } from './menu';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { safeStorageProtector } from './safeStorageProtector';
import { hardenSession, hardenWebContents } from './security';
import { createAppInfoService } from './services/appInfoService';
import { createFileService } from './services/fileService';
import { createBackupService } from './services/backupService';
import { createDriveService } from './services/driveService';
import { createIdentityService } from './services/identityService';
import { createPrintService } from './services/printService';
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

  const info = createAppInfoService({
    version: app.getVersion(),
    dataFolder,
    platform: process.platform,
    electronVersion: process.versions.electron ?? '',
  });
  const files = createFileService({
    dialogs: {
      showSaveDialog: (options) => dialog.showSaveDialog(options),
      showOpenDialog: (options) => dialog.showOpenDialog(options),
    },
    defaultFolder: () => app.getPath('documents'),
    log,
  });
  const identity = createIdentityService({
    dataFolder: dataFolder.folder,
    protector: safeStorageProtector(safeStorage, process.platform),
    portable: dataFolder.portable,
    log,
  });
  const backups = createBackupService({ dataFolder: dataFolder.folder, log });
  const drives = createDriveService({ platform: process.platform, log });
  const preloadPath = path.join(__dirname, '..', 'preload', 'index.cjs');
  const build = { packaged: app.isPackaged };
  const printing = createPrintService({
    openWindow: (url) => openPrintWindow(preloadPath, build, url),
    saveFile: (request) => files.saveFile(request),
    log,
  });
  registerApiHandlers(
    ipcMain,
    {
      getAppInfo: () => info.getAppInfo(),
      saveFile: (_sender, request) => files.saveFile(request),
      openFile: (_sender, request) => files.openFile(request),
      getIdentity: () => identity.getIdentity(),
      signManifest: (_sender, manifest) => identity.signManifest(manifest),
      writeBackup: (_sender, reason, data) => backups.writeBackup(reason, data),
      listBackups: () => backups.listBackups(),
      readBackup: (_sender, name) => backups.readBackup(name),
      listDrives: () => drives.listDrives(),
      writeToDrive: (_sender, request) => drives.writeToDrive(request),
      printPage: (sender) =>
        new Promise<void>((resolve) => sender.print({ silent: false }, () => resolve())),
      savePdf: (_sender, request) => printing.savePdf(request),
      printPdf: (_sender, request) => printing.printPdf(request),
    },
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

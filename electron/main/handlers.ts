import type { DataFolder } from './dataFolder';
import type { ApiHandlers } from './ipc/registry';
import { createAppInfoService } from './services/appInfoService';
import { createBackupService } from './services/backupService';
import { createDriveService, type Run } from './services/driveService';
import { createFileService, type FileDialogs } from './services/fileService';
import { createIdentityService, type KeyProtector } from './services/identityService';
import { createPrintService, type PrintWindow } from './services/printService';

/**
 * What the services need from Electron and the machine. The composition root passes Electron's
 * (dialog, safeStorage, hidden BrowserWindows, webContents.print); the desktop bridge's tests
 * (docs/desktop-bridge.md) pass stand-ins for exactly these and nothing else.
 */
export interface MainDeps<Sender> {
  version: string;
  dataFolder: DataFolder;
  platform: NodeJS.Platform;
  electronVersion: string;
  dialogs: FileDialogs;
  /** Where save dialogs start (the user's documents). */
  documentsFolder: () => string;
  protector: KeyProtector;
  openPrintWindow: (url: string) => Promise<PrintWindow>;
  /** The system print dialog for the calling window. */
  printPage: (sender: Sender) => Promise<void>;
  /** How the drive listing runs lsblk or PowerShell (default: the real program). */
  runProgram?: Run;
  log: (message: string) => void;
}

/** The main-process services, one handler per contract method. */
export function createApiHandlers<Sender>(deps: MainDeps<Sender>): ApiHandlers<Sender> {
  const { log } = deps;
  const info = createAppInfoService({
    version: deps.version,
    dataFolder: deps.dataFolder,
    platform: deps.platform,
    electronVersion: deps.electronVersion,
  });
  const files = createFileService({
    dialogs: deps.dialogs,
    defaultFolder: deps.documentsFolder,
    log,
  });
  const identity = createIdentityService({
    dataFolder: deps.dataFolder.folder,
    protector: deps.protector,
    portable: deps.dataFolder.portable,
    log,
  });
  const backups = createBackupService({ dataFolder: deps.dataFolder.folder, log });
  const drives = createDriveService({
    platform: deps.platform,
    log,
    ...(deps.runProgram ? { run: deps.runProgram } : {}),
  });
  const printing = createPrintService({
    openWindow: deps.openPrintWindow,
    saveFile: (request) => files.saveFile(request),
    log,
  });
  return {
    getAppInfo: () => info.getAppInfo(),
    saveFile: (_sender, request) => files.saveFile(request),
    openFile: (_sender, request) => files.openFile(request),
    pickFiles: (_sender, request) => files.pickFiles(request),
    readPickedFile: (_sender, token, maxBytes) => files.readPickedFile(token, maxBytes),
    getIdentity: () => identity.getIdentity(),
    signManifest: (_sender, manifest) => identity.signManifest(manifest),
    writeBackup: (_sender, reason, data) => backups.writeBackup(reason, data),
    listBackups: () => backups.listBackups(),
    readBackup: (_sender, name) => backups.readBackup(name),
    listDrives: () => drives.listDrives(),
    writeToDrive: (_sender, request) => drives.writeToDrive(request),
    printPage: (sender) => deps.printPage(sender),
    savePdf: (_sender, request) => printing.savePdf(request),
    printPdf: (_sender, request) => printing.printPdf(request),
  };
}

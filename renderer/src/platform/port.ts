import type {
  AppInfo,
  BackupFile,
  BackupReason,
  BackupWriteResult,
  DriveWriteResult,
  RemovableDrive,
  FileFilter,
  HandoffIdentity,
  OpenFileResult,
  PickFilesResult,
  SaveFileResult,
  PrintPdfRequest,
  PrintPdfResult,
  SavePdfRequest,
  SignResult,
} from '@shared/ipc/api';

/**
 * What the UI needs from the machine, as one interface with two adapters: the desktop app
 * (window.ecoDesk, served by the main process) and the browser (download, file input,
 * window.print). A missing method fails the type check of an adapter, not the user.
 */
export interface Platform {
  readonly kind: 'desktop' | 'web';
  getAppInfo(): Promise<AppInfo>;
  saveFile(request: {
    suggestedName: string;
    data: Uint8Array;
    filters?: FileFilter[];
  }): Promise<SaveFileResult>;
  openFile(request: { filters?: FileFilter[]; maxBytes: number }): Promise<OpenFileResult>;
  /** Several files chosen at once: names and sizes now, each one's bytes when it is read. */
  pickFiles(request: { filters?: FileFilter[] }): Promise<PickFilesResult>;
  readPickedFile(token: string, maxBytes: number): Promise<OpenFileResult>;
  print(): Promise<void>;
  /**
   * Saves a print route as a PDF (desktop: printed in a hidden window and saved where the user
   * says). A browser has no such call: its print dialog offers 另存为 PDF, so this opens it.
   */
  savePdf(request: SavePdfRequest): Promise<SaveFileResult>;
  /**
   * A print route as PDF bytes, for a hand-off's readable copy (desktop). A browser page cannot
   * print itself to a file: it answers failed, and the package goes without.
   */
  printPdf(request: PrintPdfRequest): Promise<PrintPdfResult>;
  /** The hand-off signing key's public part (the private key stays where the adapter keeps it). */
  getIdentity(): Promise<HandoffIdentity>;
  signManifest(manifest: Uint8Array): Promise<SignResult>;
  /** Backups, kept outside IndexedDB (the data folder; in a browser, the origin's private files). */
  writeBackup(reason: BackupReason, data: Uint8Array): Promise<BackupWriteResult>;
  listBackups(): Promise<BackupFile[]>;
  readBackup(name: string): Promise<OpenFileResult>;
  /** USB sticks (none in a browser). */
  listDrives(): Promise<RemovableDrive[]>;
  writeToDrive(request: {
    drive: string;
    name: string;
    data: Uint8Array;
  }): Promise<DriveWriteResult>;
}

export type { AppInfo, FileFilter, OpenFileResult, SaveFileResult };

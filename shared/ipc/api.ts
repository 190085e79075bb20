import type { z } from 'zod';
import type { BackupFile, BackupReason } from '../handoff/backups';
import type {
  fileFilterSchema,
  openFileRequestSchema,
  pickFilesRequestSchema,
  saveFileRequestSchema,
  printPdfRequestSchema,
  savePdfRequestSchema,
} from './schemas';

/**
 * The one contract between the renderer and the main process. The main process implements it
 * (electron/main/ipc), the preload exposes it as `window.ecoDesk`, and the renderer's platform
 * port calls it.
 */
export interface EcoDeskApi {
  getAppInfo(): Promise<AppInfo>;
  /** Asks where to save (system dialog), checks free space, writes atomically. */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Asks which file to open (system dialog) and returns its bytes, refusing oversized files. */
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  /**
   * Asks which files to open (several may be chosen): their names and sizes, and a token each
   * to read it by (`readPickedFile`), one at a time — never all of their bytes at once.
   */
  pickFiles(request: PickFilesRequest): Promise<PickFilesResult>;
  /** The bytes of a file chosen by the last `pickFiles`, refusing an oversized one. */
  readPickedFile(token: string, maxBytes: number): Promise<OpenFileResult>;
  /** Opens the system print dialog for the calling window. */
  printPage(): Promise<void>;
  /**
   * Prints a print route (`/print/...`) to PDF in a hidden window, once the page says it is
   * ready, then asks where to save it and writes it atomically.
   */
  savePdf(request: SavePdfRequest): Promise<SaveFileResult>;
  /** Prints a print route to PDF the same way and returns the bytes (a hand-off's readable copy). */
  printPdf(request: PrintPdfRequest): Promise<PrintPdfResult>;
  /** This installation's hand-off signing key: public key and fingerprint (made on first use). */
  getIdentity(): Promise<HandoffIdentity>;
  /** Signs a hand-off manifest made with this installation's public key; refuses anything else. */
  signManifest(manifest: Uint8Array): Promise<SignResult>;
  /** Writes a backup (a complete package) to the backups folder, then rotates the old ones. */
  writeBackup(reason: BackupReason, data: Uint8Array): Promise<BackupWriteResult>;
  /** The backups kept, newest first. */
  listBackups(): Promise<BackupFile[]>;
  readBackup(name: string): Promise<OpenFileResult>;
  /** Removable drives (USB sticks) plugged in now. */
  listDrives(): Promise<RemovableDrive[]>;
  /** Writes a package to a listed drive, reads it back and checks it before calling it safe. */
  writeToDrive(request: {
    drive: string;
    name: string;
    data: Uint8Array;
  }): Promise<DriveWriteResult>;
}

export interface RemovableDrive {
  /** Mount point or drive root (E:\\). */
  path: string;
  label: string;
  sizeBytes: number;
}

export type DriveWriteResult =
  { status: 'verified'; path: string; sha256: string } | { status: 'failed'; message: string };

export type BackupWriteResult =
  { status: 'saved'; name: string } | { status: 'failed'; message: string };
export type { BackupFile, BackupReason };

export interface HandoffIdentity {
  /** Ed25519 public key, hex. */
  publicKey: string;
  fingerprint: string;
}

/** `refused`: the manifest is not one this installation signs; `message` says why, in Chinese. */
export type SignResult =
  { status: 'signed'; signature: string } | { status: 'refused'; message: string };

export type ApiMethod = keyof EcoDeskApi;

export type FileFilter = z.infer<typeof fileFilterSchema>;
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;
export type SavePdfRequest = z.infer<typeof savePdfRequestSchema>;
export type PrintPdfRequest = z.infer<typeof printPdfRequestSchema>;
export type PrintPdfResult =
  { status: 'printed'; data: Uint8Array } | { status: 'failed'; message: string };
export type OpenFileRequest = z.infer<typeof openFileRequestSchema>;
export type PickFilesRequest = z.infer<typeof pickFilesRequestSchema>;

export type PickFilesResult =
  | { status: 'picked'; files: { token: string; name: string; size: number }[] }
  | { status: 'canceled' };

export type SaveFileResult =
  | { status: 'saved'; path: string }
  | { status: 'canceled' }
  | { status: 'failed'; reason: 'diskFull' | 'writeError'; message: string };

export type OpenFileResult =
  | { status: 'opened'; name: string; data: Uint8Array }
  | { status: 'canceled' }
  | { status: 'failed'; reason: 'tooLarge' | 'readError'; message: string };

export interface AppInfo {
  version: string;
  /** Where the data lives: userData, or `data/` beside the program in portable mode. */
  dataFolder: string;
  portable: boolean;
  platform: string;
  /** Empty outside Electron. */
  electronVersion: string;
}

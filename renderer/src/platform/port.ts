import type { AppInfo, FileFilter, OpenFileResult, SaveFileResult } from '@shared/ipc/api';

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
  print(): Promise<void>;
}

export type { AppInfo, FileFilter, OpenFileResult, SaveFileResult };

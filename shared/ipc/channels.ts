import type { ApiMethod } from './api';

/** Channel names, defined once. Kept free of zod so that the sandboxed preload stays small. */
export const CHANNELS = {
  getAppInfo: 'eco-desk:get-app-info',
  saveFile: 'eco-desk:save-file',
  openFile: 'eco-desk:open-file',
  pickFiles: 'eco-desk:pick-files',
  readPickedFile: 'eco-desk:read-picked-file',
  printPage: 'eco-desk:print-page',
  savePdf: 'eco-desk:save-pdf',
  printPdf: 'eco-desk:print-pdf',
  getIdentity: 'eco-desk:get-identity',
  signManifest: 'eco-desk:sign-manifest',
  writeBackup: 'eco-desk:write-backup',
  listBackups: 'eco-desk:list-backups',
  readBackup: 'eco-desk:read-backup',
  listDrives: 'eco-desk:list-drives',
  writeToDrive: 'eco-desk:write-to-drive',
} as const satisfies Record<ApiMethod, `eco-desk:${string}`>;

export const API_METHODS = Object.keys(CHANNELS) as ApiMethod[];

/** The origin the renderer is served from in the desktop app. Frozen: IndexedDB lives under it. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'eco-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

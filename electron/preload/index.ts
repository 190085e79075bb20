import { contextBridge, ipcRenderer } from 'electron';
import type { EcoDeskApi } from '@shared/ipc/api';
import { CHANNELS } from '@shared/ipc/channels';

// One named function per method; ipcRenderer itself never reaches the page.
const api = {
  getAppInfo: () => ipcRenderer.invoke(CHANNELS.getAppInfo),
  saveFile: (request) => ipcRenderer.invoke(CHANNELS.saveFile, request),
  openFile: (request) => ipcRenderer.invoke(CHANNELS.openFile, request),
  pickFiles: (request) => ipcRenderer.invoke(CHANNELS.pickFiles, request),
  readPickedFile: (token, maxBytes) => ipcRenderer.invoke(CHANNELS.readPickedFile, token, maxBytes),
  printPage: () => ipcRenderer.invoke(CHANNELS.printPage),
  savePdf: (request) => ipcRenderer.invoke(CHANNELS.savePdf, request),
  printPdf: (request) => ipcRenderer.invoke(CHANNELS.printPdf, request),
  getIdentity: () => ipcRenderer.invoke(CHANNELS.getIdentity),
  signManifest: (manifest) => ipcRenderer.invoke(CHANNELS.signManifest, manifest),
  writeBackup: (reason, data) => ipcRenderer.invoke(CHANNELS.writeBackup, reason, data),
  listBackups: () => ipcRenderer.invoke(CHANNELS.listBackups),
  readBackup: (name) => ipcRenderer.invoke(CHANNELS.readBackup, name),
  listDrives: () => ipcRenderer.invoke(CHANNELS.listDrives),
  writeToDrive: (request) => ipcRenderer.invoke(CHANNELS.writeToDrive, request),
} satisfies EcoDeskApi;

contextBridge.exposeInMainWorld('ecoDesk', api);

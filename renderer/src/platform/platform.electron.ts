import type { EcoDeskApi } from '@shared/ipc/api';
import type { Platform } from './port';

export function createElectronPlatform(api: EcoDeskApi) {
  return {
    kind: 'desktop',
    getAppInfo: () => api.getAppInfo(),
    saveFile: (request) => api.saveFile(request),
    openFile: (request) => api.openFile(request),
    pickFiles: (request) => api.pickFiles(request),
    readPickedFile: (token, maxBytes) => api.readPickedFile(token, maxBytes),
    print: () => api.printPage(),
    savePdf: (request) => api.savePdf(request),
    printPdf: (request) => api.printPdf(request),
    getIdentity: () => api.getIdentity(),
    signManifest: (manifest) => api.signManifest(manifest),
    writeBackup: (reason, data) => api.writeBackup(reason, data),
    listBackups: () => api.listBackups(),
    readBackup: (name) => api.readBackup(name),
    listDrives: () => api.listDrives(),
    writeToDrive: (request) => api.writeToDrive(request),
  } satisfies Platform;
}

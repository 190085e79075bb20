import type { AppInfo } from '@shared/ipc/api';
import type { DataFolder } from '../dataFolder';

export function createAppInfoService(deps: {
  version: string;
  dataFolder: DataFolder;
  platform: string;
  electronVersion: string;
}) {
  return {
    getAppInfo(): AppInfo {
      return {
        version: deps.version,
        dataFolder: deps.dataFolder.folder,
        portable: deps.dataFolder.portable,
        platform: deps.platform,
        electronVersion: deps.electronVersion,
      };
    },
  };
}

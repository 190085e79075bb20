import { describe, expect, it } from 'vitest';
import { createAppInfoService } from './appInfoService';

describe('appInfoService', () => {
  it('reports the version, the data folder and whether it is portable', () => {
    const service = createAppInfoService({
      version: '0.1.0',
      dataFolder: { folder: 'E:\\EcoDesk\\data', portable: true },
      platform: 'win32',
      electronVersion: '45.5.0',
    });
    expect(service.getAppInfo()).toEqual({
      version: '0.1.0',
      dataFolder: 'E:\\EcoDesk\\data',
      portable: true,
      platform: 'win32',
      electronVersion: '45.5.0',
    });
  });
});

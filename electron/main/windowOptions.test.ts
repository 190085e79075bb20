import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './windowOptions';

describe('mainWindowOptions', () => {
  it('keeps every security setting on', () => {
    expect(
      mainWindowOptions('/app/preload/index.cjs', { packaged: true }).webPreferences,
    ).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('has no DevTools in a packaged build; a development or test run keeps them', () => {
    expect(mainWindowOptions('/p.cjs', { packaged: true }).webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions('/p.cjs', { packaged: false }).webPreferences?.devTools).toBe(true);
  });
});

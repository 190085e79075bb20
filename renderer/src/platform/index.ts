import { createElectronPlatform } from './platform.electron';
import { createWebPlatform } from './platform.web';
import type { Platform } from './port';

/** The desktop adapter when the preload exposed window.ecoDesk, the browser one otherwise. */
export const platform: Platform = window.ecoDesk
  ? createElectronPlatform(window.ecoDesk)
  : createWebPlatform();

export type { Platform } from './port';

import type { EcoDeskApi } from '@shared/ipc/api';

declare global {
  /** Set by Vite from package.json. */
  const __APP_VERSION__: string;
  interface Window {
    /** Present only in the desktop app, exposed by the preload. */
    ecoDesk?: EcoDeskApi;
  }
}

export {};

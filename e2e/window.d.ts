import type { EcoDeskApi } from '@shared/ipc/api';

declare global {
  interface Window {
    ecoDesk?: EcoDeskApi;
  }
}

export {};

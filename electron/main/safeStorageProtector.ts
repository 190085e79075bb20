import type { KeyProtector } from './services/identityService';

/** The part of Electron's safeStorage used (its asynchronous API: the other goes in Electron 46). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  getSelectedStorageBackend(): string;
  encryptStringAsync(plain: string): Promise<Uint8Array>;
  decryptStringAsync(sealed: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
}

/**
 * The signing key's protection from Electron's safeStorage. On Linux without a keyring Electron
 * still "encrypts", with a password written into Electron itself (`basic_text`): that protects
 * nothing, so it counts as no protection, and the key file says plainly that it is unsealed.
 */
export function safeStorageProtector(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
): KeyProtector {
  return {
    available: async () =>
      (await safeStorage.isAsyncEncryptionAvailable()) &&
      !(
        platform === 'linux' &&
        ['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend())
      ),
    seal: async (plain) => new Uint8Array(await safeStorage.encryptStringAsync(plain)),
    open: async (sealed) => {
      const opened = await safeStorage.decryptStringAsync(Buffer.from(sealed));
      return { plain: opened.result, stale: opened.shouldReEncrypt };
    },
  };
}

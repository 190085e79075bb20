import { useSyncExternalStore } from 'react';

/**
 * A recovery code waiting to be shown (just made at set-up, or renewed after it was used). It
 * outlives the screen that made it (the wizard leaves as soon as the town is set up), and is
 * never stored: once the office has kept it, it is gone from the app.
 */
export interface RecoveryNotice {
  code: string;
  account: string;
  /** A new code in place of one just used (which no longer works), not the first one. */
  renewed?: boolean;
}

let pending: RecoveryNotice | null = null;
const listeners = new Set<() => void>();

export function showRecoveryCode(notice: RecoveryNotice | null): void {
  pending = notice;
  for (const listener of listeners) listener();
}

export const useRecoveryNotice = () =>
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => pending,
  );

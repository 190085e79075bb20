const listeners = new Set<() => void>();

/** Tells every list of backups on screen to read the folder again (after a backup is written). */
export function backupsChanged(): void {
  for (const listener of listeners) listener();
}

export function onBackupsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

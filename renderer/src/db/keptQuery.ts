import Dexie from 'dexie';
import { useCallback, useSyncExternalStore } from 'react';

/** What a kept read holds for its key: its last answer, or the error that read met. */
export interface KeptAnswer<T> {
  key: string;
  value?: T;
  error?: Error;
}

export interface KeptQuery<T> {
  /** The answer for `key` as last read (undefined before the first read of that key ends). */
  answer(key: string): KeptAnswer<T> | undefined;
  /** Starts a read of `key` if its answer is missing or a write came after it; `notify` on each new answer. */
  subscribe(key: string, notify: () => void): () => void;
}

/**
 * A read whose answer is kept after the screen that asked for it has gone, for a read that takes
 * a screen most of its time (the dashboard's 回头看 reads two years' closed items: about 200 ms
 * of a 400 ms page on ten years of data). A screen coming back finds the answer at once.
 *
 * The answer is never older than the data it was read from: every committed write to one of
 * `tables` (Dexie's `storagemutated`, fired for this page's writes and, over a BroadcastChannel,
 * for those of any other page or worker on the database) marks it out of date. It is then read
 * again at once while a screen shows it — which keeps the answer read before until the new one
 * arrives, as `useLiveQuery` does after a write — or when a screen next asks for it. One key at a
 * time: asking for another (the next day's date) drops the one before.
 */
export function keptQuery<T>(
  dbName: () => string,
  tables: readonly string[],
  read: (key: string) => Promise<T>,
): KeptQuery<T> {
  /** Counts the writes to `tables`; an answer records the count it was read at. */
  let writes = 0;
  let current: KeptAnswer<T> | undefined;
  let readAt = -1;
  let reading: string | null = null;
  const listeners = new Set<() => void>();

  const touches = (parts: Record<string, unknown>) => {
    const prefixes = tables.map((t) => `idb://${dbName()}/${t}/`);
    return Object.keys(parts).some((part) => prefixes.some((p) => part.startsWith(p)));
  };

  const refresh = (key: string) => {
    if (current?.key !== key) {
      current = undefined;
      readAt = -1;
    }
    if (reading === key || (current && readAt === writes)) return;
    reading = key;
    const at = writes;
    void read(key)
      .then(
        (value) => ({ key, value }),
        (error: unknown) => ({
          key,
          error: error instanceof Error ? error : new Error(String(error)),
        }),
      )
      .then((answer) => {
        if (reading === key) reading = null;
        // A read of a key given up meanwhile (another key asked for) is dropped.
        if (current !== undefined && current.key !== key) return;
        if (current === undefined && reading !== null) return;
        current = answer;
        readAt = at;
        for (const notify of [...listeners]) notify();
        // A write during the read: its answer may predate it; read again for who still looks.
        if (at !== writes && listeners.size > 0) refresh(key);
      });
  };

  Dexie.on('storagemutated', (parts) => {
    if (!touches(parts)) return;
    writes += 1;
    if (listeners.size > 0 && current) refresh(current.key);
  });

  return {
    answer: (key) => (current?.key === key ? current : undefined),
    subscribe(key, notify) {
      listeners.add(notify);
      refresh(key);
      return () => listeners.delete(notify);
    },
  };
}

/**
 * A kept read's answer for `key` in a component (undefined while it is first read, or while `key`
 * is null: not asked for yet). Throws the error the read met, as `useLiveQuery` does.
 */
export function useKept<T>(query: KeptQuery<T>, key: string | null): T | undefined {
  const subscribe = useCallback(
    (notify: () => void) => (key === null ? () => undefined : query.subscribe(key, notify)),
    [query, key],
  );
  const answer = useSyncExternalStore(subscribe, () =>
    key === null ? undefined : query.answer(key),
  );
  if (answer?.error !== undefined) throw answer.error;
  return answer?.value;
}

import Dexie from 'dexie';
import { useCallback, useSyncExternalStore } from 'react';

/** What a kept read holds for its key: its last answer, or the error that read met. */
export interface KeptAnswer<T> {
  key: string;
  value?: T;
  error?: Error;
}

export interface KeptQuery<T> {
  /**
   * The answer for `key`: as last read, if no write has come since or a screen still shows it;
   * otherwise undefined (wait for the read).
   */
  answer(key: string): KeptAnswer<T> | undefined;
  /** Starts a read of `key` if its answer is missing or a write came after it; `notify` on each new answer. */
  subscribe(key: string, notify: () => void): () => void;
}

/**
 * A read whose answer is kept after the screen that asked for it has gone, for a read that takes
 * a screen most of its time (the dashboard's 回头看 reads two years' closed items: about 200 ms
 * of a 400 ms page on ten years of data). A screen coming back finds the answer at once.
 *
 * No screen newly opened is handed an answer older than the data. Every committed write to one
 * of `tables` (Dexie's `storagemutated`, fired for this page's writes and, over a
 * BroadcastChannel, for those of any other page or worker on the database) makes the answer out
 * of date. Nobody showing it: it is dropped, and the next screen to ask waits for a new read, as
 * with `useLiveQuery`. A screen showing it: it is read again at once, and that screen keeps the
 * answer it shows until the new one arrives (as `useLiveQuery` does after a write); if the screen
 * goes meanwhile, the answer is dropped. One key at a time: asking for another (the next day's
 * date) drops the one before.
 */
export function keptQuery<T>(
  dbName: () => string,
  tables: readonly string[],
  read: (key: string) => Promise<T>,
): KeptQuery<T> {
  /** The answer screens are given, while it is up to date or a screen still shows it. */
  let current: KeptAnswer<T> | undefined;
  /** Whether a write to `tables` has come after `current` was read. */
  let outOfDate = false;
  /** The read under way; `overtaken` once a write comes during it. */
  let pending: { key: string; overtaken: boolean } | null = null;
  const listeners = new Set<() => void>();

  const touches = (parts: Record<string, unknown>) => {
    const prefixes = tables.map((t) => `idb://${dbName()}/${t}/`);
    return Object.keys(parts).some((part) => prefixes.some((p) => part.startsWith(p)));
  };

  const refresh = (key: string) => {
    if (current !== undefined && current.key !== key) current = undefined;
    if (pending?.key === key || (current !== undefined && !outOfDate)) return;
    const run = { key, overtaken: false };
    pending = run;
    void read(key)
      .then(
        (value): KeptAnswer<T> => ({ key, value }),
        (error: unknown): KeptAnswer<T> => ({
          key,
          error: error instanceof Error ? error : new Error(String(error)),
        }),
      )
      .then((answer) => {
        // A read given up meanwhile (another key asked for) is dropped.
        if (pending !== run) return;
        pending = null;
        if (!run.overtaken) {
          current = answer;
          outOfDate = false;
        } else if (current !== undefined && listeners.size > 0) {
          // A write came during the read: its answer may predate it. It is newer than the one
          // the screens show, so they have it, and it is read again for them.
          current = answer;
        } else {
          // Nobody shows an answer: none out of date is handed to a screen. Read again if asked.
          current = undefined;
          if (listeners.size > 0) refresh(key);
          return;
        }
        for (const notify of [...listeners]) notify();
        if (outOfDate && listeners.size > 0) refresh(key);
      });
  };

  Dexie.on('storagemutated', (parts) => {
    if (!touches(parts)) return;
    outOfDate = true;
    if (pending) pending.overtaken = true;
    if (listeners.size === 0) current = undefined;
    else if (current) refresh(current.key);
  });

  return {
    answer: (key) => (current?.key === key ? current : undefined),
    subscribe(key, notify) {
      listeners.add(notify);
      refresh(key);
      return () => {
        listeners.delete(notify);
        if (listeners.size === 0 && outOfDate) current = undefined;
      };
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

import { useEffect, useState } from 'react';
import { toIsoDate } from '@shared/domain/dates';
import { dailyBackupDue, type BackupFile } from '@shared/handoff/backups';
import { useNotify } from '../../app/notify';
import { platform } from '../../platform';
import { onBackupsChanged } from './backupEvents';
import { backupNow } from './handoffFiles';

/** The backups kept on this PC, newest first; undefined while reading. */
export function useBackups(): BackupFile[] | undefined {
  const [backups, setBackups] = useState<BackupFile[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const read = () =>
      void platform.listBackups().then(
        (list) => live && setBackups(list),
        () => live && setBackups([]),
      );
    read();
    const stop = onBackupsChanged(read);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return backups;
}

/** A delay so that the first screen is drawn before the day's backup is made. */
export const DAILY_BACKUP_DELAY_MS = 5000;

/** How often an app left open checks whether the day's backup is due (a PC left on overnight). */
const DAILY_CHECK_MS = 60 * 60_000;

/**
 * Takes the day's backup a few seconds after the app opens, unless one was taken today, and
 * again each new day while the app stays open.
 */
export function useDailyBackup(enabled = true): void {
  const notify = useNotify();
  useEffect(() => {
    if (!enabled) return;
    const check = () =>
      void (async () => {
        const list = await platform.listBackups();
        if (dailyBackupDue(list, toIsoDate(new Date()))) await backupNow('daily');
      })().catch((error: unknown) => notify.error(error, '今天的自动备份没有完成。'));
    const timer = setTimeout(check, DAILY_BACKUP_DELAY_MS);
    const hourly = setInterval(check, DAILY_CHECK_MS);
    return () => {
      clearTimeout(timer);
      clearInterval(hourly);
    };
    // Once per start of the app (once it is known to be a town's).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled]);
}

/**
 * A backup the user asks for (立即备份, 重新备份): while it runs `busy`; then a notice with its
 * name (`done` words it), or the reason it failed.
 */
export function useManualBackup(done: (name: string) => string) {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      notify.success(done(await backupNow('manual')));
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };
  return { busy, run: () => void run() };
}

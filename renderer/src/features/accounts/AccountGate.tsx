import { Box, CircularProgress, Dialog } from '@mui/material';
import { useEffect, type ReactNode } from 'react';
import { actions } from '../../db/actions';
import { useAccounts, useIdleMinutes, usePlaceTitle, useSession } from '../../db/hooks';
import { endSession, lastActive, markActive, updateSession } from '../../db/session';
import { RecoveryCodeNotice } from './RecoveryCodeNotice';
import { showRecoveryCode, useRecoveryNotice } from './recoveryNotice';
import { FirstAccountPage, MustChangePassword, SignInPage } from './SignInPage';

/**
 * No work without a signed-in account: the first account is made if there is none, then the
 * person signs in; a locked app shows the lock screen over the page (kept as it was, nothing
 * typed is lost) until the password is typed again.
 */
export function AccountGate({
  children,
  openWithoutAccounts = false,
}: {
  children: ReactNode;
  /**
   * The demo and restore pages: open on a PC without accounts (they may make them), behind the
   * sign-in once there are. The page is not remounted when its own step makes the accounts.
   */
  openWithoutAccounts?: boolean;
}) {
  const accounts = useAccounts();
  const session = useSession();
  const notice = useRecoveryNotice();
  const place = usePlaceTitle();
  // The session names an account of this PC that may still sign in, with its rights as now.
  // (While the demo writes its accounts the list is still empty: nothing to compare yet.)
  useEffect(() => {
    if (!accounts || accounts.length === 0 || !session) return;
    const mine = accounts.find((a) => a.id === session.accountId);
    if (!mine || mine.disabled) endSession();
    else if (mine.rights.join() !== session.rights.join()) updateSession({ rights: mine.rights });
  }, [accounts, session]);
  useIdleLock(Boolean(session && !session.locked));

  if (accounts === undefined) {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <CircularProgress aria-label="正在加载" />
      </Box>
    );
  }
  if (notice)
    return (
      <RecoveryCodeNotice
        code={notice.code}
        account={notice.account}
        renewed={notice.renewed === true}
        town={place ?? ''}
        onDone={() => showRecoveryCode(null)}
      />
    );
  const open = accounts.length === 0 && openWithoutAccounts;
  if (accounts.length === 0 && !open) return <FirstAccountPage />;
  if (!session && !open) return <SignInPage />;
  if (session?.mustChangePassword) return <MustChangePassword />;
  // The same shape whether or not there are accounts yet, so the page below stays mounted.
  return (
    <>
      {children}
      <Dialog fullScreen open={session?.locked === true} aria-label="工作台已锁定">
        {session?.locked ? <SignInPage locked={session} /> : null}
      </Dialog>
    </>
  );
}

/** Locks after the office's idle time with no keyboard or mouse use (0: never). */
function useIdleLock(active: boolean) {
  const minutes = useIdleMinutes();
  useEffect(() => {
    if (!active || !minutes) return;
    let last = 0;
    const seen = () => {
      // A mark every few seconds is enough, and keeps the storage writes few.
      const now = Date.now();
      if (now - last < 5_000) return;
      last = now;
      markActive(now);
    };
    const events = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, seen, { passive: true, capture: true });
    const check = () => {
      if (Date.now() - lastActive() >= minutes * 60_000) actions.lock();
    };
    check();
    const timer = window.setInterval(check, 10_000);
    return () => {
      for (const e of events) window.removeEventListener(e, seen, { capture: true });
      window.clearInterval(timer);
    };
  }, [active, minutes]);
}

import { Alert, AlertTitle, Button } from '@mui/material';
import { useState } from 'react';
import { useNotify } from '../../app/notify';
import { formatTimestamp } from '../../components/format';
import { useBackupFailure } from '../../db/hooks';
import { backupNow } from './handoffFiles';
import { HANDOFF } from './strings';

const B = HANDOFF.backupFailed;

/**
 * A backup that did not complete, shown until one does: the office must not find out that it
 * has had no backups only on the day it needs one.
 */
export function BackupFailureAlert() {
  const failure = useBackupFailure();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  if (!failure) return null;
  const retry = async () => {
    setBusy(true);
    try {
      notify.success(B.done(await backupNow('manual')));
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert
      severity="error"
      sx={{ mb: 2 }}
      data-testid="backup-failed"
      action={
        <Button color="inherit" size="small" disabled={busy} onClick={() => void retry()}>
          {busy ? B.retrying : B.retry}
        </Button>
      }
    >
      <AlertTitle>{B.title}</AlertTitle>
      {B.detail(formatTimestamp(failure.at), failure.message)}
    </Alert>
  );
}

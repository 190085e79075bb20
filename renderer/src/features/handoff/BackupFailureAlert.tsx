import { Alert, AlertTitle, Button } from '@mui/material';
import { formatTimestamp } from '../../components/format';
import { useBackupFailure } from '../../db/hooks';
import { useManualBackup } from './useBackups';
import { HANDOFF } from './strings';

const B = HANDOFF.backupFailed;

/**
 * A backup that did not complete, shown until one does: the office must not find out that it
 * has had no backups only on the day it needs one.
 */
export function BackupFailureAlert() {
  const failure = useBackupFailure();
  const retry = useManualBackup(B.done);
  if (!failure) return null;
  return (
    <Alert
      severity="error"
      sx={{ mb: 2 }}
      data-testid="backup-failed"
      action={
        <Button color="inherit" size="small" disabled={retry.busy} onClick={retry.run}>
          {retry.busy ? B.retrying : B.retry}
        </Button>
      }
    >
      <AlertTitle>{B.title}</AlertTitle>
      {B.detail(formatTimestamp(failure.at), failure.message)}
    </Alert>
  );
}

import { Alert, Box, Button, Typography } from '@mui/material';
import { useState } from 'react';
import { actions } from '../../db/actions';
import { useNotify } from '../../app/notify';
import { SETTINGS } from './strings';
import { PromptDialog } from '../../components/FormDialog';
import { formatTimestamp } from '../../components/format';
import { useCan, type StoredBreak } from '../../db/hooks';
import { ACCOUNTS } from '../accounts/strings';

const A = ACCOUNTS.breakAck;

const S = SETTINGS.audit.check;

type Report = Awaited<ReturnType<typeof actions.checkHistory>>;

/**
 * 核验记录完整性: checks every entry of every chain of the history (docs/audit-chain.md) and says
 * what it found, in words; a break names its place and is never repaired here.
 */
export function HistoryCheck() {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const run = async () => {
    setBusy(true);
    try {
      setReport(await actions.checkHistory(true));
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
        <Button variant="outlined" onClick={() => void run()} disabled={busy}>
          {busy ? S.running : S.button}
        </Button>
        <Typography variant="body2" color="text.secondary">
          {S.help}
        </Typography>
      </Box>
      {report ? (
        <Alert severity={report.ok ? 'success' : 'error'} data-testid="history-check">
          {report.chains.length === 0 ? S.none : null}
          {report.chains.map((c) => (
            <div key={c.chain}>
              {c.own ? S.own : S.other(c.chain)}
              {c.break
                ? S.broken(c.break.seq - 1, c.break.message)
                : c.own
                  ? S.intact(c.entries, c.head?.seq ?? 0, (c.head?.hash ?? '').slice(0, 12))
                  : S.intactPart(c.entries)}
            </div>
          ))}
          {report.unchained > 0 ? <div>{S.unchained(report.unchained)}</div> : null}
        </Alert>
      ) : null}
    </Box>
  );
}

/**
 * Shown on every screen while a break found in the history has not been acknowledged by an
 * administrator; the acknowledgement is itself an entry, and the break stays in the check.
 */
export function ChainBreakBanner({ found }: { found: StoredBreak | undefined }) {
  const mayAcknowledge = useCan('accounts');
  const [asking, setAsking] = useState(false);
  const notify = useNotify();
  if (!found?.break || found.acknowledged) return null;
  return (
    <Alert
      severity="error"
      sx={{ mb: 2 }}
      data-testid="chain-break"
      action={
        mayAcknowledge ? (
          <Button color="inherit" size="small" onClick={() => setAsking(true)}>
            {A.button}
          </Button>
        ) : undefined
      }
    >
      {S.banner(found.break.message)}
      {asking ? (
        <PromptDialog
          title={A.title}
          message={A.help}
          label={A.note}
          submitLabel={A.button}
          max={200}
          onSubmit={async (note) => {
            await actions.acknowledgeBreak(note);
            notify.success(A.done);
          }}
          onClose={() => setAsking(false)}
        />
      ) : null}
    </Alert>
  );
}

/** Under the check's result: a break an administrator has acknowledged, and by whom. */
export function AcknowledgedBreak({ found }: { found: StoredBreak | undefined }) {
  if (!found?.break || !found.acknowledged) return null;
  return (
    <Alert severity="warning" data-testid="chain-break-acknowledged">
      {S.banner(found.break.message)}{' '}
      {A.acknowledged(found.acknowledged.by, formatTimestamp(found.acknowledged.at))}
    </Alert>
  );
}

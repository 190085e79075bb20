import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  LinearProgress,
  MenuItem,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { formatBytes } from '@shared/domain/attachment';
import type { ExportChoice } from '@shared/handoff/log';
import type { RemovableDrive } from '@shared/ipc/api';
import { useNotify } from '../../app/notify';
import { formatTimestamp } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { actions } from '../../db/actions';
import { useCan, useHandoffDue, useHandoffs } from '../../db/hooks';
import { platform } from '../../platform';
import { exportPackage, type ExportOutcome, type ExportStep } from './handoffFiles';
import { ImportPanel } from './ImportPanel';
import { HANDOFF, inTableOrder, TABLE_LABELS } from './strings';
import { useOwnFingerprint } from '../../components/useOwnFingerprint';
import { DateField } from '../../components/DateField';

const E = HANDOFF.export;
const R = HANDOFF.receipt;

/** 数据交换: the signing fingerprint, export with a receipt, import, and the hand-off log. */
export function HandoffPage() {
  const notify = useNotify();
  // Export, import and the reminder's interval are the hand-off's; the log is for anyone.
  const mayExchange = useCan('handoff');
  const fingerprint = useOwnFingerprint();
  const [choice, setChoice] = useState<ExportChoice>({
    from: '',
    to: '',
    assessment: true,
    ledger: true,
    attachments: true,
  });
  const [step, setStep] = useState<ExportStep | null>(null);
  const [receipt, setReceipt] = useState<
    Extract<ExportOutcome, { status: 'saved' }>['receipt'] | null
  >(null);
  const log = useHandoffs();
  const [drives, setDrives] = useState<RemovableDrive[] | null>(null);
  const [drive, setDrive] = useState('');
  const refreshDrives = async () => {
    const list = await platform.listDrives();
    setDrives(list);
    setDrive((current) => (list.some((d) => d.path === current) ? current : (list[0]?.path ?? '')));
  };
  useEffect(() => {
    let live = true;
    void platform.listDrives().then((list) => {
      if (!live) return;
      setDrives(list);
      setDrive(list[0]?.path ?? '');
    });
    return () => {
      live = false;
    };
  }, []);

  const badRange = choice.from !== '' && choice.to !== '' && choice.from > choice.to;

  async function runExport() {
    try {
      const outcome = await exportPackage(choice, setStep, drive || undefined);
      if (outcome.status === 'saved') {
        setReceipt(outcome.receipt);
        notify.success(E.saved(outcome.receipt.place));
      } else if (outcome.status === 'failed')
        notify.error(new Error(outcome.message), outcome.message);
    } catch (error) {
      notify.error(error);
    } finally {
      setStep(null);
    }
  }

  return (
    <>
      <PageHeader title={HANDOFF.title} subtitle={HANDOFF.subtitle} />
      <Box sx={{ display: 'grid', gap: 2 }}>
        <Paper sx={{ p: 2 }}>
          <Typography variant="h4" gutterBottom>
            {HANDOFF.identity}
          </Typography>
          <Typography sx={{ fontFamily: 'monospace', fontSize: 18 }} data-testid="fingerprint">
            {fingerprint}
          </Typography>
          <Typography color="text.secondary">{HANDOFF.identityHelp}</Typography>
        </Paper>
        {mayExchange ? (
          <Paper sx={{ p: 2, display: 'grid', gap: 1.5 }}>
            <Typography variant="h4">{E.title}</Typography>
            <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
              <DateField
                kind="month"
                label={E.from}
                value={choice.from}
                onChange={(from) => setChoice({ ...choice, from })}
                helperText=" "
                sx={{ width: 200 }}
              />
              <DateField
                kind="month"
                label={E.to}
                value={choice.to}
                onChange={(to) => setChoice({ ...choice, to })}
                sx={{ width: 200 }}
                error={badRange}
                helperText={badRange ? E.badRange : ' '}
              />
              {(['assessment', 'ledger', 'attachments'] as const).map((part) => (
                <FormControlLabel
                  key={part}
                  control={
                    <Checkbox
                      checked={choice[part]}
                      onChange={(e) => setChoice({ ...choice, [part]: e.target.checked })}
                    />
                  }
                  label={E[part]}
                />
              ))}
            </Box>
            <Typography color="text.secondary">{E.base}</Typography>
            <IntervalField />
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
              <TextField
                select
                label={E.target}
                value={drive}
                onChange={(e) => setDrive(e.target.value)}
                slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
                sx={{ width: 320 }}
              >
                <MenuItem value="">{E.saveAs}</MenuItem>
                {(drives ?? []).map((d) => (
                  <MenuItem key={d.path} value={d.path}>
                    {E.drive(d.label, d.path)}
                  </MenuItem>
                ))}
              </TextField>
              <Button onClick={() => void refreshDrives()}>{E.refreshDrives}</Button>
              <Button
                variant="contained"
                disabled={step !== null || badRange}
                data-testid="export-run"
                onClick={() => void runExport()}
              >
                {E.run}
              </Button>
            </Box>
            {drives && drives.length === 0 && platform.kind === 'desktop' ? (
              <Typography color="text.secondary">{E.noDrives}</Typography>
            ) : null}
            {step ? (
              <Box>
                <Typography>{E.steps[step]}</Typography>
                <LinearProgress />
              </Box>
            ) : null}
            {receipt ? (
              <Alert severity="success" data-testid="receipt">
                <Typography variant="h4" gutterBottom>
                  {R.title}
                </Typography>
                {receipt.checkedOnDrive ? (
                  <Typography sx={{ fontWeight: 500 }}>{R.safeToRemove}</Typography>
                ) : null}
                <Typography>
                  {R.place}：{receipt.place}
                </Typography>
                <Typography>
                  {R.period}：{receipt.period.from || R.all} — {receipt.period.to || R.all}
                </Typography>
                <Typography>
                  {R.size}：{formatBytes(receipt.size)}
                </Typography>
                <Typography sx={{ wordBreak: 'break-all' }}>
                  {R.hash}：{receipt.sha256}
                </Typography>
                <Typography>
                  {R.fingerprint}：{receipt.fingerprint}
                </Typography>
                <Typography>
                  {R.counts}：
                  {inTableOrder(Object.keys(receipt.counts))
                    .filter((t) => receipt.counts[t]! > 0)
                    .map((t) => `${TABLE_LABELS[t] ?? t} ${receipt.counts[t]}`)
                    .join('，')}
                </Typography>
                {receipt.readable.length > 0 ? (
                  <Typography>
                    {R.readable}：{receipt.readable.join('、')}
                  </Typography>
                ) : null}
                {receipt.briefingMissing ? (
                  <Typography color="warning.dark">
                    {R.briefingMissing(receipt.briefingMissing)}
                  </Typography>
                ) : null}
                <Button sx={{ mt: 1 }} onClick={() => void platform.print()}>
                  {R.print}
                </Button>
              </Alert>
            ) : null}
          </Paper>
        ) : null}
        {mayExchange ? <ImportPanel /> : null}
        <Paper sx={{ p: 2 }}>
          <Typography variant="h4" gutterBottom>
            {HANDOFF.log.title}
          </Typography>
          {log === undefined ? null : log.length > 0 ? (
            <Table size="small" aria-label={HANDOFF.log.title} data-testid="handoff-log">
              <TableHead>
                <TableRow>
                  <TableCell>{HANDOFF.log.at}</TableCell>
                  <TableCell>{HANDOFF.log.direction}</TableCell>
                  <TableCell>{HANDOFF.log.place}</TableCell>
                  <TableCell align="right">{HANDOFF.log.size}</TableCell>
                  <TableCell>{HANDOFF.log.hash}</TableCell>
                  <TableCell>{HANDOFF.log.by}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {log.map((e) => (
                  <TableRow key={e.id}>
                    <TableCell>{formatTimestamp(e.at)}</TableCell>
                    <TableCell>{HANDOFF.log.directions[e.direction]}</TableCell>
                    <TableCell>{e.place}</TableCell>
                    <TableCell align="right">{formatBytes(e.size)}</TableCell>
                    <TableCell sx={{ fontFamily: 'monospace' }}>{e.sha256.slice(0, 16)}…</TableCell>
                    <TableCell>{e.by}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : (
            <Typography color="text.secondary" data-testid="handoff-log">
              {HANDOFF.log.empty}
            </Typography>
          )}
        </Paper>
      </Box>
    </>
  );
}

/** How often the county expects data: the dashboard reminds the office after that many days. */
function IntervalField() {
  const due = useHandoffDue();
  const notify = useNotify();
  const [text, setText] = useState<string | null>(null);
  if (!due) return null;
  const value = text ?? String(due.intervalDays);
  return (
    <Box
      component="form"
      sx={{ display: 'flex', gap: 1, alignItems: 'center' }}
      data-testid="handoff-interval"
      onSubmit={(event) => {
        event.preventDefault();
        void actions.setHandoffInterval(Number(value)).then(
          () => {
            setText(null);
            notify.success(E.intervalSaved(Number(value)));
          },
          (error: unknown) => notify.error(error),
        );
      }}
    >
      <TextField
        label={E.interval}
        value={value}
        onChange={(e) => setText(e.target.value)}
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        sx={{ width: 200 }}
      />
      <Button type="submit" disabled={text === null}>
        {E.saveInterval}
      </Button>
    </Box>
  );
}

import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { formatTimestamp } from '../../components/format';
import { useNotify } from '../../app/notify';
import { actions } from '../../db/actions';
import { useCan, useCountyTowns, useReceivedPackages } from '../../db/hooks';
import {
  openTownPackage,
  pickTownPackages,
  type CountyArrival,
  type PickedPackage,
} from './countyFiles';
import type { RegisteredTown } from '@shared/domain/county';
import { FormDialog } from '../../components/FormDialog';
import { IssueList } from '../../components/IssueList';
import { fieldMessage } from '../../components/issues';
import { useFormDialog } from '../../components/useFormDialog';
import { COUNTY } from './strings';

const R = COUNTY.receive;

/**
 * 接收数据: a town's package is checked, compared with the key the town registered (its first
 * package only after someone compared the fingerprint with the town's), judged against what the
 * town sent before, then kept with a receipt.
 */
export function ReceivePage() {
  const notify = useNotify();
  const mayReceive = useCan('handoff');
  const towns = useCountyTowns();
  const packages = useReceivedPackages();
  const [arrival, setArrival] = useState<CountyArrival | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [compared, setCompared] = useState(false);
  const [rekeying, setRekeying] = useState(false);
  // Several packages chosen at once are taken one after another: those still to come.
  const [queue, setQueue] = useState<{ rest: PickedPackage[]; total: number }>({
    rest: [],
    total: 0,
  });
  const townName = new Map((towns ?? []).map((t) => [t.id, t.name]));

  /** The next chosen package, checked and judged now (after the ones before it were taken). */
  async function next(rest: PickedPackage[], total: number) {
    setArrival(null);
    setCompared(false);
    let left = rest;
    setBusy(true);
    try {
      while (left.length > 0) {
        const [file, ...after] = left;
        left = after;
        setQueue({ rest: after, total });
        const opened = await openTownPackage(file!);
        if ('problem' in opened) setProblems((p) => [...p, opened.problem]);
        else return setArrival(opened);
      }
      setQueue({ rest: [], total: 0 });
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  }

  async function pick() {
    setProblems([]);
    setArrival(null);
    try {
      const files = await pickTownPackages();
      if (files) await next(files, files.length);
    } catch (error) {
      notify.error(error);
    }
  }

  async function take() {
    if (!arrival) return;
    setBusy(true);
    try {
      if (arrival.verdict.kind === 'unregistered')
        await actions.registerTown({
          name: arrival.arriving.townName,
          publicKey: arrival.publicKey,
          fingerprint: arrival.arriving.fingerprint,
        });
      const done = await actions.receiveCountyPackage({
        arriving: arrival.arriving,
        fileName: arrival.fileName,
        counts: arrival.counts,
        tables: arrival.tables,
      });
      const town = arrival.arriving.townName;
      notify.success(done.verdict.replacesData ? R.received(town, done.written) : R.kept(town));
      setBusy(false);
      await next(queue.rest, queue.total);
    } catch (error) {
      notify.error(error);
      setBusy(false);
    }
  }

  /** After a re-key, the same package is judged again against the town's new key. */
  async function rejudge(current: CountyArrival) {
    const { verdict, town } = await actions.judgeCountyPackage(current.arriving, current.tables);
    setArrival({ ...current, verdict, town });
  }

  const kind = arrival?.verdict.kind;
  const mayRekey =
    kind === 'wrongKey' &&
    arrival?.town !== undefined &&
    !arrival.town.previousKeys.some((k) => k.fingerprint === arrival.arriving.fingerprint);
  const refused = kind === 'wrongKey' || kind === 'duplicate';
  return (
    <>
      <PageHeader
        title={R.title}
        subtitle={R.subtitle}
        actions={
          mayReceive ? (
            <Button variant="contained" onClick={() => void pick()} disabled={busy}>
              {busy && !arrival ? R.checking : R.pick}
            </Button>
          ) : undefined
        }
      />
      <Box sx={{ display: 'grid', gap: 3 }}>
        {problems.length > 0 ? (
          <Alert severity="error" data-testid="county-problem" sx={{ whiteSpace: 'pre-line' }}>
            {problems.join('\n')}
          </Alert>
        ) : null}
        {arrival ? (
          <Paper sx={{ p: 3, display: 'grid', gap: 1 }} data-testid="county-arrival">
            {queue.total > 1 ? (
              <Typography color="text.secondary" data-testid="arrival-position">
                {R.position(queue.total - queue.rest.length, queue.total, arrival.fileName)}
              </Typography>
            ) : null}
            <Typography variant="h3">{R.from(arrival.arriving.townName)}</Typography>
            <Typography>
              {R.fingerprint}：
              <Box
                component="span"
                sx={{ fontFamily: 'monospace' }}
                data-testid="arrival-fingerprint"
              >
                {arrival.arriving.fingerprint}
              </Box>
            </Typography>
            <Typography>
              {R.created}：{formatTimestamp(arrival.arriving.createdAt)} · {R.period}：
              {arrival.arriving.period.from || '最早'} 至 {arrival.arriving.period.to || '最新'}
            </Typography>
            <Typography color="text.secondary">
              {arrival.arriving.head
                ? R.head(arrival.arriving.head.seq, arrival.arriving.head.hash)
                : R.noHead}
            </Typography>
            <Alert
              severity={
                refused
                  ? 'error'
                  : kind === 'current' || kind === 'unregistered'
                    ? 'info'
                    : 'warning'
              }
              data-testid="arrival-verdict"
            >
              {arrival.verdict.message}
            </Alert>
            {kind === 'unregistered' ? (
              <FormControlLabel
                control={
                  <Checkbox checked={compared} onChange={(e) => setCompared(e.target.checked)} />
                }
                label={R.compared}
              />
            ) : null}
            <Box sx={{ display: 'flex', gap: 1 }}>
              {refused ? null : (
                <Button
                  variant="contained"
                  onClick={() => void take()}
                  disabled={busy || (kind === 'unregistered' && !compared)}
                >
                  {kind === 'unregistered'
                    ? R.register
                    : arrival.verdict.replacesData
                      ? R.receive
                      : R.keep}
                </Button>
              )}
              {mayRekey && mayReceive ? (
                <Button color="warning" onClick={() => setRekeying(true)}>
                  {R.rekey}
                </Button>
              ) : null}
              <Button onClick={() => void next(queue.rest, queue.total)}>{R.cancel}</Button>
              {queue.rest.length > 0 ? (
                <Button onClick={() => void next([], 0)}>{R.cancelRest(queue.rest.length)}</Button>
              ) : null}
            </Box>
          </Paper>
        ) : null}
        <SectionCard title={R.towns}>
          {towns && towns.length === 0 ? (
            <Typography color="text.secondary">{R.noTowns}</Typography>
          ) : (
            <Table size="small" aria-label={R.towns}>
              <TableHead>
                <TableRow>
                  <TableCell>{R.townName}</TableCell>
                  <TableCell>{R.fingerprint}</TableCell>
                  <TableCell>{R.registeredBy}</TableCell>
                  <TableCell>{R.registeredAt}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {(towns ?? []).map((t) => (
                  <TableRow key={t.id}>
                    <TableCell>{t.name}</TableCell>
                    <TableCell sx={{ fontFamily: 'monospace', fontSize: 13 }}>
                      {t.fingerprint}
                      {t.previousKeys.length > 0 ? (
                        <Box
                          component="span"
                          sx={{ fontFamily: 'inherit', color: 'text.secondary' }}
                        >
                          {R.previousKeys(t.previousKeys.length)}
                        </Box>
                      ) : null}
                    </TableCell>
                    <TableCell>{t.registeredBy}</TableCell>
                    <TableCell>{formatTimestamp(t.registeredAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </SectionCard>
        <SectionCard title={R.packages}>
          {packages && packages.length === 0 ? (
            <Typography color="text.secondary">{R.noPackages}</Typography>
          ) : (
            <Table size="small" aria-label={R.packages}>
              <TableHead>
                <TableRow>
                  <TableCell>{R.townName}</TableCell>
                  <TableCell>{R.file}</TableCell>
                  <TableCell>{R.created}</TableCell>
                  <TableCell>{R.receivedAt}</TableCell>
                  <TableCell>{R.verdict}</TableCell>
                  <TableCell>{R.note}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {(packages ?? []).map((p) => (
                  <TableRow key={p.id}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {townName.get(p.townId) ?? ''}
                    </TableCell>
                    <TableCell sx={{ wordBreak: 'break-all' }}>{p.fileName}</TableCell>
                    <TableCell>{formatTimestamp(p.createdAt)}</TableCell>
                    <TableCell>{formatTimestamp(p.receivedAt)}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{COUNTY.verdict[p.verdict]}</TableCell>
                    <TableCell sx={{ fontSize: 13 }}>{p.note}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </SectionCard>
      </Box>
      {rekeying && arrival?.town ? (
        <RekeyDialog
          arrival={arrival}
          town={arrival.town}
          onClose={() => setRekeying(false)}
          onDone={() => {
            setRekeying(false);
            void rejudge(arrival);
          }}
        />
      ) : null}
    </>
  );
}

/** 更换密钥: the town's new PC, its fingerprint compared and a reason written, recorded. */
function RekeyDialog(props: {
  arrival: CountyArrival;
  town: RegisteredTown;
  onClose: () => void;
  onDone: () => void;
}) {
  const [compared, setCompared] = useState(false);
  const { form, text, issues, run } = useFormDialog(
    { reason: '' },
    R.rekeyed(props.town.name),
    props.onDone,
  );
  return (
    <FormDialog
      title={R.rekeyTitle(props.town.name)}
      submitLabel={R.rekeySubmit}
      onClose={props.onClose}
      // Nothing is changed until the new fingerprint has been compared.
      busy={!compared}
      onSubmit={async () => {
        if (!compared) return;
        await run(() =>
          actions.rekeyTown({
            townId: props.town.id,
            publicKey: props.arrival.publicKey,
            fingerprint: props.arrival.arriving.fingerprint,
            reason: form.reason,
          }),
        );
      }}
    >
      <Typography>{R.rekeyText}</Typography>
      <Typography>
        {R.rekeyOld}：
        <Box component="span" sx={{ fontFamily: 'monospace' }}>
          {props.town.fingerprint}
        </Box>
      </Typography>
      <Typography>
        {R.rekeyNew}：
        <Box component="span" sx={{ fontFamily: 'monospace' }} data-testid="rekey-fingerprint">
          {props.arrival.arriving.fingerprint}
        </Box>
      </Typography>
      <TextField
        label={R.rekeyReason}
        {...text('reason')}
        autoFocus
        required
        error={Boolean(fieldMessage(issues, 'reason'))}
        helperText={fieldMessage(issues, 'reason') ?? R.rekeyReasonHelp}
      />
      <FormControlLabel
        control={<Checkbox checked={compared} onChange={(e) => setCompared(e.target.checked)} />}
        label={R.rekeyCompared}
      />
      <IssueList issues={issues.filter((i) => i.field !== 'reason')} />
    </FormDialog>
  );
}

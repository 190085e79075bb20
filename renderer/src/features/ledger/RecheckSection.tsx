import {
  Alert,
  Box,
  Button,
  Chip,
  FormControlLabel,
  Paper,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Problem } from '@shared/domain/problem';
import {
  closedOn,
  parseDays,
  recheckDaysFor,
  recheckStatus,
  RECHECK_RESULT_LABELS,
  type CheckStatus,
  type RecheckResult,
} from '@shared/domain/recheck';
import { TEXT_LIMITS } from '@shared/domain/textLimits';
import { daysBetween } from '@shared/domain/period';
import { FormDialog } from '../../components/FormDialog';
import { DateField } from '../../components/DateField';
import { issuesOf } from '../../components/issues';
import { limitHelp } from '../../components/limitHelp';
import { actions } from '../../db/actions';
import { useProblem, useRecheckRules, useRights, useSession } from '../../db/hooks';
import { useNotify } from '../../app/notify';
import { PhotoStrip } from '../assessment/PhotoStrip';
import { pickPhoto } from '../assessment/photos';
import { RECHECK } from './recheckStrings';
import { LEDGER } from './strings';

const R = RECHECK;
/** How many checks still to come the schedule lists. */
const UPCOMING_SHOWN = 2;

/** The item's number as a link, read by id (a number may change in a merge; the id does not). */
function ItemLink({ id }: { id: string }) {
  const item = useProblem(id);
  return <Link to={`/ledger/${id}`}>{item ? item.number : '…'}</Link>;
}

/** Chips beside the status: 已完成·长期坚持, 反弹 (this closed item came back), 反弹问题. */
export function RecheckChips({ problem }: { problem: Problem }) {
  return (
    <>
      {problem.longTerm && problem.status === 'closed' ? (
        <Chip label={R.longTermChip} variant="outlined" data-testid="long-term-chip" />
      ) : null}
      {problem.reboundTo ? (
        <Chip label={`▲ ${R.reboundChip}`} color="warning" data-testid="rebound-chip" />
      ) : null}
      {problem.reboundOf ? (
        <Chip label={R.reboundOfChip} variant="outlined" data-testid="rebound-of-chip" />
      ) : null}
    </>
  );
}

function stateText(c: CheckStatus, today: string): string {
  switch (c.state) {
    case 'done':
      return R.states.done(c.doneOn!, c.onTime === true);
    case 'overdue':
      return R.states.overdue(daysBetween(c.due, today));
    default:
      return R.states[c.state];
  }
}

/** 回头看 on the item's page: what is owed and done, the visits, the links of a rebound. */
export function RecheckSection({ problem, today }: { problem: Problem; today: string }) {
  const rules = useRecheckRules();
  const can = useRights();
  const notify = useNotify();
  const [dialog, setDialog] = useState<'record' | 'end' | null>(null);
  const closed = closedOn(problem);
  if (!rules) return null;
  if (!closed && !problem.reboundOf) return null;
  const all = closed ? recheckStatus(problem, rules, today) : [];
  // Done, overdue and due checks, and the next few to come (a long-term duty has a year of them).
  const coming = all.filter((c) => c.state === 'upcoming');
  const checks = all.filter((c) => c.state !== 'upcoming' || coming.indexOf(c) < UPCOMING_SHOWN);
  const later = all.length - checks.length;
  const mayRecord =
    closed !== null && !problem.reboundTo && !problem.longTerm?.ended && can('confirm');
  return (
    <Paper sx={{ p: 2, display: 'grid', gap: 1.5, mt: 2 }} data-testid="recheck-section">
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h4" sx={{ flexGrow: 1 }}>
          {R.section}
        </Typography>
        {mayRecord ? (
          <Button variant="contained" onClick={() => setDialog('record')}>
            {R.record}
          </Button>
        ) : null}
        {closed && problem.longTerm && !problem.longTerm.ended && can('confirm') ? (
          <Button variant="outlined" onClick={() => setDialog('end')}>
            {R.endDuty}
          </Button>
        ) : null}
      </Box>
      {problem.reboundOf ? (
        <Alert severity="info" data-testid="rebound-of">
          {R.reboundOf}
          <ItemLink id={problem.reboundOf} />
        </Alert>
      ) : null}
      {problem.reboundTo ? (
        <Alert severity="warning" data-testid="rebound-to">
          {R.reboundTo(problem.reboundTo.date)}
          <ItemLink id={problem.reboundTo.problemId} />
        </Alert>
      ) : null}
      {closed ? (
        <>
          <Typography color="text.secondary">
            {problem.longTerm
              ? R.longTermIntro(problem.longTerm.duty, problem.longTerm.intervalDays)
              : R.intro(
                  recheckDaysFor(rules, problem)
                    .map((d) => `${d} 天`)
                    .join('、'),
                )}
          </Typography>
          {problem.longTerm?.ended ? (
            <Typography color="text.secondary" data-testid="long-term-ended">
              {R.longTermEnded(
                problem.longTerm.ended.on,
                problem.longTerm.ended.reason,
                problem.longTerm.ended.by,
              )}
            </Typography>
          ) : null}
          {checks.length === 0 ? (
            <Typography color="text.secondary">{R.noSchedule}</Typography>
          ) : (
            <Table size="small" aria-label={R.schedule} data-testid="recheck-schedule">
              <TableHead>
                <TableRow>
                  <TableCell>{R.due}</TableCell>
                  <TableCell>{R.which}</TableCell>
                  <TableCell>{R.state}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {checks.map((c) => (
                  <TableRow key={c.due}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{c.due}</TableCell>
                    <TableCell>{c.label}</TableCell>
                    <TableCell
                      sx={{
                        color: c.state === 'overdue' ? 'error.main' : undefined,
                        fontWeight: c.state === 'overdue' ? 700 : undefined,
                      }}
                    >
                      {stateText(c, today)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {later > 0 ? (
            <Typography variant="body2" color="text.secondary">
              {R.later(later, problem.longTerm?.intervalDays)}
            </Typography>
          ) : null}
          {problem.source === 'upper' ? <CountyDates problem={problem} /> : null}
          <Typography variant="h5" component="h3">
            {R.visits}
          </Typography>
          {(problem.rechecks ?? []).length === 0 ? (
            <Typography color="text.secondary">{R.noVisits}</Typography>
          ) : (
            <Box sx={{ display: 'grid', gap: 1 }} data-testid="recheck-visits">
              {[...(problem.rechecks ?? [])]
                .sort((a, b) => a.date.localeCompare(b.date))
                .map((v) => (
                  <Box key={v.id} sx={{ display: 'grid', gap: 0.5 }}>
                    <Typography sx={{ fontWeight: 500 }}>
                      {R.visitLine(v.date, v.checker, RECHECK_RESULT_LABELS[v.result])}
                      {v.reboundId ? (
                        <>
                          {' → '}
                          <ItemLink id={v.reboundId} />
                        </>
                      ) : null}
                    </Typography>
                    {v.note ? <Typography variant="body2">{v.note}</Typography> : null}
                    {v.photos.length > 0 ? (
                      <PhotoStrip photos={v.photos} readOnly onAdd={() => undefined} />
                    ) : null}
                  </Box>
                ))}
            </Box>
          )}
        </>
      ) : null}
      {dialog === 'record' ? (
        <RecheckDialog problem={problem} today={today} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'end' ? (
        <EndDutyDialog
          problem={problem}
          today={today}
          onClose={() => setDialog(null)}
          onDone={() => notify.success(R.endDone)}
        />
      ) : null}
    </Paper>
  );
}

type Picked = { file: { name: string; data: Uint8Array }; thumbnail: Blob };

/** 记录回头看: who (the signed-in account), when (today), the result, what was seen, photos. */
function RecheckDialog(props: { problem: Problem; today: string; onClose: () => void }) {
  const session = useSession();
  const notify = useNotify();
  const [checker, setChecker] = useState(session?.name ?? '');
  const [date, setDate] = useState(props.today);
  const [result, setResult] = useState<RecheckResult>('holds');
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<Picked[]>([]);
  const [error, setError] = useState<string | null>(null);

  async function addPhoto() {
    const picked = await pickPhoto();
    if (!picked) return;
    if (!picked.ok) return setError(picked.message);
    setPhotos([...photos, { file: picked.file, thumbnail: picked.thumbnail }]);
  }

  return (
    <FormDialog
      title={R.dialogTitle(props.problem.number)}
      submitLabel={R.record}
      onClose={props.onClose}
      onSubmit={async () => {
        try {
          const saved = await actions.recordRecheck(
            props.problem.id,
            { date, checker, result, note },
            photos,
          );
          notify.success(saved.rebound ? R.savedRebound(saved.rebound.number) : R.saved);
          props.onClose();
        } catch (e) {
          setError(
            issuesOf(e)
              .map((i) => i.message)
              .join(' '),
          );
        }
      }}
    >
      <TextField
        label={R.checker}
        value={checker}
        onChange={(e) => setChecker(e.target.value)}
        required
      />
      <DateField label={R.date} value={date} onChange={setDate} disableFuture />
      <Box>
        <Typography variant="body2" color="text.secondary">
          {R.result}
        </Typography>
        <RadioGroup
          row
          value={result}
          onChange={(e) => setResult(e.target.value as RecheckResult)}
          aria-label={R.result}
        >
          <FormControlLabel value="holds" control={<Radio />} label={RECHECK_RESULT_LABELS.holds} />
          <FormControlLabel
            value="rebound"
            control={<Radio />}
            label={RECHECK_RESULT_LABELS.rebound}
          />
        </RadioGroup>
      </Box>
      {result === 'rebound' ? <Alert severity="warning">{R.reboundHint}</Alert> : null}
      <TextField
        label={result === 'rebound' ? R.noteRebound : R.note}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        multiline
        minRows={2}
        required={result === 'rebound'}
        {...limitHelp(note, TEXT_LIMITS.opinion)}
      />
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button variant="outlined" onClick={() => void addPhoto()}>
          {R.addPhoto}
        </Button>
        <Typography variant="body2" color="text.secondary" data-testid="recheck-photos">
          {R.photos(photos.map((p) => p.file.name))}
        </Typography>
      </Box>
      {error ? <Alert severity="error">{error}</Alert> : null}
    </FormDialog>
  );
}

function EndDutyDialog(props: {
  problem: Problem;
  today: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const [on, setOn] = useState(props.today);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <FormDialog
      title={R.endTitle}
      submitLabel={R.endDuty}
      onClose={props.onClose}
      onSubmit={async () => {
        try {
          await actions.endLongTerm(props.problem.id, on, reason);
          props.onDone();
          props.onClose();
        } catch (e) {
          setError(
            issuesOf(e)
              .map((i) => i.message)
              .join(' '),
          );
        }
      }}
    >
      <DateField label={R.endOn} value={on} onChange={setOn} disableFuture />
      <TextField
        label={R.endReason}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        required
        {...limitHelp(reason, TEXT_LIMITS.reason)}
      />
      {error ? <Alert severity="error">{error}</Alert> : null}
    </FormDialog>
  );
}

/** The upper level's own 回头看 dates, typed as a list. */
function CountyDates({ problem }: { problem: Problem }) {
  const can = useRights();
  const notify = useNotify();
  const [text, setText] = useState((problem.countyRecheckDates ?? []).join('，'));
  const mayEdit = can('ledger');
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <TextField
        label={R.countyDates}
        value={text}
        onChange={(e) => setText(e.target.value)}
        helperText={R.countyDatesHelp}
        disabled={!mayEdit}
        sx={{ minWidth: 320, flexGrow: 1 }}
        size="small"
      />
      {mayEdit ? (
        <Button
          variant="outlined"
          onClick={() =>
            void actions
              .setCountyRecheckDates(problem.id, text.split(/[\s,，、;；]+/).filter(Boolean))
              .then(
                () => notify.success(R.countyDatesSaved),
                (e: unknown) => notify.error(e),
              )
          }
        >
          {R.countyDatesSave}
        </Button>
      ) : null}
    </Box>
  );
}

/** 销号·长期坚持 beside 验收销号: the same verification, with the duty and its check interval. */
export function LongTermCloseButton({ problem, today }: { problem: Problem; today: string }) {
  const [open, setOpen] = useState(false);
  const session = useSession();
  const [values, setValues] = useState({
    verifier: session?.name ?? '',
    date: today,
    opinion: '',
    duty: '',
    interval: '30',
  });
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof values) => (v: string) => setValues({ ...values, [k]: v });
  return (
    <>
      <Button variant="outlined" onClick={() => setOpen(true)} data-testid="close-long-term">
        {R.closeLongTerm}
      </Button>
      {open ? (
        <FormDialog
          title={R.closeLongTermTitle}
          submitLabel={R.closeLongTerm}
          onClose={() => setOpen(false)}
          onSubmit={async () => {
            const days = parseDays(values.interval);
            try {
              await actions.applyWorkflow(problem.id, {
                type: 'close',
                verifier: values.verifier,
                date: values.date,
                opinion: values.opinion,
                longTerm: { duty: values.duty, intervalDays: days?.length === 1 ? days[0]! : NaN },
              });
              setOpen(false);
            } catch (e) {
              setError(
                issuesOf(e)
                  .map((i) => i.message)
                  .join(' '),
              );
            }
          }}
        >
          <Typography variant="body2" color="text.secondary">
            {R.closeLongTermHint}
          </Typography>
          <TextField
            label={LEDGER.page.verifier}
            value={values.verifier}
            onChange={(e) => set('verifier')(e.target.value)}
          />
          <DateField
            label={LEDGER.page.verifiedOn}
            value={values.date}
            onChange={set('date')}
            disableFuture
          />
          <TextField
            label={LEDGER.page.opinion}
            value={values.opinion}
            onChange={(e) => set('opinion')(e.target.value)}
            autoFocus
          />
          <TextField
            label={R.duty}
            placeholder={R.dutyPlaceholder}
            value={values.duty}
            onChange={(e) => set('duty')(e.target.value)}
            required
            {...limitHelp(values.duty, TEXT_LIMITS.opinion)}
          />
          <TextField
            label={R.interval}
            value={values.interval}
            onChange={(e) => set('interval')(e.target.value)}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          />
          {error ? <Alert severity="error">{error}</Alert> : null}
        </FormDialog>
      ) : null}
    </>
  );
}

import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  Paper,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type ReactNode } from 'react';
import type { Right } from '@shared/domain/accounts';
import { Link, useParams } from 'react-router';
import { changedFields, entryActionLabel, type AuditEntry } from '@shared/domain/audit';
import { toIsoDate } from '@shared/domain/dates';
import {
  checkEvidenceChange,
  deadlineState,
  nextReportDue,
  SOURCE_LABELS,
  STATUS_LABELS,
  type WorkflowEvent,
} from '@shared/domain/ledger';
import {
  ACCOUNTABILITY_KINDS,
  ACCOUNTABILITY_LABELS,
  CHANNEL_LABELS,
  UPPER_LEVEL_LABELS,
  type AccountabilityKind,
  type Problem,
} from '@shared/domain/problem';
import { AddLineForm } from '../../components/AddLineForm';
import { FormDialog, PromptDialog } from '../../components/FormDialog';
import { formatTimestamp } from '../../components/format';
import { maskPrivate } from '@shared/domain/privacy';
import { TEXT_LIMITS } from '@shared/domain/textLimits';
import { fieldLabel } from '../../components/recordText';
import { PageHeader } from '../../components/PageHeader';
import { issuesOf } from '../../components/issues';
import { actions } from '../../db/actions';
import {
  useAuditLog,
  useProblem,
  useProblems,
  useRights,
  useSession,
  useVillages,
} from '../../db/hooks';
import { describeError, useNotify } from '../../app/notify';
import { ACCOUNTS } from '../accounts/strings';
import { PhotoStrip } from '../assessment/PhotoStrip';
import { pickPhoto } from '../assessment/photos';
import { DeadlineChip } from './DeadlineChip';
import { NewProblemDialog } from './NewProblemDialog';
import { LongTermCloseButton, RecheckChips, RecheckSection } from './RecheckSection';
import { LEDGER } from './strings';
import { DateField } from '../../components/DateField';

const P = LEDGER.page;
/** Upper-level feedback usually asks for a progress report every 7 days. */
const REPORT_INTERVAL_DAYS = 7;

type Dialog =
  'return' | 'close' | 'unfixable' | 'extend' | 'accountability' | 'correct' | 'void' | null;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper sx={{ p: 2, display: 'grid', gap: 1.5, alignContent: 'start' }}>
      <Typography variant="h4">{title}</Typography>
      {children}
    </Paper>
  );
}

function FieldsDialog(props: {
  title: string;
  submitLabel: string;
  fields: { key: string; label: string; type?: 'date' }[];
  /** What the fields start with (still editable). */
  initial?: Record<string, string>;
  onSubmit: (values: Record<string, string>) => Promise<unknown>;
  onClose: () => void;
  extra?: ReactNode;
}) {
  const [values, setValues] = useState<Record<string, string>>(props.initial ?? {});
  const [error, setError] = useState<string | null>(null);
  // The cursor starts in the first field not filled in already.
  const focus = Math.max(
    0,
    props.fields.findIndex((f) => !props.initial?.[f.key]),
  );
  return (
    <FormDialog
      title={props.title}
      submitLabel={props.submitLabel}
      onClose={props.onClose}
      onSubmit={async () => {
        try {
          await props.onSubmit(values);
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
      {props.extra}
      {props.fields.map((f, i) =>
        f.type === 'date' ? (
          <DateField
            key={f.key}
            label={f.label}
            autoFocus={i === focus}
            value={values[f.key] ?? ''}
            onChange={(value) => setValues({ ...values, [f.key]: value })}
          />
        ) : (
          <TextField
            key={f.key}
            label={f.label}
            autoFocus={i === focus}
            value={values[f.key] ?? ''}
            onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
          />
        ),
      )}
      {error ? <Alert severity="error">{error}</Alert> : null}
    </FormDialog>
  );
}

/** The workflow's steps the account may take (see WORKFLOW_RIGHTS in db/actions). */
function Workflow({
  problem,
  can,
  onDialog,
}: {
  problem: Problem;
  can: (right: Right) => boolean;
  onDialog: (d: Dialog) => void;
}) {
  const notify = useNotify();
  const step = (event: WorkflowEvent) =>
    void actions.applyWorkflow(problem.id, event).catch((e: unknown) => notify.error(e));
  const open = problem.status !== 'closed' && problem.status !== 'unfixable';
  const mayEdit = can('ledger');
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
      {problem.status === 'pending' && mayEdit ? (
        <Button variant="contained" onClick={() => step({ type: 'start' })}>
          {P.start}
        </Button>
      ) : null}
      {problem.status === 'inProgress' && mayEdit ? (
        <Button variant="contained" onClick={() => step({ type: 'requestClose' })}>
          {P.requestClose}
        </Button>
      ) : null}
      {problem.status === 'closeRequested' && can('confirm') ? (
        <>
          <Button variant="contained" onClick={() => onDialog('close')}>
            {P.close}
          </Button>
          <LongTermCloseButton problem={problem} today={toIsoDate(new Date())} />
          <Button variant="outlined" onClick={() => onDialog('return')}>
            {P.returnIt}
          </Button>
        </>
      ) : null}
      {open && mayEdit ? (
        <Button variant="outlined" onClick={() => onDialog('extend')}>
          {P.extend}
        </Button>
      ) : null}
      {open && can('approve') ? (
        <Button variant="outlined" color="error" onClick={() => onDialog('unfixable')}>
          {P.unfixable}
        </Button>
      ) : null}
    </Box>
  );
}

/** One problem: its facts, its workflow, measures, progress, photos, discipline and history. */
export function ProblemPage() {
  const { id = '' } = useParams();
  const problem = useProblem(id);
  const villages = useVillages(true);
  const history = useAuditLog({ table: 'problems', recordId: id, limit: 500 });
  const all = useProblems();
  const notify = useNotify();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [kind, setKind] = useState<AccountabilityKind>('interview');
  const can = useRights();
  const session = useSession();
  const mayEdit = can('ledger');
  const maySupervise = can('supervise');
  const today = toIsoDate(new Date());
  if (problem === undefined) return null;
  if (problem === null) return <Alert severity="warning">{P.notFound}</Alert>;
  const village = villages?.find((v) => v.id === problem.villageId);
  // 整改一个、触及一类、消除一片: the same kind of problem still open elsewhere.
  const sameClass = (all ?? []).filter(
    (p) =>
      p.id !== problem.id &&
      p.category === problem.category &&
      p.villageId !== problem.villageId &&
      p.status !== 'closed' &&
      p.status !== 'unfixable',
  );
  // A voided item is read, never worked on.
  const voided = problem.voided !== undefined || problem.deletedAt !== undefined;
  const ended = voided || problem.status === 'closed' || problem.status === 'unfixable';
  // From 申请销号 on, the measures and photos stay as the verifier sees them, until 退回.
  const evidenceLocked = checkEvidenceChange(problem.status);
  const evidenceReadOnly = voided || evidenceLocked !== null || !mayEdit;
  const run = (work: Promise<unknown>) => void work.catch((e: unknown) => notify.error(e));
  /** Shows a refusal and rejects again, so that a form keeps what was typed. */

  async function addPhoto(kindOf: 'before' | 'after') {
    const picked = await pickPhoto();
    if (!picked) return;
    if (!picked.ok) return notify.error(new Error(picked.message), picked.message);
    try {
      await actions.addProblemPhoto(problem!.id, {
        kind: kindOf,
        file: picked.file,
        thumbnail: picked.thumbnail,
      });
    } catch (error) {
      notify.error(error, describeError(error));
    }
  }

  const facts: [string, ReactNode][] = [
    [
      LEDGER.form.source,
      `${SOURCE_LABELS[problem.source]}${problem.upperLevel ? `（${UPPER_LEVEL_LABELS[problem.upperLevel]}${problem.batch ? ` ${problem.batch}` : ''}）` : ''}${problem.channel ? `（${CHANNEL_LABELS[problem.channel]}）` : ''}`,
    ],
    ...(problem.countyNumber
      ? ([[fieldLabel('problems', 'countyNumber'), problem.countyNumber]] as [string, ReactNode][])
      : []),
    ...(problem.requirement
      ? ([[fieldLabel('problems', 'requirement'), problem.requirement]] as [string, ReactNode][])
      : []),
    ...(problem.complainant
      ? ([
          [
            P.complainant,
            <Complainant
              // Another item (or the same page on another item) starts masked again.
              key={problem.id}
              problemId={problem.id}
              value={problem.complainant}
              mayReveal={can('complainant')}
            />,
          ],
        ] as [string, ReactNode][])
      : []),
    [LEDGER.form.category, problem.category],
    [LEDGER.form.village, village?.name ?? '—'],
    [LEDGER.form.place, problem.place || '—'],
    [LEDGER.form.foundOn, problem.foundOn],
    [
      LEDGER.form.deadline,
      <Box key="d" sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <DeadlineChip status={problem.status} deadline={problem.deadline} today={today} />
        {problem.originalDeadline !== problem.deadline ? (
          <Typography variant="body2" color="text.secondary" data-testid="original-deadline">
            {P.original(problem.originalDeadline)}
          </Typography>
        ) : null}
      </Box>,
    ],
    [LEDGER.form.person, problem.responsiblePerson],
    [LEDGER.form.leader, problem.responsibleLeader || '—'],
  ];

  return (
    <>
      <PageHeader
        title={`${problem.number}`}
        subtitle={problem.description}
        actions={
          <Box sx={{ display: 'flex', gap: 1 }}>
            {!voided && mayEdit ? (
              <Button variant="outlined" onClick={() => setDialog('correct')}>
                {P.correct}
              </Button>
            ) : null}
            {!ended && mayEdit ? (
              <Button color="error" onClick={() => setDialog('void')}>
                {P.voidIt}
              </Button>
            ) : null}
            <Button component={Link} to="/ledger">
              {P.back}
            </Button>
          </Box>
        }
      />
      {problem.voided ? (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="voided">
          {P.voided(problem.voided.reason, formatTimestamp(problem.voided.at), problem.voided.by)}
        </Alert>
      ) : null}
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
        <Chip
          label={voided ? P.voidedChip : STATUS_LABELS[problem.status]}
          color={voided ? 'error' : problem.status === 'closed' ? 'success' : 'default'}
          data-testid="problem-status"
        />
        {problem.supervised ? <Chip label="督办" color="error" variant="outlined" /> : null}
        {problem.patrol ? (
          <Chip
            component={Link}
            to="/patrols"
            clickable
            variant="outlined"
            data-testid="from-patrol"
            label={problem.patrol.table === 'riverPatrols' ? '巡河发现' : '巡林发现'}
          />
        ) : null}
        {problem.exposed ? <Chip label="已曝光" variant="outlined" /> : null}
        <RecheckChips problem={problem} />
        <Box sx={{ flexGrow: 1 }} />
        {!voided ? <Workflow problem={problem} can={can} onDialog={setDialog} /> : null}
      </Box>
      {problem.verification ? (
        <Alert severity="success" sx={{ mb: 2 }}>
          {P.verification(
            problem.verification.verifier,
            problem.verification.date,
            problem.verification.opinion,
          )}
        </Alert>
      ) : null}
      {problem.unfixable ? (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {P.unfixableNote(problem.unfixable.reason, problem.unfixable.approver)}
        </Alert>
      ) : null}
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { lg: '1fr 1fr' },
          alignItems: 'start',
        }}
      >
        <Section title={P.fields}>
          <Table size="small">
            <TableBody>
              {facts.map(([label, value]) => (
                <TableRow key={label}>
                  <TableCell sx={{ width: 120, whiteSpace: 'nowrap', color: 'text.secondary' }}>
                    {label}
                  </TableCell>
                  <TableCell>{value}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>
        <Section title={P.measures}>
          {problem.status === 'closeRequested' && !voided ? (
            <Typography variant="body2" color="text.secondary" data-testid="evidence-locked">
              {P.evidenceLocked}
            </Typography>
          ) : null}
          {problem.measures.map((m) => (
            <FormControlLabel
              key={m.id}
              control={
                <Checkbox
                  checked={m.done}
                  disabled={evidenceReadOnly}
                  onChange={(e) => run(actions.setMeasureDone(problem.id, m.id, e.target.checked))}
                />
              }
              label={m.text}
            />
          ))}
          {!evidenceReadOnly ? (
            <AddLineForm
              label={P.addMeasure}
              placeholder={P.measurePlaceholder}
              max={TEXT_LIMITS.measure}
              onAdd={(text) => actions.addMeasure(problem.id, text)}
            />
          ) : null}
        </Section>
        <Section title={P.before}>
          <PhotoStrip
            photos={problem.beforePhotos}
            readOnly={evidenceReadOnly}
            onAdd={() => void addPhoto('before')}
          />
        </Section>
        <Section title={P.after}>
          <PhotoStrip
            photos={problem.afterPhotos}
            readOnly={evidenceReadOnly}
            onAdd={() => void addPhoto('after')}
          />
        </Section>
        <Section title={P.progress}>
          <List dense>
            {problem.progress.map((note, i) => (
              <ListItem key={i} disableGutters>
                <ListItemText
                  primary={note.text}
                  secondary={`${formatTimestamp(note.at)} · ${note.by}`}
                />
              </ListItem>
            ))}
          </List>
          {!ended && mayEdit ? (
            <AddLineForm
              label={P.addProgress}
              max={TEXT_LIMITS.progress}
              onAdd={(text) => actions.addProgress(problem.id, text)}
            />
          ) : null}
        </Section>
        <Section title={P.accountability}>
          {maySupervise ? (
            <FormControlLabel
              control={
                <Switch
                  checked={problem.supervised}
                  disabled={voided}
                  onChange={(e) => run(actions.setSupervised(problem.id, e.target.checked))}
                />
              }
              label={P.supervise}
            />
          ) : null}
          <List dense>
            {problem.accountability.map((a, i) => (
              <ListItem key={i} disableGutters>
                <ListItemText
                  primary={`${ACCOUNTABILITY_LABELS[a.kind]}：${a.person}${a.note ? `（${a.note}）` : ''}`}
                  secondary={`${formatTimestamp(a.at)} · ${a.by}`}
                />
              </ListItem>
            ))}
          </List>
          {!voided && maySupervise ? (
            <Box>
              <Button variant="outlined" onClick={() => setDialog('accountability')}>
                {P.addAccountability}
              </Button>
            </Box>
          ) : null}
        </Section>
      </Box>
      {problem.source === 'upper' && !ended ? (
        <Box sx={{ mt: 2 }}>
          <Section title={P.reports}>
            {(() => {
              const due = nextReportDue(problem.foundOn, problem.reports, REPORT_INTERVAL_DAYS);
              const open = problem.status !== 'closed' && problem.status !== 'unfixable';
              // Warned like a deadline: past is red, within two days amber.
              const state = open ? deadlineState('inProgress', due, today) : 'none';
              return (
                <Typography
                  data-testid="next-report"
                  color={
                    state === 'overdue'
                      ? 'error.main'
                      : state === 'dueSoon'
                        ? 'warning.dark'
                        : undefined
                  }
                  sx={{ fontWeight: state === 'overdue' ? 700 : undefined }}
                >
                  {state === 'overdue' ? '! ' : ''}
                  {P.nextReport(due)}
                  {state === 'overdue' ? P.reportOverdue : ''}
                </Typography>
              );
            })()}
            {problem.reports.length > 0 ? (
              <Typography variant="body2" color="text.secondary">
                {P.reported(problem.reports.join('、'))}
              </Typography>
            ) : null}
            {mayEdit ? (
              <Box>
                <Button
                  variant="outlined"
                  onClick={() => run(actions.addReport(problem.id, today))}
                >
                  {P.addReport}
                </Button>
              </Box>
            ) : null}
          </Section>
        </Box>
      ) : null}
      {problem.status === 'closed' ? (
        <Box sx={{ mt: 2 }}>
          <Section title={P.sameClass}>
            {sameClass.length === 0 ? (
              <Typography color="text.secondary">{P.sameClassNone}</Typography>
            ) : (
              <List dense data-testid="same-class">
                {sameClass.map((p) => (
                  <ListItem key={p.id} disableGutters>
                    <ListItemText
                      primary={<Link to={`/ledger/${p.id}`}>{`${p.number} ${p.description}`}</Link>}
                      secondary={`${villages?.find((v) => v.id === p.villageId)?.name ?? ''} · ${STATUS_LABELS[p.status]}`}
                    />
                  </ListItem>
                ))}
              </List>
            )}
          </Section>
        </Box>
      ) : null}
      {!voided ? <RecheckSection problem={problem} today={today} /> : null}
      <Box sx={{ mt: 2 }}>
        <Section title={P.history}>
          {history && history.length === 0 ? (
            <Typography color="text.secondary">{P.noHistory}</Typography>
          ) : null}
          <Table size="small" aria-label={P.history}>
            <TableBody>
              {(history ?? []).map((entry) => (
                <TableRow key={entry.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatTimestamp(entry.at)}</TableCell>
                  <TableCell>{entry.actor}</TableCell>
                  <TableCell>{entryActionLabel(entry)}</TableCell>
                  <TableCell>{historyChange(entry)}</TableCell>
                  <TableCell>{entry.reason ?? ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>
      </Box>
      {dialog === 'correct' ? (
        <NewProblemDialog correcting={problem} today={today} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'void' ? (
        <PromptDialog
          title={P.voidTitle}
          message={P.voidMessage}
          label={P.voidReason}
          submitLabel={P.voidIt}
          danger
          max={TEXT_LIMITS.reason}
          onSubmit={async (reason) => {
            await actions.voidProblem(problem.id, reason);
            notify.success(P.voidDone(problem.number));
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'return' ? (
        <PromptDialog
          title={P.returnTitle}
          label={P.returnReason}
          max={TEXT_LIMITS.reason}
          submitLabel={P.returnIt}
          onSubmit={async (reason) =>
            void (await actions.applyWorkflow(problem.id, { type: 'return', reason }))
          }
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'close' ? (
        <FieldsDialog
          title={P.closeTitle}
          submitLabel={P.close}
          fields={[
            { key: 'verifier', label: P.verifier },
            { key: 'date', label: P.verifiedOn, type: 'date' },
            { key: 'opinion', label: P.opinion },
          ]}
          // 谁验收、谁负责: the one signed in, today; both may be changed.
          initial={{ verifier: session?.name ?? '', date: today }}
          onSubmit={(v) =>
            actions.applyWorkflow(problem.id, {
              type: 'close',
              verifier: v.verifier ?? '',
              date: v.date ?? '',
              opinion: v.opinion ?? '',
            })
          }
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'unfixable' ? (
        <FieldsDialog
          title={P.unfixableTitle}
          submitLabel={P.unfixable}
          fields={[
            { key: 'reason', label: P.unfixableReason },
            { key: 'approver', label: P.approver },
          ]}
          onSubmit={(v) =>
            actions.applyWorkflow(problem.id, {
              type: 'markUnfixable',
              reason: v.reason ?? '',
              approver: v.approver ?? '',
            })
          }
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'extend' ? (
        <FieldsDialog
          title={P.extendTitle}
          submitLabel={P.extend}
          fields={[
            { key: 'to', label: P.newDeadline, type: 'date' },
            { key: 'reason', label: P.extendReason },
          ]}
          onSubmit={(v) => actions.extendDeadline(problem.id, v.to ?? '', v.reason ?? '')}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'accountability' ? (
        <FieldsDialog
          title={P.addAccountability}
          submitLabel={P.addAccountability}
          extra={
            <TextField
              select
              label={P.kind}
              value={kind}
              onChange={(e) => setKind(e.target.value as AccountabilityKind)}
            >
              {ACCOUNTABILITY_KINDS.map((k) => (
                <MenuItem key={k} value={k}>
                  {ACCOUNTABILITY_LABELS[k]}
                </MenuItem>
              ))}
            </TextField>
          }
          fields={[
            { key: 'person', label: P.person },
            { key: 'note', label: P.note },
          ]}
          onSubmit={(v) =>
            actions.addAccountability(problem.id, {
              kind,
              person: v.person ?? '',
              note: v.note ?? '',
            })
          }
          onClose={() => setDialog(null)}
        />
      ) : null}
    </>
  );
}

/**
 * A complainant's name and number, masked. An account with the right sees them on asking (查看),
 * and the asking is an entry in the history; any other account sees only the mask.
 */
function Complainant(props: { problemId: string; value: string; mayReveal: boolean }) {
  const notify = useNotify();
  const [shown, setShown] = useState<string | null>(null);
  const C = ACCOUNTS.complainant;
  const reveal = () =>
    void actions.revealComplainant(props.problemId).then(setShown, (e: unknown) => notify.error(e));
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
      <span data-testid="complainant">
        {props.mayReveal && shown !== null ? shown : maskPrivate(props.value)}
      </span>
      {!props.mayReveal ? (
        <Typography variant="body2" color="text.secondary" component="span">
          {C.hidden}
        </Typography>
      ) : shown === null ? (
        <Button size="small" onClick={reveal}>
          {C.show}
        </Button>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary" component="span">
            {C.logged}
          </Typography>
          <Button size="small" onClick={() => setShown(null)}>
            {P.conceal}
          </Button>
        </>
      )}
    </Box>
  );
}

/**
 * What one history entry changed, in words: the state's step first, then the other fields an
 * edit or a merge changed (a merge may bring both a step and a note).
 */
function historyChange(entry: AuditEntry): string {
  const { before, after } = entry;
  const step =
    before && after && before.status !== after.status
      ? [
          `${STATUS_LABELS[before.status as Problem['status']]} → ${STATUS_LABELS[after.status as Problem['status']]}`,
        ]
      : [];
  const fields =
    entry.action === 'update' || entry.action === 'merge' || entry.action === 'correct'
      ? changedFields(before, after)
          .filter((f) => f !== 'status')
          .map((f) => fieldLabel('problems', f))
      : [];
  return [...step, ...(fields.length > 0 ? [[...new Set(fields)].join('、')] : [])].join('；');
}

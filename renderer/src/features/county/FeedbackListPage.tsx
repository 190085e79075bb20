import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import {
  DEFAULT_FEEDBACK_DAYS,
  FEEDBACK_LIMITS,
  FEEDBACK_STATUS_LABELS,
  type FeedbackItem,
  type FeedbackList,
} from '@shared/domain/countyFeedback';
import { toIsoDate } from '@shared/domain/dates';
import { addDays, daysBetween } from '@shared/domain/period';
import { DEFAULT_PROBLEM_CATEGORIES } from '@shared/domain/problem';
import { useNotify } from '../../app/notify';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { IssueList } from '../../components/IssueList';
import { fieldMessage } from '../../components/issues';
import { limitHelp } from '../../components/limitHelp';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { plainOptions, SelectField } from '../../components/SelectField';
import { formatTimestamp } from '../../components/format';
import { useFormDialog } from '../../components/useFormDialog';
import { useOwnFingerprint } from '../../components/useOwnFingerprint';
import { actions } from '../../db/actions';
import {
  useCan,
  useCountyName,
  useFeedbackList,
  usePressable,
  useTownVillages,
} from '../../db/hooks';
import { saveFeedbackPackage, saveFeedbackSheet } from './feedbackFiles';
import { COUNTY } from './strings';

const F = COUNTY.feedback;
const C = F.columns;

/** One feedback list: its head, its items (added, pressed, changed while a draft), issuing, export. */
export function FeedbackListPage() {
  const { id = '' } = useParams();
  const list = useFeedbackList(id);
  const county = useCountyName();
  const mayWrite = useCan('ledger');
  const fingerprint = useOwnFingerprint();
  const notify = useNotify();
  const navigate = useNavigate();
  const [editing, setEditing] = useState<FeedbackItem | 'new' | null>(null);
  const [editingHead, setEditingHead] = useState(false);
  const [pressing, setPressing] = useState(false);
  const [confirm, setConfirm] = useState<'issue' | 'delete' | null>(null);
  const [busy, setBusy] = useState(false);
  if (list === undefined || county === undefined) return null;
  if (list === null) return <Alert severity="warning">{F.none}</Alert>;
  const draft = list.status === 'draft' && mayWrite;

  async function step(work: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await work();
      notify.success(done);
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  }

  async function save(kind: 'sheet' | 'package', target: FeedbackList) {
    setBusy(true);
    try {
      const saved =
        kind === 'sheet'
          ? await saveFeedbackSheet(county!, target)
          : await saveFeedbackPackage(county!, target);
      if (saved.status === 'saved') notify.success(F.exported(saved.path));
      else if (saved.status === 'failed') notify.error(new Error(saved.message), saved.message);
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader
        title={`${F.title} · ${list.townName}`}
        subtitle={
          list.status === 'draft'
            ? F.draftNote
            : F.issuedNote(list.issuedBy ?? '', formatTimestamp(list.issuedAt))
        }
        actions={
          <Button component={RouterLink} to="/feedback">
            {F.back}
          </Button>
        }
      />
      <Box sx={{ display: 'grid', gap: 3 }}>
        <SectionCard
          title={F.head}
          actions={
            draft ? (
              <Button size="small" onClick={() => setEditingHead(true)}>
                {F.editHead}
              </Button>
            ) : null
          }
        >
          <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <Typography>
              {F.town}：{list.townName}
            </Typography>
            <Typography>
              {F.batch}：{list.batch}
            </Typography>
            <Typography>
              {F.issuedOn}：{list.issuedOn}
            </Typography>
            <Typography>
              {F.status}：
              <Chip
                size="small"
                color={list.status === 'issued' ? 'success' : 'default'}
                label={FEEDBACK_STATUS_LABELS[list.status]}
              />
            </Typography>
          </Stack>
        </SectionCard>
        <SectionCard
          title={`${F.items}：${list.items.length}`}
          actions={
            draft ? (
              <Stack direction="row" spacing={1}>
                <Button size="small" onClick={() => setPressing(true)}>
                  {F.press}
                </Button>
                <Button size="small" variant="outlined" onClick={() => setEditing('new')}>
                  {F.addItem}
                </Button>
              </Stack>
            ) : null
          }
        >
          {list.items.length === 0 ? (
            <Typography color="text.secondary">{F.noItems}</Typography>
          ) : (
            <TableContainer component={Paper} variant="outlined">
              <Table size="small" aria-label={F.title}>
                <TableHead>
                  <TableRow sx={{ '& th': { whiteSpace: 'nowrap' } }}>
                    <TableCell>{C.number}</TableCell>
                    <TableCell>{C.village}</TableCell>
                    <TableCell>{C.category}</TableCell>
                    <TableCell>{C.description}</TableCell>
                    <TableCell>{C.requirement}</TableCell>
                    <TableCell>{C.deadline}</TableCell>
                    {draft ? <TableCell /> : null}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {list.items.map((item) => (
                    <TableRow key={item.id} data-testid="feedback-item">
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{item.number}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        {item.villageName || F.wholeTown}
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{item.category}</TableCell>
                      <TableCell>
                        {item.description}
                        {item.place ? (
                          <Typography variant="body2" color="text.secondary">
                            {item.place}
                          </Typography>
                        ) : null}
                      </TableCell>
                      <TableCell>{item.requirement}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{item.deadline}</TableCell>
                      {draft ? (
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>
                          <Button size="small" onClick={() => setEditing(item)}>
                            {F.edit}
                          </Button>
                          <Button
                            size="small"
                            color="error"
                            disabled={busy}
                            onClick={() =>
                              void step(
                                () => actions.removeFeedbackItem(list.id, item.id),
                                F.removed,
                              )
                            }
                          >
                            {F.remove}
                          </Button>
                        </TableCell>
                      ) : null}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          )}
        </SectionCard>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {draft ? (
            <>
              <Button
                variant="contained"
                disabled={busy || list.items.length === 0}
                onClick={() => setConfirm('issue')}
              >
                {F.issue}
              </Button>
              <Button color="error" disabled={busy} onClick={() => setConfirm('delete')}>
                {F.deleteDraft}
              </Button>
            </>
          ) : null}
          {list.status === 'issued' ? (
            <>
              <Button variant="contained" disabled={busy} onClick={() => void save('sheet', list)}>
                {F.exportSheet}
              </Button>
              <Button variant="outlined" disabled={busy} onClick={() => void save('package', list)}>
                {F.exportPackage}
              </Button>
            </>
          ) : null}
        </Stack>
        {list.status === 'issued' && fingerprint ? (
          <Alert severity="info" data-testid="feedback-fingerprint">
            {F.fingerprint(fingerprint)}
          </Alert>
        ) : null}
      </Box>
      {editing ? (
        <ItemDialog
          list={list}
          item={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editingHead ? <HeadDialog list={list} onClose={() => setEditingHead(false)} /> : null}
      {pressing ? <PressDialog list={list} onClose={() => setPressing(false)} /> : null}
      <ConfirmDialog
        open={confirm === 'issue'}
        title={F.issueTitle}
        message={F.issueText(list.items.length, list.townName)}
        confirmLabel={F.issue}
        onClose={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          void step(() => actions.issueFeedbackList(list.id), F.issued);
        }}
      />
      <ConfirmDialog
        open={confirm === 'delete'}
        title={F.deleteTitle}
        message={F.deleteText}
        confirmLabel={F.deleteDraft}
        danger
        onClose={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          void step(async () => {
            await actions.deleteFeedbackDraft(list.id);
            void navigate('/feedback');
          }, F.deleted);
        }}
      />
    </>
  );
}

function HeadDialog({ list, onClose }: { list: FeedbackList; onClose: () => void }) {
  const { form, set, text, issues, run } = useFormDialog(
    { batch: list.batch, issuedOn: list.issuedOn },
    F.headSaved,
    onClose,
  );
  return (
    <FormDialog
      title={F.editHead}
      onClose={onClose}
      onSubmit={() => run(() => actions.updateFeedbackHead(list.id, form))}
    >
      <TextField
        label={F.batch}
        {...text('batch')}
        autoFocus
        error={Boolean(fieldMessage(issues, 'batch'))}
        helperText={fieldMessage(issues, 'batch') ?? F.batchHelp}
      />
      <DateField
        label={F.issuedOn}
        value={form.issuedOn}
        onChange={(issuedOn) => set({ issuedOn })}
        error={Boolean(fieldMessage(issues, 'issuedOn'))}
        helperText={fieldMessage(issues, 'issuedOn')}
      />
      <IssueList issues={issues.filter((i) => i.field === '')} />
    </FormDialog>
  );
}

function ItemDialog(props: { list: FeedbackList; item: FeedbackItem | null; onClose: () => void }) {
  const { list, item } = props;
  const villages = useTownVillages(list.townId);
  const { form, set, text, issues, run } = useFormDialog(
    {
      villageName: item?.villageName ?? '',
      category: item?.category ?? DEFAULT_PROBLEM_CATEGORIES[0]!,
      place: item?.place ?? '',
      description: item?.description ?? '',
      requirement: item?.requirement ?? '',
      responsible: item?.responsible ?? '',
      deadline: item?.deadline ?? addDays(list.issuedOn, DEFAULT_FEEDBACK_DAYS),
    },
    F.itemSaved,
    props.onClose,
  );
  const message = (field: string) => fieldMessage(issues, field);
  const categories = [...new Set([...DEFAULT_PROBLEM_CATEGORIES, form.category])];
  return (
    <FormDialog
      title={item ? `${F.edit} ${item.number}` : F.addItem}
      maxWidth="md"
      onClose={props.onClose}
      onSubmit={() => run(() => actions.saveFeedbackItem(list.id, form, item?.id))}
    >
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { sm: '1fr 1fr' } }}>
        <SelectField
          label={C.village}
          value={form.villageName}
          options={[
            { value: '', label: F.wholeTown },
            ...plainOptions(
              [...new Set([...(villages ?? []).map((v) => v.name), form.villageName])].filter(
                Boolean,
              ),
            ),
          ]}
          onChange={(villageName) => {
            // The village's secretary, as the town's package names them, unless one is typed.
            const secretary = villages?.find((v) => v.name === villageName)?.secretary ?? '';
            const filledIn =
              form.responsible === '' ||
              (villages ?? []).some((v) => v.secretary === form.responsible);
            set({ villageName, ...(filledIn ? { responsible: secretary } : {}) });
          }}
          autoFocus
        />
        <SelectField
          label={C.category}
          value={form.category}
          options={plainOptions(categories)}
          onChange={(category) => set({ category })}
          error={message('category')}
        />
      </Box>
      <Typography variant="body2" color="text.secondary">
        {F.villageHelp}
      </Typography>
      <TextField
        label={C.place}
        {...text('place')}
        {...limitHelp(form.place, FEEDBACK_LIMITS.place, message('place'))}
      />
      <TextField
        label={C.description}
        {...text('description')}
        required
        multiline
        minRows={2}
        {...limitHelp(form.description, FEEDBACK_LIMITS.description, message('description'))}
      />
      <TextField
        label={C.requirement}
        {...text('requirement')}
        multiline
        minRows={2}
        {...limitHelp(form.requirement, FEEDBACK_LIMITS.requirement, message('requirement'))}
      />
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { sm: '1fr 1fr' } }}>
        <TextField
          label={C.responsible}
          {...text('responsible')}
          error={Boolean(message('responsible'))}
          required
          helperText={message('responsible') ?? F.responsibleHelp}
        />
        <DateField
          label={C.deadline}
          value={form.deadline}
          onChange={(deadline) => set({ deadline })}
          error={Boolean(message('deadline'))}
          helperText={message('deadline')}
        />
      </Box>
      <IssueList issues={issues.filter((i) => i.field === '')} />
    </FormDialog>
  );
}

function PressDialog({ list, onClose }: { list: FeedbackList; onClose: () => void }) {
  const today = toIsoDate(new Date());
  const offered = usePressable(list.townId, today);
  const notify = useNotify();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const toggle = (id: string) =>
    setChosen((c) => {
      const next = new Set(c);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  async function add() {
    setBusy(true);
    try {
      const n = await actions.pressOverdue(list.id, [...chosen], today);
      notify.success(F.pressed(n));
      onClose();
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth scroll="paper">
      <DialogTitle>{F.pressTitle(list.townName)}</DialogTitle>
      <DialogContent dividers>
        <DialogContentText sx={{ mb: 2 }}>{F.pressHelp}</DialogContentText>
        {offered === undefined ? null : offered.length === 0 ? (
          <Alert severity="info">{F.pressNone}</Alert>
        ) : (
          <Table size="small" aria-label={F.pressTitle(list.townName)}>
            <TableHead>
              <TableRow>
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={chosen.size === offered.length}
                    indeterminate={chosen.size > 0 && chosen.size < offered.length}
                    slotProps={{ input: { 'aria-label': '全选' } }}
                    onChange={(e) =>
                      setChosen(
                        e.target.checked ? new Set(offered.map((o) => o.problem.id)) : new Set(),
                      )
                    }
                  />
                </TableCell>
                <TableCell>编号</TableCell>
                <TableCell>{C.village}</TableCell>
                <TableCell>{C.description}</TableCell>
                <TableCell>{C.deadline}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {offered.map(({ problem, villageName }) => (
                <TableRow
                  key={problem.id}
                  hover
                  data-testid="pressable"
                  onClick={() => toggle(problem.id)}
                  sx={{ cursor: 'pointer' }}
                >
                  <TableCell padding="checkbox">
                    <Checkbox
                      checked={chosen.has(problem.id)}
                      slotProps={{ input: { 'aria-label': problem.number } }}
                    />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{problem.number}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{villageName || F.wholeTown}</TableCell>
                  <TableCell>{problem.description}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {problem.deadline}
                    <Chip
                      size="small"
                      color="error"
                      sx={{ ml: 1 }}
                      label={F.late(daysBetween(problem.deadline, today))}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>取消</Button>
        <Button variant="contained" disabled={busy || chosen.size === 0} onClick={() => void add()}>
          {F.pressAdd(chosen.size)}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

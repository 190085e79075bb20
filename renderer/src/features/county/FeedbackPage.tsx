import {
  Alert,
  Button,
  Chip,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
} from '@mui/material';
import { useNavigate } from 'react-router';
import { FEEDBACK_STATUS_LABELS } from '@shared/domain/countyFeedback';
import { toIsoDate } from '@shared/domain/dates';
import { useRef, useState } from 'react';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { IssueList } from '../../components/IssueList';
import { fieldMessage } from '../../components/issues';
import { PageHeader } from '../../components/PageHeader';
import { SelectField } from '../../components/SelectField';
import { formatTimestamp } from '../../components/format';
import { useFormDialog } from '../../components/useFormDialog';
import { actions } from '../../db/actions';
import { useCan, useCountyTowns, useFeedbackLists } from '../../db/hooks';
import { COUNTY } from './strings';

const F = COUNTY.feedback;

/** 督查反馈: the county's lists for the towns, drafts and issued, newest first. */
export function FeedbackPage() {
  const lists = useFeedbackLists();
  const towns = useCountyTowns();
  const mayWrite = useCan('ledger');
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  if (lists === undefined || towns === undefined) return null;
  return (
    <>
      <PageHeader
        title={F.title}
        subtitle={F.subtitle}
        actions={
          mayWrite ? (
            <Button
              variant="contained"
              disabled={towns.length === 0}
              onClick={() => setAdding(true)}
            >
              {F.add}
            </Button>
          ) : null
        }
      />
      {towns.length === 0 ? <Alert severity="info">{F.noTowns}</Alert> : null}
      {lists.length === 0 ? (
        towns.length > 0 ? (
          <Alert severity="info">{F.none}</Alert>
        ) : null
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label={F.title}>
            <TableHead>
              <TableRow>
                <TableCell>{F.town}</TableCell>
                <TableCell>{F.batch}</TableCell>
                <TableCell>{F.issuedOn}</TableCell>
                <TableCell align="right">{F.items}</TableCell>
                <TableCell>{F.status}</TableCell>
                <TableCell>{F.createdBy}</TableCell>
                <TableCell>{F.issuedAt}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {lists.map((l) => (
                <TableRow
                  key={l.id}
                  hover
                  data-testid="feedback-list"
                  sx={{ cursor: 'pointer' }}
                  onClick={() => void navigate(`/feedback/${l.id}`)}
                >
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{l.townName}</TableCell>
                  <TableCell>{l.batch}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{l.issuedOn}</TableCell>
                  <TableCell align="right">{l.items.length}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      color={l.status === 'issued' ? 'success' : 'default'}
                      label={FEEDBACK_STATUS_LABELS[l.status]}
                    />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{l.createdBy}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {l.issuedAt ? formatTimestamp(l.issuedAt) : ''}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {adding ? (
        <NewListDialog
          towns={towns.map((t) => ({ value: t.id, label: t.name }))}
          onClose={() => setAdding(false)}
          onCreated={(id) => void navigate(`/feedback/${id}`)}
        />
      ) : null}
    </>
  );
}

function NewListDialog(props: {
  towns: { value: string; label: string }[];
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const created = useRef('');
  const { form, set, text, issues, run } = useFormDialog(
    { townId: props.towns[0]?.value ?? '', batch: '', issuedOn: toIsoDate(new Date()) },
    F.created,
    () => props.onCreated(created.current),
  );
  return (
    <FormDialog
      title={F.add}
      onClose={props.onClose}
      onSubmit={() =>
        run(async () => {
          created.current = (await actions.createFeedbackList(form)).id;
        })
      }
    >
      <SelectField
        label={F.town}
        value={form.townId}
        options={props.towns}
        onChange={(townId) => set({ townId })}
        autoFocus
      />
      <TextField
        label={F.batch}
        {...text('batch')}
        required
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
      <IssueList issues={issues.filter((i) => i.field === '' || i.field === 'town')} />
    </FormDialog>
  );
}

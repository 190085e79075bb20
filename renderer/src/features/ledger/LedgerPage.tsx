import AddIcon from '@mui/icons-material/Add';
import {
  Box,
  Button,
  Chip,
  FormControlLabel,
  MenuItem,
  Paper,
  Switch,
  TextField,
} from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { toIsoDate } from '@shared/domain/dates';
import {
  deadlineState,
  PROBLEM_SOURCES,
  SOURCE_LABELS,
  STATUS_LABELS,
  type ProblemSource,
  type ProblemStatus,
} from '@shared/domain/ledger';
import type { Problem } from '@shared/domain/problem';
import { PageHeader } from '../../components/PageHeader';
import { useProblems, useVillages } from '../../db/hooks';
import { DeadlineChip } from './DeadlineChip';
import { NewProblemDialog } from './NewProblemDialog';
import { LEDGER } from './strings';

const C = LEDGER.columns;

/** The ledger as a data grid: filters, sorting, keyboard, a row opens its problem page. */
export function LedgerPage() {
  const villages = useVillages(true);
  const navigate = useNavigate();
  const today = toIsoDate(new Date());
  const [adding, setAdding] = useState(false);
  const [source, setSource] = useState<ProblemSource | ''>('');
  // Opens on the unfinished items (read through the status index): what the office works on.
  const [status, setStatus] = useState<ProblemStatus | '' | 'open'>('open');
  const problems = useProblems(status === 'open');
  const [villageId, setVillageId] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [supervisedOnly, setSupervisedOnly] = useState(false);
  const names = useMemo(() => new Map((villages ?? []).map((v) => [v.id, v.name])), [villages]);

  const rows = useMemo(
    () =>
      (problems ?? []).filter(
        (p) =>
          (source === '' || p.source === source) &&
          (status === '' || status === 'open' || p.status === status) &&
          (villageId === '' || p.villageId === villageId) &&
          (!overdueOnly || deadlineState(p.status, p.deadline, today) === 'overdue') &&
          (!supervisedOnly || p.supervised),
      ),
    [problems, source, status, villageId, overdueOnly, supervisedOnly, today],
  );

  const columns = useMemo<GridColDef<Problem>[]>(
    () => [
      { field: 'number', headerName: C.number, width: 140 },
      {
        field: 'source',
        headerName: C.source,
        width: 120,
        valueGetter: (_v, row) => SOURCE_LABELS[row.source],
      },
      { field: 'category', headerName: C.category, width: 110 },
      {
        field: 'villageId',
        headerName: C.village,
        width: 100,
        valueGetter: (_v, row) => (row.villageId ? names.get(row.villageId) : ''),
      },
      { field: 'description', headerName: C.description, flex: 1, minWidth: 200 },
      { field: 'foundOn', headerName: C.foundOn, width: 110 },
      {
        field: 'deadline',
        headerName: C.deadline,
        width: 170,
        renderCell: ({ row }) => (
          <DeadlineChip status={row.status} deadline={row.deadline} today={today} />
        ),
      },
      { field: 'responsiblePerson', headerName: C.person, width: 100 },
      {
        field: 'status',
        headerName: C.status,
        width: 100,
        valueGetter: (_v, row) => STATUS_LABELS[row.status],
      },
      {
        field: 'supervised',
        headerName: C.supervised,
        width: 80,
        renderCell: ({ row }) =>
          row.supervised ? (
            <Chip size="small" color="error" variant="outlined" label="督办" />
          ) : null,
      },
    ],
    [names, today],
  );

  return (
    <>
      <PageHeader
        title={LEDGER.title}
        subtitle={LEDGER.subtitle}
        actions={
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setAdding(true)}>
            {LEDGER.add}
          </Button>
        }
      />
      <Box sx={{ display: 'flex', gap: 1.5, mb: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField
          select
          label={LEDGER.filters.source}
          value={source}
          onChange={(e) => setSource(e.target.value as ProblemSource | '')}
          sx={{ width: 160 }}
        >
          <MenuItem value="">{LEDGER.filters.all}</MenuItem>
          {PROBLEM_SOURCES.map((s) => (
            <MenuItem key={s} value={s}>
              {SOURCE_LABELS[s]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={LEDGER.filters.status}
          value={status}
          onChange={(e) => setStatus(e.target.value as ProblemStatus | '' | 'open')}
          sx={{ width: 130 }}
        >
          <MenuItem value="open">{LEDGER.filters.open}</MenuItem>
          <MenuItem value="">{LEDGER.filters.all}</MenuItem>
          {(Object.keys(STATUS_LABELS) as ProblemStatus[]).map((s) => (
            <MenuItem key={s} value={s}>
              {STATUS_LABELS[s]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={LEDGER.filters.village}
          value={villageId}
          onChange={(e) => setVillageId(e.target.value)}
          sx={{ width: 140 }}
        >
          <MenuItem value="">{LEDGER.filters.all}</MenuItem>
          {(villages ?? [])
            .filter((v) => !v.deletedAt)
            .map((v) => (
              <MenuItem key={v.id} value={v.id}>
                {v.name}
              </MenuItem>
            ))}
        </TextField>
        <FormControlLabel
          control={
            <Switch checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
          }
          label={LEDGER.filters.overdue}
        />
        <FormControlLabel
          control={
            <Switch
              checked={supervisedOnly}
              onChange={(e) => setSupervisedOnly(e.target.checked)}
            />
          }
          label={LEDGER.filters.supervised}
        />
      </Box>
      <Paper sx={{ height: 'calc(100vh - 290px)', minHeight: 360 }}>
        <DataGrid
          rows={rows}
          columns={columns}
          density="compact"
          disableRowSelectionOnClick
          onRowClick={({ row }) => void navigate(`/ledger/${(row as Problem).id}`)}
          localeText={{ noRowsLabel: LEDGER.empty }}
          initialState={{ sorting: { sortModel: [{ field: 'number', sort: 'desc' }] } }}
          aria-label={LEDGER.title}
        />
      </Paper>
      {adding ? (
        <NewProblemDialog
          today={today}
          onClose={() => setAdding(false)}
          onCreated={(id) => void navigate(`/ledger/${id}`)}
        />
      ) : null}
    </>
  );
}

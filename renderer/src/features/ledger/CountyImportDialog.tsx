import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  columnLetter,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  planSummary,
  REQUIRED_FIELDS,
  type Cell,
} from '@shared/domain/countyImport';
import {
  DEFAULT_PROBLEM_CATEGORIES,
  UPPER_LEVEL_LABELS,
  UPPER_LEVELS,
  type UpperLevel,
} from '@shared/domain/problem';
import { useNotify } from '../../app/notify';
import { actions } from '../../db/actions';
import { IMPORT } from './importStrings';
import { useCountyImport } from './useCountyImport';
import type { ListSigner } from './countyListFile';

const PREVIEW_ROWS = 100;

type Tab = 'fresh' | 'present' | 'rejected' | 'skipped';

/**
 * Imports the county's feedback list: level and batch, the column mapping (guessed, remembered per
 * level, editable), a dry run of every row, then one all-or-nothing commit.
 */
export function CountyImportDialog(props: {
  fileName: string;
  rows: Cell[][];
  /** A list signed by the county's registered key (from its package). */
  signer?: ListSigner | undefined;
  onClose: () => void;
}) {
  const state = useCountyImport(props.rows);
  const notify = useNotify();
  // Until the user picks a tab, the rejected rows show first when there are any.
  const [tab, setTab] = useState<Tab | null>(null);
  const [busy, setBusy] = useState(false);
  const { plan } = state;
  const canImport =
    !busy && plan !== undefined && plan.rejected.length === 0 && plan.fresh.length > 0;
  const shown = tab ?? (plan && plan.rejected.length > 0 ? 'rejected' : 'fresh');

  async function commit() {
    if (!plan) return;
    setBusy(true);
    try {
      const created = await actions.importCountyList(plan.fresh, {
        level: state.level,
        mapping: state.remember(),
        fileName: props.fileName,
        signedBy: props.signer
          ? IMPORT.signedFile(props.signer.county, props.signer.fingerprint)
          : undefined,
      });
      notify.success(IMPORT.done(created.length));
      props.onClose();
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  }

  const columnOptions = state.headers.map((h, i) => ({
    value: i,
    label: `${columnLetter(i)} 列${h ? ` · ${h}` : ''}`,
  }));

  return (
    <Dialog open onClose={props.onClose} maxWidth="lg" fullWidth>
      <DialogTitle>{IMPORT.title(props.fileName)}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
        {props.signer ? (
          <Alert severity="success" data-testid="signed-list">
            {IMPORT.signedBy(props.signer.county, props.signer.fingerprint)}
          </Alert>
        ) : null}
        <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap' }}>
          <TextField
            select
            label={IMPORT.level}
            disabled={Boolean(props.signer)}
            value={state.level}
            onChange={(e) => state.setLevel(e.target.value as UpperLevel)}
            sx={{ width: 120 }}
          >
            {UPPER_LEVELS.map((l) => (
              <MenuItem key={l} value={l}>
                {UPPER_LEVEL_LABELS[l]}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={IMPORT.batch}
            value={state.batch}
            onChange={(e) => state.setBatch(e.target.value)}
            helperText={IMPORT.batchHelp}
            sx={{ width: 220 }}
          />
          <TextField
            select
            label={IMPORT.defaultCategory}
            value={state.defaultCategory}
            onChange={(e) => state.setDefaultCategory(e.target.value)}
            sx={{ width: 180 }}
          >
            {DEFAULT_PROBLEM_CATEGORIES.map((c) => (
              <MenuItem key={c} value={c}>
                {c}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={IMPORT.headerRow}
            value={state.headerRow}
            onChange={(e) => state.setHeaderRow(Number(e.target.value))}
            sx={{ width: 200 }}
          >
            {props.rows.slice(0, 10).map((row, i) => (
              <MenuItem key={i} value={i}>
                {IMPORT.rowLabel(i + 1, row)}
              </MenuItem>
            ))}
          </TextField>
        </Box>
        <Typography variant="h4">{IMPORT.mapping}</Typography>
        <Box
          sx={{
            display: 'grid',
            gap: 1.5,
            gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))',
          }}
        >
          {IMPORT_FIELDS.map((field) => (
            <TextField
              key={field}
              select
              size="small"
              label={`${IMPORT_FIELD_LABELS[field]}${REQUIRED_FIELDS.includes(field) ? ' *' : ''}`}
              value={state.mapping[field] ?? ''}
              onChange={(e) =>
                state.setColumn(field, e.target.value === '' ? null : Number(e.target.value))
              }
            >
              <MenuItem value="">{IMPORT.noColumn}</MenuItem>
              {columnOptions.map((o) => (
                <MenuItem key={o.value} value={o.value}>
                  {o.label}
                </MenuItem>
              ))}
            </TextField>
          ))}
        </Box>
        {state.sheetError ? (
          <Alert severity="error">{state.sheetError}</Alert>
        ) : plan ? (
          <>
            <Alert
              severity={
                plan.rejected.length > 0 ? 'error' : plan.fresh.length > 0 ? 'info' : 'success'
              }
              data-testid="import-summary"
            >
              {planSummary(plan)}
              {plan.rejected.length > 0
                ? IMPORT.blocked
                : plan.fresh.length === 0
                  ? IMPORT.nothingNew
                  : IMPORT.ready}
            </Alert>
            <Tabs value={shown} onChange={(_e, v: Tab) => setTab(v)}>
              <Tab value="fresh" label={IMPORT.tabs.fresh(plan.fresh.length)} />
              <Tab value="present" label={IMPORT.tabs.present(plan.present.length)} />
              <Tab value="rejected" label={IMPORT.tabs.rejected(plan.rejected.length)} />
              <Tab value="skipped" label={IMPORT.tabs.skipped(plan.skipped.length)} />
            </Tabs>
            <Box sx={{ maxHeight: 320, overflow: 'auto' }}>
              <PreviewTable plan={plan} tab={shown} names={state.villageNames} />
            </Box>
          </>
        ) : (
          <Typography color="text.secondary">{IMPORT.checking}</Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>取消</Button>
        <Button variant="contained" disabled={!canImport} onClick={() => void commit()}>
          {IMPORT.commit(plan?.fresh.length ?? 0)}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function PreviewTable(props: {
  plan: NonNullable<ReturnType<typeof useCountyImport>['plan']>;
  tab: Tab;
  names: Map<string, string>;
}) {
  const { plan, tab } = props;
  if (tab === 'skipped')
    return plan.skipped.length === 0 ? (
      <Typography color="text.secondary" sx={{ p: 1 }}>
        {IMPORT.noneSkipped}
      </Typography>
    ) : (
      <Table size="small" aria-label={IMPORT.tabs.skipped(plan.skipped.length)}>
        <TableHead>
          <TableRow>
            <TableCell>{IMPORT.cols.row}</TableCell>
            <TableCell>{IMPORT.cols.skipReason}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {plan.skipped.slice(0, PREVIEW_ROWS).map((r) => (
            <TableRow key={r.row}>
              <TableCell>{IMPORT.rowNumber(r.row)}</TableCell>
              <TableCell>{r.reason}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  if (tab === 'rejected')
    return (
      <Table size="small" aria-label={IMPORT.tabs.rejected(plan.rejected.length)}>
        <TableHead>
          <TableRow>
            <TableCell>{IMPORT.cols.row}</TableCell>
            <TableCell>{IMPORT.cols.column}</TableCell>
            <TableCell>{IMPORT.cols.reason}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {plan.rejected.slice(0, PREVIEW_ROWS).map((r) => (
            <TableRow key={`${r.row}-${r.column}`}>
              <TableCell>{IMPORT.rowNumber(r.row)}</TableCell>
              <TableCell>{r.column || '—'}</TableCell>
              <TableCell>{r.message}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  if (tab === 'present')
    return (
      <Typography color="text.secondary" sx={{ p: 1 }}>
        {plan.present.length === 0
          ? IMPORT.nonePresent
          : IMPORT.presentRows(plan.present.map((r) => r.row))}
      </Typography>
    );
  return (
    <Table size="small" aria-label={IMPORT.tabs.fresh(plan.fresh.length)}>
      <TableHead>
        <TableRow>
          <TableCell>{IMPORT.cols.row}</TableCell>
          <TableCell>{IMPORT.cols.countyNumber}</TableCell>
          <TableCell>{IMPORT.cols.village}</TableCell>
          <TableCell>{IMPORT.cols.description}</TableCell>
          <TableCell>{IMPORT.cols.foundOn}</TableCell>
          <TableCell>{IMPORT.cols.deadline}</TableCell>
          <TableCell>{IMPORT.cols.person}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {plan.fresh.slice(0, PREVIEW_ROWS).map((r) => (
          <TableRow key={r.row}>
            <TableCell>{IMPORT.rowNumber(r.row)}</TableCell>
            <TableCell>{r.form.countyNumber ?? '—'}</TableCell>
            <TableCell>{r.form.villageId ? props.names.get(r.form.villageId) : '—'}</TableCell>
            <TableCell>{r.form.description}</TableCell>
            <TableCell>{r.form.foundOn}</TableCell>
            <TableCell>{r.form.deadline}</TableCell>
            <TableCell>{r.form.responsiblePerson}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

import {
  Alert,
  Box,
  Collapse,
  IconButton,
  MenuItem,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import { Fragment, useState } from 'react';
import {
  changedFields,
  entryActionLabel,
  historyRows,
  stepSummary,
  type AuditEntry,
} from '@shared/domain/audit';
import { formatTimestamp } from '../../components/format';
import { fieldLabel, formatValue, tableLabel, TABLE_LABELS } from '../../components/recordText';
import { useAuditLog, useChainBreak, useRecordNames } from '../../db/hooks';
import { AcknowledgedBreak, HistoryCheck } from './HistoryCheck';
import { SETTINGS } from './strings';

const S = SETTINGS.audit;
const LIMIT = 500;

type Names = ReadonlyMap<string, string>;

function EntryRow({ entry, names }: { entry: AuditEntry; names: Names }) {
  const [open, setOpen] = useState(false);
  const fields = changedFields(entry.before, entry.after);
  return (
    <Fragment>
      <TableRow hover>
        <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatTimestamp(entry.at)}</TableCell>
        <TableCell>{entry.actor}</TableCell>
        <TableCell>{entry.table === '*' ? S.allTables : tableLabel(entry.table)}</TableCell>
        <TableCell>{entry.label}</TableCell>
        <TableCell>{entryActionLabel(entry)}</TableCell>
        <TableCell>
          {entry.action === 'update' || entry.action === 'merge' || entry.action === 'correct'
            ? fields.map((field) => fieldLabel(entry.table, field)).join('、')
            : ''}
        </TableCell>
        <TableCell>{entry.reason ?? ''}</TableCell>
        <TableCell padding="checkbox">
          <IconButton size="small" aria-label="查看改动" onClick={() => setOpen(!open)}>
            {open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
          </IconButton>
        </TableCell>
      </TableRow>
      <TableRow>
        <TableCell colSpan={8} sx={{ py: 0, borderBottom: open ? undefined : 'none' }}>
          <Collapse in={open} unmountOnExit>
            <Table size="small" sx={{ my: 1 }}>
              <TableBody>
                {/* A long value without spaces (a key's hex digits) wraps in its cell rather than
                    widening the log past the page and squeezing the names into a column. */}
                {fields.map((field) => (
                  <TableRow key={field}>
                    <TableCell sx={{ width: 120, whiteSpace: 'nowrap' }}>
                      {fieldLabel(entry.table, field)}
                    </TableCell>
                    <TableCell sx={{ overflowWrap: 'anywhere' }}>
                      {formatValue(entry.table, field, entry.before?.[field], names)}
                    </TableCell>
                    <TableCell sx={{ width: 24 }}>→</TableCell>
                    <TableCell sx={{ overflowWrap: 'anywhere' }}>
                      {formatValue(entry.table, field, entry.after?.[field], names)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Collapse>
        </TableCell>
      </TableRow>
    </Fragment>
  );
}

/** One step of the user's that wrote many records (closing a month): one row, opened to each. */
function StepRow({
  row,
  names,
}: {
  row: { group: string; at: string; actor: string; entries: AuditEntry[] };
  names: Names;
}) {
  const [open, setOpen] = useState(false);
  const reason = row.entries.find((e) => e.reason)?.reason ?? '';
  return (
    <Fragment>
      <TableRow hover>
        <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatTimestamp(row.at)}</TableCell>
        <TableCell>{row.actor}</TableCell>
        <TableCell>{tableLabel(row.entries[0]!.table)}</TableCell>
        <TableCell>{row.group}</TableCell>
        <TableCell>{S.step}</TableCell>
        <TableCell>{stepSummary(row.entries, tableLabel)}</TableCell>
        <TableCell>{reason}</TableCell>
        <TableCell padding="checkbox">
          <IconButton size="small" aria-label="查看各条" onClick={() => setOpen(!open)}>
            {open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
          </IconButton>
        </TableCell>
      </TableRow>
      {open ? row.entries.map((e) => <EntryRow key={e.id} entry={e} names={names} />) : null}
    </Fragment>
  );
}

/** The audit log, read-only: there is no edit or delete for it anywhere in the app. */
export function AuditTab() {
  const [table, setTable] = useState('');
  const entries = useAuditLog(table ? { table, limit: LIMIT } : { limit: LIMIT });
  const names = useRecordNames();
  const chainBreak = useChainBreak();
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography color="text.secondary" sx={{ flexGrow: 1 }}>
          {S.intro} {entries ? S.showing(entries.length) : ''}
        </Typography>
        <TextField
          select
          label={S.table}
          value={table}
          onChange={(e) => setTable(e.target.value)}
          sx={{ width: 160 }}
        >
          <MenuItem value="">{S.filterAll}</MenuItem>
          {Object.entries(TABLE_LABELS).map(([key, label]) => (
            <MenuItem key={key} value={key}>
              {label}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <HistoryCheck />
      <AcknowledgedBreak found={chainBreak} />
      {entries && entries.length === 0 ? <Alert severity="info">{S.empty}</Alert> : null}
      {entries && entries.length > 0 ? (
        <TableContainer component={Paper}>
          <Table size="small" aria-label={SETTINGS.tabs.audit}>
            <TableHead>
              {/* Each heading on one line; the long texts wrap in the rows below. */}
              <TableRow sx={{ '& th': { whiteSpace: 'nowrap' } }}>
                <TableCell>{S.at}</TableCell>
                <TableCell>{S.actor}</TableCell>
                <TableCell>{S.table}</TableCell>
                <TableCell>{S.label}</TableCell>
                <TableCell>{S.action}</TableCell>
                <TableCell>{S.fields}</TableCell>
                <TableCell>{S.reason}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {historyRows(entries).map((row) =>
                row.kind === 'entry' ? (
                  <EntryRow key={row.entry.id} entry={row.entry} names={names} />
                ) : (
                  <StepRow key={row.entries[0]!.id} row={row} names={names} />
                ),
              )}
            </TableBody>
          </Table>
        </TableContainer>
      ) : null}
    </Box>
  );
}

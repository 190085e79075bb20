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
import { AUDIT_ACTION_LABELS, changedFields, type AuditEntry } from '@shared/domain/audit';
import {
  GROUP_POSITION_LABELS,
  PERSON_ROLE_LABELS,
  type GroupPosition,
  type PersonRole,
} from '@shared/domain/person';
import { formatTimestamp } from '../../components/format';
import { useAuditLog, useRecordNames } from '../../db/hooks';
import { SETTINGS } from './strings';

const S = SETTINGS.audit;
const LIMIT = 500;

type Names = ReadonlyMap<string, string>;

/** A stored value as a person reads it: names instead of ids, Chinese labels for codes. */
function formatValue(field: string, value: unknown, names: Names): string {
  if (value === undefined || value === null || value === '') return '（空）';
  if (field === 'roles' && Array.isArray(value)) {
    return (
      value.map((role: PersonRole) => PERSON_ROLE_LABELS[role] ?? String(role)).join('、') ||
      '（空）'
    );
  }
  if (field === 'groupPosition') return GROUP_POSITION_LABELS[value as GroupPosition] ?? '（未知）';
  if ((field === 'leaderId' || field === 'villageId') && typeof value === 'string') {
    return names.get(value) ?? '（已不存在）';
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '（空）';
    const plain = value.every((v) => typeof v === 'string' || typeof v === 'number');
    return plain ? value.join('、') : `${value.length} 项`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function fieldLabel(table: string, field: string): string {
  return SETTINGS.fieldsByTable[table]?.[field] ?? SETTINGS.fields[field] ?? field;
}

function EntryRow({ entry, names }: { entry: AuditEntry; names: Names }) {
  const [open, setOpen] = useState(false);
  const fields = changedFields(entry.before, entry.after);
  return (
    <Fragment>
      <TableRow hover>
        <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatTimestamp(entry.at)}</TableCell>
        <TableCell>{entry.actor}</TableCell>
        <TableCell>{S.tables[entry.table] ?? entry.table}</TableCell>
        <TableCell>{entry.label}</TableCell>
        <TableCell>{AUDIT_ACTION_LABELS[entry.action]}</TableCell>
        <TableCell>
          {entry.action === 'update'
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
                {fields.map((field) => (
                  <TableRow key={field}>
                    <TableCell sx={{ width: 120 }}>{fieldLabel(entry.table, field)}</TableCell>
                    <TableCell>{formatValue(field, entry.before?.[field], names)}</TableCell>
                    <TableCell sx={{ width: 24 }}>→</TableCell>
                    <TableCell>{formatValue(field, entry.after?.[field], names)}</TableCell>
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

/** The audit log, read-only: there is no edit or delete for it anywhere in the app. */
export function AuditTab() {
  const [table, setTable] = useState('');
  const entries = useAuditLog(table ? { table, limit: LIMIT } : { limit: LIMIT });
  const names = useRecordNames();
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
          {Object.entries(S.tables).map(([key, label]) => (
            <MenuItem key={key} value={key}>
              {label}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      {entries && entries.length === 0 ? <Alert severity="info">{S.empty}</Alert> : null}
      {entries && entries.length > 0 ? (
        <TableContainer component={Paper}>
          <Table size="small" aria-label={SETTINGS.tabs.audit}>
            <TableHead>
              <TableRow>
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
              {entries.map((entry) => (
                <EntryRow key={entry.id} entry={entry} names={names} />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      ) : null}
    </Box>
  );
}

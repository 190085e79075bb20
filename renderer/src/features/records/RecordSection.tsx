import AddIcon from '@mui/icons-material/Add';
import {
  Box,
  Button,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { ValidationIssue } from '@shared/domain/validation';
import { RECORD_DEFS, type RecordKind, type WorkRecord } from '@shared/domain/workRecords';
import { useNotify } from '../../app/notify';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormDialog } from '../../components/FormDialog';
import { InputError } from '../../db/errors';
import { actions } from '../../db/actions';
import { useCan, useEliminations, useRecords, useVillages } from '../../db/hooks';
import { EliminationsEditor } from './EliminationsEditor';
import { RecordFields } from './RecordFields';
import { RECORDS } from './strings';
import { VillageTotals } from './VillageTotals';

/**
 * One kind of work record for a year: its table, and a form to add, change or delete a record.
 * 保存并继续 keeps the date and the choices for the next entry (fast entry of a pile of forms).
 */
export function RecordSection({ kind, year }: { kind: RecordKind; year: number }) {
  const def = RECORD_DEFS[kind];
  const records = useRecords(kind, year);
  const villages = useVillages();
  const eliminations = useEliminations();
  const notify = useNotify();
  const mayEdit = useCan('records');
  const [editing, setEditing] = useState<{ id?: string; values: Record<string, string> } | null>(
    null,
  );
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [removing, setRemoving] = useState<WorkRecord | null>(null);
  const names = new Map((villages ?? []).map((v) => [v.id, v.name]));
  const show = (record: WorkRecord, key: string) => {
    const value = record.values[key];
    const field = def.fields.find((f) => f.key === key);
    return field?.type === 'village' ? (names.get(String(value)) ?? '') : String(value ?? '');
  };

  const save = async (again: boolean) => {
    if (!editing) return;
    try {
      await actions.saveRecord(kind, editing.id, editing.values);
      setIssues([]);
      notify.success(RECORDS.saved(def.label));
      if (!again) return setEditing(null);
      // Keep what a pile of forms shares: the date and the choices.
      const kept = Object.fromEntries(
        def.fields
          .filter((f) => f.type === 'date' || f.type === 'choice')
          .map((f) => [f.key, editing.values[f.key] ?? '']),
      );
      setEditing({ values: kept });
    } catch (error) {
      if (error instanceof InputError) setIssues(error.issues);
      else notify.error(error);
    }
  };

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography color="text.secondary" sx={{ flex: 1 }} data-testid="record-count">
          {records && villages ? RECORDS.count(year, def.label, records.length) : ''}
        </Typography>
        {mayEdit && kind === 'elimination' ? <EliminationsEditor /> : null}
        {mayEdit ? (
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => {
              setIssues([]);
              setEditing({ values: {} });
            }}
          >
            {RECORDS.add(def.label)}
          </Button>
        ) : null}
      </Box>
      {kind === 'elimination' || kind === 'toilet' ? (
        <VillageTotals kind={kind} records={records ?? []} villages={villages ?? []} />
      ) : null}
      <Paper>
        <Table size="small" aria-label={def.label}>
          <TableHead>
            <TableRow>
              {def.fields.map((f) => (
                <TableCell key={f.key}>{f.label}</TableCell>
              ))}
              {mayEdit ? <TableCell /> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {(records ?? []).map((r) => (
              <TableRow key={r.id} hover>
                {def.fields.map((f) => (
                  <TableCell key={f.key}>{show(r, f.key)}</TableCell>
                ))}
                {mayEdit ? (
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Button
                      size="small"
                      onClick={() => {
                        setIssues([]);
                        setEditing({
                          id: r.id,
                          values: Object.fromEntries(
                            Object.entries(r.values).map(([k, v]) => [k, String(v)]),
                          ),
                        });
                      }}
                    >
                      {RECORDS.edit}
                    </Button>
                    <Button size="small" color="error" onClick={() => setRemoving(r)}>
                      {RECORDS.remove}
                    </Button>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
            {records && records.length === 0 ? (
              <TableRow>
                <TableCell colSpan={def.fields.length + (mayEdit ? 1 : 0)}>
                  <Typography color="text.secondary">{RECORDS.none(year)}</Typography>
                </TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </Paper>
      {editing ? (
        <FormDialog
          title={editing.id ? RECORDS.editTitle(def.label) : RECORDS.add(def.label)}
          onClose={() => setEditing(null)}
          onSubmit={() => save(false)}
          secondary={
            editing.id ? undefined : { label: RECORDS.saveAndNext, onSubmit: () => save(true) }
          }
        >
          <RecordFields
            fields={def.fields}
            values={editing.values}
            onChange={(key, value) =>
              setEditing((e) => (e ? { ...e, values: { ...e.values, [key]: value } } : e))
            }
            issues={issues}
            villages={villages ?? []}
            eliminations={eliminations ?? []}
          />
        </FormDialog>
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={RECORDS.removeTitle}
        message={RECORDS.removeMessage(def.label)}
        confirmLabel={RECORDS.remove}
        danger
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          const id = removing?.id;
          setRemoving(null);
          if (id)
            void actions
              .deleteRecord(id)
              .then(() => notify.success(RECORDS.removed))
              .catch((e: unknown) => notify.error(e));
        }}
      />
    </Box>
  );
}

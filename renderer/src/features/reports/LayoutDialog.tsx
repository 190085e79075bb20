import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { Alert, Box, Button, IconButton, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import {
  defaultLayout,
  layoutFromTemplate,
  REPORT_FIELDS,
  REPORT_LABELS,
  validateLayout,
  type CountyReport,
  type ExportLayout,
} from '@shared/domain/countyExport';
import { useNotify } from '../../app/notify';
import { FormDialog } from '../../components/FormDialog';
import { IssueList } from '../../components/IssueList';
import { actions } from '../../db/actions';
import { pickCountyList } from '../ledger/countyListFile';
import { IDEOGRAPHIC_SPACE } from '../print/strings';
import { REPORTS } from './strings';
import { SelectField } from '../../components/SelectField';

const S = REPORTS.layout;

/**
 * The county's layout of one report: read from the county's template (its title rows and headers
 * copied, columns matched by their header words) or edited column by column.
 */
export function LayoutDialog({
  report,
  initial,
  onClose,
}: {
  report: CountyReport;
  initial: ExportLayout;
  onClose: () => void;
}) {
  const [layout, setLayout] = useState<ExportLayout>(initial);
  const [problem, setProblem] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const notify = useNotify();
  const fields = REPORT_FIELDS[report];
  const issues = tried ? validateLayout(report, layout) : [];

  const setColumn = (i: number, patch: Partial<ExportLayout['columns'][number]>) =>
    setLayout((l) => ({
      ...l,
      columns: l.columns.map((c, j) => (j === i ? { ...c, ...patch } : c)),
    }));
  const move = (i: number, by: -1 | 1) =>
    setLayout((l) => {
      const columns = [...l.columns];
      const [column] = columns.splice(i, 1);
      columns.splice(i + by, 0, column!);
      return { ...l, columns };
    });

  const readTemplate = async () => {
    setProblem('');
    setNote('');
    const picked = await pickCountyList({ signed: false });
    if (!picked) return;
    if (picked.status === 'failed') return setProblem(picked.message);
    const read = layoutFromTemplate(report, picked.rows);
    if (typeof read === 'string') return setProblem(`《${picked.name}》${read}`);
    setLayout(read);
    setNote(S.templateRead(picked.name, read.columns.length));
  };

  return (
    <FormDialog
      title={S.title(REPORT_LABELS[report])}
      submitLabel={S.save}
      onClose={onClose}
      onSubmit={async () => {
        setTried(true);
        if (validateLayout(report, layout).length > 0) return;
        try {
          await actions.saveCountyLayout(report, layout);
          notify.success(S.saved);
          onClose();
        } catch (error) {
          notify.error(error);
        }
      }}
    >
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button variant="outlined" onClick={() => void readTemplate()}>
          {S.fromTemplate}
        </Button>
        <Button onClick={() => setLayout(defaultLayout(report))}>{S.reset}</Button>
      </Box>
      {problem ? <Alert severity="error">{problem}</Alert> : null}
      {note ? <Alert severity="success">{note}</Alert> : null}
      <Box>
        <Typography variant="subtitle2">{S.titleRows}</Typography>
        <Typography color="text.secondary" data-testid="layout-title-rows">
          {layout.titleRows.length > 0
            ? layout.titleRows.map((r) => r.filter(Boolean).join(IDEOGRAPHIC_SPACE)).join(' / ')
            : S.noTitleRows}
        </Typography>
      </Box>
      <Box sx={{ display: 'grid', gap: 1 }} data-testid="layout-columns">
        {layout.columns.map((c, i) => (
          <Box key={i} sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            <Typography sx={{ width: 28, color: 'text.secondary' }}>{i + 1}</Typography>
            <SelectField
              size="small"
              label={S.field}
              value={c.field}
              onChange={(field) => setColumn(i, { field })}
              ariaLabel={`第 ${i + 1} 列${S.field}`}
              placeholder={S.empty}
              options={fields.map((f) => ({ value: f.key, label: f.label }))}
              sx={{ width: 190 }}
            />
            <TextField
              size="small"
              label={S.header}
              value={c.header}
              onChange={(e) => setColumn(i, { header: e.target.value })}
              slotProps={{ htmlInput: { 'aria-label': `第 ${i + 1} 列${S.header}` } }}
              sx={{ flex: 1 }}
            />
            <IconButton aria-label={S.up} disabled={i === 0} onClick={() => move(i, -1)}>
              <ArrowUpwardIcon fontSize="small" />
            </IconButton>
            <IconButton
              aria-label={S.down}
              disabled={i === layout.columns.length - 1}
              onClick={() => move(i, 1)}
            >
              <ArrowDownwardIcon fontSize="small" />
            </IconButton>
            <IconButton
              aria-label={S.remove}
              onClick={() =>
                setLayout((l) => ({ ...l, columns: l.columns.filter((_, j) => j !== i) }))
              }
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Box>
        ))}
      </Box>
      <Box>
        <Button
          onClick={() =>
            setLayout((l) => ({
              ...l,
              columns: [...l.columns, { field: '', header: `第${l.columns.length + 1}列` }],
            }))
          }
        >
          {S.add}
        </Button>
      </Box>
      <IssueList issues={issues.map((message) => ({ field: 'columns', message }))} />
    </FormDialog>
  );
}

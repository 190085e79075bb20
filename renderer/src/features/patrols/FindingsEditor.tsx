import { Box, Button, IconButton, TextField, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import type { FindingForm } from '@shared/domain/patrol';
import { PATROLS } from './strings';
import { plainOptions, SelectField } from '../../components/SelectField';

const F = PATROLS.finding;

/** The findings of a patrol: each a type (四乱 …) and what was seen; none means 正常. */
export function FindingsEditor({
  kinds,
  findings,
  onChange,
}: {
  kinds: readonly string[];
  findings: FindingForm[];
  onChange: (findings: FindingForm[]) => void;
}) {
  const set = (i: number, patch: Partial<FindingForm>) =>
    onChange(findings.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      {findings.length === 0 ? (
        <Typography color="text.secondary">{PATROLS.form.noFindings}</Typography>
      ) : null}
      {findings.map((f, i) => (
        <Box key={i} sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <SelectField
            size="small"
            label={F.kind}
            value={f.kind}
            onChange={(kind) => set(i, { kind })}
            disabled={Boolean(f.problemId)}
            ariaLabel={`发现问题 ${i + 1} 类型`}
            placeholder="请选择"
            options={plainOptions(kinds)}
            sx={{ width: 150 }}
          />
          <TextField
            size="small"
            label={F.note}
            value={f.note}
            onChange={(e) => set(i, { note: e.target.value })}
            slotProps={{ htmlInput: { 'aria-label': `发现问题 ${i + 1} 情况` } }}
            sx={{ flex: 1 }}
          />
          {f.problemId ? (
            <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
              {F.linked}
            </Typography>
          ) : (
            <IconButton
              aria-label={F.remove}
              onClick={() => onChange(findings.filter((_, j) => j !== i))}
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          )}
        </Box>
      ))}
      <Box>
        <Button size="small" onClick={() => onChange([...findings, { kind: '', note: '' }])}>
          {F.add}
        </Button>
      </Box>
    </Box>
  );
}

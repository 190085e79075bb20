import { Box, Button, FormControlLabel, MenuItem, Switch, TextField } from '@mui/material';
import {
  PROBLEM_SOURCES,
  SOURCE_LABELS,
  STATUS_LABELS,
  type ProblemSource,
  type ProblemStatus,
} from '@shared/domain/ledger';
import type { LedgerFilter } from '@shared/domain/ledgerFilter';
import type { Village } from '@shared/domain/village';
import { LEDGER } from './strings';

const F = LEDGER.filters;

/** The ledger's filter bar: every field narrows the list; 清除筛选 goes back to unfinished items. */
export function LedgerFilters(props: {
  filter: LedgerFilter;
  villages: readonly Village[];
  categories: readonly string[];
  onChange: (patch: Partial<LedgerFilter>) => void;
  onClear: () => void;
}) {
  const { filter, onChange } = props;
  return (
    <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
      <TextField
        select
        label={F.source}
        value={filter.source}
        onChange={(e) => onChange({ source: e.target.value as ProblemSource | '' })}
        sx={{ width: 150 }}
      >
        <MenuItem value="">{F.all}</MenuItem>
        {PROBLEM_SOURCES.map((s) => (
          <MenuItem key={s} value={s}>
            {SOURCE_LABELS[s]}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label={F.status}
        value={filter.status}
        onChange={(e) => onChange({ status: e.target.value as LedgerFilter['status'] })}
        sx={{ width: 120 }}
      >
        <MenuItem value="open">{F.open}</MenuItem>
        <MenuItem value="">{F.all}</MenuItem>
        {(Object.keys(STATUS_LABELS) as ProblemStatus[]).map((s) => (
          <MenuItem key={s} value={s}>
            {STATUS_LABELS[s]}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label={F.village}
        value={filter.villageId}
        onChange={(e) => onChange({ villageId: e.target.value })}
        sx={{ width: 120 }}
      >
        <MenuItem value="">{F.all}</MenuItem>
        {props.villages.map((v) => (
          <MenuItem key={v.id} value={v.id}>
            {v.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label={F.category}
        value={filter.category}
        onChange={(e) => onChange({ category: e.target.value })}
        sx={{ width: 150 }}
      >
        <MenuItem value="">{F.all}</MenuItem>
        {props.categories.map((c) => (
          <MenuItem key={c} value={c}>
            {c}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        type="date"
        label={F.foundFrom}
        value={filter.foundFrom}
        onChange={(e) => onChange({ foundFrom: e.target.value })}
        slotProps={{ inputLabel: { shrink: true } }}
        sx={{ width: 150 }}
      />
      <TextField
        type="date"
        label={F.foundTo}
        value={filter.foundTo}
        onChange={(e) => onChange({ foundTo: e.target.value })}
        slotProps={{ inputLabel: { shrink: true } }}
        sx={{ width: 150 }}
      />
      <TextField
        type="search"
        label={F.text}
        value={filter.text}
        onChange={(e) => onChange({ text: e.target.value })}
        sx={{ width: 240 }}
      />
      <FormControlLabel
        control={
          <Switch
            checked={filter.overdueOnly}
            onChange={(e) => onChange({ overdueOnly: e.target.checked })}
          />
        }
        label={F.overdue}
      />
      <FormControlLabel
        control={
          <Switch
            checked={filter.supervisedOnly}
            onChange={(e) => onChange({ supervisedOnly: e.target.checked })}
          />
        }
        label={F.supervised}
      />
      <Button onClick={props.onClear}>{F.clear}</Button>
    </Box>
  );
}

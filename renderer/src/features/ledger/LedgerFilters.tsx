import { Box, Button, FormControlLabel, Switch, TextField } from '@mui/material';
import {
  PROBLEM_SOURCES,
  SOURCE_LABELS,
  STATUS_LABELS,
  type ProblemSource,
  type ProblemStatus,
} from '@shared/domain/ledger';
import type { LedgerFilter } from '@shared/domain/ledgerFilter';
import type { Village } from '@shared/domain/village';
import { NATIVE_SELECT } from '../../components/nativeSelect';
import { LEDGER } from './strings';
import { DateField } from '../../components/DateField';

const F = LEDGER.filters;
// Native selects: light to draw (the ledger opens faster) and chosen with the keyboard by typing.
const NATIVE = NATIVE_SELECT;

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
        slotProps={NATIVE}
        label={F.source}
        value={filter.source}
        onChange={(e) => onChange({ source: e.target.value as ProblemSource | '' })}
        sx={{ width: 150 }}
      >
        <option value="">{F.all}</option>
        {PROBLEM_SOURCES.map((s) => (
          <option key={s} value={s}>
            {SOURCE_LABELS[s]}
          </option>
        ))}
      </TextField>
      <TextField
        select
        slotProps={NATIVE}
        label={F.status}
        value={filter.status}
        onChange={(e) => onChange({ status: e.target.value as LedgerFilter['status'] })}
        sx={{ width: 120 }}
      >
        <option value="open">{F.open}</option>
        <option value="">{F.all}</option>
        {(Object.keys(STATUS_LABELS) as ProblemStatus[]).map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </TextField>
      <TextField
        select
        slotProps={NATIVE}
        label={F.village}
        value={filter.villageId}
        onChange={(e) => onChange({ villageId: e.target.value })}
        sx={{ width: 120 }}
      >
        <option value="">{F.all}</option>
        {props.villages.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </TextField>
      <TextField
        select
        slotProps={NATIVE}
        label={F.category}
        value={filter.category}
        onChange={(e) => onChange({ category: e.target.value })}
        sx={{ width: 150 }}
      >
        <option value="">{F.all}</option>
        {props.categories.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </TextField>
      <DateField
        label={F.foundFrom}
        value={filter.foundFrom}
        onChange={(foundFrom) => onChange({ foundFrom })}
        sx={{ width: 170 }}
      />
      <DateField
        label={F.foundTo}
        value={filter.foundTo}
        onChange={(foundTo) => onChange({ foundTo })}
        sx={{ width: 170 }}
      />
      <TextField
        type="search"
        label={F.text}
        value={filter.text}
        onChange={(e) => onChange({ text: e.target.value })}
        sx={{ width: 280 }}
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

import {
  Alert,
  Box,
  Button,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TableSortLabel,
  TextField,
  Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { TownMonth } from '@shared/domain/county';
import {
  comparisonText,
  comparisonValue,
  type ComparisonColumn,
} from '@shared/domain/countyBriefing';
import { toIsoDate } from '@shared/domain/dates';
import { periodLabel, previousMonth } from '@shared/domain/period';
import { SelectField } from '../../components/SelectField';
import { PageHeader } from '../../components/PageHeader';
import { useNotify } from '../../app/notify';
import { useCountyName, useCountyOverview, useReceivedPackages } from '../../db/hooks';
import { saveComparisonSheet } from './countyFiles';
import { COUNTY } from './strings';

const O = COUNTY.overview;
type Column = ComparisonColumn;

/** The value a column sorts by: numbers as numbers, nothing last. */
const sortValue = (row: TownMonth, column: Column) =>
  comparisonValue(row, column) ?? Number.NEGATIVE_INFINITY;

/** 全县总览: towns × the chosen month, sortable by any figure, filtered by name. */
export function CountyOverviewPage() {
  const navigate = useNavigate();
  const today = toIsoDate(new Date());
  const packages = useReceivedPackages();
  // The newest month the towns' packages reach (this month when they say none), until one is chosen.
  const newest = (packages ?? [])
    .map((p) => p.period.to)
    .filter((m) => m !== '' && m <= today.slice(0, 7))
    .sort()
    .at(-1);
  const [chosen, setMonth] = useState<string | null>(null);
  const month = chosen ?? newest ?? today.slice(0, 7);
  const [filter, setFilter] = useState('');
  // The last two years, newest first.
  const months = useMemo(() => {
    const list = [today.slice(0, 7)];
    while (list.length < 24) list.push(previousMonth(list.at(-1)!));
    return list;
  }, [today]);
  const [sort, setSort] = useState<{ column: Column; asc: boolean }>({ column: 'town', asc: true });
  // Asked once the packages say which month comes first (not this month, then that one).
  const rows = useCountyOverview(packages === undefined ? null : month, today);
  const county = useCountyName();
  const notify = useNotify();
  const [saving, setSaving] = useState(false);
  const shown = useMemo(() => {
    const kept = (rows ?? []).filter((r) => r.town.includes(filter.trim()));
    const dir = sort.asc ? 1 : -1;
    return kept.sort((a, b) => {
      const x = sortValue(a, sort.column);
      const y = sortValue(b, sort.column);
      if (typeof x === 'string' && typeof y === 'string') return x.localeCompare(y, 'zh-CN') * dir;
      return (Number(x) - Number(y)) * dir;
    });
  }, [rows, filter, sort]);
  async function exportSheet() {
    if (!rows) return;
    setSaving(true);
    try {
      const saved = await saveComparisonSheet(county ?? '', month, shown);
      if (saved.status === 'saved') notify.success(O.exported(saved.path));
      else if (saved.status === 'failed') notify.error(new Error(saved.message), saved.message);
    } catch (error) {
      notify.error(error);
    } finally {
      setSaving(false);
    }
  }
  return (
    <>
      <PageHeader
        title={O.title}
        subtitle={O.subtitle}
        actions={
          rows && rows.length > 0 ? (
            <>
              <Button onClick={() => void navigate(`/print/county/${month}`)}>{O.print}</Button>
              <Button variant="outlined" disabled={saving} onClick={() => void exportSheet()}>
                {O.exportSheet}
              </Button>
            </>
          ) : undefined
        }
      />
      <Box sx={{ display: 'flex', gap: 2, mb: 2 }}>
        <SelectField
          label={O.month}
          value={month}
          options={months.map((m) => ({ value: m, label: periodLabel(m) }))}
          onChange={setMonth}
          sx={{ width: 180 }}
        />
        <TextField
          label={O.filter}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          sx={{ width: 200 }}
        />
      </Box>
      {rows && rows.length === 0 ? <Alert severity="info">{O.none}</Alert> : null}
      {rows && rows.length > 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {O.columnHelp}
        </Typography>
      ) : null}
      {rows && rows.length > 0 ? (
        <TableContainer component={Paper} data-testid="county-table">
          {/* Thirteen columns on one line at 1366 px: a narrower padding than the theme's. */}
          <Table
            size="small"
            aria-label={O.title}
            sx={{ '& th, & td': { px: 0.75 }, '& th:first-of-type, & td:first-of-type': { pl: 2 } }}
          >
            <TableHead>
              <TableRow>
                {(Object.keys(O.columns) as Column[]).map((c) => (
                  <TableCell
                    key={c}
                    align={c === 'town' ? 'left' : 'right'}
                    sx={{ whiteSpace: 'nowrap' }}
                  >
                    <TableSortLabel
                      active={sort.column === c}
                      direction={sort.column === c && !sort.asc ? 'desc' : 'asc'}
                      onClick={() =>
                        setSort({ column: c, asc: sort.column === c ? !sort.asc : c === 'town' })
                      }
                    >
                      {O.columns[c]}
                    </TableSortLabel>
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map((row) => (
                <TableRow
                  key={row.townId}
                  hover
                  sx={{ cursor: 'pointer' }}
                  onClick={() => void navigate(`/towns/${row.townId}`)}
                  data-testid="county-row"
                >
                  {(Object.keys(O.columns) as Column[]).map((c) => (
                    <TableCell
                      key={c}
                      align={c === 'town' ? 'left' : 'right'}
                      sx={{ whiteSpace: 'nowrap' }}
                    >
                      {comparisonText(row, c)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      ) : null}
    </>
  );
}

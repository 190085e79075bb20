import {
  Box,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Fragment } from 'react';
import {
  eliminationTable,
  eliminationTotals,
  toiletProgress,
  type WorkRecord,
} from '@shared/domain/workRecords';
import { useEliminations } from '../../db/hooks';
import { chartPalette } from '../../theme/chartPalette';
import { RECORDS } from './strings';

const T = RECORDS.totals;

/** Village names under the bars, slanted so that 27 of them stay readable. */
const VILLAGE_AXIS = {
  dataKey: 'name',
  interval: 0,
  angle: -40,
  textAnchor: 'end',
  height: 56,
  tick: { fontSize: 12 },
} as const;

/** The year's per-village table of a campaign: 十项消除 by item, or 改厕 progress with a chart. */
export function VillageTotals({
  kind,
  records,
  villages,
}: {
  kind: 'elimination' | 'toilet';
  records: readonly WorkRecord[];
  villages: readonly { id: string; name: string }[];
}) {
  const items = useEliminations() ?? [];
  if (kind === 'elimination') {
    const table = eliminationTable(records, items);
    const shown = villages.filter((v) => table.has(v.id));
    if (shown.length === 0) return null;
    const totals = shown.map((v) => ({ name: v.name, total: table.get(v.id)!.total }));
    const town = eliminationTotals(shown.map((v) => table.get(v.id)!));
    return (
      <Paper sx={{ overflowX: 'auto', p: 2 }}>
        <Typography variant="h4" gutterBottom>
          {T.eliminationChart}
        </Typography>
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={totals}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis {...VILLAGE_AXIS} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar
              dataKey="total"
              name={T.total}
              fill={chartPalette.series[0]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
        <Table size="small" aria-label="各村十项消除">
          <TableHead>
            <TableRow>
              <TableCell>{T.village}</TableCell>
              {items.map((item) => (
                <TableCell key={item} align="right">
                  {/* A name breaks only after its “/” (旱厕/露天粪坑), never inside a word, so that
                      the ten items and the total fit at 1366 px. */}
                  {item.split('/').map((part, i, parts) => (
                    <Fragment key={i}>
                      <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
                        {i < parts.length - 1 ? `${part}/` : part}
                      </Box>
                      {i < parts.length - 1 ? <wbr /> : null}
                    </Fragment>
                  ))}
                </TableCell>
              ))}
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {T.total}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((v) => {
              const row = table.get(v.id)!;
              return (
                <TableRow key={v.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{v.name}</TableCell>
                  {items.map((item) => (
                    <TableCell key={item} align="right">
                      {row.byItem.get(item) ?? ''}
                    </TableCell>
                  ))}
                  <TableCell align="right" sx={{ fontWeight: 500 }}>
                    {row.total}
                  </TableCell>
                </TableRow>
              );
            })}
            <TableRow sx={{ '& td': { fontWeight: 500 } }}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{T.townTotal}</TableCell>
              {items.map((item) => (
                <TableCell key={item} align="right">
                  {town.byItem.get(item) ?? ''}
                </TableCell>
              ))}
              <TableCell align="right">{town.total}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </Paper>
    );
  }
  const progress = toiletProgress(records);
  const data = villages
    .filter((v) => progress.has(v.id))
    .map((v) => ({ name: v.name, ...progress.get(v.id)! }));
  if (data.length === 0) return null;
  return (
    <Paper sx={{ p: 2 }} data-testid="toilet-progress">
      <Typography variant="h4" gutterBottom>
        {T.chart}
      </Typography>
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis {...VILLAGE_AXIS} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar
            dataKey="planned"
            name={T.planned}
            fill={chartPalette.neutral}
            isAnimationActive={false}
          />
          <Bar
            dataKey="completed"
            name={T.completed}
            fill={chartPalette.series[0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
      <Table size="small" aria-label="各村改厕">
        <TableHead>
          <TableRow>
            <TableCell>{T.village}</TableCell>
            <TableCell align="right">{T.planned}</TableCell>
            <TableCell align="right">{T.completed}</TableCell>
            <TableCell align="right">{T.rate}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.map((d) => (
            <TableRow key={d.name}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{d.name}</TableCell>
              <TableCell align="right">{d.planned}</TableCell>
              <TableCell align="right">{d.completed}</TableCell>
              <TableCell align="right">
                {d.planned > 0 ? `${Math.round((d.completed / d.planned) * 100)}%` : '—'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

import {
  Box,
  Card,
  CardContent,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { SOURCE_LABELS, PROBLEM_SOURCES } from '@shared/domain/ledger';
import type { Counts, LedgerStats } from '@shared/domain/ledgerStats';
import { DASHBOARD } from './strings';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Card>
      <CardContent>
        <Typography color="text.secondary">{label}</Typography>
        <Typography variant="h2" component="p" sx={{ mt: 0.5 }}>
          {value}
        </Typography>
      </CardContent>
    </Card>
  );
}

/** The ledger at a glance: open, overdue, closure rate, time to close, by source, overdue by person. */
export function LedgerSummary({ stats }: { stats: LedgerStats }) {
  const open = PROBLEM_SOURCES.reduce((s, k) => s + stats.bySource[k].open, 0);
  const overdue = PROBLEM_SOURCES.reduce((s, k) => s + stats.bySource[k].overdue, 0);
  return (
    <Box sx={{ display: 'grid', gap: 2 }} data-testid="ledger-summary">
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
        }}
      >
        <Figure label={DASHBOARD.ledgerOpen} value={String(open)} />
        <Figure label={DASHBOARD.ledgerOverdue} value={String(overdue)} />
        <Figure
          label={DASHBOARD.ledgerClosureRate}
          value={stats.closureRate === null ? '—' : `${Math.round(stats.closureRate * 100)}%`}
        />
        <Figure
          label={DASHBOARD.ledgerMedianDays}
          value={stats.medianDaysToClose === null ? '—' : DASHBOARD.days(stats.medianDaysToClose)}
        />
      </Box>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { lg: '1fr 1fr' },
          alignItems: 'start',
        }}
      >
        <CountsTable
          title={DASHBOARD.bySource}
          heading={DASHBOARD.source}
          rows={PROBLEM_SOURCES.map((s) => [SOURCE_LABELS[s], stats.bySource[s]])}
        />
        <CountsTable
          title={DASHBOARD.byCategory}
          heading={DASHBOARD.category}
          rows={[...stats.byCategory].sort(
            (a, b) => b[1].open - a[1].open || b[1].closed - a[1].closed,
          )}
        />
        <Paper sx={{ p: 2 }}>
          <Typography variant="h4" gutterBottom>
            {DASHBOARD.overdueByPerson}
          </Typography>
          {stats.overdueByPerson.length === 0 ? (
            <Typography color="text.secondary">{DASHBOARD.noOverdue}</Typography>
          ) : (
            <Table size="small" aria-label={DASHBOARD.overdueByPerson}>
              <TableBody>
                {stats.overdueByPerson.map((row) => (
                  <TableRow key={row.person}>
                    <TableCell>{row.person}</TableCell>
                    <TableCell align="right">{row.count}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Paper>
      </Box>
    </Box>
  );
}

/** Open, overdue and closed counts, one row per source or category (the county's drill-down too). */
export function CountsTable(props: { title: string; heading: string; rows: [string, Counts][] }) {
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="h4" gutterBottom>
        {props.title}
      </Typography>
      {props.rows.length === 0 ? (
        <Typography color="text.secondary">{DASHBOARD.noRows}</Typography>
      ) : (
        <Table size="small" aria-label={props.title}>
          <TableHead>
            <TableRow>
              <TableCell>{props.heading}</TableCell>
              <TableCell align="right">{DASHBOARD.open}</TableCell>
              <TableCell align="right">{DASHBOARD.overdue}</TableCell>
              <TableCell align="right">{DASHBOARD.closed}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {props.rows.map(([label, counts]) => (
              <TableRow key={label}>
                <TableCell>{label}</TableCell>
                <TableCell align="right">{counts.open}</TableCell>
                <TableCell align="right">{counts.overdue}</TableCell>
                <TableCell align="right">{counts.closed}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}

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
import type { LedgerStats } from '@shared/domain/ledgerStats';
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
        <Paper sx={{ p: 2 }}>
          <Typography variant="h4" gutterBottom>
            {DASHBOARD.bySource}
          </Typography>
          <Table size="small" aria-label={DASHBOARD.bySource}>
            <TableHead>
              <TableRow>
                <TableCell>{DASHBOARD.source}</TableCell>
                <TableCell align="right">{DASHBOARD.open}</TableCell>
                <TableCell align="right">{DASHBOARD.overdue}</TableCell>
                <TableCell align="right">{DASHBOARD.closed}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {PROBLEM_SOURCES.map((s) => (
                <TableRow key={s}>
                  <TableCell>{SOURCE_LABELS[s]}</TableCell>
                  <TableCell align="right">{stats.bySource[s].open}</TableCell>
                  <TableCell align="right">{stats.bySource[s].overdue}</TableCell>
                  <TableCell align="right">{stats.bySource[s].closed}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
        <Paper sx={{ p: 2 }}>
          <Typography variant="h4" gutterBottom>
            {DASHBOARD.byCategory}
          </Typography>
          <Table size="small" aria-label={DASHBOARD.byCategory}>
            <TableHead>
              <TableRow>
                <TableCell>{DASHBOARD.category}</TableCell>
                <TableCell align="right">{DASHBOARD.open}</TableCell>
                <TableCell align="right">{DASHBOARD.overdue}</TableCell>
                <TableCell align="right">{DASHBOARD.closed}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {[...stats.byCategory]
                .sort((a, b) => b[1].open - a[1].open || b[1].closed - a[1].closed)
                .map(([category, counts]) => (
                  <TableRow key={category}>
                    <TableCell>{category}</TableCell>
                    <TableCell align="right">{counts.open}</TableCell>
                    <TableCell align="right">{counts.overdue}</TableCell>
                    <TableCell align="right">{counts.closed}</TableCell>
                  </TableRow>
                ))}
            </TableBody>
          </Table>
        </Paper>
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

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
import { Link } from 'react-router';
import { toIsoDate } from '@shared/domain/dates';
import { percent, type ReboundRow } from '@shared/domain/recheck';
import { useRecheckOverview } from '../../db/hooks';
import { DASHBOARD_RECHECK as D } from './recheckStrings';

/** How many due re-checks the dashboard names; the rest are counted. */
const LISTED = 10;

function Figure(props: { label: string; value: string; detail: string; testId: string }) {
  return (
    <Card>
      <CardContent>
        <Typography color="text.secondary">{props.label}</Typography>
        <Typography variant="h2" component="p" sx={{ mt: 0.5 }} data-testid={props.testId}>
          {props.value}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {/* A line breaks between clauses, never a clause's last 个 alone on the next line. */}
          {props.detail.split(/(?<=，)/).map((clause) => (
            <Box component="span" key={clause} sx={{ whiteSpace: 'nowrap' }}>
              {clause}
            </Box>
          ))}
        </Typography>
      </CardContent>
    </Card>
  );
}

function RateTable(props: { title: string; heading: string; rows: ReboundRow[]; empty: string }) {
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="h4" gutterBottom>
        {props.title}
      </Typography>
      {props.rows.length === 0 ? (
        <Typography color="text.secondary">{props.empty}</Typography>
      ) : (
        <Table size="small" aria-label={props.title}>
          <TableHead>
            <TableRow>
              <TableCell>{props.heading}</TableCell>
              <TableCell align="right">{D.closed}</TableCell>
              <TableCell align="right">{D.rebounded}</TableCell>
              <TableCell align="right">{D.rate}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {props.rows.map((r) => (
              <TableRow key={r.label}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.label}</TableCell>
                <TableCell align="right">{r.closed}</TableCell>
                <TableCell align="right">{r.rebounded}</TableCell>
                <TableCell align="right">{percent(r.rate)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}

/**
 * 回头看 on the dashboard: what is due, re-checks done on time, the rebound rate. Read once
 * `wait` is false — when the figures above it have theirs — so that its long read (two years'
 * closed items) does not hold theirs back.
 */
export function RecheckSummary({ wait = false }: { wait?: boolean }) {
  const today = toIsoDate(new Date());
  const overview = useRecheckOverview(today, wait);
  if (!overview) return null;
  const { due, rebound, timeliness, span, rules } = overview;
  if (due.length === 0 && rebound.total.closed === 0 && timeliness.due === 0) return null;
  const overdue = due.filter((d) => d.overdue).length;
  return (
    <Box sx={{ mb: 4 }} data-testid="recheck-summary">
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, mb: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="h3">{D.title}</Typography>
        <Typography color="text.secondary">{D.span(span.from, span.to)}</Typography>
      </Box>
      <Box sx={{ display: 'grid', gap: 2 }}>
        <Box
          sx={{
            display: 'grid',
            gap: 2,
            gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
          }}
        >
          <Figure
            label={D.due}
            value={String(due.length)}
            detail={D.dueDetail(due.length, overdue)}
            testId="recheck-due-count"
          />
          <Figure
            label={D.onTime}
            value={percent(timeliness.rate)}
            detail={D.onTimeDetail(timeliness.onTime, timeliness.due)}
            testId="recheck-on-time"
          />
          <Figure
            label={D.reboundRate}
            value={percent(rebound.total.rate)}
            detail={D.reboundDetail(
              rebound.total.rebounded,
              rebound.total.closed,
              rules.reboundMonths,
            )}
            testId="rebound-rate"
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
              {D.dueList}
            </Typography>
            {due.length === 0 ? (
              <Typography color="text.secondary">{D.noDue}</Typography>
            ) : (
              <Table size="small" aria-label={D.dueList} data-testid="recheck-due">
                <TableHead>
                  <TableRow>
                    <TableCell>{D.number}</TableCell>
                    <TableCell>{D.village}</TableCell>
                    <TableCell>{D.which}</TableCell>
                    <TableCell>{D.dueOn}</TableCell>
                    <TableCell>{D.state}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {due.slice(0, LISTED).map((d) => (
                    <TableRow key={`${d.problemId}-${d.due}`}>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        <Link to={`/ledger/${d.problemId}`}>{d.number}</Link>
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{d.village}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{d.label}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{d.due}</TableCell>
                      <TableCell
                        sx={{
                          whiteSpace: 'nowrap',
                          color: d.overdue ? 'error.main' : undefined,
                          fontWeight: d.overdue ? 700 : undefined,
                        }}
                      >
                        {d.overdue ? D.overdue(d.daysOverdue) : D.soon}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            {due.length > LISTED ? (
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                {D.dueMore(due.length - LISTED)}
              </Typography>
            ) : null}
          </Paper>
          <RateTable
            title={D.bySource}
            heading={D.source}
            rows={rebound.bySource}
            empty={D.noRows}
          />
          <RateTable
            title={D.byCategory}
            heading={D.category}
            rows={rebound.byCategory}
            empty={D.noRows}
          />
          <RateTable
            title={D.byVillage}
            heading={D.village}
            rows={rebound.byVillage.filter((r) => r.rebounded > 0)}
            empty={D.noRebound}
          />
        </Box>
      </Box>
    </Box>
  );
}

import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ComplianceRow } from '@shared/domain/patrol';
import { SectionCard } from '../../components/SectionCard';
import { PATROLS } from './strings';

const C = PATROLS.compliance;

/** Who owes how many patrols by today this month, and who is behind (most behind first). */
export function ComplianceTable({
  title,
  rows,
  unit,
  testId,
}: {
  title: string;
  rows: readonly ComplianceRow[];
  unit: 'times' | 'days';
  testId: string;
}) {
  return (
    <SectionCard title={title}>
      {rows.length === 0 ? (
        <Typography color="text.secondary">{C.none}</Typography>
      ) : (
        <Table size="small" aria-label={title} data-testid={testId}>
          <TableHead>
            <TableRow>
              <TableCell>{C.name}</TableCell>
              <TableCell>{C.role}</TableCell>
              <TableCell align="right">{C.required}</TableCell>
              <TableCell align="right">{C.done}</TableCell>
              <TableCell>{C.behind}</TableCell>
              <TableCell>{C.last}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={`${r.personId}-${r.role}`}>
                <TableCell>{r.name}</TableCell>
                <TableCell>{r.role}</TableCell>
                <TableCell align="right">{r.required}</TableCell>
                <TableCell align="right">{r.done}</TableCell>
                <TableCell>
                  {r.behind > 0 ? (
                    <Chip
                      size="small"
                      color="error"
                      variant="outlined"
                      label={unit === 'days' ? C.behindDays(r.behind) : C.behindBy(r.behind)}
                    />
                  ) : (
                    <Chip size="small" color="success" variant="outlined" label={C.ok} />
                  )}
                </TableCell>
                <TableCell>{r.lastDate ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </SectionCard>
  );
}

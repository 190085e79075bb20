import { alpha } from '@mui/material/styles';
import {
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useMemo } from 'react';
import { recurrenceTable, type TallyRow } from '@shared/domain/ledgerStats';
import type { Village } from '@shared/domain/village';
import { LEDGER } from './strings';
import { RECHECK } from './recheckStrings';

const R = LEDGER.recurrence;

/**
 * 整改一个、触及一类、消除一片: every village × category with how many items it has had (and how
 * many are still open). A cell opens the list filtered to it.
 */
export function RecurrenceView(props: {
  tally: readonly TallyRow[];
  villages: readonly Village[];
  onOpen: (villageId: string, category: string) => void;
}) {
  const table = useMemo(
    () =>
      recurrenceTable(
        props.tally,
        props.villages.map((v) => v.id),
      ),
    [props.tally, props.villages],
  );
  if (table.categories.length === 0)
    return <Typography color="text.secondary">{R.empty}</Typography>;
  return (
    <>
      <Typography color="text.secondary" sx={{ mb: 1.5 }}>
        {R.intro}
        {table.cells.some((row) => row.some((c) => c.rebounds > 0)) ? RECHECK.recurrenceNote : ''}
      </Typography>
      <TableContainer component={Paper} sx={{ maxHeight: 'calc(100vh - 300px)' }}>
        <Table size="small" stickyHeader aria-label={LEDGER.tabs.recurrence}>
          <TableHead>
            <TableRow>
              <TableCell>{R.village}</TableCell>
              {table.categories.map((c) => (
                <TableCell key={c} align="center" sx={{ whiteSpace: 'nowrap' }}>
                  {c}
                </TableCell>
              ))}
              <TableCell align="right">{R.total}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {props.villages.map((v, i) => (
              <TableRow key={v.id} hover>
                <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                  {v.name}
                </TableCell>
                {table.cells[i]!.map((cell, j) => (
                  <TableCell
                    key={table.categories[j]}
                    align="center"
                    sx={{
                      // A light mark: on a year of items most cells carry it, and stay readable.
                      bgcolor: (theme) =>
                        cell.total >= 3 ? alpha(theme.palette.warning.main, 0.2) : undefined,
                      fontWeight: cell.total >= 3 ? 500 : undefined,
                      p: 0,
                    }}
                  >
                    {cell.total > 0 ? (
                      <Typography
                        component="button"
                        type="button"
                        onClick={() => props.onOpen(v.id, table.categories[j]!)}
                        aria-label={`${v.name} ${table.categories[j]} ${cell.total} 条${RECHECK.recurrenceCell(cell.rebounds)}`}
                        sx={{
                          all: 'unset',
                          cursor: 'pointer',
                          display: 'block',
                          // A button does not stretch by itself: the whole cell, so the
                          // number sits under its header.
                          width: '100%',
                          boxSizing: 'border-box',
                          textAlign: 'center',
                          px: 2,
                          py: 0.75,
                          '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main' },
                        }}
                      >
                        {R.cell(cell.total, cell.open)}
                        {RECHECK.recurrenceCell(cell.rebounds)}
                      </Typography>
                    ) : (
                      <Typography
                        sx={{ px: 2, py: 0.75, color: 'text.disabled', textAlign: 'center' }}
                      >
                        ·
                      </Typography>
                    )}
                  </TableCell>
                ))}
                <TableCell align="right">{table.villageTotals[i]}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
}

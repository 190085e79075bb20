import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { MergeKind, MergePlan } from '@shared/handoff/merge';
import { HANDOFF, inTableOrder, TABLE_LABELS } from './strings';

const I = HANDOFF.import;
const KINDS: readonly MergeKind[] = [
  'new',
  'changed',
  'unchanged',
  'keptLocal',
  'merged',
  'conflict',
  'rejected',
];

/**
 * An import's dry run table by table: only the kinds that occur (short headings, explained in
 * one line below), only the tables the package holds records of.
 */
export function MergeCountsTable({ plan }: { plan: MergePlan }) {
  const byTable = new Map<string, Record<string, number>>();
  for (const item of plan.items) {
    const row = byTable.get(item.table) ?? {};
    row[item.kind] = (row[item.kind] ?? 0) + 1;
    byTable.set(item.table, row);
  }
  const kinds = KINDS.filter((k) => plan.counts[k] > 0);
  const tables = inTableOrder([...byTable.keys()]);
  return (
    <>
      <Table size="small" aria-label={I.previewTable}>
        <TableHead>
          <TableRow>
            <TableCell>{I.data}</TableCell>
            {kinds.map((k) => (
              <TableCell key={k} align="right" sx={{ whiteSpace: 'nowrap' }}>
                {I.short[k]}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {tables.map((table) => (
            <TableRow key={table}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{TABLE_LABELS[table] ?? table}</TableCell>
              {kinds.map((k) => (
                <TableCell key={k} align="right">
                  {byTable.get(table)?.[k] ?? 0}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="body2" color="text.secondary">
        {kinds.map((k) => `${I.short[k]}：${I.counts[k]}`).join('；')}。
      </Typography>
    </>
  );
}

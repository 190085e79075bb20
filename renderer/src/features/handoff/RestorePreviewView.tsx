import {
  Alert,
  Box,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { RestorePreview } from '@shared/handoff/restorePreview';
import { fieldLabel } from '../../components/recordText';
import { HANDOFF, inTableOrder, TABLE_LABELS } from './strings';

const R = HANDOFF.import.restorePreview;
const SHOWN = 30;

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

/** Before a restore: each table now and after, and the ledger items that go or go back. */
export function RestorePreviewView({ preview }: { preview: RestorePreview }) {
  const rows = preview.tables.filter((t) => t.now > 0 || t.after > 0);
  const order = inTableOrder(rows.map((r) => r.table));
  const byTable = new Map(rows.map((r) => [r.table, r] as const));
  return (
    <Box sx={{ display: 'grid', gap: 1.5 }} data-testid="restore-preview">
      <Table size="small" aria-label={R.table}>
        <TableHead>
          <TableRow>
            <TableCell>{R.data}</TableCell>
            <TableCell align="right">{R.now}</TableCell>
            <TableCell align="right">{R.after}</TableCell>
            <TableCell align="right">{R.change}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {order.map((table) => {
            const row = byTable.get(table)!;
            const change = row.after - row.now;
            return (
              <TableRow key={table}>
                <TableCell>{TABLE_LABELS[table] ?? table}</TableCell>
                <TableCell align="right">{row.now}</TableCell>
                <TableCell align="right">{row.after}</TableCell>
                <TableCell
                  align="right"
                  sx={{
                    fontWeight: change < 0 ? 700 : undefined,
                    color: change < 0 ? 'error.main' : undefined,
                  }}
                >
                  {signed(change)}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Typography variant="body2" color="text.secondary">
        {R.historyKept}
      </Typography>
      {preview.lost.length > 0 ? (
        <Alert severity="warning" data-testid="restore-lost">
          <Typography>{R.lost(preview.lost.length)}</Typography>
          <Lines lines={preview.lost.map((p) => `${p.number}（${p.status}）${p.description}`)} />
        </Alert>
      ) : null}
      {preview.reverted.length > 0 ? (
        <Alert severity="info" data-testid="restore-reverted">
          <Typography>{R.reverted(preview.reverted.length)}</Typography>
          <Lines
            lines={preview.reverted.map((p) => {
              const what = [
                ...(p.status !== p.to ? [R.status(p.status, p.to)] : []),
                ...(p.fields.length > 0
                  ? [R.fields([...new Set(p.fields.map((f) => fieldLabel('problems', f)))])]
                  : []),
              ];
              return `${p.number}：${what.join('，')}；${p.description}`;
            })}
          />
        </Alert>
      ) : null}
    </Box>
  );
}

function Lines({ lines }: { lines: string[] }) {
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
      {lines.slice(0, SHOWN).map((line, i) => (
        <li key={i}>{line}</li>
      ))}
      {lines.length > SHOWN ? <li>{R.more(lines.length - SHOWN)}</li> : null}
    </Box>
  );
}

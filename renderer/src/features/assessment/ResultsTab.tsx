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
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { PeriodResult, ResultRow } from '@shared/domain/assessment';
import { periodLabel, quarterOf } from '@shared/domain/period';
import { FlagBadge } from '../../components/FlagBadge';
import { PromptDialog } from '../../components/FormDialog';
import { actions } from '../../db/actions';
import { useCan, useResults } from '../../db/hooks';
import { useNotify } from '../../app/notify';
import { ASSESSMENT } from './strings';

const R = ASSESSMENT.results;

function WithdrawDialog({
  result,
  row,
  onClose,
}: {
  result: PeriodResult;
  row: ResultRow;
  onClose: () => void;
}) {
  const notify = useNotify();
  return (
    <PromptDialog
      title={R.withdrawTitle(row.name)}
      label={R.withdrawReason}
      submitLabel={R.withdraw}
      danger
      onSubmit={async (reason) => {
        await actions.withdrawRedFlag(result.id, row.villageId, reason);
        notify.success(R.withdrawDone(row.name));
      }}
      onClose={onClose}
    />
  );
}

function ResultTable({ result, mayWithdraw }: { result: PeriodResult; mayWithdraw: boolean }) {
  const [withdrawing, setWithdrawing] = useState<ResultRow | null>(null);
  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2 }}>
        <Typography variant="h3">
          {periodLabel(result.id)}红黄榜{result.flagsAwarded ? '' : R.ranksOnly}
        </Typography>
        <Typography color="text.secondary">{R.average(result.average)}</Typography>
      </Box>
      <TableContainer component={Paper}>
        <Table size="small" aria-label={`${periodLabel(result.id)}红黄榜`}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 100 }}>{R.rank}</TableCell>
              <TableCell>{R.village}</TableCell>
              <TableCell align="right" sx={{ width: 80 }}>
                {R.score}
              </TableCell>
              <TableCell sx={{ width: 100 }}>{R.flag}</TableCell>
              <TableCell>{R.reason}</TableCell>
              {mayWithdraw ? <TableCell sx={{ width: 80 }} /> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {result.rows.map((row) => (
              <TableRow key={row.villageId} hover>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {row.rank}
                  {row.tied ? `（${R.tied}）` : ''}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.name}</TableCell>
                <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                  {row.score}
                </TableCell>
                <TableCell>
                  {row.flag ? (
                    <FlagBadge color={row.flag} withdrawn={Boolean(row.withdrawn)} />
                  ) : null}
                </TableCell>
                <TableCell sx={{ color: 'text.secondary' }}>
                  {row.withdrawn ? R.withdrawn(row.withdrawn.reason) : row.flagReason}
                </TableCell>
                {mayWithdraw ? (
                  <TableCell>
                    {row.flag === 'red' && !row.withdrawn ? (
                      <Button size="small" color="error" onClick={() => setWithdrawing(row)}>
                        {R.withdraw}
                      </Button>
                    ) : null}
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {result.unscored.length > 0 ? (
        <Typography variant="body2" color="text.secondary">
          {R.unscored(result.unscored.map((u) => u.name).join('、'))}
        </Typography>
      ) : null}
      {withdrawing ? (
        <WithdrawDialog result={result} row={withdrawing} onClose={() => setWithdrawing(null)} />
      ) : null}
    </Box>
  );
}

export function ResultsTab({ month }: { month: string }) {
  const results = useResults([quarterOf(month), month]);
  const mayWithdraw = useCan('assessment');
  if (!results) return null;
  if (results.length === 0) return <Alert severity="info">{R.none}</Alert>;
  return (
    <Box sx={{ display: 'grid', gap: 4 }}>
      {results.map((result) => (
        <ResultTable key={result.id} result={result} mayWithdraw={mayWithdraw} />
      ))}
    </Box>
  );
}

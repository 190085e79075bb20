import { Chip } from '@mui/material';
import { deadlineState, type ProblemStatus } from '@shared/domain/ledger';
import { LEDGER } from './strings';

/** The deadline with 逾期 (!) or 临期 (…) as a word, not only a colour. */
export function DeadlineChip({
  status,
  deadline,
  today,
}: {
  status: ProblemStatus;
  deadline: string;
  today: string;
}) {
  const state = deadlineState(status, deadline, today);
  if (state === 'overdue')
    return <Chip size="small" color="error" label={`! ${LEDGER.deadline.overdue} ${deadline}`} />;
  if (state === 'dueSoon')
    return <Chip size="small" color="warning" label={`… ${LEDGER.deadline.dueSoon} ${deadline}`} />;
  return <span>{deadline}</span>;
}

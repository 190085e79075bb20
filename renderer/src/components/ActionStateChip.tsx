import { Chip } from '@mui/material';
import { actionState } from '@shared/domain/consequences';

const LABELS = { done: '已完成', overdue: '已逾期', pending: '待完成' } as const;

/** Where an action a flag calls for stands (已完成 with its note, 已逾期, 待完成), on every screen. */
export function ActionStateChip({
  action,
  today,
  withNote = false,
}: {
  action: { dueDate: string; doneAt?: string | undefined; doneNote?: string | undefined };
  today: string;
  /** Show the 完成情况 after 已完成. */
  withNote?: boolean;
}) {
  const state = actionState(action, today);
  if (state === 'done')
    return (
      <Chip
        size="small"
        color="success"
        label={`✓ ${LABELS.done}${withNote && action.doneNote ? `：${action.doneNote}` : ''}`}
      />
    );
  if (state === 'overdue') return <Chip size="small" color="error" label={`! ${LABELS.overdue}`} />;
  return <Chip size="small" label={LABELS.pending} />;
}

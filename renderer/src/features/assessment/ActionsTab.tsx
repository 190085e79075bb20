import {
  Alert,
  Box,
  Button,
  Chip,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
} from '@mui/material';
import { useMemo, useState } from 'react';
import type { DueAction } from '@shared/domain/assessment';
import { CONSEQUENCE_LABELS } from '@shared/domain/consequences';
import { toIsoDate } from '@shared/domain/dates';
import { periodLabel } from '@shared/domain/period';
import { PromptDialog } from '../../components/FormDialog';
import { ActionStateChip } from '../../components/ActionStateChip';
import { actions } from '../../db/actions';
import { useCan, useDueActions, useVillages } from '../../db/hooks';
import { useNotify } from '../../app/notify';
import { ASSESSMENT } from './strings';
import { TEXT_LIMITS } from '@shared/domain/textLimits';

const A = ASSESSMENT.actions;
/** The order the office deals with them: discipline first, then speeches, then money. */
const KIND_ORDER: DueAction['kind'][] = ['interview', 'speech', 'redReward', 'progressPrize'];

function DoneDialog({ action, onClose }: { action: DueAction; onClose: () => void }) {
  return (
    <PromptDialog
      title={A.doneTitle}
      label={A.doneNote}
      max={TEXT_LIMITS.doneNote}
      submitLabel={A.markDone}
      onSubmit={(note) => actions.setActionDone(action.id, true, note)}
      onClose={onClose}
    />
  );
}

/** The consequences tracker: who must do what by when, and whether it was done. */
export function ActionsTab() {
  const all = useDueActions();
  const villages = useVillages(true);
  const notify = useNotify();
  const mayMark = useCan('assessment');
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const [marking, setMarking] = useState<DueAction | null>(null);
  const names = useMemo(() => new Map((villages ?? []).map((v) => [v.id, v.name])), [villages]);
  const secretaries = useMemo(
    () => new Map((villages ?? []).map((v) => [v.id, v.secretary])),
    [villages],
  );
  /** Who acts: the village's secretary speaks or is interviewed; the town office pays out. */
  const who = (action: DueAction) =>
    action.kind === 'speech' || action.kind === 'interview'
      ? secretaries.get(action.villageId) || A.secretaryUnknown
      : A.townOffice;
  const today = toIsoDate(new Date());
  const shown = (all ?? [])
    .filter((a) => filter === 'all' || !a.doneAt)
    .sort(
      (a, b) =>
        b.periodKey.localeCompare(a.periodKey) ||
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
        (names.get(a.villageId) ?? '').localeCompare(names.get(b.villageId) ?? '', 'zh-CN'),
    );
  if (!all) return null;
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={filter}
        onChange={(_e, v: 'open' | 'all' | null) => v && setFilter(v)}
      >
        <ToggleButton value="open">{A.filterOpen}</ToggleButton>
        <ToggleButton value="all">{A.filterAll}</ToggleButton>
      </ToggleButtonGroup>
      {shown.length === 0 ? (
        <Alert severity="info">{A.none}</Alert>
      ) : (
        <TableContainer component={Paper}>
          <Table size="small" aria-label={ASSESSMENT.tabs.actions}>
            <TableHead>
              <TableRow>
                <TableCell>{A.period}</TableCell>
                <TableCell>{A.village}</TableCell>
                <TableCell>{A.who}</TableCell>
                <TableCell>{A.what}</TableCell>
                <TableCell>{A.due}</TableCell>
                <TableCell>{A.status}</TableCell>
                {mayMark ? <TableCell /> : null}
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map((action) => {
                return (
                  <TableRow key={action.id} hover>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {periodLabel(action.periodKey)}
                    </TableCell>
                    <TableCell>{names.get(action.villageId)}</TableCell>
                    <TableCell>{who(action)}</TableCell>
                    <TableCell>
                      <Chip
                        size="small"
                        variant="outlined"
                        label={CONSEQUENCE_LABELS[action.kind]}
                        sx={{ mr: 1 }}
                      />
                      {action.title}
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{action.dueDate}</TableCell>
                    <TableCell>
                      <ActionStateChip action={action} today={today} withNote />
                    </TableCell>
                    {mayMark ? (
                      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                        {action.doneAt ? (
                          <Button
                            size="small"
                            onClick={() =>
                              void actions
                                .setActionDone(action.id, false, '')
                                .catch((e: unknown) => notify.error(e))
                            }
                          >
                            {A.undo}
                          </Button>
                        ) : (
                          <Button size="small" onClick={() => setMarking(action)}>
                            {A.markDone}
                          </Button>
                        )}
                      </TableCell>
                    ) : null}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {marking ? <DoneDialog action={marking} onClose={() => setMarking(null)} /> : null}
    </Box>
  );
}

import { untouchedVillages } from '@shared/domain/assessment';
import { Alert, Box, Button, Paper, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { toIsoDate } from '@shared/domain/dates';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatTimestamp } from '../../components/format';
import { PromptDialog } from '../../components/FormDialog';
import { issuesOf } from '../../components/issues';
import { actions } from '../../db/actions';
import { useCan } from '../../db/hooks';
import { describeError, useNotify } from '../../app/notify';
import { lastDayOfMonth, periodLabel } from '@shared/domain/period';
import { NewProblemDialog } from '../ledger/NewProblemDialog';
import { CellPanel } from './CellPanel';
import { pickPhoto } from './photos';
import { ScoringGrid, type Cell } from './ScoringGrid';
import { ASSESSMENT } from './strings';
import type { PeriodView } from './useAssessment';
import { DateField } from '../../components/DateField';

function StartForm({ month }: { month: string }) {
  const notify = useNotify();
  const [inspectors, setInspectors] = useState('');
  // A day of the month being scored: today in the current month, its last day for a past one.
  const [inspectedOn, setInspectedOn] = useState(() => {
    const today = toIsoDate(new Date());
    if (today.startsWith(`${month}-`)) return today;
    return month < today.slice(0, 7) ? lastDayOfMonth(month) : '';
  });
  const [error, setError] = useState<string | null>(null);
  const [outside, setOutside] = useState<string | null>(null);
  async function begin(outsideMonth: boolean) {
    try {
      await actions.startPeriod(month, { inspectors, inspectedOn, outsideMonth });
      notify.success(ASSESSMENT.start.started(month));
    } catch (e) {
      setError(
        issuesOf(e)
          .map((i) => i.message)
          .join(' '),
      );
    }
  }
  async function start(event: FormEvent) {
    event.preventDefault();
    setError(null);
    // A date outside the month is asked about before anything is written.
    const date = await actions.checkInspectionDate(month, inspectedOn);
    if (date && 'confirm' in date) return setOutside(date.confirm);
    await begin(false);
  }
  return (
    <Paper
      sx={{ p: 3, maxWidth: 640, display: 'grid', gap: 2 }}
      component="form"
      onSubmit={(e) => void start(e)}
      noValidate
    >
      <Typography variant="h4">{ASSESSMENT.start.title(month)}</Typography>
      <Typography color="text.secondary">{ASSESSMENT.start.intro}</Typography>
      <TextField
        label={ASSESSMENT.start.inspectors}
        helperText={ASSESSMENT.start.inspectorsHelp}
        value={inspectors}
        onChange={(e) => setInspectors(e.target.value)}
        autoFocus
      />
      <DateField
        label={ASSESSMENT.start.inspectedOn}
        value={inspectedOn}
        onChange={setInspectedOn}
        disableFuture
      />
      {error ? <Alert severity="error">{error}</Alert> : null}
      <Box>
        <Button type="submit" variant="contained">
          {ASSESSMENT.start.button}
        </Button>
      </Box>
      <ConfirmDialog
        open={outside !== null}
        title={ASSESSMENT.start.outsideTitle}
        message={outside ?? ''}
        confirmLabel={ASSESSMENT.start.outsideConfirm}
        onConfirm={() => {
          setOutside(null);
          void begin(true);
        }}
        onClose={() => setOutside(null)}
      />
    </Paper>
  );
}

function ReopenDialog({ month, onClose }: { month: string; onClose: () => void }) {
  const notify = useNotify();
  return (
    <PromptDialog
      title={ASSESSMENT.closed.reopenTitle}
      message={ASSESSMENT.closed.reopenMessage}
      label={ASSESSMENT.closed.reason}
      submitLabel={ASSESSMENT.closed.confirm}
      onSubmit={async (reason) => {
        await actions.reopenPeriod(month, reason);
        notify.success(ASSESSMENT.closed.reopened);
      }}
      onClose={onClose}
    />
  );
}

export function ScoringTab({
  month,
  view,
  onClosed,
}: {
  month: string;
  view: PeriodView;
  onClosed: () => void;
}) {
  const notify = useNotify();
  const [active, setActive] = useState<Cell>({ row: 0, col: 0 });
  const [gridError, setGridError] = useState<{
    text: string;
    severity: 'error' | 'warning';
  } | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const [reopening, setReopening] = useState(false);
  const [opening, setOpening] = useState(false);
  const mayScore = useCan('assessment');
  const mayOpenProblem = useCan('ledger');

  if (!view.period || !view.standard) {
    return mayScore ? (
      <StartForm key={month} month={month} />
    ) : (
      <Typography color="text.secondary">{ASSESSMENT.start.title(month)}</Typography>
    );
  }
  const { period, standard, villages } = view;
  const closed = period.status === 'closed';
  // Read-only when the month is closed, or for an account that may only look at the scores.
  const readOnly = closed || !mayScore;
  const village = villages[Math.min(active.row, villages.length - 1)];
  const item = standard.items[Math.min(active.col, standard.items.length - 1)];
  const skipped = new Set(
    [...view.checks.values()].filter((c) => c.skipped).map((c) => c.villageId),
  );
  const markSaved = () => setSavedAt(new Date().toLocaleTimeString('zh-CN', { hour12: false }));

  async function commitCell(
    villageId: string,
    itemCode: string,
    count: number,
  ): Promise<string | null> {
    try {
      await actions.saveDeduction({ periodId: month, villageId, itemCode, count, points: null });
      markSaved();
      return null;
    } catch (error) {
      return describeError(error);
    }
  }

  async function close() {
    try {
      await actions.closePeriod(month);
      notify.success(ASSESSMENT.close.done(month));
      onClosed();
    } catch (error) {
      notify.error(error);
    }
  }

  const deduction = village && item ? view.cells.get(`${village.id}:${item.code}`) : undefined;
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      {closed ? (
        <Alert
          severity="info"
          action={
            mayScore ? (
              <Button color="inherit" size="small" onClick={() => setReopening(true)}>
                {ASSESSMENT.closed.reopen}
              </Button>
            ) : undefined
          }
        >
          {ASSESSMENT.closed.banner(formatTimestamp(period.closedAt), period.closedBy ?? '')}
        </Alert>
      ) : !mayScore ? (
        <Typography variant="body2" color="text.secondary">
          {ASSESSMENT.grid.viewOnly}
        </Typography>
      ) : (
        // The help, the autosave note and the button on one line that does not move as the note
        // appears: the help gives way (it wraps within its own box).
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
          <Typography variant="body2" color="text.secondary" sx={{ flex: '1 1 0', minWidth: 0 }}>
            {ASSESSMENT.grid.help}
          </Typography>
          {savedAt ? (
            <Typography
              variant="body2"
              color="success.main"
              data-testid="autosave"
              sx={{ whiteSpace: 'nowrap' }}
            >
              {ASSESSMENT.grid.saved(savedAt)}
            </Typography>
          ) : null}
          <Button
            variant="contained"
            onClick={() => setClosing(true)}
            sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
          >
            {ASSESSMENT.close.button}
          </Button>
        </Box>
      )}
      {gridError ? (
        <Alert severity={gridError.severity} role="alert" data-testid="grid-message">
          {gridError.text}
        </Alert>
      ) : null}
      <ScoringGrid
        standard={standard}
        villages={villages}
        cells={view.cells}
        scores={view.scores}
        skipped={skipped}
        readOnly={readOnly}
        readOnlyNote={mayScore ? undefined : ASSESSMENT.grid.viewOnly}
        active={active}
        onActiveChange={setActive}
        onCommit={commitCell}
        onError={(text, severity = 'error') => setGridError(text ? { text, severity } : null)}
      />
      {village && item ? (
        <CellPanel
          key={`${village.id}:${item.code}`}
          standard={standard}
          village={village}
          item={item}
          deduction={deduction}
          score={view.scores.get(village.id)}
          check={view.checks.get(village.id)}
          readOnly={readOnly}
          mayOpenProblem={mayOpenProblem}
          onSaveCell={async (change) => {
            try {
              await actions.saveDeduction({
                periodId: month,
                villageId: village.id,
                itemCode: item.code,
                ...change,
              });
              markSaved();
              return null;
            } catch (error) {
              return describeError(error);
            }
          }}
          onOpenProblem={() => setOpening(true)}
          onAddPhoto={async () => {
            const picked = await pickPhoto();
            if (!picked) return null;
            if (!picked.ok) return picked.message;
            try {
              await actions.addDeductionPhoto({
                periodId: month,
                villageId: village.id,
                itemCode: item.code,
                ...picked,
              });
              markSaved();
              return null;
            } catch (error) {
              return describeError(error);
            }
          }}
          onRemovePhoto={async (photo) => {
            try {
              await actions.removeDeductionPhoto(
                `${month}:${village.id}:${item.code}`,
                photo.attachmentId,
              );
              return null;
            } catch (error) {
              return describeError(error);
            }
          }}
          onSaveVillage={async (change) => {
            try {
              await actions.saveVillageCheck({ periodId: month, villageId: village.id, ...change });
              markSaved();
              return null;
            } catch (error) {
              return describeError(error);
            }
          }}
        />
      ) : null}
      <ConfirmDialog
        open={closing}
        title={ASSESSMENT.close.title(month)}
        message={ASSESSMENT.close.message(
          villages.length - skipped.size,
          skipped.size,
          untouchedVillages(villages, [...view.cells.values()], [...view.checks.values()]).map(
            (v) => v.name,
          ),
        )}
        confirmLabel={ASSESSMENT.close.confirm}
        onConfirm={close}
        onClose={() => setClosing(false)}
      />
      {reopening ? <ReopenDialog month={month} onClose={() => setReopening(false)} /> : null}
      {opening && village && item && deduction ? (
        <NewProblemDialog
          // Filled from the cell as saved: a note saved as the dialog opens fills it too.
          key={deduction.updatedAt}
          today={period.inspectedOn || toIsoDate(new Date())}
          deductionId={deduction.id}
          initial={{
            source: 'town',
            category: '人居环境',
            villageId: village.id,
            place: deduction.place,
            description: `${item.title}${deduction.note ? `：${deduction.note}` : ''}（${periodLabel(month)}考核 ${item.code}）`,
          }}
          onClose={() => setOpening(false)}
        />
      ) : null}
    </Box>
  );
}

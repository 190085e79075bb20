import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import { useDeferredValue } from 'react';
import { Link, useSearchParams } from 'react-router';
import { periodLabel } from '@shared/domain/period';
import { HoldDrawing } from '../../components/DrawnLater';
import { PageHeader } from '../../components/PageHeader';
import { useHandoffDue, useRights, useStandards } from '../../db/hooks';
import { usePeriodView } from '../assessment/useAssessment';
import { BackupFailureAlert } from '../handoff/BackupFailureAlert';
import { CategoryHeatmap } from './CategoryHeatmap';
import { CategoryChart, RankingChart, TrendChart } from './Charts';
import { LedgerSummary } from './LedgerSummary';
import { PatrolSummary } from './PatrolSummary';
import { RecheckSummary } from './RecheckSummary';
import { DASHBOARD } from './strings';
import { useDashboard } from './useDashboard';
import { VillageTiles } from './VillageTiles';

function StatCard({ label, value, detail }: { label: string; value: number; detail?: string }) {
  return (
    <Card>
      <CardContent>
        <Typography color="text.secondary">{label}</Typography>
        <Typography variant="h2" component="p" sx={{ mt: 0.5 }}>
          {value}
        </Typography>
        {detail ? (
          <Typography variant="body2" color="text.secondary">
            {detail}
          </Typography>
        ) : null}
      </CardContent>
    </Card>
  );
}

function Heatmap({ month, category }: { month: string; category: string | null }) {
  const view = usePeriodView(month);
  if (!view?.standard) return null;
  return (
    <CategoryHeatmap
      categories={view.standard.categories}
      villages={view.villages}
      scores={view.scores}
      only={category}
    />
  );
}

function CategoryRanking({ month, category }: { month: string; category: string }) {
  const view = usePeriodView(month);
  if (!view) return null;
  const rows = view.villages
    .filter((v) => view.scores.has(v.id))
    .map((v) => ({ name: v.name, points: view.scores.get(v.id)?.byCategory[category] ?? 0 }));
  return <CategoryChart category={category} rows={rows} />;
}

export function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const data = useDashboard(params.get('month'));
  const handoff = useHandoffDue();
  const standards = useStandards();
  const can = useRights();
  // The charts and the heatmap follow a month change a moment later, so the tiles answer at once.
  const chartMonth = useDeferredValue(data?.month ?? null);
  if (!data) return null;
  const { town, progress, month, current } = data;
  const chartResult = data.resultOf(chartMonth) ?? current;
  const category = params.get('category');
  const setFilter = (key: 'month' | 'category', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const todo = [
    progress.villagesWithoutSecretary > 0
      ? DASHBOARD.noSecretary(progress.villagesWithoutSecretary)
      : null,
    progress.villagesWithoutLeader > 0 ? DASHBOARD.noLeader(progress.villagesWithoutLeader) : null,
    progress.leadingGroupMembers === 0 ? DASHBOARD.noGroup : null,
    progress.ruleDocuments === 0 ? DASHBOARD.noDocuments : null,
  ].filter((t): t is string => t !== null);

  return (
    <>
      <PageHeader
        title={DASHBOARD.title}
        subtitle={DASHBOARD.subtitle(town.county, town.name)}
        actions={
          month ? (
            <>
              <TextField
                select
                label={DASHBOARD.category}
                value={category ?? ''}
                onChange={(e) => setFilter('category', e.target.value)}
                sx={{ width: 160 }}
                // No category chosen reads 全部类别, not an empty box.
                slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
              >
                <MenuItem value="">{DASHBOARD.allCategories}</MenuItem>
                {(standards?.[0]?.categories ?? []).map((c) => (
                  <MenuItem key={c.name} value={c.name}>
                    {c.name}
                  </MenuItem>
                ))}
              </TextField>
              {/* Native: ten years are 120 months, and a native list opens and closes instantly. */}
              <TextField
                select
                label={DASHBOARD.month}
                value={month}
                onChange={(e) => setFilter('month', e.target.value)}
                sx={{ width: 180 }}
                slotProps={{ select: { native: true } }}
              >
                {data.months.map((m) => (
                  <option key={m} value={m}>
                    {periodLabel(m)}
                  </option>
                ))}
              </TextField>
            </>
          ) : undefined
        }
      />

      <BackupFailureAlert />

      {/* Reminders to act: offered to the accounts that may do what they ask for. */}
      {handoff?.due && can('handoff') ? (
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          action={
            <Button component={Link} to="/handoff" color="inherit" size="small">
              {DASHBOARD.goHandoff}
            </Button>
          }
          data-testid="handoff-due"
        >
          {DASHBOARD.handoffDue(handoff.due.days, handoff.due.never, handoff.intervalDays)}
        </Alert>
      ) : null}

      {todo.length > 0 && can('setup') ? (
        <Alert
          severity="info"
          sx={{ mb: 3 }}
          action={
            <Button component={Link} to="/settings/villages" color="inherit" size="small">
              {DASHBOARD.goSettings}
            </Button>
          }
          data-testid="setup-todo"
        >
          <strong>{DASHBOARD.todoTitle}：</strong>
          {todo.join('；')}。
        </Alert>
      ) : null}

      {month && current ? (
        <Box sx={{ display: 'grid', gap: 3, mb: 4 }}>
          <Box>
            <Box
              sx={{ display: 'flex', alignItems: 'baseline', gap: 2, mb: 1.5, flexWrap: 'wrap' }}
            >
              <Typography variant="h3">{DASHBOARD.periodTitle(periodLabel(month))}</Typography>
              <Typography color="text.secondary" data-testid="period-summary">
                {DASHBOARD.averageLine(current.average, data.flagCounts)}
              </Typography>
            </Box>
            <VillageTiles tiles={data.tiles} month={month} />
          </Box>
          <Box
            sx={{
              display: 'grid',
              gap: 2,
              gridTemplateColumns: { lg: '1fr 1fr' },
              alignItems: 'start',
            }}
          >
            <HoldDrawing value={data.ledger === undefined}>
              {category ? (
                <CategoryRanking month={chartMonth ?? month} category={category} />
              ) : (
                <RankingChart rows={chartResult!.rows} average={chartResult!.average} />
              )}
              <Box sx={{ display: 'grid', gap: 2 }}>
                <TrendChart points={data.trend} />
                <Heatmap month={chartMonth ?? month} category={category} />
              </Box>
            </HoldDrawing>
          </Box>
        </Box>
      ) : (
        <Box sx={{ mb: 4 }}>
          <Typography variant="h3" sx={{ mb: 1 }}>
            {DASHBOARD.villageTiles}
          </Typography>
          <Alert severity="info" sx={{ mb: 2 }}>
            {DASHBOARD.scorePending}
          </Alert>
          <VillageTiles tiles={data.tiles} month={null} />
        </Box>
      )}

      {data.ledger && data.ledger.total > 0 ? (
        <Box sx={{ mb: 4 }}>
          <Typography variant="h3" sx={{ mb: 1.5 }}>
            {DASHBOARD.ledgerTitle}
          </Typography>
          <LedgerSummary stats={data.ledger} />
        </Box>
      ) : null}

      <RecheckSummary wait={data.ledger === undefined} />

      <PatrolSummary />

      <Typography variant="h3" sx={{ mb: 1.5 }}>
        {DASHBOARD.setupTitle}
      </Typography>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
        }}
      >
        <StatCard label={DASHBOARD.villages} value={progress.villages} />
        <StatCard label={DASHBOARD.people} value={progress.people} />
        <StatCard
          label={DASHBOARD.rangers}
          value={progress.publicWelfareRangers + progress.ecologicalRangers}
          detail={DASHBOARD.rangersDetail(
            progress.publicWelfareRangers,
            progress.ecologicalRangers,
          )}
        />
        <StatCard label={DASHBOARD.riverChiefs} value={progress.riverChiefs} />
        <StatCard label={DASHBOARD.documents} value={progress.ruleDocuments} />
      </Box>
    </>
  );
}

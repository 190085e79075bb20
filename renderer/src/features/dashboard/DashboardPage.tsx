import { Alert, Box, Button, Card, CardContent, Paper, Typography } from '@mui/material';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { DASHBOARD } from './strings';
import { useDashboard } from './useDashboard';

function StatCard({ label, value, detail }: { label: string; value: number; detail?: string }) {
  return (
    <Card>
      <CardContent>
        <Typography color="text.secondary">{label}</Typography>
        <Typography variant="h1" component="p" sx={{ mt: 0.5 }}>
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

export function DashboardPage() {
  const data = useDashboard();
  if (!data) return null;
  const { town, progress, villages } = data;
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
      <PageHeader title={DASHBOARD.title} subtitle={DASHBOARD.subtitle(town.county, town.name)} />
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
          mb: 3,
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

      {todo.length > 0 ? (
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

      <Typography variant="h3" sx={{ mb: 1 }}>
        {DASHBOARD.villageTiles}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {DASHBOARD.scorePending}
      </Typography>
      <Box
        sx={{
          display: 'grid',
          gap: 1.5,
          gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
        }}
        data-testid="village-tiles"
      >
        {villages.map((village) => (
          <Paper key={village.id} sx={{ p: 1.5 }} data-testid="village-tile">
            <Typography variant="h5">{village.name}</Typography>
            <Typography variant="body2" color="text.secondary">
              {DASHBOARD.secretary}：{village.secretary || DASHBOARD.notSet}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {DASHBOARD.leader}：{village.leaderName ?? DASHBOARD.notSet}
            </Typography>
          </Paper>
        ))}
      </Box>
    </>
  );
}

import { Box, Button, Paper, Typography } from '@mui/material';
import { Link } from 'react-router';
import { toIsoDate } from '@shared/domain/dates';
import { periodLabel } from '@shared/domain/period';
import { usePatrols } from '../patrols/usePatrols';

/** This month's patrols at a glance: how many, and how many chiefs and rangers are behind. */
export function PatrolSummary() {
  const month = toIsoDate(new Date()).slice(0, 7);
  const data = usePatrols(month);
  if (!data || (data.rivers.length === 0 && data.plots.length === 0)) return null;
  const chiefsBehind = data.riverRows.filter((r) => r.behind > 0).length;
  const rangersBehind = data.rangerRows.filter((r) => r.behind > 0).length;
  return (
    <Box sx={{ mb: 4 }}>
      <Typography variant="h3" sx={{ mb: 1.5 }}>
        巡河巡林
      </Typography>
      <Paper
        sx={{ p: 2, display: 'flex', alignItems: 'center', gap: 3 }}
        data-testid="patrol-summary"
      >
        <Typography>
          {periodLabel(month)}已巡河 {data.patrols.river.length} 次、巡林{' '}
          {data.patrols.forest.length} 次。
        </Typography>
        <Typography color={chiefsBehind + rangersBehind > 0 ? 'error' : 'text.secondary'}>
          {chiefsBehind + rangersBehind > 0
            ? `截至今天未达要求：河长 ${chiefsBehind} 人，护林员 ${rangersBehind} 人。`
            : '河长、护林员均按要求巡查。'}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Button component={Link} to="/patrols">
          查看
        </Button>
      </Paper>
    </Box>
  );
}

import { List, ListItem, ListItemText, Paper, Typography } from '@mui/material';
import { Link } from 'react-router';
import { percent } from '@shared/domain/recheck';
import { useVillageRecheck } from '../../db/hooks';
import { VILLAGE_PAGE } from './strings';

const W = VILLAGE_PAGE.rechecks;

/** A village's 回头看: its rebound rate over the last 12 months and the re-checks it owes now. */
export function VillageRechecks({ villageId, today }: { villageId: string; today: string }) {
  const figures = useVillageRecheck(villageId, today);
  if (!figures) return null;
  const { rebound: row, due } = figures;
  return (
    <Paper sx={{ p: 2 }} data-testid="village-rechecks">
      <Typography variant="h4" gutterBottom>
        {W.title}
      </Typography>
      <Typography>
        {row ? W.line(row.closed, row.rebounded, percent(row.rate), figures.reboundMonths) : W.none}
      </Typography>
      {due.length > 0 ? (
        <>
          <Typography sx={{ mt: 1 }}>{W.due(due.length)}</Typography>
          <List dense>
            {due.map((d) => (
              <ListItem key={`${d.problemId}-${d.due}`} disableGutters>
                <ListItemText
                  primary={
                    <Link to={`/ledger/${d.problemId}`}>{`${d.number} ${d.description}`}</Link>
                  }
                  secondary={`${d.label} · ${d.due} · ${d.overdue ? W.overdue(d.daysOverdue) : W.soon}`}
                />
              </ListItem>
            ))}
          </List>
        </>
      ) : null}
    </Paper>
  );
}

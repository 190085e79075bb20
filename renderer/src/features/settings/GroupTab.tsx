import {
  Alert,
  Box,
  Button,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Link } from 'react-router';
import { GROUP_POSITION_LABELS, leadingGroup } from '@shared/domain/person';
import { useCan, usePeople } from '../../db/hooks';
import { SETTINGS } from './strings';

const S = SETTINGS.group;

export function GroupTab() {
  const people = usePeople();
  const members = leadingGroup(people ?? []);
  const mayEdit = useCan('setup');
  return (
    <Paper sx={{ p: 3, maxWidth: 760 }}>
      <Typography variant="h4" gutterBottom>
        {S.title}
      </Typography>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 2 }}>
        <Typography color="text.secondary">{S.intro}</Typography>
        {mayEdit ? (
          <Button component={Link} to="/settings/people" size="small">
            {S.edit}
          </Button>
        ) : null}
      </Box>
      {members.length === 0 ? (
        <Alert severity="info">{S.empty}</Alert>
      ) : (
        <Table size="small" aria-label={S.title}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 120 }}>{SETTINGS.people.groupPosition}</TableCell>
              <TableCell>{SETTINGS.people.name}</TableCell>
              <TableCell>{SETTINGS.people.title}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {members.map((member) => (
              <TableRow key={member.id}>
                <TableCell>
                  {member.groupPosition ? GROUP_POSITION_LABELS[member.groupPosition] : ''}
                </TableCell>
                <TableCell>{member.name}</TableCell>
                <TableCell>{member.title}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}

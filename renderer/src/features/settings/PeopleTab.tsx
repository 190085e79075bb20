import AddIcon from '@mui/icons-material/Add';
import {
  Alert,
  Box,
  Button,
  Chip,
  MenuItem,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
} from '@mui/material';
import { useMemo, useState } from 'react';
import {
  GROUP_POSITION_LABELS,
  PERSON_ROLE_LABELS,
  PERSON_ROLES,
  type Person,
  type PersonRole,
} from '@shared/domain/person';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { actions } from '../../db/actions';
import { useCan, usePeople, useVillages } from '../../db/hooks';
import { useNotify } from '../../app/notify';
import { PersonDialog } from './PersonDialog';
import { SETTINGS } from './strings';

const S = SETTINGS.people;

export function PeopleTab() {
  const people = usePeople();
  const villages = useVillages();
  const notify = useNotify();
  const mayEdit = useCan('setup');
  const [role, setRole] = useState<PersonRole | ''>('');
  const [editing, setEditing] = useState<Person | null | 'new'>(null);
  const [deleting, setDeleting] = useState<Person | null>(null);

  const villageNames = useMemo(
    () => new Map((villages ?? []).map((v) => [v.id, v.name])),
    [villages],
  );
  const shown = (people ?? []).filter((p) => role === '' || p.roles.includes(role));

  async function remove(person: Person) {
    try {
      await actions.deletePerson(person.id);
      notify.success(S.deletedNotice(person.name));
    } catch (error) {
      notify.error(error);
    }
  }

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
        {mayEdit ? (
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')}>
            {S.add}
          </Button>
        ) : null}
        <Box sx={{ flexGrow: 1 }} />
        <TextField
          select
          label="身份"
          value={role}
          onChange={(e) => setRole(e.target.value as PersonRole | '')}
          sx={{ width: 180 }}
        >
          <MenuItem value="">{S.filterAll}</MenuItem>
          {PERSON_ROLES.map((r) => (
            <MenuItem key={r} value={r}>
              {PERSON_ROLE_LABELS[r]}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      {people && people.length === 0 ? (
        <Alert severity="info">{mayEdit ? S.empty : S.none}</Alert>
      ) : null}
      {shown.length > 0 ? (
        <TableContainer component={Paper}>
          <Table size="small" aria-label={SETTINGS.tabs.people}>
            <TableHead>
              <TableRow>
                <TableCell>{S.name}</TableCell>
                <TableCell>{S.title}</TableCell>
                <TableCell>{S.roles.replace('（可多选）', '')}</TableCell>
                <TableCell>{S.village}</TableCell>
                <TableCell>{S.phone}</TableCell>
                <TableCell>{S.groupPosition}</TableCell>
                {mayEdit ? <TableCell align="right" sx={{ width: 170 }} /> : null}
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map((person) => (
                <TableRow key={person.id} hover>
                  <TableCell>{person.name}</TableCell>
                  <TableCell>{person.title}</TableCell>
                  <TableCell>
                    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
                      {person.roles.map((r) => (
                        <Chip
                          key={r}
                          size="small"
                          label={PERSON_ROLE_LABELS[r]}
                          variant="outlined"
                        />
                      ))}
                    </Box>
                  </TableCell>
                  <TableCell>
                    {person.villageId ? villageNames.get(person.villageId) : ''}
                  </TableCell>
                  <TableCell>{person.phone}</TableCell>
                  <TableCell>
                    {person.groupPosition ? GROUP_POSITION_LABELS[person.groupPosition] : ''}
                  </TableCell>
                  {mayEdit ? (
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      <Button
                        size="small"
                        onClick={() => setEditing(person)}
                        aria-label={`${SETTINGS.edit} ${person.name}`}
                      >
                        {SETTINGS.edit}
                      </Button>
                      <Button
                        size="small"
                        color="error"
                        onClick={() => setDeleting(person)}
                        aria-label={`${SETTINGS.delete} ${person.name}`}
                      >
                        {SETTINGS.delete}
                      </Button>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      ) : null}
      {editing !== null ? (
        <PersonDialog
          person={editing === 'new' ? null : editing}
          villages={villages ?? []}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            notify.success(SETTINGS.saved);
          }}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={SETTINGS.delete}
        message={deleting ? S.confirmDelete(deleting.name) : ''}
        confirmLabel={SETTINGS.delete}
        danger
        onConfirm={() => deleting && void remove(deleting)}
        onClose={() => setDeleting(null)}
      />
    </Box>
  );
}

import { Box, Button, Link, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { ValidationIssue } from '@shared/domain/validation';
import { fieldMessage, issuesOf } from '../../components/issues';
import { IssueList } from '../../components/IssueList';
import { actions } from '../../db/actions';
import { PasswordFields } from '../accounts/PasswordFields';
import { showRecoveryCode } from '../accounts/recoveryNotice';
import { COUNTY } from './strings';

const S = COUNTY.setup;

/** The first run of a county desk: the county's name and the first account; no villages. */
export function CountySetup() {
  const navigate = useNavigate();
  const [form, setForm] = useState({ county: '', name: '', password: '', repeat: '' });
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<typeof form>) => {
    setForm({ ...form, ...change });
    setIssues([]);
  };
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const code = await actions.completeCountySetup(form);
      showRecoveryCode({ code, account: form.name.trim() });
      void navigate('/', { replace: true });
    } catch (error) {
      setIssues(issuesOf(error));
    } finally {
      setBusy(false);
    }
  }
  const general = issues.filter((i) => !['county', 'name', 'password', 'repeat'].includes(i.field));
  return (
    <Box
      component="form"
      noValidate
      onSubmit={(e) => void submit(e)}
      sx={{ display: 'grid', gap: 2 }}
    >
      <Typography color="text.secondary">
        {S.intro}{' '}
        <Link component={RouterLink} to="/restore?county=1">
          {S.restore}
        </Link>
      </Typography>
      <TextField
        label={S.countyName}
        value={form.county}
        onChange={(e) => set({ county: e.target.value })}
        error={Boolean(fieldMessage(issues, 'county'))}
        helperText={fieldMessage(issues, 'county') ?? S.countyHelp}
        required
      />
      <TextField
        label={S.name}
        value={form.name}
        onChange={(e) => set({ name: e.target.value })}
        error={Boolean(fieldMessage(issues, 'name'))}
        helperText={fieldMessage(issues, 'name') ?? ' '}
        required
      />
      <PasswordFields
        password={form.password}
        repeat={form.repeat}
        onChange={set}
        issues={issues}
      />
      {general.length > 0 ? <IssueList issues={general} /> : null}
      <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button type="submit" variant="contained" disabled={busy}>
          {S.finish}
        </Button>
      </Box>
    </Box>
  );
}

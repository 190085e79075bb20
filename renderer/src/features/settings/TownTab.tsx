import { Box, Button, Divider, Paper, TextField, Typography } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import type { ValidationIssue } from '@shared/domain/validation';
import { splitPastedList } from '@shared/domain/village';
import { IssueList } from '../../components/IssueList';
import { fieldMessage, issuesOf } from '../../components/issues';
import { actions } from '../../db/actions';
import { useOperator, useTown } from '../../db/hooks';
import { useNotify } from '../../app/notify';
import { SETTINGS } from './strings';

export function TownTab() {
  const town = useTown();
  const operator = useOperator();
  const notify = useNotify();
  const [form, setForm] = useState({ name: '', county: '', campaigns: '' });
  const [operatorName, setOperatorName] = useState('');
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [operatorIssues, setOperatorIssues] = useState<ValidationIssue[]>([]);

  useEffect(() => {
    if (town) setForm({ name: town.name, county: town.county, campaigns: town.campaigns.join('\n') });
  }, [town]);
  useEffect(() => {
    if (operator !== undefined) setOperatorName(operator);
  }, [operator]);

  async function saveTown(event: FormEvent) {
    event.preventDefault();
    try {
      await actions.saveTown({ name: form.name, county: form.county, campaigns: splitPastedList(form.campaigns) });
      setIssues([]);
      notify.success(SETTINGS.saved);
    } catch (error) {
      setIssues(issuesOf(error));
    }
  }

  async function saveOperator(event: FormEvent) {
    event.preventDefault();
    try {
      await actions.setOperator(operatorName);
      setOperatorIssues([]);
      notify.success(SETTINGS.town.operatorSaved(operatorName.trim()));
    } catch (error) {
      setOperatorIssues(issuesOf(error));
    }
  }

  const general = issues.filter((i) => !['name', 'county'].includes(i.field));
  return (
    <Box sx={{ display: 'grid', gap: 3, maxWidth: 640 }}>
      <Paper sx={{ p: 3, display: 'grid', gap: 2 }} component="form" onSubmit={saveTown} noValidate>
        <Typography variant="h4">{SETTINGS.tabs.town}</Typography>
        <TextField
          label={SETTINGS.town.name}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
          error={Boolean(fieldMessage(issues, 'name'))}
          helperText={fieldMessage(issues, 'name')}
          required
        />
        <TextField
          label={SETTINGS.town.county}
          value={form.county}
          onChange={(e) => setForm({ ...form, county: e.target.value })}
          error={Boolean(fieldMessage(issues, 'county'))}
          helperText={fieldMessage(issues, 'county')}
          required
        />
        <TextField
          label={SETTINGS.town.campaigns}
          value={form.campaigns}
          onChange={(e) => setForm({ ...form, campaigns: e.target.value })}
          helperText={SETTINGS.town.campaignsHelp}
          multiline
          minRows={2}
        />
        <IssueList issues={general} />
        <Box>
          <Button type="submit" variant="contained">
            {SETTINGS.save}
          </Button>
        </Box>
      </Paper>
      <Divider />
      <Paper sx={{ p: 3, display: 'grid', gap: 2 }} component="form" onSubmit={saveOperator} noValidate>
        <Typography variant="h4">{SETTINGS.town.operator}</Typography>
        <TextField
          label={SETTINGS.town.operator}
          value={operatorName}
          onChange={(e) => setOperatorName(e.target.value)}
          error={operatorIssues.length > 0}
          helperText={operatorIssues[0]?.message ?? SETTINGS.town.operatorHelp}
        />
        <Box>
          <Button type="submit" variant="contained">
            {SETTINGS.save}
          </Button>
        </Box>
      </Paper>
    </Box>
  );
}

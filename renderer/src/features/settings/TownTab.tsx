import { Box, Button, Paper, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { Town } from '@shared/domain/town';
import type { ValidationIssue } from '@shared/domain/validation';
import { splitPastedList } from '@shared/domain/village';
import { IssueList } from '../../components/IssueList';
import { fieldMessage, issuesOf } from '../../components/issues';
import { actions } from '../../db/actions';
import { useEarliestYears, useOperator, useTown } from '../../db/hooks';
import { useNotify } from '../../app/notify';
import { SETTINGS } from './strings';

function TownForm({ town }: { town: Town }) {
  const notify = useNotify();
  const [form, setForm] = useState({
    name: town.name,
    county: town.county,
    campaigns: town.campaigns.join('\n'),
  });
  const [issues, setIssues] = useState<ValidationIssue[]>([]);

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await actions.saveTown({
        name: form.name,
        county: form.county,
        campaigns: splitPastedList(form.campaigns),
      });
      setIssues([]);
      notify.success(SETTINGS.saved);
    } catch (error) {
      setIssues(issuesOf(error));
    }
  }

  return (
    <Paper
      sx={{ p: 3, display: 'grid', gap: 2 }}
      component="form"
      onSubmit={(event) => void save(event)}
      noValidate
    >
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
      <IssueList issues={issues.filter((i) => !['name', 'county'].includes(i.field))} />
      <Box>
        <Button type="submit" variant="contained">
          {SETTINGS.save}
        </Button>
      </Box>
    </Paper>
  );
}

function OperatorForm({ operator }: { operator: string }) {
  const notify = useNotify();
  const [name, setName] = useState(operator);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await actions.setOperator(name);
      setIssues([]);
      notify.success(SETTINGS.town.operatorSaved(name.trim()));
    } catch (error) {
      setIssues(issuesOf(error));
    }
  }

  return (
    <Paper
      sx={{ p: 3, display: 'grid', gap: 2 }}
      component="form"
      onSubmit={(event) => void save(event)}
      noValidate
    >
      <Typography variant="h4">{SETTINGS.town.operator}</Typography>
      <TextField
        label={SETTINGS.town.operator}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={issues.length > 0}
        helperText={issues[0]?.message ?? SETTINGS.town.operatorHelp}
      />
      <Box>
        <Button type="submit" variant="contained">
          {SETTINGS.save}
        </Button>
      </Box>
    </Paper>
  );
}

/** How far back a date of something that happened may go: the office's span before set-up. */
function EarliestForm({ years, earliest }: { years: number; earliest: string }) {
  const notify = useNotify();
  const [text, setText] = useState(String(years));
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const D = SETTINGS.town.dates;

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await actions.setEarliestYears(text.trim() === '' ? Number.NaN : Number(text));
      setIssues([]);
      notify.success(SETTINGS.saved);
    } catch (error) {
      setIssues(issuesOf(error));
    }
  }

  return (
    <Paper
      sx={{ p: 3, display: 'grid', gap: 2 }}
      component="form"
      onSubmit={(event) => void save(event)}
      noValidate
    >
      <Typography variant="h4">{D.title}</Typography>
      <TextField
        label={D.years}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={issues.length > 0}
        helperText={issues[0]?.message ?? D.help(earliest)}
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        sx={{ maxWidth: 320 }}
      />
      <Box>
        <Button type="submit" variant="contained">
          {SETTINGS.save}
        </Button>
      </Box>
    </Paper>
  );
}

export function TownTab() {
  const town = useTown();
  const operator = useOperator();
  const earliest = useEarliestYears();
  return (
    <Box sx={{ display: 'grid', gap: 3, maxWidth: 640 }}>
      {/* Keyed by the saved version, so a form starts from what is stored. */}
      {town ? <TownForm key={town.updatedAt} town={town} /> : null}
      {operator !== undefined ? <OperatorForm key={operator} operator={operator} /> : null}
      {earliest ? (
        <EarliestForm
          key={earliest.years}
          years={earliest.years}
          earliest={earliest.bounds.earliest}
        />
      ) : null}
    </Box>
  );
}

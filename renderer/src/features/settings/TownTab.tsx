import { Box, Button, Paper, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { Town } from '@shared/domain/town';
import type { ValidationIssue } from '@shared/domain/validation';
import { splitPastedList } from '@shared/domain/village';
import { IssueList } from '../../components/IssueList';
import { fieldMessage, issuesOf } from '../../components/issues';
import { actions } from '../../db/actions';
import { useCan, useEarliestYears, useTown } from '../../db/hooks';
import { useNotify } from '../../app/notify';
import { SETTINGS } from './strings';

/** The town's details; an account without 'setup' sees them, greyed, with nothing to save. */
function TownForm({ town, mayEdit }: { town: Town; mayEdit: boolean }) {
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
      data-testid="town-form"
    >
      <Typography variant="h4">{SETTINGS.tabs.town}</Typography>
      <TextField
        label={SETTINGS.town.name}
        value={form.name}
        onChange={(e) => setForm({ ...form, name: e.target.value })}
        disabled={!mayEdit}
        error={Boolean(fieldMessage(issues, 'name'))}
        helperText={fieldMessage(issues, 'name')}
        required
      />
      <TextField
        label={SETTINGS.town.county}
        value={form.county}
        onChange={(e) => setForm({ ...form, county: e.target.value })}
        disabled={!mayEdit}
        error={Boolean(fieldMessage(issues, 'county'))}
        helperText={fieldMessage(issues, 'county')}
        required
      />
      <TextField
        label={SETTINGS.town.campaigns}
        value={form.campaigns}
        onChange={(e) => setForm({ ...form, campaigns: e.target.value })}
        disabled={!mayEdit}
        helperText={SETTINGS.town.campaignsHelp}
        multiline
        minRows={2}
      />
      <IssueList issues={issues.filter((i) => !['name', 'county'].includes(i.field))} />
      {mayEdit ? (
        <Box>
          <Button type="submit" variant="contained">
            {SETTINGS.save}
          </Button>
        </Box>
      ) : null}
    </Paper>
  );
}

/** One setting of a single field: saved on 保存 or Enter, its refusal said under it. */
function OneFieldForm(props: {
  title: string;
  label: string;
  initial: string;
  help: string;
  numeric?: boolean;
  mayEdit: boolean;
  onSave: (text: string) => Promise<void>;
}) {
  const [text, setText] = useState(props.initial);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await props.onSave(text);
      setIssues([]);
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
      <Typography variant="h4">{props.title}</Typography>
      <TextField
        label={props.label}
        value={text}
        onChange={(e) => setText(e.target.value)}
        disabled={!props.mayEdit}
        error={issues.length > 0}
        helperText={issues[0]?.message ?? props.help}
        slotProps={props.numeric ? { htmlInput: { inputMode: 'numeric' } } : undefined}
      />
      {props.mayEdit ? (
        <Box>
          <Button type="submit" variant="contained">
            {SETTINGS.save}
          </Button>
        </Box>
      ) : null}
    </Paper>
  );
}

export function TownTab() {
  const town = useTown();
  const earliest = useEarliestYears();
  const notify = useNotify();
  const mayEdit = useCan('setup');
  return (
    <Box sx={{ display: 'grid', gap: 3, maxWidth: 640 }}>
      {/* Keyed by the saved version, so a form starts from what is stored. */}
      {town ? <TownForm key={town.updatedAt} town={town} mayEdit={mayEdit} /> : null}
      {earliest ? (
        // How far back a date of something that happened may go.
        <OneFieldForm
          key={earliest.years}
          title={SETTINGS.town.dates.title}
          label={SETTINGS.town.dates.years}
          initial={String(earliest.years)}
          help={SETTINGS.town.dates.help(earliest.bounds.earliest)}
          numeric
          mayEdit={mayEdit}
          onSave={async (text) => {
            await actions.setEarliestYears(text.trim() === '' ? Number.NaN : Number(text));
            notify.success(SETTINGS.saved);
          }}
        />
      ) : null}
    </Box>
  );
}

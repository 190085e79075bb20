import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  MenuItem,
  Paper,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { ConsequenceRules } from '@shared/domain/consequences';
import type { FlagRules } from '@shared/domain/flags';
import { issuesOf } from '../../components/issues';
import { IssueList } from '../../components/IssueList';
import { actions } from '../../db/actions';
import { useAssessmentRules, useCan } from '../../db/hooks';
import { useNotify } from '../../app/notify';
import { SETTINGS } from './strings';

const S = SETTINGS.rules;

type NumberKeys<T> = { [K in keyof T]: T[K] extends number ? K : never }[keyof T];

/** The flag and consequence rules; an account without 'setup' sees them greyed, unsaved. */
function RulesForm({
  initial,
  mayEdit,
}: {
  initial: { flags: FlagRules; consequences: ConsequenceRules };
  mayEdit: boolean;
}) {
  const notify = useNotify();
  const [flags, setFlags] = useState(initial.flags);
  const [consequences, setConsequences] = useState(initial.consequences);
  const [issues, setIssues] = useState<ReturnType<typeof issuesOf>>([]);

  const flagNumber = (key: NumberKeys<FlagRules>) => (
    <TextField
      label={S.labels[key]}
      value={String(flags[key])}
      onChange={(e) => setFlags({ ...flags, [key]: Number(e.target.value) })}
      disabled={!mayEdit}
      slotProps={{ htmlInput: { inputMode: 'decimal' } }}
    />
  );
  const consequenceNumber = (key: NumberKeys<ConsequenceRules>) => (
    <TextField
      label={S.labels[key]}
      value={String(consequences[key])}
      onChange={(e) => setConsequences({ ...consequences, [key]: Number(e.target.value) })}
      disabled={!mayEdit}
      slotProps={{ htmlInput: { inputMode: 'numeric' } }}
    />
  );

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await actions.saveRules(flags, consequences);
      setIssues([]);
      notify.success(SETTINGS.saved);
    } catch (error) {
      setIssues(issuesOf(error));
    }
  }

  return (
    <Box
      component="form"
      onSubmit={(e) => void save(e)}
      noValidate
      sx={{ display: 'grid', gap: 3, maxWidth: 760 }}
    >
      <Paper sx={{ p: 3, display: 'grid', gap: 2 }}>
        <Typography variant="h4">{S.flagsTitle}</Typography>
        <TextField
          select
          label={S.labels.cadence}
          value={flags.cadence}
          onChange={(e) => setFlags({ ...flags, cadence: e.target.value as FlagRules['cadence'] })}
          disabled={!mayEdit}
        >
          <MenuItem value="month">{S.monthly}</MenuItem>
          <MenuItem value="quarter">{S.quarterly}</MenuItem>
        </TextField>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: '1fr 1fr' }}>
          {flagNumber('redCount')}
          {flagNumber('redMinScore')}
          {flagNumber('yellowCount')}
          {flagNumber('yellowBelowScore')}
        </Box>
        <Typography variant="body2" color="text.secondary">
          {S.tieNote}
        </Typography>
      </Paper>
      <Paper sx={{ p: 3, display: 'grid', gap: 2 }}>
        <Typography variant="h4">{S.consequencesTitle}</Typography>
        <FormControlLabel
          control={
            <Checkbox
              checked={consequences.speechOnYellow}
              disabled={!mayEdit}
              onChange={(e) =>
                setConsequences({ ...consequences, speechOnYellow: e.target.checked })
              }
            />
          }
          label={S.labels.speechOnYellow}
        />
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: '1fr 1fr' }}>
          {consequenceNumber('interviewAfterYellows')}
          {consequenceNumber('progressPlaces')}
          {consequenceNumber('redRewardYuan')}
          {consequenceNumber('progressRewardYuan')}
          {consequenceNumber('dueDays')}
        </Box>
      </Paper>
      {mayEdit ? (
        <>
          <IssueList issues={issues} />
          <Alert severity="info">{S.appliesNote}</Alert>
          <Box>
            <Button type="submit" variant="contained">
              {SETTINGS.save}
            </Button>
          </Box>
        </>
      ) : null}
    </Box>
  );
}

export function RulesTab() {
  const rules = useAssessmentRules();
  const mayEdit = useCan('setup');
  if (!rules) return null;
  return <RulesForm key={JSON.stringify(rules)} initial={rules} mayEdit={mayEdit} />;
}

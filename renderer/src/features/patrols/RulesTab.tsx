import { Box, Button, Paper, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import {
  rulesFromForm,
  rulesToForm,
  type PatrolRules,
  type PatrolRulesForm,
} from '@shared/domain/patrol';
import { FormDialog } from '../../components/FormDialog';
import { IssueList } from '../../components/IssueList';
import { actions } from '../../db/actions';
import { useCan } from '../../db/hooks';
import { useFormDialog } from '../../components/useFormDialog';
import { PATROLS } from './strings';

const R = PATROLS.rules;

/** 巡查要求: how often chiefs and rangers patrol, the fire season and the high-risk periods. */
export function RulesTab({ rules }: { rules: PatrolRules }) {
  const [editing, setEditing] = useState(false);
  const mayEdit = useCan('patrols');
  return (
    <Paper sx={{ p: 2, maxWidth: 720 }}>
      <Box
        component="dl"
        sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: 1, m: 0 }}
      >
        <dt>{R.villageChief}</dt>
        <dd>{rules.villageChiefPerWeek}</dd>
        <dt>{R.townChief}</dt>
        <dd>{rules.townChiefPerMonth}</dd>
        <dt>{R.ranger}</dt>
        <dd>{rules.rangerDaysPerMonth}</dd>
        <dt>防火期</dt>
        <dd>
          {rules.fireSeason.from} 至 {rules.fireSeason.to}
        </dd>
        <dt>高火险时段</dt>
        <dd>{rules.highRisk.map((r) => `${r.name} ${r.from}—${r.to}`).join('；') || '—'}</dd>
      </Box>
      <Typography color="text.secondary" sx={{ my: 1 }}>
        应巡次数按天折算：如每周 1 次，11 月 28 日时应巡 4 次；每月 20 天，月中应巡 10 天。
      </Typography>
      {mayEdit ? (
        <Button variant="outlined" onClick={() => setEditing(true)}>
          修改
        </Button>
      ) : null}
      {editing ? <RulesDialog rules={rules} onClose={() => setEditing(false)} /> : null}
    </Paper>
  );
}

function RulesDialog({ rules, onClose }: { rules: PatrolRules; onClose: () => void }) {
  const { form, text, issues, run } = useFormDialog<PatrolRulesForm>(
    () => rulesToForm(rules),
    R.saved,
    onClose,
  );
  return (
    <FormDialog
      title={PATROLS.tabs.rules}
      submitLabel={R.save}
      onClose={onClose}
      onSubmit={async () => {
        await run(() => actions.savePatrolRules(rulesFromForm(form)));
      }}
    >
      <TextField label={R.villageChief} {...text('villageChief')} />
      <TextField label={R.townChief} {...text('townChief')} />
      <TextField label={R.ranger} {...text('ranger')} />
      <Box sx={{ display: 'flex', gap: 2 }}>
        <TextField label={R.fireFrom} {...text('fireFrom')} />
        <TextField label={R.fireTo} {...text('fireTo')} />
      </Box>
      <TextField label={R.highRisk} {...text('highRisk')} multiline minRows={3} />
      <IssueList issues={issues} />
    </FormDialog>
  );
}

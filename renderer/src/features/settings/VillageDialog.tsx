import { Alert, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import type { Person } from '@shared/domain/person';
import type { ValidationIssue } from '@shared/domain/validation';
import { splitGroups, type Village } from '@shared/domain/village';
import { FormDialog } from '../../components/FormDialog';
import { IssueList } from '../../components/IssueList';
import { fieldMessage, issuesOf } from '../../components/issues';
import { actions } from '../../db/actions';
import { SETTINGS } from './strings';

const S = SETTINGS.villages;

/** Create (no village) or edit a village; Enter saves, Esc cancels. */
export function VillageDialog(props: {
  village: Village | null;
  leaders: Person[];
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const { village } = props;
  const [form, setForm] = useState({
    name: village?.name ?? '',
    secretary: village?.secretary ?? '',
    contact: village?.contact ?? '',
    leaderId: village?.leaderId ?? '',
    groups: village?.groups.join('、') ?? '',
  });
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [saving, setSaving] = useState(false);

  async function save() {
    setSaving(true);
    try {
      const saved = await actions.saveVillage(village?.id, {
        name: form.name,
        secretary: form.secretary,
        contact: form.contact,
        leaderId: form.leaderId || undefined,
        groups: splitGroups(form.groups),
      });
      props.onSaved(saved.name);
    } catch (error) {
      setIssues(issuesOf(error));
    } finally {
      setSaving(false);
    }
  }

  const known = ['name', 'secretary', 'contact', 'groups'];
  return (
    <FormDialog
      title={village ? S.dialogEdit(village.name) : S.dialogNew}
      onClose={props.onClose}
      onSubmit={save}
      busy={saving}
    >
      <TextField
        label={S.name}
        value={form.name}
        onChange={(e) => setForm({ ...form, name: e.target.value })}
        error={Boolean(fieldMessage(issues, 'name'))}
        helperText={fieldMessage(issues, 'name')}
        autoFocus
        required
      />
      <TextField
        label={S.secretary}
        value={form.secretary}
        onChange={(e) => setForm({ ...form, secretary: e.target.value })}
        error={Boolean(fieldMessage(issues, 'secretary'))}
        helperText={fieldMessage(issues, 'secretary')}
      />
      <TextField
        label={S.contact}
        value={form.contact}
        onChange={(e) => setForm({ ...form, contact: e.target.value })}
        error={Boolean(fieldMessage(issues, 'contact'))}
        helperText={fieldMessage(issues, 'contact')}
      />
      <TextField
        select
        label={S.leader}
        value={form.leaderId}
        onChange={(e) => setForm({ ...form, leaderId: e.target.value })}
      >
        <MenuItem value="">{S.none}</MenuItem>
        {props.leaders.map((leader) => (
          <MenuItem key={leader.id} value={leader.id}>
            {leader.name}
            {leader.title ? `（${leader.title}）` : ''}
          </MenuItem>
        ))}
      </TextField>
      {props.leaders.length === 0 ? <Alert severity="info">{S.noLeaders}</Alert> : null}
      <TextField
        label={S.groups}
        value={form.groups}
        onChange={(e) => setForm({ ...form, groups: e.target.value })}
        error={Boolean(fieldMessage(issues, 'groups'))}
        helperText={fieldMessage(issues, 'groups') ?? S.groupsHelp}
      />
      <IssueList issues={issues.filter((i) => !known.includes(i.field))} />
    </FormDialog>
  );
}

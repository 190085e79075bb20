import {
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  MenuItem,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import {
  GROUP_POSITION_LABELS,
  GROUP_POSITIONS,
  PERSON_ROLE_LABELS,
  PERSON_ROLES,
  type GroupPosition,
  type Person,
  type PersonRole,
} from '@shared/domain/person';
import type { ValidationIssue } from '@shared/domain/validation';
import type { Village } from '@shared/domain/village';
import { FormDialog } from '../../components/FormDialog';
import { IssueList } from '../../components/IssueList';
import { fieldMessage, issuesOf } from '../../components/issues';
import { actions } from '../../db/actions';
import { SETTINGS } from './strings';

const S = SETTINGS.people;

export function PersonDialog(props: {
  person: Person | null;
  villages: Village[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { person } = props;
  const [form, setForm] = useState({
    name: person?.name ?? '',
    title: person?.title ?? '',
    phone: person?.phone ?? '',
    villageId: person?.villageId ?? '',
    roles: person?.roles ?? [],
    groupPosition: person?.groupPosition ?? ('' as const),
  });
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [saving, setSaving] = useState(false);

  function toggleRole(role: PersonRole, checked: boolean) {
    setForm({
      ...form,
      roles: checked ? [...form.roles, role] : form.roles.filter((r) => r !== role),
    });
  }

  async function save() {
    setSaving(true);
    try {
      await actions.savePerson(person?.id, {
        name: form.name,
        title: form.title,
        phone: form.phone,
        villageId: form.villageId || undefined,
        roles: form.roles,
        groupPosition: form.groupPosition || undefined,
      });
      props.onSaved();
    } catch (error) {
      setIssues(issuesOf(error));
    } finally {
      setSaving(false);
    }
  }

  const known = ['name', 'title', 'phone', 'roles', 'villageId'];
  return (
    <FormDialog
      title={person ? S.dialogEdit(person.name) : S.dialogNew}
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
        label={S.title}
        value={form.title}
        onChange={(e) => setForm({ ...form, title: e.target.value })}
        error={Boolean(fieldMessage(issues, 'title'))}
        helperText={fieldMessage(issues, 'title') ?? '例如：镇党委书记、副镇长、村党支部书记'}
      />
      <TextField
        label={S.phone}
        value={form.phone}
        onChange={(e) => setForm({ ...form, phone: e.target.value })}
        error={Boolean(fieldMessage(issues, 'phone'))}
        helperText={fieldMessage(issues, 'phone')}
      />
      <FormControl error={Boolean(fieldMessage(issues, 'roles'))} component="fieldset">
        <FormLabel component="legend">{S.roles}</FormLabel>
        <FormGroup row>
          {PERSON_ROLES.map((role) => (
            <FormControlLabel
              key={role}
              control={
                <Checkbox
                  checked={form.roles.includes(role)}
                  onChange={(e) => toggleRole(role, e.target.checked)}
                />
              }
              label={PERSON_ROLE_LABELS[role]}
              sx={{ minWidth: 130 }}
            />
          ))}
        </FormGroup>
        {fieldMessage(issues, 'roles') ? (
          <FormHelperText>{fieldMessage(issues, 'roles')}</FormHelperText>
        ) : null}
      </FormControl>
      <TextField
        select
        label={S.village}
        value={form.villageId}
        onChange={(e) => setForm({ ...form, villageId: e.target.value })}
        error={Boolean(fieldMessage(issues, 'villageId'))}
        helperText={fieldMessage(issues, 'villageId')}
      >
        <MenuItem value="">{S.villageNone}</MenuItem>
        {props.villages.map((village) => (
          <MenuItem key={village.id} value={village.id}>
            {village.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label={S.groupPosition}
        value={form.groupPosition}
        onChange={(e) => setForm({ ...form, groupPosition: e.target.value as GroupPosition | '' })}
      >
        <MenuItem value="">{S.groupNone}</MenuItem>
        {GROUP_POSITIONS.map((position) => (
          <MenuItem key={position} value={position}>
            {GROUP_POSITION_LABELS[position]}
          </MenuItem>
        ))}
      </TextField>
      <IssueList issues={issues.filter((i) => !known.includes(i.field))} />
    </FormDialog>
  );
}

import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  FormGroup,
  FormLabel,
  Paper,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  RIGHT_LABELS,
  RIGHTS,
  ROLE_IDS,
  ROLES,
  rightsOf,
  type Right,
  type Role,
} from '@shared/domain/accounts';
import { FormDialog } from '../../components/FormDialog';
import { fieldMessage } from '../../components/issues';
import { SectionCard } from '../../components/SectionCard';
import { useDialogSave } from '../../components/useDialogSave';
import { useNotify } from '../../app/notify';
import { actions } from '../../db/actions';
import {
  useAccounts,
  useIdleMinutes,
  useSelfConfirmAllowed,
  useSession,
  type AccountView,
} from '../../db/hooks';
import { PasswordFields } from '../accounts/PasswordFields';
import { ACCOUNTS } from '../accounts/strings';

const T = ACCOUNTS.tab;

/** 设置 → 账号 (管理员): who may sign in, with which rights; the lock and 销号 rules. */
export function AccountsTab() {
  const accounts = useAccounts();
  const session = useSession();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<AccountView | null>(null);
  const [resetting, setResetting] = useState<AccountView | null>(null);
  return (
    <Box sx={{ display: 'grid', gap: 3 }}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
        <Typography color="text.secondary" sx={{ flexGrow: 1 }}>
          {T.help}
        </Typography>
        <Button variant="contained" onClick={() => setAdding(true)} sx={{ flexShrink: 0 }}>
          {T.add}
        </Button>
      </Box>
      <TableContainer component={Paper}>
        <Table size="small" aria-label={T.title}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 140 }}>{T.name}</TableCell>
              <TableCell sx={{ width: 160 }}>{T.roles}</TableCell>
              <TableCell>{T.rights}</TableCell>
              <TableCell sx={{ width: 110 }}>{T.state}</TableCell>
              <TableCell sx={{ width: 200 }} />
            </TableRow>
          </TableHead>
          <TableBody>
            {(accounts ?? []).map((a) => (
              <TableRow key={a.id} data-testid="account-row">
                <TableCell>
                  {a.name}
                  {a.id === session?.accountId ? T.you : ''}
                </TableCell>
                <TableCell>{a.roles.map((r) => ROLES[r].label).join('、')}</TableCell>
                <TableCell sx={{ fontSize: 13 }}>
                  {a.rights.map((r) => RIGHT_LABELS[r]).join('、')}
                </TableCell>
                <TableCell>
                  {a.disabled ? (
                    <Chip size="small" label={T.disabled} />
                  ) : a.mustChangePassword ? (
                    <Chip size="small" color="warning" label={T.mustChange} />
                  ) : (
                    <Chip size="small" color="success" variant="outlined" label={T.active} />
                  )}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <Button size="small" onClick={() => setEditing(a)}>
                    {T.edit}
                  </Button>
                  <Button size="small" onClick={() => setResetting(a)}>
                    {T.reset}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <LockAndRules />
      {adding ? <AddAccountDialog onClose={() => setAdding(false)} /> : null}
      {editing ? <EditAccountDialog account={editing} onClose={() => setEditing(null)} /> : null}
      {resetting ? (
        <ResetPasswordDialog account={resetting} onClose={() => setResetting(null)} />
      ) : null}
    </Box>
  );
}

function RoleChoice(props: { roles: Role[]; onChange: (roles: Role[]) => void; error?: string }) {
  return (
    <Box>
      <FormLabel component="legend">{T.roles}</FormLabel>
      <FormGroup row>
        {ROLE_IDS.map((r) => (
          <FormControlLabel
            key={r}
            label={ROLES[r].label}
            control={
              <Checkbox
                checked={props.roles.includes(r)}
                onChange={(e) =>
                  props.onChange(
                    e.target.checked ? [...props.roles, r] : props.roles.filter((x) => x !== r),
                  )
                }
              />
            }
          />
        ))}
      </FormGroup>
      <Typography variant="caption" color={props.error ? 'error' : 'text.secondary'}>
        {props.error ?? T.rolesHelp}
      </Typography>
    </Box>
  );
}

function AddAccountDialog({ onClose }: { onClose: () => void }) {
  const [form, setForm] = useState({
    name: '',
    password: '',
    repeat: '',
    roles: ['office'] as Role[],
  });
  const save = useDialogSave(T.added(form.name.trim()), onClose);
  const set = (change: Partial<typeof form>) => {
    setForm({ ...form, ...change });
    save.clear();
  };
  return (
    <FormDialog
      title={T.addTitle}
      onClose={onClose}
      onSubmit={() => save.run(() => actions.addAccount(form))}
      submitLabel={T.add}
    >
      <Typography variant="body2" color="text.secondary">
        {T.addHelp}
      </Typography>
      <TextField
        label={T.name}
        value={form.name}
        onChange={(e) => set({ name: e.target.value })}
        error={Boolean(fieldMessage(save.issues, 'name'))}
        helperText={fieldMessage(save.issues, 'name') ?? ' '}
        autoFocus
      />
      <RoleChoice
        roles={form.roles}
        onChange={(roles) => set({ roles })}
        error={fieldMessage(save.issues, 'roles')}
      />
      <PasswordFields
        password={form.password}
        repeat={form.repeat}
        onChange={set}
        issues={save.issues}
      />
    </FormDialog>
  );
}

function EditAccountDialog({ account, onClose }: { account: AccountView; onClose: () => void }) {
  const [roles, setRoles] = useState<Role[]>(account.roles);
  const [rights, setRights] = useState<Right[]>(account.rights);
  const [disabled, setDisabled] = useState(account.disabled === true);
  const save = useDialogSave(T.saved(account.name), onClose);
  const general = save.issues.filter((i) => i.field !== 'roles');
  return (
    <FormDialog
      title={T.editTitle(account.name)}
      onClose={onClose}
      onSubmit={() =>
        save.run(() => actions.updateAccount(account.id, { roles, rights, disabled }))
      }
      maxWidth="md"
    >
      <RoleChoice
        roles={roles}
        onChange={(next) => {
          setRoles(next);
          // A role chosen or taken away gives that role's rights; the list below adjusts them.
          setRights(rightsOf(next));
          save.clear();
        }}
        error={fieldMessage(save.issues, 'roles')}
      />
      <Box>
        <FormLabel component="legend">{T.rights}</FormLabel>
        <FormGroup sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr' }}>
          {RIGHTS.map((r) => (
            <FormControlLabel
              key={r}
              label={RIGHT_LABELS[r]}
              control={
                <Checkbox
                  checked={rights.includes(r)}
                  onChange={(e) => {
                    setRights(e.target.checked ? [...rights, r] : rights.filter((x) => x !== r));
                    save.clear();
                  }}
                />
              }
            />
          ))}
        </FormGroup>
      </Box>
      <FormControlLabel
        control={<Checkbox checked={disabled} onChange={(e) => setDisabled(e.target.checked)} />}
        label={T.disable}
      />
      {general.length > 0 ? (
        <Alert severity="error">{general.map((i) => i.message).join(' ')}</Alert>
      ) : null}
    </FormDialog>
  );
}

function ResetPasswordDialog({ account, onClose }: { account: AccountView; onClose: () => void }) {
  const [form, setForm] = useState({ password: '', repeat: '' });
  const save = useDialogSave(T.resetDone(account.name), onClose);
  return (
    <FormDialog
      title={T.resetTitle(account.name)}
      onClose={onClose}
      onSubmit={() => save.run(() => actions.resetPassword(account.id, form))}
      submitLabel={T.reset}
    >
      <Typography variant="body2" color="text.secondary">
        {T.resetHelp}
      </Typography>
      <PasswordFields
        password={form.password}
        repeat={form.repeat}
        onChange={(change) => {
          setForm({ ...form, ...change });
          save.clear();
        }}
        issues={save.issues}
        autoFocus
      />
    </FormDialog>
  );
}

/** The idle lock's minutes and whether the one who asked for a 销号 may confirm it. */
function LockAndRules() {
  const minutes = useIdleMinutes();
  const selfConfirm = useSelfConfirmAllowed();
  const notify = useNotify();
  const [typed, setTyped] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = typed ?? (minutes === undefined ? '' : String(minutes));
  const saveMinutes = async () => {
    const n = Number(shown);
    try {
      await actions.setIdleMinutes(n);
      setError(null);
      setTyped(null);
      notify.success(T.idleSaved(n));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <SectionCard title={T.lockTitle}>
      <Box sx={{ display: 'grid', gap: 2 }}>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
          <TextField
            label={T.idle}
            value={shown}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void saveMinutes();
            }}
            error={error !== null}
            helperText={error ?? T.idleHelp}
            sx={{ width: 360 }}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          />
          <Button variant="outlined" onClick={() => void saveMinutes()} sx={{ mt: 1 }}>
            保存
          </Button>
        </Box>
        <Box>
          <FormControlLabel
            control={
              <Switch
                checked={selfConfirm === true}
                onChange={(e) => {
                  const on = e.target.checked;
                  void actions.setSelfConfirmAllowed(on).then(
                    () => notify.success(T.selfConfirmSaved(on)),
                    (e: unknown) => notify.error(e),
                  );
                }}
              />
            }
            label={T.selfConfirm}
          />
          <Typography variant="body2" color="text.secondary">
            {T.selfConfirmHelp}
          </Typography>
        </Box>
      </Box>
    </SectionCard>
  );
}

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
import { ROLE_IDS, ROLES, rightsOf, type Right, type Role } from '@shared/domain/accounts';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormDialog } from '../../components/FormDialog';
import { fieldMessage } from '../../components/issues';
import { SectionCard } from '../../components/SectionCard';
import { useDialogSave } from '../../components/useDialogSave';
import { useNotify } from '../../app/notify';
import { actions } from '../../db/actions';
import {
  useAccounts,
  useIdleMinutes,
  useInstallationKind,
  useRightLabels,
  useSelfConfirmAllowed,
  useSession,
  type AccountView,
} from '../../db/hooks';
import { PasswordFields } from '../accounts/PasswordFields';
import { ACCOUNTS } from '../accounts/strings';

const T = ACCOUNTS.tab;

/** 设置 → 账号 (管理员): who may sign in, with which rights; the lock and 销号 rules. */
export function AccountsTab() {
  const labels = useRightLabels();
  const accounts = useAccounts();
  const session = useSession();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<AccountView | null>(null);
  const [resetting, setResetting] = useState<AccountView | null>(null);
  const [stopping, setStopping] = useState<AccountView | null>(null);
  const notify = useNotify();
  /** 停用 or 重新启用, the roles and rights as they are. */
  const setDisabled = (a: AccountView, disabled: boolean) =>
    void actions.updateAccount(a.id, { roles: a.roles, rights: a.rights, disabled }).then(
      () => notify.success(disabled ? T.stopped(a.name) : T.restarted(a.name)),
      (e: unknown) => notify.error(e),
    );
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
              <TableCell sx={{ width: 250 }} />
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
                  {labels
                    .filter(([r]) => a.rights.includes(r))
                    .map(([, label]) => label)
                    .join('、')}
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
                  {a.disabled ? (
                    <Button size="small" onClick={() => setDisabled(a, false)}>
                      {T.restart}
                    </Button>
                  ) : a.id !== session?.accountId ? (
                    <Button size="small" color="error" onClick={() => setStopping(a)}>
                      {T.stop}
                    </Button>
                  ) : null}
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
      <ConfirmDialog
        open={stopping !== null}
        title={T.stopTitle(stopping?.name ?? '')}
        message={T.stopMessage}
        confirmLabel={T.stop}
        danger
        onConfirm={() => stopping && setDisabled(stopping, true)}
        onClose={() => setStopping(null)}
      />
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

/** Each right, ticked one by one; the roles chosen give the starting ticks. */
function RightsChoice(props: { rights: Right[]; onChange: (rights: Right[]) => void }) {
  const labels = useRightLabels();
  return (
    <Box>
      <FormLabel component="legend">{T.rights}</FormLabel>
      <FormGroup sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr' }}>
        {labels.map(([r, label]) => (
          <FormControlLabel
            key={r}
            label={label}
            control={
              <Checkbox
                checked={props.rights.includes(r)}
                onChange={(e) =>
                  props.onChange(
                    e.target.checked ? [...props.rights, r] : props.rights.filter((x) => x !== r),
                  )
                }
              />
            }
          />
        ))}
      </FormGroup>
    </Box>
  );
}

function AddAccountDialog({ onClose }: { onClose: () => void }) {
  const [form, setForm] = useState({
    name: '',
    password: '',
    repeat: '',
    roles: ['office'] as Role[],
    rights: rightsOf(['office']),
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
      maxWidth="md"
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
        // A role chosen or taken away gives that role's rights; the list below adjusts them.
        onChange={(roles) => set({ roles, rights: rightsOf(roles) })}
        error={fieldMessage(save.issues, 'roles')}
      />
      <RightsChoice rights={form.rights} onChange={(rights) => set({ rights })} />
      <PasswordFields
        password={form.password}
        repeat={form.repeat}
        onChange={set}
        issues={save.issues}
        forgot="admin"
      />
    </FormDialog>
  );
}

function EditAccountDialog({ account, onClose }: { account: AccountView; onClose: () => void }) {
  const [roles, setRoles] = useState<Role[]>(account.roles);
  const [rights, setRights] = useState<Right[]>(account.rights);
  const [disabled, setDisabled] = useState(account.disabled === true);
  // Said as what was done: 停用 and 重新启用 are not 保存权限.
  const done =
    disabled && !account.disabled
      ? T.stopped(account.name)
      : !disabled && account.disabled
        ? T.restarted(account.name)
        : T.saved(account.name);
  const save = useDialogSave(done, onClose);
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
      <RightsChoice
        rights={rights}
        onChange={(next) => {
          setRights(next);
          save.clear();
        }}
      />
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
        forgot="admin"
      />
    </FormDialog>
  );
}

/** The idle lock's minutes and whether the one who asked for a 销号 may confirm it. */
function LockAndRules() {
  const minutes = useIdleMinutes();
  const selfConfirm = useSelfConfirmAllowed();
  const kind = useInstallationKind();
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
        {/* 谁验收、谁负责 is the town's ledger rule: the county desk closes no items. */}
        {kind === 'county' ? null : (
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
        )}
      </Box>
    </SectionCard>
  );
}

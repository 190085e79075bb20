import { Alert, Box, Button, Link, Paper, TextField, Typography } from '@mui/material';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { ValidationIssue } from '@shared/domain/validation';
import { SelectField, plainOptions } from '../../components/SelectField';
import { fieldMessage, issuesOf } from '../../components/issues';
import { actions } from '../../db/actions';
import {
  useAccounts,
  useCountyName,
  useInstallationKind,
  useSession,
  useTown,
} from '../../db/hooks';
import type { Session } from '../../db/session';
import { forgetLedger } from '../ledger/ledgerMemory';
import { PasswordFields } from './PasswordFields';
import { showRecoveryCode } from './recoveryNotice';
import { ACCOUNTS } from './strings';

const S = ACCOUNTS.signIn;

/** A centred card on the app's background, for the screens before the work. */
export function AccountCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default', py: 8, px: 2 }}>
      <Paper sx={{ maxWidth: 520, mx: 'auto', p: 4, display: 'grid', gap: 2 }}>
        <Typography variant="h1">{title}</Typography>
        {children}
      </Paper>
    </Box>
  );
}

/**
 * Sign-in on start, and the lock screen: the person picks their name and types the password.
 * Locked, it unlocks the same account (the page and anything typed stay underneath), or lets
 * another person sign in instead.
 */
export function SignInPage({ locked }: { locked?: Session | undefined }) {
  const accounts = useAccounts();
  const [name, setName] = useState(locked?.name ?? '');
  const [password, setPassword] = useState('');
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const [recovering, setRecovering] = useState(false);
  const [forgot, setForgot] = useState(false);
  const active = (accounts ?? []).filter((a) => !a.disabled);
  // One person at this PC: their name is already chosen.
  const chosen = name || (!locked && active.length === 1 ? active[0]!.name : '');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) {
      setIssues([{ field: 'name', message: S.pickName }]);
      return;
    }
    setBusy(true);
    try {
      await actions.signIn(chosen, password);
      // Another person at the PC: the ledger opens afresh, not on the last one's ticks and filter.
      if (locked?.name !== chosen) forgetLedger();
    } catch (error) {
      setIssues(issuesOf(error));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  if (recovering) return <RecoveryForm onBack={() => setRecovering(false)} />;
  const general = issues.filter((i) => i.field !== 'name' && i.field !== 'password');
  return (
    <AccountCard title={locked ? S.lockedTitle : S.title}>
      <Box
        component="form"
        noValidate
        onSubmit={(e) => void submit(e)}
        sx={{ display: 'grid', gap: 2 }}
        aria-label={locked ? S.lockedTitle : S.title}
      >
        <ThisPc />
        <Typography color="text.secondary">
          {locked ? S.lockedIntro(locked.name) : S.intro}
        </Typography>
        {locked ? null : (
          <SelectField
            label={S.name}
            value={chosen}
            options={plainOptions(active.map((a) => a.name))}
            placeholder="请选择"
            onChange={(value) => {
              setName(value);
              setIssues([]);
            }}
            error={fieldMessage(issues, 'name')}
            autoFocus={chosen === ''}
          />
        )}
        <TextField
          type="password"
          label={S.password}
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            setIssues([]);
          }}
          error={Boolean(fieldMessage(issues, 'password'))}
          helperText={fieldMessage(issues, 'password') ?? ' '}
          autoComplete="current-password"
          autoFocus={Boolean(locked) || chosen !== ''}
        />
        {general.length > 0 ? (
          <Alert severity="error">{general.map((i) => i.message).join(' ')}</Alert>
        ) : null}
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
          <Button type="submit" variant="contained" disabled={busy}>
            {busy ? S.busy : locked ? S.unlock : S.submit}
          </Button>
          {locked ? (
            <Button onClick={() => actions.signOut()}>{S.otherUser}</Button>
          ) : (
            <Link component="button" type="button" onClick={() => setForgot(!forgot)}>
              {S.forgot}
            </Link>
          )}
        </Box>
        {forgot && !locked ? (
          <Alert severity="info">
            {S.forgotHelp}
            <Box sx={{ mt: 1 }}>
              <Link component="button" type="button" onClick={() => setRecovering(true)}>
                {S.useRecovery}
              </Link>
            </Box>
          </Alert>
        ) : null}
      </Box>
    </AccountCard>
  );
}

/** Which town's (or county's) desk this PC is, so a person at a shared PC knows where they are. */
function ThisPc() {
  const town = useTown();
  const kind = useInstallationKind();
  const county = useCountyName();
  const place =
    kind === 'county'
      ? county
        ? S.countyDesk(county)
        : ''
      : town
        ? S.townDesk(town.county, town.name)
        : '';
  return place ? (
    <Typography variant="h3" component="p" color="primary.dark" data-testid="sign-in-place">
      {place}
    </Typography>
  ) : null;
}

/** 忘记密码 of an administrator: the printed recovery code, then a new password. */
function RecoveryForm({ onBack }: { onBack: () => void }) {
  const accounts = useAccounts();
  const R = ACCOUNTS.recovery;
  const [form, setForm] = useState({ name: '', code: '', password: '', repeat: '' });
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const admins = (accounts ?? []).filter((a) => a.hasRecovery);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const code = await actions.recoverWithCode(form);
      showRecoveryCode({ code, account: form.name, renewed: true });
    } catch (error) {
      setIssues(issuesOf(error));
    } finally {
      setBusy(false);
    }
  }
  const set = (change: Partial<typeof form>) => {
    setForm({ ...form, ...change });
    setIssues([]);
  };
  return (
    <AccountCard title={R.title}>
      <Box
        component="form"
        noValidate
        onSubmit={(e) => void submit(e)}
        sx={{ display: 'grid', gap: 2 }}
      >
        <Typography color="text.secondary">{R.intro}</Typography>
        <SelectField
          label={ACCOUNTS.signIn.name}
          value={form.name}
          options={plainOptions(admins.map((a) => a.name))}
          placeholder="请选择"
          onChange={(name) => set({ name })}
          error={fieldMessage(issues, 'name')}
        />
        <TextField
          label={R.code}
          value={form.code}
          onChange={(e) => set({ code: e.target.value })}
          error={Boolean(fieldMessage(issues, 'code'))}
          helperText={fieldMessage(issues, 'code') ?? '例如 ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2'}
          slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off' } }}
        />
        <PasswordFields
          password={form.password}
          repeat={form.repeat}
          onChange={set}
          issues={issues}
          label={ACCOUNTS.password.next}
          forgot="code"
        />
        {issues.some((i) => !['name', 'code', 'password', 'repeat'].includes(i.field)) ? (
          <Alert severity="error">{issues.map((i) => i.message).join(' ')}</Alert>
        ) : null}
        <Box sx={{ display: 'flex', gap: 2 }}>
          <Button type="submit" variant="contained" disabled={busy}>
            {R.submit}
          </Button>
          <Button onClick={onBack}>{R.back}</Button>
        </Box>
      </Box>
    </AccountCard>
  );
}

/** A PC set up before accounts, or filled from a backup: its first account, made here. */
export function FirstAccountPage() {
  const F = ACCOUNTS.firstAccount;
  const [form, setForm] = useState({ name: '', password: '', repeat: '' });
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const code = await actions.createFirstAccount(form);
      showRecoveryCode({ code, account: form.name.trim() });
    } catch (error) {
      setIssues(issuesOf(error));
    } finally {
      setBusy(false);
    }
  }
  const set = (change: Partial<typeof form>) => {
    setForm({ ...form, ...change });
    setIssues([]);
  };
  return (
    <AccountCard title={F.title}>
      <Box
        component="form"
        noValidate
        onSubmit={(e) => void submit(e)}
        sx={{ display: 'grid', gap: 2 }}
      >
        <Typography color="text.secondary">{F.intro}</Typography>
        <TextField
          label="您的姓名"
          value={form.name}
          onChange={(e) => set({ name: e.target.value })}
          error={Boolean(fieldMessage(issues, 'name'))}
          helperText={fieldMessage(issues, 'name') ?? ' '}
          autoFocus
          required
        />
        <PasswordFields
          password={form.password}
          repeat={form.repeat}
          onChange={set}
          issues={issues}
          forgot="code"
        />
        <Button type="submit" variant="contained" disabled={busy}>
          {F.submit}
        </Button>
      </Box>
    </AccountCard>
  );
}

/** After an administrator set the password: the person sets their own before anything else. */
export function MustChangePassword() {
  const M = ACCOUNTS.mustChange;
  const [form, setForm] = useState({ current: '', password: '', repeat: '' });
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await actions.changeOwnPassword(form);
    } catch (error) {
      setIssues(issuesOf(error));
    } finally {
      setBusy(false);
    }
  }
  const set = (change: Partial<typeof form>) => {
    setForm({ ...form, ...change });
    setIssues([]);
  };
  return (
    <AccountCard title={M.title}>
      <Box
        component="form"
        noValidate
        onSubmit={(e) => void submit(e)}
        sx={{ display: 'grid', gap: 2 }}
      >
        <Typography color="text.secondary">{M.intro}</Typography>
        <ChangePasswordFields form={form} set={set} issues={issues} />
        <Box sx={{ display: 'flex', gap: 2 }}>
          <Button type="submit" variant="contained" disabled={busy}>
            {M.submit}
          </Button>
          <Button onClick={() => actions.signOut()}>{ACCOUNTS.signIn.otherUser}</Button>
        </Box>
      </Box>
    </AccountCard>
  );
}

/** The old password, then the new one twice. */
export function ChangePasswordFields(props: {
  form: { current: string; password: string; repeat: string };
  set: (change: Partial<{ current: string; password: string; repeat: string }>) => void;
  issues: ValidationIssue[];
}) {
  const general = props.issues.filter((i) => !['current', 'password', 'repeat'].includes(i.field));
  // An administrator's own password comes back with the recovery code, anyone else's from them.
  const session = useSession();
  const mine = useAccounts()?.find((a) => a.id === session?.accountId);
  return (
    <>
      <TextField
        type="password"
        label={ACCOUNTS.password.current}
        value={props.form.current}
        onChange={(e) => props.set({ current: e.target.value })}
        error={Boolean(fieldMessage(props.issues, 'current'))}
        helperText={fieldMessage(props.issues, 'current') ?? ' '}
        autoComplete="current-password"
        autoFocus
      />
      <PasswordFields
        password={props.form.password}
        repeat={props.form.repeat}
        onChange={props.set}
        issues={props.issues}
        label={ACCOUNTS.password.next}
        forgot={mine?.hasRecovery ? 'code' : 'admin'}
      />
      {general.length > 0 ? (
        <Alert severity="error">{general.map((i) => i.message).join(' ')}</Alert>
      ) : null}
    </>
  );
}

import PersonIcon from '@mui/icons-material/PersonOutlined';
import { Box, Chip, Menu, MenuItem } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { ValidationIssue } from '@shared/domain/validation';
import { FormDialog } from '../../components/FormDialog';
import { issuesOf } from '../../components/issues';
import { useNotify } from '../../app/notify';
import { actions } from '../../db/actions';
import { useSession } from '../../db/hooks';
import { ChangePasswordFields } from './SignInPage';
import { ACCOUNTS } from './strings';

const M = ACCOUNTS.menu;

/** The signed-in account in the top bar: lock, switch user, change one's password. */
export function AccountMenu() {
  const session = useSession();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [changing, setChanging] = useState(false);
  if (!session) return null;
  const close = () => setAnchor(null);
  return (
    <Box>
      <Chip
        icon={<PersonIcon />}
        label={M.label(session.name)}
        variant="outlined"
        size="small"
        clickable
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        data-testid="account-chip"
      />
      <Menu anchorEl={anchor} open={anchor !== null} onClose={close}>
        <MenuItem
          onClick={() => {
            close();
            actions.lock();
          }}
        >
          {M.lock}
        </MenuItem>
        <MenuItem
          onClick={() => {
            close();
            actions.signOut();
          }}
        >
          {M.switchUser}
        </MenuItem>
        <MenuItem
          onClick={() => {
            close();
            setChanging(true);
          }}
        >
          {M.changePassword}
        </MenuItem>
      </Menu>
      {changing ? <ChangePasswordDialog onClose={() => setChanging(false)} /> : null}
    </Box>
  );
}

function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const notify = useNotify();
  const [form, setForm] = useState({ current: '', password: '', repeat: '' });
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [busy, setBusy] = useState(false);
  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setBusy(true);
    try {
      await actions.changeOwnPassword(form);
      notify.success(ACCOUNTS.mustChange.saved);
      onClose();
    } catch (error) {
      setIssues(issuesOf(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <FormDialog title={M.changePassword} onClose={onClose} onSubmit={submit} busy={busy}>
      <ChangePasswordFields
        form={form}
        set={(change) => {
          setForm({ ...form, ...change });
          setIssues([]);
        }}
        issues={issues}
      />
    </FormDialog>
  );
}

import { TextField } from '@mui/material';
import type { ValidationIssue } from '@shared/domain/validation';
import { fieldMessage } from '../../components/issues';
import { ACCOUNTS } from './strings';

/** A new password typed twice, each field with its own message. */
export function PasswordFields(props: {
  password: string;
  repeat: string;
  onChange: (change: { password?: string; repeat?: string }) => void;
  issues: ValidationIssue[];
  label?: string;
  autoFocus?: boolean;
}) {
  const P = ACCOUNTS.password;
  return (
    <>
      <TextField
        type="password"
        label={props.label ?? P.password}
        value={props.password}
        onChange={(e) => props.onChange({ password: e.target.value })}
        error={Boolean(fieldMessage(props.issues, 'password'))}
        helperText={fieldMessage(props.issues, 'password') ?? P.passwordHelp}
        autoComplete="new-password"
        autoFocus={props.autoFocus}
        required
      />
      <TextField
        type="password"
        label={P.repeat}
        value={props.repeat}
        onChange={(e) => props.onChange({ repeat: e.target.value })}
        error={Boolean(fieldMessage(props.issues, 'repeat'))}
        helperText={fieldMessage(props.issues, 'repeat') ?? ' '}
        autoComplete="new-password"
        required
      />
    </>
  );
}

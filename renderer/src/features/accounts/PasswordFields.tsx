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
  /**
   * Whose password it is, for what to do when it is forgotten: another person's (the
   * administrator resets it) or an administrator's (the recovery code).
   */
  forgot?: keyof typeof ACCOUNTS.password.forgot;
}) {
  const P = ACCOUNTS.password;
  const help = props.forgot ? `${P.passwordHelp}${P.forgot[props.forgot]}` : P.passwordHelp;
  return (
    <>
      <TextField
        type="password"
        label={props.label ?? P.password}
        value={props.password}
        onChange={(e) => props.onChange({ password: e.target.value })}
        error={Boolean(fieldMessage(props.issues, 'password'))}
        helperText={fieldMessage(props.issues, 'password') ?? help}
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

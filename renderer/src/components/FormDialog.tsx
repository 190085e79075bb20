import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useState, type ReactNode } from 'react';
import { issuesOf } from './issues';
import { limitHelp } from './limitHelp';

/**
 * A dialog holding a form: Enter submits, Esc and 取消 close, the fields stack in a grid that
 * scrolls when it is taller than the screen, the actions always in sight.
 */
export function FormDialog(props: {
  title: ReactNode;
  onClose: () => void;
  onSubmit: () => Promise<void> | void;
  submitLabel?: string;
  danger?: boolean;
  busy?: boolean;
  /** A second way to save, e.g. 保存并继续录入 for fast entry. */
  secondary?: { label: string; onSubmit: () => Promise<void> | void };
  maxWidth?: 'sm' | 'md';
  children: ReactNode;
}) {
  return (
    <Dialog
      open
      onClose={props.onClose}
      maxWidth={props.maxWidth ?? 'sm'}
      fullWidth={Boolean(props.maxWidth)}
    >
      <form
        noValidate
        // A column the dialog's height bounds: a long form scrolls in its content, and the title
        // and 保存/取消 stay in sight on a small screen.
        style={{ display: 'flex', flexDirection: 'column', flex: '1 1 auto', minHeight: 0 }}
        onSubmit={(event) => {
          event.preventDefault();
          void props.onSubmit();
        }}
      >
        <DialogTitle>{props.title}</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
          {props.children}
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>取消</Button>
          {props.secondary ? (
            <Button disabled={props.busy} onClick={() => void props.secondary?.onSubmit()}>
              {props.secondary.label}
            </Button>
          ) : null}
          <Button
            type="submit"
            variant="contained"
            color={props.danger ? 'error' : 'primary'}
            disabled={props.busy}
          >
            {props.submitLabel ?? '保存'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/**
 * Asks for one line of text (a reason, a note) and runs `onSubmit` with it; a refusal from the
 * rules is shown under the field and the dialog stays open.
 */
export function PromptDialog(props: {
  title: string;
  label: string;
  message?: string;
  submitLabel: string;
  danger?: boolean;
  /** The most characters the text may have (a counter shows as it nears it). */
  max?: number;
  onSubmit: (text: string) => Promise<void>;
  onClose: () => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit() {
    try {
      await props.onSubmit(text);
      props.onClose();
    } catch (e) {
      setError(
        issuesOf(e)
          .map((i) => i.message)
          .join(' '),
      );
    }
  }
  return (
    <FormDialog
      title={props.title}
      onClose={props.onClose}
      onSubmit={submit}
      submitLabel={props.submitLabel}
      danger={props.danger}
    >
      {props.message ? <DialogContentText>{props.message}</DialogContentText> : null}
      <TextField
        label={props.label}
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoFocus
        {...limitHelp(text, props.max, error)}
      />
    </FormDialog>
  );
}

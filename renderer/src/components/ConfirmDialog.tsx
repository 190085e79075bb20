import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { useState } from 'react';

/**
 * Asks before an action. When `onConfirm` returns a promise, the dialog stays open with its
 * buttons disabled until the action has finished (no second click, and the page underneath is
 * not drawn again while the action runs), then closes.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  /** May return a promise: see above. */
  onConfirm: () => unknown;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog open={props.open} onClose={busy ? undefined : props.onClose} maxWidth="xs">
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{props.message}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} autoFocus disabled={busy}>
          取消
        </Button>
        <Button
          variant="contained"
          color={props.danger ? 'error' : 'primary'}
          disabled={busy}
          onClick={() => {
            const running = props.onConfirm();
            if (!(running instanceof Promise)) return props.onClose();
            setBusy(true);
            void running.finally(() => {
              setBusy(false);
              props.onClose();
            });
          }}
        >
          {props.confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

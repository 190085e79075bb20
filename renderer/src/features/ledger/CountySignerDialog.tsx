import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useNotify } from '../../app/notify';
import { actions } from '../../db/actions';
import type { ListSigner } from './countyListFile';
import { IMPORT } from './importStrings';

const S = IMPORT.signer;

/**
 * The first signed list from the county: its fingerprint is compared with the one the county
 * printed or read out, then registered (trust on first use, an entry with who and when).
 */
export function CountySignerDialog(props: {
  signer: ListSigner;
  onRegistered: () => void;
  onClose: () => void;
}) {
  const notify = useNotify();
  const [compared, setCompared] = useState(false);
  const [busy, setBusy] = useState(false);
  async function register() {
    setBusy(true);
    try {
      await actions.registerCountySigner(props.signer);
      notify.success(S.registered(props.signer.county));
      props.onRegistered();
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog open onClose={props.onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{S.title(props.signer.county)}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2 }}>
        <DialogContentText>{S.text(props.signer.county)}</DialogContentText>
        <Typography
          data-testid="county-fingerprint"
          sx={{ fontFamily: 'monospace', fontSize: 18, wordSpacing: '0.3em' }}
        >
          {props.signer.fingerprint}
        </Typography>
        <FormControlLabel
          control={<Checkbox checked={compared} onChange={(e) => setCompared(e.target.checked)} />}
          label={S.compared}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>取消</Button>
        <Button variant="contained" disabled={!compared || busy} onClick={() => void register()}>
          {S.register}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

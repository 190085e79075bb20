import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { FormDialog } from '../../components/FormDialog';
import { IssueList } from '../../components/IssueList';
import { fieldMessage } from '../../components/issues';
import { useFormDialog } from '../../components/useFormDialog';
import { actions } from '../../db/actions';
import type { ListSigner } from './countyListFile';
import { IMPORT } from './importStrings';

const S = IMPORT.rekey;

const MONO = { fontFamily: 'monospace', wordSpacing: '0.3em' } as const;

/**
 * A county list signed by another key than the county's registered one: refused, naming both
 * fingerprints, with the offer to re-register the county's key when the county got a new PC —
 * the new fingerprint compared with the one the county reads out, a reason, recorded — after
 * which the list opens for import.
 */
export function CountyRekeyDialog(props: {
  fileName: string;
  signer: ListSigner;
  registered: { county: string; fingerprint: string };
  onRekeyed: () => void;
  onClose: () => void;
}) {
  const [step, setStep] = useState<'refused' | 'rekey'>('refused');
  const county = props.registered.county;
  if (step === 'rekey') return <RekeyForm {...props} />;
  return (
    <Dialog open onClose={props.onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{S.refusedTitle}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2 }}>
        <Alert severity="error" data-testid="county-key-refused">
          {S.refused(props.fileName, county)}
        </Alert>
        <Box sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5 }}>
          <Typography color="text.secondary">{S.arriving}</Typography>
          <Typography sx={MONO} data-testid="refused-arriving">
            {props.signer.fingerprint}
          </Typography>
          <Typography color="text.secondary">{S.registered}</Typography>
          <Typography sx={MONO} data-testid="refused-registered">
            {props.registered.fingerprint}
          </Typography>
        </Box>
        <DialogContentText>{S.refusedHelp(county)}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button color="warning" onClick={() => setStep('rekey')}>
          {S.offer}
        </Button>
        <Button variant="contained" onClick={props.onClose}>
          {S.close}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** 更换县级密钥: the county's new fingerprint compared, a reason written, then recorded. */
function RekeyForm(props: {
  signer: ListSigner;
  registered: { county: string; fingerprint: string };
  onRekeyed: () => void;
  onClose: () => void;
}) {
  const county = props.registered.county;
  const [compared, setCompared] = useState(false);
  const { form, text, issues, run } = useFormDialog(
    { reason: '' },
    S.done(county),
    props.onRekeyed,
  );
  return (
    <FormDialog
      title={S.title(county)}
      submitLabel={S.submit}
      onClose={props.onClose}
      // Nothing is changed until the new fingerprint has been compared.
      busy={!compared}
      onSubmit={async () => {
        if (!compared) return;
        await run(() =>
          actions.rekeyCountySigner({
            publicKey: props.signer.publicKey,
            fingerprint: props.signer.fingerprint,
            reason: form.reason,
          }),
        );
      }}
    >
      <DialogContentText>{S.text(county)}</DialogContentText>
      <Box>
        <Typography color="text.secondary">{S.old}</Typography>
        <Typography sx={MONO}>{props.registered.fingerprint}</Typography>
      </Box>
      <Box>
        <Typography color="text.secondary">{S.new}</Typography>
        <Typography data-testid="county-new-fingerprint" sx={{ ...MONO, fontSize: 18 }}>
          {props.signer.fingerprint}
        </Typography>
      </Box>
      <TextField
        label={S.reason}
        {...text('reason')}
        autoFocus
        required
        error={Boolean(fieldMessage(issues, 'reason'))}
        helperText={fieldMessage(issues, 'reason') ?? S.reasonHelp}
      />
      <FormControlLabel
        control={<Checkbox checked={compared} onChange={(e) => setCompared(e.target.checked)} />}
        label={S.compared}
      />
      <IssueList issues={issues.filter((i) => i.field !== 'reason')} />
    </FormDialog>
  );
}

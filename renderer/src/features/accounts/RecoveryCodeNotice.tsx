import { Alert, Box, Button, Checkbox, FormControlLabel, Paper, Typography } from '@mui/material';
import { useState } from 'react';
import { platform } from '../../platform';
import { ACCOUNTS } from './strings';

const C = ACCOUNTS.code;

/**
 * The administrator's recovery code, shown once (after set-up, or after it was used): large,
 * to print or copy by hand; the way on only once the office says it has kept it.
 */
export function RecoveryCodeNotice(props: {
  code: string;
  account: string;
  town: string;
  /** In place of a code just used: the old one no longer works, and the page says so. */
  renewed?: boolean;
  onDone: () => void;
}) {
  const [kept, setKept] = useState(false);
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default', py: 6, px: 2 }}>
      <Paper sx={{ maxWidth: 720, mx: 'auto', p: 4, display: 'grid', gap: 2 }}>
        <Typography variant="h1">{props.renewed ? C.renewedTitle : C.title}</Typography>
        {props.renewed ? (
          <Alert severity="warning" data-testid="recovery-renewed">
            {C.renewed}
          </Alert>
        ) : null}
        <Typography>{C.intro}</Typography>
        <Typography color="text.secondary">{C.forAccount(props.account, props.town)}</Typography>
        <Box
          data-testid="recovery-code"
          sx={{
            fontFamily: 'ui-monospace, "Cascadia Mono", Consolas, monospace',
            fontSize: 30,
            letterSpacing: 2,
            textAlign: 'center',
            py: 3,
            border: 2,
            borderColor: 'divider',
            borderRadius: 1,
          }}
        >
          {props.code}
        </Box>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', displayPrint: 'none' }}>
          <Button variant="outlined" onClick={() => void platform.print()}>
            {C.print}
          </Button>
          <FormControlLabel
            control={<Checkbox checked={kept} onChange={(e) => setKept(e.target.checked)} />}
            label={C.kept}
          />
          <Box sx={{ flexGrow: 1 }} />
          <Button variant="contained" disabled={!kept} onClick={props.onDone}>
            {C.done}
          </Button>
        </Box>
      </Paper>
    </Box>
  );
}

import { Box, Link, Paper, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { validateOperatorName } from '@shared/domain/town';
import { actions } from '../../db/actions';
import { useCan, useSession } from '../../db/hooks';
import { ImportPanel } from './ImportPanel';
import { HANDOFF } from './strings';

/**
 * Before set-up: bring a town's data in from a hand-off package or a backup. Who uses this PC
 * is asked here: the package's own operator is another PC's, never this one's.
 */
export function RestorePage() {
  const navigate = useNavigate();
  // From the county's set-up: a county desk's backup (its own words; the restore is the same).
  const [params] = useSearchParams();
  const county = params.get('county') === '1';
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // Signed in: the restore is that account's. Before any account: the name of who restores.
  const session = useSession();
  // Before any account anyone may restore; once signed in, only an account with the right.
  const mayRestore = useCan('handoff') || !session;
  const beforeCommit = async () => {
    if (session) return null;
    const issue = validateOperatorName(name)[0]?.message ?? null;
    setProblem(issue);
    if (issue) return `${HANDOFF.restore.operator}：${issue}`;
    await actions.setOperator(name);
    return null;
  };
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default', py: 6, px: 2 }}>
      <Box sx={{ maxWidth: 960, mx: 'auto', display: 'grid', gap: 2 }}>
        <Paper sx={{ p: 3, display: 'grid', gap: 2 }}>
          <Typography variant="h1">{HANDOFF.restore.title}</Typography>
          <Typography color="text.secondary">
            {county ? HANDOFF.restore.countyIntro : HANDOFF.restore.intro}{' '}
            <Link component={RouterLink} to="/setup">
              {HANDOFF.restore.back}
            </Link>
          </Typography>
          {session ? null : (
            <TextField
              label={HANDOFF.restore.operator}
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setProblem(null);
              }}
              error={problem !== null}
              helperText={problem ?? HANDOFF.restore.operatorHelp}
              sx={{ maxWidth: 360 }}
              required
            />
          )}
        </Paper>
        {mayRestore ? (
          <ImportPanel onImported={() => void navigate('/')} beforeCommit={beforeCommit} />
        ) : null}
      </Box>
    </Box>
  );
}

import { Box, Link, Paper, Typography } from '@mui/material';
import { Link as RouterLink, useNavigate } from 'react-router';
import { ImportPanel } from './ImportPanel';
import { HANDOFF } from './strings';

/** Before set-up: bring a town's data in from a hand-off package or a backup. */
export function RestorePage() {
  const navigate = useNavigate();
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default', py: 6, px: 2 }}>
      <Box sx={{ maxWidth: 960, mx: 'auto', display: 'grid', gap: 2 }}>
        <Paper sx={{ p: 3 }}>
          <Typography variant="h1" gutterBottom>
            {HANDOFF.restore.title}
          </Typography>
          <Typography color="text.secondary">
            {HANDOFF.restore.intro}{' '}
            <Link component={RouterLink} to="/setup">
              {HANDOFF.restore.back}
            </Link>
          </Typography>
        </Paper>
        <ImportPanel onImported={() => void navigate('/')} />
      </Box>
    </Box>
  );
}

import { Typography } from '@mui/material';
import { useEffect, useState } from 'react';

/** A page's code is a local file: say nothing for a fast load, and 正在载入… only for a slow one. */
const QUIET_MS = 300;

/** What a route shows while its page's code loads (the first time it is opened). */
export function PageLoading() {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), QUIET_MS);
    return () => clearTimeout(timer);
  }, []);
  return slow ? (
    <Typography color="text.secondary" role="status" sx={{ p: 3 }}>
      正在载入…
    </Typography>
  ) : null;
}

import { Box } from '@mui/material';
import { startTransition, useEffect, useState, type ReactNode } from 'react';

/**
 * Draws its children just after the page's first paint, in a transition, keeping their space
 * meanwhile: a chart measures its text and lays out hundreds of shapes, and drawn in the first
 * render it held back the figures beside it (the dashboard's tiles and ledger figures, whose
 * data then waited behind it). In a transition React draws it in slices between which the
 * figures arriving from the database are drawn first.
 */
export function DrawnLater({ height, children }: { height: number; children: ReactNode }) {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    startTransition(() => setDrawn(true));
  }, []);
  return drawn ? children : <Box sx={{ height }} aria-busy="true" />;
}

import { Box } from '@mui/material';
import {
  createContext,
  startTransition,
  useContext,
  useEffect,
  useState,
  type ReactNode,
} from 'react';

/**
 * True while a page's own figures are still being read: the charts inside wait for them (a
 * page's figures are what its reader looks at first).
 */
export const HoldDrawing = createContext(false);

/**
 * Draws its children just after the page's first paint, in a transition, keeping their space
 * meanwhile: a chart measures its text and lays out hundreds of shapes, and drawn in the first
 * render it held back the figures beside it (the dashboard's tiles and ledger figures, whose
 * data then waited behind it). In a transition React draws it in slices between which the
 * figures arriving from the database are drawn first. Under `HoldDrawing` it waits until the
 * figures have arrived: drawing a chart takes the page a hundred milliseconds, in which their
 * reads' answers wait.
 */
export function DrawnLater({ height, children }: { height: number; children: ReactNode }) {
  const hold = useContext(HoldDrawing);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    if (!hold) startTransition(() => setDrawn(true));
  }, [hold]);
  return drawn ? children : <Box sx={{ height }} aria-busy="true" />;
}

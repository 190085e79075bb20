import { palette, statusColors } from './tokens';

/** Colours for Recharts series, taken from the theme; charts never hold hex literals. */
export const chartPalette = {
  series: [
    palette.primary.main,
    palette.secondary.main,
    '#8d6e63',
    '#6a1b9a',
    '#00838f',
    '#9e9d24',
  ],
  ...statusColors,
} as const;

/**
 * Design tokens: the one place for colours, type and shape. Flags and warnings never rely on
 * colour alone (printers are black and white): components pair them with a word or symbol.
 */
export const palette = {
  primary: { main: '#1f6f4a', light: '#4c9a72', dark: '#0f4d31', contrastText: '#ffffff' },
  secondary: { main: '#2f5d8a', contrastText: '#ffffff' },
  error: { main: '#c62828' },
  warning: { main: '#ed8b00' },
  success: { main: '#2e7d32' },
  background: { default: '#f4f6f5', paper: '#ffffff' },
  text: { primary: '#1c2421', secondary: '#55625c' },
  divider: '#dde3e0',
} as const;

/** Red and yellow flags and the score bands of the dashboard (DHIS2 scorecard practice). */
export const statusColors = {
  redFlag: '#c62828',
  yellowFlag: '#f2b705',
  good: '#2e7d32',
  watch: '#ed8b00',
  bad: '#c62828',
  neutral: '#78909c',
} as const;

export const fontFamily = [
  '"Noto Sans SC"',
  '"Microsoft YaHei"',
  '"PingFang SC"',
  '"Source Han Sans SC"',
  'sans-serif',
].join(', ');

export const typography = {
  fontFamily,
  fontSize: 14,
  h1: { fontSize: '1.75rem', fontWeight: 500 },
  h2: { fontSize: '1.5rem', fontWeight: 500 },
  h3: { fontSize: '1.25rem', fontWeight: 500 },
  h4: { fontSize: '1.125rem', fontWeight: 500 },
  h5: { fontSize: '1rem', fontWeight: 500 },
  h6: { fontSize: '0.95rem', fontWeight: 500 },
  button: { textTransform: 'none' as const, fontWeight: 500 },
};

export const shape = { borderRadius: 6 };

export const layout = { drawerWidth: 208, appBarHeight: 56 } as const;

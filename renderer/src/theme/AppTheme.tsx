import { CssBaseline } from '@mui/material';
import { zhCN } from '@mui/material/locale';
import { createTheme, ThemeProvider } from '@mui/material/styles';
import { zhCN as dataGridZhCN } from '@mui/x-data-grid/locales';
import type { ReactNode } from 'react';
import { components } from './components';
import { palette, shape, typography } from './tokens';

const theme = createTheme(
  { palette, typography, shape, components, spacing: 8 },
  zhCN,
  dataGridZhCN,
);

/**
 * The data grid's Chinese texts with some replaced. A grid's own `localeText` prop replaces the
 * theme's whole set (not merged), so a screen that changes one text passes it through here.
 */
export const gridLocaleText = (overrides: Record<string, string>) => ({
  ...dataGridZhCN.components.MuiDataGrid.defaultProps.localeText,
  ...overrides,
});

export function AppTheme({ children }: { children: ReactNode }) {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {children}
    </ThemeProvider>
  );
}

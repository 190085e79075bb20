import { CssBaseline } from '@mui/material';
import { zhCN } from '@mui/material/locale';
import { createTheme, ThemeProvider } from '@mui/material/styles';
import type { ReactNode } from 'react';
import { components } from './components';
import { palette, shape, typography } from './tokens';

const theme = createTheme({ palette, typography, shape, components, spacing: 8 }, zhCN);

export function AppTheme({ children }: { children: ReactNode }) {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {children}
    </ThemeProvider>
  );
}

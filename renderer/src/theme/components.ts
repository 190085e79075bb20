import type { Components, Theme } from '@mui/material/styles';

/** Per-component customizations, on top of the tokens. */
export const components: Components<Theme> = {
  MuiButton: { defaultProps: { disableElevation: true } },
  MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
  MuiFormControl: { defaultProps: { size: 'small' } },
  MuiPaper: { defaultProps: { variant: 'outlined' } },
  MuiAppBar: { defaultProps: { elevation: 0, color: 'inherit' } },
  MuiTableCell: {
    styleOverrides: {
      head: ({ theme }) => ({ fontWeight: 500, color: theme.palette.text.secondary }),
    },
  },
  MuiDialog: { defaultProps: { fullWidth: true, maxWidth: 'sm' } },
  MuiTooltip: { defaultProps: { arrow: true } },
  // A plain link (a month, an item in a list) reads like the app's own links, not the browser's.
  MuiCssBaseline: {
    styleOverrides: (theme) => ({
      'a:not([class])': {
        color: theme.palette.primary.main,
        textDecorationColor: 'rgba(0, 0, 0, 0.3)',
        '&:hover': { textDecorationColor: 'inherit' },
      },
    }),
  },
};

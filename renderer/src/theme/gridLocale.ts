import { zhCN } from '@mui/x-data-grid/locales';

/**
 * The data grid's Chinese texts with some replaced. A grid's own `localeText` prop replaces the
 * whole set (not merged), so a screen passes every text through here. Kept out of the theme, so
 * that the grid's code loads with the screen that shows a grid (the ledger), not at start.
 */
export const gridLocaleText = (overrides: Record<string, string>) => ({
  ...zhCN.components.MuiDataGrid.defaultProps.localeText,
  ...overrides,
});

import { Box, Paper, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import type { VillageScore } from '@shared/domain/scoring';
import type { StandardCategory } from '@shared/domain/standard';
import { statusColors } from '../../theme/tokens';
import { DASHBOARD } from './strings';

/** Village × category deductions: the number in every cell, shaded by its share of the category. */
export function CategoryHeatmap(props: {
  categories: StandardCategory[];
  villages: { id: string; name: string }[];
  scores: Map<string, VillageScore>;
  /** When set, only this category's column is shown. */
  only?: string | null;
}) {
  const categories = props.only
    ? props.categories.filter((c) => c.name === props.only)
    : props.categories;
  return (
    <Paper sx={{ p: 2, overflowX: 'auto' }} data-testid="category-heatmap">
      <Typography variant="h4" gutterBottom>
        {DASHBOARD.heatmapTitle}
      </Typography>
      <Box
        component="table"
        sx={{ borderCollapse: 'collapse', fontSize: 13, width: '100%' }}
        aria-label={DASHBOARD.heatmapTitle}
      >
        <thead>
          <tr>
            <Box
              component="th"
              sx={{ textAlign: 'left', p: 0.5, fontWeight: 500, width: '1%', whiteSpace: 'nowrap' }}
            >
              {DASHBOARD.village}
            </Box>
            {categories.map((c) => (
              <Box
                component="th"
                key={c.name}
                // At least two characters a line (ten categories fit the panel at 1366 × 768);
                // wider where there is room, the village column only as wide as its names.
                sx={{ p: 0.5, fontWeight: 500, fontSize: 12, lineHeight: 1.25, minWidth: '3em' }}
              >
                {c.name}
              </Box>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.villages.map((v) => {
            const score = props.scores.get(v.id);
            return (
              <tr key={v.id}>
                <Box
                  component="th"
                  scope="row"
                  sx={{ textAlign: 'left', p: 0.5, fontWeight: 400, whiteSpace: 'nowrap' }}
                >
                  {v.name}
                </Box>
                {categories.map((c) => {
                  const value = score?.byCategory[c.name] ?? 0;
                  const share = c.points > 0 ? value / c.points : 0;
                  return (
                    <Box
                      component="td"
                      key={c.name}
                      sx={{
                        p: 0.5,
                        textAlign: 'center',
                        border: 1,
                        borderColor: 'divider',
                        bgcolor:
                          value > 0 ? alpha(statusColors.bad, 0.12 + share * 0.6) : undefined,
                        fontVariantNumeric: 'tabular-nums',
                      }}
                    >
                      {score ? (value > 0 ? `−${value}` : '') : '—'}
                    </Box>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </Box>
    </Paper>
  );
}

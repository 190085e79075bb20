import { Box, Paper, Typography } from '@mui/material';
import { memo } from 'react';
import { Link } from 'react-router';
import { BAND_LABELS, type VillageTile } from '@shared/domain/dashboard';
import { FlagBadge } from '../../components/FlagBadge';
import { statusColors } from '../../theme/tokens';
import { DASHBOARD } from './strings';

const BAND_COLORS = {
  good: statusColors.good,
  watch: statusColors.watch,
  bad: statusColors.bad,
} as const;

function Change({ tile }: { tile: VillageTile }) {
  if (tile.rankChange === null) return null;
  const text =
    tile.rankChange > 0
      ? `↑${tile.rankChange}`
      : tile.rankChange < 0
        ? `↓${-tile.rankChange}`
        : '—';
  return (
    <Typography
      component="span"
      variant="body2"
      color="text.secondary"
      title={DASHBOARD.rankChangeTitle}
    >
      {text}
    </Typography>
  );
}

/** The villages at a glance: score, rank, flag (word and symbol, not only colour), change. */
type Tile = VillageTile & {
  secretary: string;
  leaderName: string;
  problems: { open: number; overdue: number; closed: number };
};

/** One tile; memoized on its content, so a month change redraws only the tiles that changed. */
const TileCard = memo(
  function TileCard({ tile, month }: { tile: Tile; month: string | null }) {
    return (
      <Paper
        component={Link}
        to={`/villages/${tile.villageId}${month ? `?month=${month}` : ''}`}
        data-testid="village-tile"
        sx={{
          p: 1.25,
          textDecoration: 'none',
          color: 'inherit',
          borderLeft: 5,
          borderLeftColor: tile.band ? BAND_COLORS[tile.band] : 'divider',
          '&:hover': { bgcolor: 'action.hover' },
        }}
      >
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minHeight: 26 }}>
          {/* A long name ends in … on one line, never broken mid-word; the whole is its title. */}
          <Typography variant="h5" noWrap title={tile.name} sx={{ flexGrow: 1, minWidth: 0 }}>
            {tile.name}
          </Typography>
          {tile.flag ? <FlagBadge color={tile.flag} withdrawn={tile.withdrawn} /> : null}
        </Box>
        {tile.score === null ? (
          month ? (
            <Typography variant="body2" color="text.secondary">
              {DASHBOARD.notScored}
            </Typography>
          ) : null
        ) : (
          <>
            <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1 }}>
              <Typography
                sx={{ fontSize: 22, fontWeight: 500, fontVariantNumeric: 'tabular-nums' }}
              >
                {tile.score}
              </Typography>
              <Typography variant="body2">{DASHBOARD.rank(tile.rank!)}</Typography>
              <Box sx={{ flexGrow: 1 }} />
              <Change tile={tile} />
            </Box>
            <Typography variant="body2" color="text.secondary" noWrap>
              {tile.band ? BAND_LABELS[tile.band] : ''}
              {tile.versusAverage === 'above'
                ? ` · ${DASHBOARD.aboveAverage}`
                : tile.versusAverage === 'below'
                  ? ` · ${DASHBOARD.belowAverage}`
                  : ''}
            </Typography>
          </>
        )}
        {tile.problems.open > 0 || tile.problems.overdue > 0 ? (
          <Typography
            variant="body2"
            data-testid="tile-problems"
            sx={{ color: tile.problems.overdue > 0 ? 'error.main' : 'text.secondary' }}
          >
            {DASHBOARD.tileProblems(tile.problems.open, tile.problems.overdue)}
          </Typography>
        ) : null}
        <Typography
          variant="body2"
          color="text.secondary"
          noWrap
          title={tile.secretary || undefined}
        >
          {DASHBOARD.secretary}：{tile.secretary || DASHBOARD.notSet}
        </Typography>
        <Typography variant="body2" color="text.secondary" noWrap>
          {DASHBOARD.leader}：{tile.leaderName || DASHBOARD.notSet}
        </Typography>
      </Paper>
    );
  },
  (a, b) => a.month === b.month && JSON.stringify(a.tile) === JSON.stringify(b.tile),
);

export function VillageTiles({ tiles, month }: { tiles: Tile[]; month: string | null }) {
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 1.5,
        gridTemplateColumns: 'repeat(auto-fill, minmax(176px, 1fr))',
      }}
      data-testid="village-tiles"
    >
      {tiles.map((tile) => (
        <TileCard key={tile.villageId} tile={tile} month={month} />
      ))}
    </Box>
  );
}

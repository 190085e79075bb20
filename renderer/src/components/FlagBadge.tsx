import { Box } from '@mui/material';
import { FLAG_LABELS, type FlagColor } from '@shared/domain/flags';
import { statusColors } from '../theme/tokens';

/**
 * A red or yellow flag as symbol + word + colour, so that it still reads on a black-and-white
 * print: ▲ 红旗, ▼ 黄旗. A withdrawn flag is struck through.
 */
export function FlagBadge({ color, withdrawn = false }: { color: FlagColor; withdrawn?: boolean }) {
  const label = FLAG_LABELS[color];
  const fill = color === 'red' ? statusColors.redFlag : statusColors.yellowFlag;
  return (
    <Box
      component="span"
      data-flag={color}
      sx={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 0.5,
        px: 0.75,
        py: 0.125,
        borderRadius: 1,
        border: 1.5,
        borderColor: fill,
        color: color === 'red' ? statusColors.redFlag : '#7a5a00',
        bgcolor: color === 'red' ? 'rgba(198,40,40,0.08)' : 'rgba(242,183,5,0.15)',
        fontWeight: 500,
        fontSize: 13,
        whiteSpace: 'nowrap',
        textDecoration: withdrawn ? 'line-through' : undefined,
      }}
    >
      <span aria-hidden>{label.symbol}</span>
      {label.word}
    </Box>
  );
}

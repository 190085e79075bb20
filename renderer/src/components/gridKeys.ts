/** A focused cell of a grid: row -1 is the header row. */
export interface GridPosition {
  row: number;
  col: number;
}

export interface GridBounds {
  /** Body rows (the header is not counted). */
  rows: number;
  cols: number;
  /** Rows one page key moves by: those that fit in the visible area. */
  pageRows: number;
}

interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/**
 * Where a key moves the focus in a grid, as in a spreadsheet: arrows by one cell (up from the
 * first row to the header), Home/End to the row's first or last cell (with Ctrl the first or last
 * row too), PageUp/PageDown by a screenful of rows. Null when the key does not move the focus.
 */
export function moveInGrid(
  press: KeyPress,
  at: GridPosition,
  { rows, cols, pageRows }: GridBounds,
): GridPosition | null {
  const lastRow = rows - 1;
  const lastCol = cols - 1;
  const ctrl = Boolean(press.ctrlKey || press.metaKey);
  const page = Math.max(1, pageRows);
  switch (press.key) {
    case 'ArrowDown':
      return { row: clamp(at.row + 1, -1, lastRow), col: at.col };
    case 'ArrowUp':
      return { row: Math.max(at.row - 1, -1), col: at.col };
    case 'ArrowLeft':
      return { row: at.row, col: Math.max(at.col - 1, 0) };
    case 'ArrowRight':
      return { row: at.row, col: clamp(at.col + 1, 0, lastCol) };
    case 'Home':
      return ctrl ? { row: rows > 0 ? 0 : -1, col: 0 } : { row: at.row, col: 0 };
    case 'End':
      return ctrl ? { row: lastRow, col: lastCol } : { row: at.row, col: lastCol };
    case 'PageDown':
      return { row: clamp(at.row + page, -1, lastRow), col: at.col };
    case 'PageUp':
      return { row: at.row < 0 ? -1 : Math.max(at.row - page, 0), col: at.col };
    default:
      return null;
  }
}

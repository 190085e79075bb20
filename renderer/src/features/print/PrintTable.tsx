import type { ReactNode } from 'react';

export interface PrintColumn<T> {
  header: string;
  cell: (row: T, index: number) => ReactNode;
  /** 'num' right-aligns figures; 'center' centres short marks. */
  align?: 'num' | 'center' | undefined;
  /** Width as a share of the table, e.g. '12%'. */
  width?: string | undefined;
  /** Kept on one line (numbers, dates, states). */
  nowrap?: boolean | undefined;
}

/**
 * A printed table: the header row repeats on every page and no row is split across pages (the
 * print CSS of PrintLayout) — except a row `mayBreak` says is long (a third of a page or more),
 * which goes on where the page ends instead of leaving a page almost empty. An empty table
 * prints `empty` as a sentence instead.
 */
export function PrintTable<T>({
  columns,
  rows,
  empty,
  footer,
  testId,
  mayBreak,
}: {
  columns: PrintColumn<T>[];
  rows: readonly T[];
  empty: string;
  footer?: ReactNode[] | undefined;
  testId?: string | undefined;
  mayBreak?: ((row: T) => boolean) | undefined;
}) {
  if (rows.length === 0) return <p className="plain">{empty}</p>;
  return (
    <table data-testid={testId}>
      <colgroup>
        {columns.map((c) => (
          <col key={c.header} style={c.width ? { width: c.width } : undefined} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header}>{c.header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i} className={mayBreak?.(row) ? 'may-break' : undefined}>
            {columns.map((c) => (
              <td key={c.header} className={[c.align, c.nowrap ? 'nowrap' : ''].join(' ').trim()}>
                {c.cell(row, i)}
              </td>
            ))}
          </tr>
        ))}
        {footer ? (
          <tr className="mark">
            {footer.map((cell, i) => (
              <td key={i} className={columns[i]?.align}>
                {cell}
              </td>
            ))}
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}

import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import { Box, Checkbox, Chip, LinearProgress, Typography, type CheckboxProps } from '@mui/material';
import {
  createColumnHelper,
  createSortedRowModel,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type Row,
  type RowSelectionState,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type SetStateAction,
} from 'react';
import { SOURCE_LABELS, STATUS_LABELS } from '@shared/domain/ledger';
import type { Problem } from '@shared/domain/problem';
import { moveInGrid, type GridPosition } from '../../components/gridKeys';
import { DeadlineChip } from './DeadlineChip';
import { ledgerMemory } from './ledgerMemory';
import { LEDGER } from './strings';

const C = LEDGER.columns;
const T = LEDGER.table;
const ROW = 36;
const HEADER = 40;
const features = tableFeatures({
  rowSortingFeature,
  rowSelectionFeature,
  sortedRowModel: createSortedRowModel(),
});
type LedgerRow = Row<typeof features, Problem>;

/** Chinese text in 拼音 order, numbers inside it by value (编号 2026-镇督-0010 after -0009). */
const collator = new Intl.Collator('zh-CN', { numeric: true });
const byText = (a: LedgerRow, b: LedgerRow, id: string) =>
  collator.compare(String(a.getValue(id) ?? ''), String(b.getValue(id) ?? ''));
/** 督办 (true) after the others when ascending. */
const byFlag = (a: LedgerRow, b: LedgerRow, id: string) =>
  Number(a.getValue(id)) - Number(b.getValue(id));

interface Column {
  id: string;
  header: string;
  /** A CSS grid track: fixed widths as the grid had them, the text columns share the rest. */
  track: string;
  value: (p: Problem, names: ReadonlyMap<string, string>) => string | boolean;
  cell?: (p: Problem, today: string) => ReactNode;
}

// 状态 and 督办 beside the number: at 1366 × 768 every column fits without scrolling.
const COLUMNS: Column[] = [
  { id: 'number', header: C.number, track: '128px', value: (p) => p.number },
  { id: 'status', header: C.status, track: '84px', value: (p) => STATUS_LABELS[p.status] },
  {
    id: 'supervised',
    header: C.supervised,
    track: '64px',
    value: (p) => p.supervised,
    cell: (p) =>
      p.supervised ? <Chip size="small" color="error" variant="outlined" label="督办" /> : null,
  },
  { id: 'source', header: C.source, track: '104px', value: (p) => SOURCE_LABELS[p.source] },
  { id: 'category', header: C.category, track: 'minmax(88px, 0.25fr)', value: (p) => p.category },
  {
    id: 'villageId',
    header: C.village,
    track: '84px',
    value: (p, names) => (p.villageId ? (names.get(p.villageId) ?? '') : ''),
  },
  {
    id: 'description',
    header: C.description,
    track: 'minmax(140px, 1fr)',
    value: (p) => p.description,
  },
  { id: 'foundOn', header: C.foundOn, track: '100px', value: (p) => p.foundOn },
  {
    id: 'deadline',
    header: C.deadline,
    track: '150px',
    value: (p) => p.deadline,
    cell: (p, today) => <DeadlineChip status={p.status} deadline={p.deadline} today={today} />,
  },
  {
    id: 'responsiblePerson',
    header: C.person,
    track: 'minmax(84px, 0.3fr)',
    value: (p) => p.responsiblePerson ?? '',
  },
];

const helper = createColumnHelper<typeof features, Problem>();

/**
 * The ledger's list: a headless table (TanStack Table) drawing only the rows in view (TanStack
 * Virtual), so 20,000 items scroll as one list without pages. A grid for the keyboard as in a
 * spreadsheet — arrows, Home/End, PageUp/PageDown, Enter opens the item, Space selects its row,
 * Enter or Space on a header sorts by it — and for screen readers (grid, row, gridcell, aria-sort).
 */
export function LedgerTable({
  rows,
  names,
  today,
  loading,
  selectable,
  selection,
  onSelectionChange,
  emptyLabel,
  onOpen,
}: {
  rows: Problem[];
  names: ReadonlyMap<string, string>;
  today: string;
  loading: boolean;
  /** Rows are selected only for a bulk action the account may take. */
  selectable: boolean;
  selection: RowSelectionState;
  onSelectionChange: (next: SetStateAction<RowSelectionState>) => void;
  /** Shown when no row is listed. */
  emptyLabel: string;
  onOpen: (problem: Problem) => void;
}) {
  const [sorting, setSorting] = useState<SortingState>(ledgerMemory.sorting);
  useEffect(() => {
    ledgerMemory.sorting = sorting;
  }, [sorting]);
  const columns = useMemo(
    () =>
      helper.columns(
        COLUMNS.map((c) =>
          helper.accessor((p) => c.value(p, names), {
            id: c.id,
            header: c.header,
            sortFn: c.id === 'supervised' ? byFlag : byText,
          }),
        ),
      ),
    [names],
  );
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (p) => p.id,
    state: { sorting, rowSelection: selection },
    onSortingChange: setSorting,
    onRowSelectionChange: onSelectionChange,
    enableRowSelection: selectable,
    sortDescFirst: false,
    // A header toggles between ascending and descending, as in a spreadsheet: always one order.
    enableSortingRemoval: false,
  });
  const sorted = table.getRowModel().rows;

  const scrollRef = useRef<HTMLDivElement>(null);
  // The app is not built with the React Compiler; the virtualizer's functions are read in this
  // render only, never handed to a memoized child.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    getItemKey: (index) => sorted[index]?.id ?? index,
    overscan: 8,
    scrollMargin: HEADER,
    scrollPaddingStart: HEADER,
  });

  // The cell that holds the grid's one tab stop, and whether a key just moved it there.
  const cols = COLUMNS.length + (selectable ? 1 : 0);
  const [focus, setFocus] = useState<GridPosition>(ledgerMemory.focus);
  const at = {
    row: Math.min(focus.row, sorted.length - 1),
    col: Math.min(focus.col, cols - 1),
  };
  // Where a key moved the focus to. Kept here, not read from `at`: an effect of an earlier render
  // may run first (React flushes it before the key's render) and must not focus the old cell.
  const moved = useRef<GridPosition | null>(null);
  // The row may be drawn only after the scroll to it: tried for a few frames.
  const focusCell = (row: number, col: number, tries = 0) => {
    const cell = scrollRef.current?.querySelector<HTMLElement>(
      `[data-rowindex="${row}"] [data-colindex="${col}"]`,
    );
    if (cell) cell.focus({ preventScroll: row >= 0 });
    else if (tries < 5) requestAnimationFrame(() => focusCell(row, col, tries + 1));
  };
  useEffect(() => {
    const target = moved.current;
    if (!target) return;
    moved.current = null;
    focusCell(target.row, target.col);
  });

  // Coming back to the list: the place it was scrolled to, and the keyboard focus if it had it,
  // once the rows are read (the list is empty while they are).
  const restoring = useRef(true);
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!restoring.current || !scroller || sorted.length === 0) return;
    restoring.current = false;
    scroller.scrollTop = ledgerMemory.scrollTop;
    if (ledgerMemory.hadFocus) focusCell(at.row, at.col);
    ledgerMemory.hadFocus = false;
  });
  // An item opened from the keyboard gives the focus back to its cell on return.
  const open = (problem: Problem) => {
    ledgerMemory.hadFocus = Boolean(scrollRef.current?.contains(document.activeElement));
    onOpen(problem);
  };
  useEffect(() => {
    ledgerMemory.focus = focus;
  }, [focus]);

  const tabIndex = (row: number, col: number) => (row === at.row && col === at.col ? 0 : -1);
  const columnOf = (col: number) => (selectable ? col - 1 : col);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const visible = Math.floor(((scrollRef.current?.clientHeight ?? ROW * 10) - HEADER) / ROW);
    const next = moveInGrid(event, at, { rows: sorted.length, cols, pageRows: visible - 1 });
    if (next) {
      event.preventDefault();
      moved.current = next;
      setFocus(next);
      if (next.row >= 0) virtualizer.scrollToIndex(next.row, { align: 'auto' });
      return;
    }
    const isSpace = event.key === ' ';
    if (event.key !== 'Enter' && !isSpace) return;
    event.preventDefault();
    if (at.row < 0) {
      const column = COLUMNS[columnOf(at.col)];
      if (column) table.getColumn(column.id)?.toggleSorting();
      else if (isSpace || event.key === 'Enter') table.toggleAllRowsSelected();
      return;
    }
    const row = sorted[at.row];
    if (!row) return;
    if (isSpace || (selectable && at.col === 0)) {
      if (selectable) row.toggleSelected();
    } else open(row.original);
  }

  const template = `${selectable ? '48px ' : ''}${COLUMNS.map((c) => c.track).join(' ')}`;
  const allSelected = table.getIsAllRowsSelected();
  const someSelected = table.getIsSomeRowsSelected();

  return (
    <Box
      ref={scrollRef}
      role="grid"
      aria-label={LEDGER.title}
      aria-rowcount={sorted.length + 1}
      aria-colcount={cols}
      aria-multiselectable={selectable || undefined}
      aria-busy={loading || undefined}
      onKeyDown={onKeyDown}
      onScroll={(e) => {
        ledgerMemory.scrollTop = e.currentTarget.scrollTop;
      }}
      sx={(theme) => ({
        height: '100%',
        overflow: 'auto',
        position: 'relative',
        fontSize: theme.typography.body2.fontSize,
        '& .lt-row': {
          display: 'grid',
          gridTemplateColumns: template,
          minWidth: 1080,
          borderBottom: `1px solid ${theme.palette.divider}`,
          boxSizing: 'border-box',
        },
        '& .lt-body .lt-row': {
          position: 'absolute',
          top: 0,
          left: 0,
          width: '100%',
          height: ROW,
          cursor: 'pointer',
          '&:hover': { backgroundColor: theme.palette.action.hover },
          '&[aria-selected="true"]': { backgroundColor: theme.palette.action.selected },
          // The row of the focused cell, so that the keyboard's place reads across the row.
          '&:focus-within': { backgroundColor: theme.palette.action.focus },
        },
        '& .lt-head': {
          position: 'sticky',
          top: 0,
          zIndex: 2,
          height: HEADER,
          backgroundColor: theme.palette.background.paper,
          fontWeight: theme.typography.fontWeightMedium,
        },
        '& .lt-cell': {
          display: 'flex',
          alignItems: 'center',
          gap: 0.5,
          paddingInline: '10px',
          minWidth: 0,
          overflow: 'hidden',
          whiteSpace: 'nowrap',
          outline: 'none',
          '&:focus-visible, &:focus': {
            outline: `2px solid ${theme.palette.primary.main}`,
            outlineOffset: -2,
          },
        },
        '& .lt-text': { overflow: 'hidden', textOverflow: 'ellipsis' },
        '& .lt-sortable': { cursor: 'pointer', userSelect: 'none' },
      })}
    >
      <div className="lt-row lt-head" role="row" aria-rowindex={1} data-rowindex={-1}>
        {selectable ? (
          <div className="lt-cell" role="columnheader" data-colindex={0} tabIndex={tabIndex(-1, 0)}>
            <TickBox
              checked={allSelected}
              disabled={sorted.length === 0}
              indeterminate={someSelected && !allSelected}
              onChange={table.getToggleAllRowsSelectedHandler()}
              label={allSelected ? T.unselectAll : T.selectAll}
            />
          </div>
        ) : null}
        {COLUMNS.map((c, i) => {
          const col = i + (selectable ? 1 : 0);
          const sortedAs = table.getColumn(c.id)?.getIsSorted();
          return (
            <div
              key={c.id}
              className="lt-cell lt-sortable"
              role="columnheader"
              data-colindex={col}
              tabIndex={tabIndex(-1, col)}
              title={T.sortBy(c.header)}
              aria-sort={
                sortedAs === 'asc' ? 'ascending' : sortedAs === 'desc' ? 'descending' : 'none'
              }
              onClick={() => {
                setFocus({ row: -1, col });
                table.getColumn(c.id)?.toggleSorting();
              }}
            >
              <span className="lt-text">{c.header}</span>
              {sortedAs === 'asc' ? (
                <ArrowUpwardIcon fontSize="inherit" aria-hidden />
              ) : sortedAs === 'desc' ? (
                <ArrowDownwardIcon fontSize="inherit" aria-hidden />
              ) : null}
            </div>
          );
        })}
      </div>
      {loading ? (
        <LinearProgress
          aria-label={T.loading}
          sx={{ position: 'sticky', top: HEADER, zIndex: 1, mt: '-4px' }}
        />
      ) : null}
      {!loading && sorted.length === 0 ? (
        <Typography color="text.secondary" sx={{ p: 3, textAlign: 'center' }}>
          {emptyLabel}
        </Typography>
      ) : null}
      <div className="lt-body" style={{ position: 'relative', height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = sorted[item.index];
          if (!row) return null;
          const p = row.original;
          const selected = selectable && row.getIsSelected();
          return (
            <div
              key={row.id}
              className="lt-row"
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={selectable ? selected : undefined}
              data-rowindex={item.index}
              data-id={row.id}
              style={{ transform: `translateY(${item.start - HEADER}px)` }}
              onClick={() => open(p)}
            >
              {selectable ? (
                <div
                  className="lt-cell"
                  role="gridcell"
                  data-colindex={0}
                  tabIndex={tabIndex(item.index, 0)}
                  onFocus={() => setFocus({ row: item.index, col: 0 })}
                  onClick={(e) => e.stopPropagation()}
                >
                  <TickBox
                    checked={selected}
                    onChange={row.getToggleSelectedHandler()}
                    label={selected ? T.unselectRow : T.selectRow}
                  />
                </div>
              ) : null}
              {COLUMNS.map((c, i) => {
                const col = i + (selectable ? 1 : 0);
                return (
                  <div
                    key={c.id}
                    className="lt-cell"
                    role="gridcell"
                    data-colindex={col}
                    tabIndex={tabIndex(item.index, col)}
                    onFocus={() => setFocus({ row: item.index, col })}
                  >
                    {c.cell ? (
                      c.cell(p, today)
                    ) : (
                      <TextCell text={String(row.getValue(c.id) ?? '')} />
                    )}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </Box>
  );
}

/** A cell's text, cut with … when it does not fit, whole in the tooltip. */
function TextCell({ text }: { text: string }) {
  return (
    <span className="lt-text" title={text}>
      {text}
    </span>
  );
}

/** A row's or the header's tick: reached through its cell (Space), not a tab stop of its own. */
function TickBox({
  label,
  ...props
}: Pick<CheckboxProps, 'checked' | 'disabled' | 'indeterminate' | 'onChange'> & { label: string }) {
  return (
    <Checkbox
      size="small"
      disableRipple
      {...props}
      slotProps={{ input: { 'aria-label': label, tabIndex: -1 } }}
    />
  );
}

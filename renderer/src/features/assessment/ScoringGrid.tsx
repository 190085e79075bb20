import { Box, Tooltip } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Deduction } from '@shared/domain/assessment';
import { readCount, type VillageScore } from '@shared/domain/scoring';
import type { StandardItem, StandardVersion } from '@shared/domain/standard';
import type { Village } from '@shared/domain/village';
import { statusColors } from '../../theme/tokens';
import { ASSESSMENT } from './strings';

export interface Cell {
  row: number;
  col: number;
}

const VILLAGE_W = 96;
const SCORE_W = 60;
const CELL_W = 46;

function cellText(d: Deduction | undefined, pending: number | undefined): string {
  if (pending !== undefined) return pending > 0 ? String(pending) : '';
  if (!d) return '';
  if (d.count !== null) return d.count > 0 ? String(d.count) : '';
  return d.points ? `${d.points}分` : '';
}

/** A cell being typed into; `invalid` once what was typed was refused. */
interface Editing {
  row: number;
  col: number;
  text: string;
  invalid: boolean;
}

const Row = memo(function Row(props: {
  village: Village;
  row: number;
  items: StandardItem[];
  cells: Map<string, Deduction>;
  pending: Map<string, number>;
  score: VillageScore | undefined;
  skipped: boolean;
  activeCol: number | null;
  editing: { col: number; text: string; invalid: boolean } | null;
  onEditText: (text: string) => void;
  onEditKey: (event: KeyboardEvent<HTMLInputElement>) => void;
  onPick: (cell: Cell) => void;
  onEditCell: (cell: Cell) => void;
}) {
  const deducted = new Map(props.score?.items.map((i) => [i.itemCode, i.points]) ?? []);
  return (
    <tr>
      <Box
        component="th"
        scope="row"
        sx={{
          position: 'sticky',
          left: 0,
          zIndex: 2,
          bgcolor: 'background.paper',
          width: VILLAGE_W,
          textAlign: 'left',
          px: 1,
          fontWeight: 500,
          borderBottom: 1,
          borderColor: 'divider',
          whiteSpace: 'nowrap',
        }}
      >
        {props.village.name}
      </Box>
      <Box
        component="td"
        data-testid={`score-${props.village.name}`}
        sx={{
          position: 'sticky',
          left: VILLAGE_W,
          zIndex: 2,
          bgcolor: 'background.paper',
          width: SCORE_W,
          textAlign: 'right',
          px: 1,
          borderBottom: 1,
          borderRight: 2,
          borderColor: 'divider',
          fontVariantNumeric: 'tabular-nums',
          fontWeight: 500,
        }}
      >
        {props.skipped ? ASSESSMENT.grid.skipped : (props.score?.score ?? '')}
      </Box>
      {props.items.map((item, col) => {
        const active = props.activeCol === col;
        const editing = props.editing?.col === col ? props.editing : null;
        const points = deducted.get(item.code) ?? 0;
        return (
          <Box
            component="td"
            key={item.code}
            role="gridcell"
            aria-selected={active}
            aria-label={`${props.village.name} ${item.code}`}
            data-row={props.row}
            data-col={col}
            onMouseDown={() => props.onPick({ row: props.row, col })}
            onDoubleClick={() => props.onEditCell({ row: props.row, col })}
            sx={{
              width: CELL_W,
              minWidth: CELL_W,
              height: 30,
              textAlign: 'center',
              borderBottom: 1,
              borderRight: 1,
              borderColor: 'divider',
              cursor: 'cell',
              fontVariantNumeric: 'tabular-nums',
              bgcolor: points > 0 ? alpha(statusColors.bad, 0.1) : undefined,
              outline: editing?.invalid
                ? `2px solid ${statusColors.bad}`
                : active
                  ? `2px solid ${statusColors.good}`
                  : undefined,
              outlineOffset: -2,
              p: 0,
            }}
          >
            {editing ? (
              <input
                autoFocus
                aria-label={`${props.village.name} ${item.code} 处数`}
                aria-invalid={editing.invalid}
                value={editing.text}
                onChange={(e) => props.onEditText(e.target.value)}
                onKeyDown={props.onEditKey}
                inputMode="numeric"
                style={{
                  width: CELL_W - 6,
                  textAlign: 'center',
                  font: 'inherit',
                  border: 'none',
                  outline: 'none',
                  background: 'transparent',
                }}
              />
            ) : (
              cellText(
                props.cells.get(`${props.village.id}:${item.code}`),
                props.pending.get(`${props.village.id}:${item.code}`),
              )
            )}
          </Box>
        );
      })}
    </tr>
  );
});

/**
 * The month's scoring grid: villages down, the standard's items across. Keyboard first, as in
 * WPS/Excel: arrows move; typing on a selected cell replaces its value; Enter saves and moves
 * down (and only moves when not typing); Tab saves and moves right; F2 or a double-click edits
 * the value in place; Delete clears. What is not a count is refused in the cell with the reason,
 * and a count past the item's cap says 扣完为止 while it is typed, before Enter saves it.
 */
export function ScoringGrid(props: {
  standard: StandardVersion;
  villages: Village[];
  cells: Map<string, Deduction>;
  scores: Map<string, VillageScore>;
  skipped: Set<string>;
  readOnly: boolean;
  /** Said when typing into a read-only grid (why nothing changes); the closed month's by default. */
  readOnlyNote?: string;
  active: Cell;
  onActiveChange: (cell: Cell) => void;
  /** Saves a count; resolves with an error message, or null when saved. */
  onCommit: (villageId: string, itemCode: string, count: number) => Promise<string | null>;
  /** What the grid has to say (a refusal, or the cap's notice); null clears it. */
  onError: (message: string | null, severity?: 'error' | 'warning') => void;
}) {
  const { villages, standard, active } = props;
  const items = standard.items;
  const gridRef = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [pending, setPending] = useState<Map<string, number>>(new Map());

  useEffect(() => {
    const cell = gridRef.current?.querySelector<HTMLElement>(
      `td[data-row="${active.row}"][data-col="${active.col}"]`,
    );
    cell?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [active]);

  const clamp = (cell: Cell): Cell => ({
    row: Math.max(0, Math.min(villages.length - 1, cell.row)),
    col: Math.max(0, Math.min(items.length - 1, cell.col)),
  });
  const move = (dRow: number, dCol: number) =>
    props.onActiveChange(clamp({ row: active.row + dRow, col: active.col + dCol }));

  /**
   * Ends the edit and moves on at once (typing never waits for the disk); the save runs behind.
   * Until it lands the cell shows the typed value; if it is refused, the cell is selected again
   * and the reason shown.
   */
  function commit(text: string, then: () => void) {
    const target = { ...active };
    const village = villages[target.row];
    const item = items[target.col];
    if (!village || !item) return;
    const reading = readCount(item, text);
    if (!reading.ok) {
      // Refused where it was typed: the cell stays open, marked, with the reason above.
      setEditing((e) => (e ? { ...e, invalid: true } : e));
      props.onError(reading.message);
      return;
    }
    const count = reading.count;
    const key = `${village.id}:${item.code}`;
    setPending((p) => new Map(p).set(key, count));
    setEditing(null);
    // The cap's notice, shown while typing, stays with the saved cell.
    props.onError(reading.capped ? ASSESSMENT.grid.capped(reading.capped) : null, 'warning');
    then();
    gridRef.current?.focus();
    void props.onCommit(village.id, item.code, count).then((error) => {
      setPending((p) => {
        const next = new Map(p);
        next.delete(key);
        return next;
      });
      if (error) {
        props.onError(error);
        props.onActiveChange(target);
      }
    });
  }

  function onGridKey(event: KeyboardEvent<HTMLDivElement>) {
    if (editing) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const delta = moves[event.key];
    if (delta) {
      event.preventDefault();
      move(...delta);
      return;
    }
    if (event.key === 'Tab') {
      event.preventDefault();
      move(0, event.shiftKey ? -1 : 1);
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      move(event.shiftKey ? -1 : 1, 0);
      return;
    }
    const typed = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    const changes =
      (typed && event.key !== ' ') || ['F2', 'Delete', 'Backspace'].includes(event.key);
    if (props.readOnly) {
      // A closed month says why typing does nothing, and where a change is made.
      if (changes) props.onError(props.readOnlyNote ?? ASSESSMENT.grid.closedMonth, 'warning');
      return;
    }
    if (typed && event.key !== ' ') {
      // Typing replaces what the cell holds, as in a spreadsheet.
      event.preventDefault();
      setEditing({ ...active, text: event.key, invalid: false });
      sayCap(event.key);
    } else if (event.key === 'F2') {
      event.preventDefault();
      editInPlace(active);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      commit('0', () => undefined);
    }
  }

  /** Past the cap is said while typing, before Enter saves it (扣完为止); else nothing. */
  function sayCap(text: string) {
    const item = items[active.col];
    const reading = item ? readCount(item, text) : null;
    props.onError(
      reading?.ok && reading.capped ? ASSESSMENT.grid.capped(reading.capped) : null,
      'warning',
    );
  }

  /** F2 or a double-click: the cell's value to change, the caret after it. */
  function editInPlace(cell: Cell) {
    if (props.readOnly) return;
    const d = props.cells.get(`${villages[cell.row]?.id}:${items[cell.col]?.code}`);
    setEditing({ ...cell, text: d?.count ? String(d.count) : '', invalid: false });
  }

  function onEditKey(event: KeyboardEvent<HTMLInputElement>) {
    if (!editing) return;
    if (event.key === 'Enter' || event.key === 'ArrowDown') {
      event.preventDefault();
      commit(editing.text, () => move(1, 0));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      commit(editing.text, () => move(-1, 0));
    } else if (event.key === 'Tab') {
      event.preventDefault();
      commit(editing.text, () => move(0, event.shiftKey ? -1 : 1));
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setEditing(null);
      props.onError(null);
      gridRef.current?.focus();
    }
  }

  const categories = standard.categories.map((c) => ({
    ...c,
    span: items.filter((i) => i.category === c.name).length,
  }));

  return (
    <Box
      ref={gridRef}
      role="grid"
      aria-label={ASSESSMENT.grid.ariaLabel}
      tabIndex={0}
      onKeyDown={onGridKey}
      sx={{
        overflow: 'auto',
        // Cells scrolled into view stop beside the sticky columns and under the sticky header.
        scrollPaddingLeft: VILLAGE_W + SCORE_W,
        scrollPaddingTop: 56,
        maxHeight: 'calc(100vh - 360px)',
        minHeight: 240,
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: 'background.paper',
        '&:focus-visible': { outline: `2px solid ${statusColors.good}` },
        fontSize: 14,
      }}
    >
      <Box
        component="table"
        sx={{
          borderCollapse: 'separate',
          borderSpacing: 0,
          tableLayout: 'fixed',
          width: VILLAGE_W + SCORE_W + CELL_W * items.length,
        }}
      >
        <colgroup>
          <col style={{ width: VILLAGE_W }} />
          <col style={{ width: SCORE_W }} />
          {items.map((item) => (
            <col key={item.code} style={{ width: CELL_W }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <Box
              component="th"
              rowSpan={2}
              sx={{
                position: 'sticky',
                left: 0,
                top: 0,
                zIndex: 4,
                bgcolor: 'background.paper',
                width: VILLAGE_W,
                borderBottom: 1,
                borderColor: 'divider',
              }}
            >
              {ASSESSMENT.grid.village}
            </Box>
            <Box
              component="th"
              rowSpan={2}
              sx={{
                position: 'sticky',
                left: VILLAGE_W,
                top: 0,
                zIndex: 4,
                bgcolor: 'background.paper',
                width: SCORE_W,
                borderBottom: 1,
                borderRight: 2,
                borderColor: 'divider',
              }}
            >
              {ASSESSMENT.grid.score}
            </Box>
            {categories.map((c) => (
              <Box
                component="th"
                key={c.name}
                colSpan={c.span}
                sx={{
                  position: 'sticky',
                  top: 0,
                  zIndex: 3,
                  bgcolor: 'background.default',
                  borderBottom: 1,
                  borderRight: 1,
                  borderColor: 'divider',
                  fontWeight: 500,
                  height: 28,
                  whiteSpace: 'nowrap',
                  overflow: 'hidden',
                }}
              >
                {c.name}（{c.points}）
              </Box>
            ))}
          </tr>
          <tr>
            {items.map((item, col) => (
              <Tooltip key={item.code} title={`${item.code} ${item.title}`} placement="top">
                <Box
                  component="th"
                  sx={{
                    position: 'sticky',
                    top: 28,
                    zIndex: 3,
                    bgcolor:
                      col === active.col ? alpha(statusColors.good, 0.15) : 'background.paper',
                    borderBottom: 1,
                    borderRight: 1,
                    borderColor: 'divider',
                    fontWeight: 400,
                    fontSize: 12,
                    height: 26,
                  }}
                >
                  {item.code}
                </Box>
              </Tooltip>
            ))}
          </tr>
        </thead>
        <tbody>
          {villages.map((village, row) => (
            <Row
              key={village.id}
              village={village}
              row={row}
              items={items}
              cells={props.cells}
              pending={pending}
              score={props.scores.get(village.id)}
              skipped={props.skipped.has(village.id)}
              activeCol={row === active.row ? active.col : null}
              editing={
                editing && editing.row === row
                  ? { col: editing.col, text: editing.text, invalid: editing.invalid }
                  : null
              }
              onEditText={(text) => {
                setEditing((e) => (e ? { ...e, text, invalid: false } : e));
                sayCap(text);
              }}
              onEditCell={(cell) => {
                props.onActiveChange(cell);
                editInPlace(cell);
              }}
              onEditKey={onEditKey}
              onPick={(cell) => {
                if (!editing) return props.onActiveChange(cell);
                if (editing.row === cell.row && editing.col === cell.col) return;
                // Clicking elsewhere saves what was typed, as Enter would (or keeps the cell open
                // with the reason when it is not a count).
                commit(editing.text, () => props.onActiveChange(cell));
              }}
            />
          ))}
        </tbody>
      </Box>
    </Box>
  );
}

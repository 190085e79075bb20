import { describe, expect, it } from 'vitest';
import { moveInGrid } from './gridKeys';

// A grid of 30 body rows and 11 columns, 12 rows to a screen.
const bounds = { rows: 30, cols: 11, pageRows: 12 };
const at = (row: number, col: number) => ({ row, col });

describe('moving in a grid by keyboard', () => {
  it('moves by one cell with the arrows, up from the first row to the header, and stops at the edges', () => {
    expect(moveInGrid({ key: 'ArrowDown' }, at(4, 3), bounds)).toEqual(at(5, 3));
    expect(moveInGrid({ key: 'ArrowUp' }, at(0, 3), bounds)).toEqual(at(-1, 3));
    expect(moveInGrid({ key: 'ArrowUp' }, at(-1, 3), bounds)).toEqual(at(-1, 3));
    expect(moveInGrid({ key: 'ArrowDown' }, at(29, 3), bounds)).toEqual(at(29, 3));
    expect(moveInGrid({ key: 'ArrowLeft' }, at(4, 0), bounds)).toEqual(at(4, 0));
    expect(moveInGrid({ key: 'ArrowRight' }, at(4, 10), bounds)).toEqual(at(4, 10));
    expect(moveInGrid({ key: 'ArrowRight' }, at(4, 9), bounds)).toEqual(at(4, 10));
  });

  it('goes to the row’s ends with Home/End and to the grid’s with Ctrl', () => {
    expect(moveInGrid({ key: 'Home' }, at(7, 6), bounds)).toEqual(at(7, 0));
    expect(moveInGrid({ key: 'End' }, at(7, 6), bounds)).toEqual(at(7, 10));
    expect(moveInGrid({ key: 'Home', ctrlKey: true }, at(7, 6), bounds)).toEqual(at(0, 0));
    expect(moveInGrid({ key: 'End', ctrlKey: true }, at(7, 6), bounds)).toEqual(at(29, 10));
    expect(moveInGrid({ key: 'End', metaKey: true }, at(7, 6), bounds)).toEqual(at(29, 10));
  });

  it('pages by a screenful: 3 → 15 → 27 → 29 (the last), and back 29 → 17 → 5 → 0', () => {
    const down = (row: number) => moveInGrid({ key: 'PageDown' }, at(row, 2), bounds)?.row;
    const up = (row: number) => moveInGrid({ key: 'PageUp' }, at(row, 2), bounds)?.row;
    expect([down(3), down(15), down(27)]).toEqual([15, 27, 29]);
    expect([up(29), up(17), up(5)]).toEqual([17, 5, 0]);
    // From the header PageUp stays on it.
    expect(up(-1)).toBe(-1);
  });

  it('keeps to the header when there are no rows, and leaves other keys to the cell', () => {
    const empty = { rows: 0, cols: 11, pageRows: 12 };
    expect(moveInGrid({ key: 'ArrowDown' }, at(-1, 2), empty)).toEqual(at(-1, 2));
    expect(moveInGrid({ key: 'End', ctrlKey: true }, at(-1, 2), empty)).toEqual(at(-1, 10));
    expect(moveInGrid({ key: 'Home', ctrlKey: true }, at(-1, 2), empty)).toEqual(at(-1, 0));
    expect(moveInGrid({ key: 'Enter' }, at(3, 2), bounds)).toBeNull();
    expect(moveInGrid({ key: 'a' }, at(3, 2), bounds)).toBeNull();
  });
});

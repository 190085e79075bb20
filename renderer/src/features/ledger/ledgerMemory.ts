import type { RowSelectionState, SortingState } from '@tanstack/react-table';
import { DEFAULT_LEDGER_FILTER, type LedgerFilter } from '@shared/domain/ledgerFilter';
import type { GridPosition } from '../../components/gridKeys';

/**
 * What the ledger screen keeps while the app is open: opening an item and coming back (or going
 * to another screen and back) finds the list as it was left — filter, view, ticks, order, the
 * place it was scrolled to and the focused cell. Nothing of it is saved on disk.
 */
export const ledgerMemory: {
  filter: LedgerFilter;
  viewName: string;
  selection: RowSelectionState;
  sorting: SortingState;
  scrollTop: number;
  focus: GridPosition;
  /** The list was left from its keyboard focus: give it back on return. */
  hadFocus: boolean;
} = fresh();

function fresh(): typeof ledgerMemory {
  return {
    filter: DEFAULT_LEDGER_FILTER,
    viewName: '',
    selection: {},
    sorting: [{ id: 'number', desc: true }],
    scrollTop: 0,
    focus: { row: 0, col: 0 },
    hadFocus: false,
  };
}

/** The list as a fresh start shows it: on signing in, so that one account's ticks and filter are not the next one's. */
export function forgetLedger(): void {
  Object.assign(ledgerMemory, fresh());
}

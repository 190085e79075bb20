import { REPORT_LABELS, type CountyReport } from '@shared/domain/countyExport';
import type { LedgerFilter } from '@shared/domain/ledgerFilter';
import { toIsoDate } from '@shared/domain/dates';
import { periodLabel } from '@shared/domain/period';
import { actions } from '../../db/actions';
import { writeCountySheet } from '../../lib/xlsx';
import { platform } from '../../platform';

export type SheetOutcome =
  | { status: 'saved'; path: string }
  | { status: 'canceled' }
  | { status: 'failed'; message: string };

/** Writes a county spreadsheet in its saved layout and asks where to keep it. */
export async function exportCountySheet(
  report: CountyReport,
  options: { month: string; filter: LedgerFilter; townName: string },
): Promise<SheetOutcome> {
  const today = toIsoDate(new Date());
  const { layout, rows } = await actions.loadCountyRows(report, { ...options, today });
  const data = await writeCountySheet(REPORT_LABELS[report], layout, rows);
  const when = report === 'results' ? periodLabel(options.month) : today;
  const saved = await platform.saveFile({
    suggestedName: `${options.townName}${REPORT_LABELS[report]}（${when}）.xlsx`,
    data,
    filters: [{ name: 'Excel 表格', extensions: ['xlsx'] }],
  });
  return saved.status === 'failed' ? { status: 'failed', message: saved.message } : saved;
}

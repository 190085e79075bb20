import type { Cell } from '@shared/domain/countyImport';
import { isZip, readFirstSheetCells } from '../../lib/xlsx';
import { platform } from '../../platform';

export type PickedList =
  { status: 'opened'; name: string; rows: Cell[][] } | { status: 'failed'; message: string };

/** Lets the user choose the county's .xlsx list and reads its first sheet; null when canceled. */
export async function pickCountyList(): Promise<PickedList | null> {
  const opened = await platform.openFile({
    filters: [{ name: 'Excel 表格', extensions: ['xlsx'] }],
    maxBytes: 10 * 1024 * 1024,
  });
  if (opened.status === 'canceled') return null;
  if (opened.status === 'failed') return { status: 'failed', message: opened.message };
  if (!opened.name.toLowerCase().endsWith('.xlsx') || !isZip(opened.data))
    return {
      status: 'failed',
      message: `文件“${opened.name}”不是 Excel 表格（.xlsx）。如果是 .xls 旧格式，请先在 WPS 或 Excel 里另存为 .xlsx。`,
    };
  try {
    return { status: 'opened', name: opened.name, rows: await readFirstSheetCells(opened.data) };
  } catch (error) {
    console.error('[eco-desk] county list', error);
    return { status: 'failed', message: `文件“${opened.name}”无法读取，可能已损坏。` };
  }
}

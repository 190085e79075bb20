import type { Cell } from '@shared/domain/countyImport';

/**
 * Spreadsheet reading and writing with exceljs, loaded on first use (it is large).
 * Cells come back as the text Excel/WPS shows.
 */
export async function readFirstSheetRows(data: Uint8Array): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data.slice().buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c += 1) cells.push(row.getCell(c).text ?? '');
    rows.push(cells);
  }
  return rows;
}

export function isZip(data: Uint8Array): boolean {
  return data[0] === 0x50 && data[1] === 0x4b;
}

/** One sheet, header row bold and frozen, columns sized to their content. */
export async function writeSheet(
  sheetName: string,
  rows: (string | number)[][],
): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  rows.forEach((row) => sheet.addRow(row));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, i) => {
    const longest = Math.max(...rows.map((r) => String(r[i] ?? '').length));
    column.width = Math.min(60, Math.max(8, longest * 2 + 2));
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * The first sheet's cells as values — text, numbers and dates kept apart (a date is a `Date`), rich
 * text joined, formulas as their results — for imports that must tell a date from its display.
 */
export async function readFirstSheetCells(data: Uint8Array): Promise<Cell[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data.slice().buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: Cell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c += 1)
      cells.push(toCell(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return toCell(v.result);
    if (typeof v.text === 'string') return v.text;
  }
  return null;
}

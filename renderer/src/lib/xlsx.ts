import { Inflate } from 'fflate';
import { readZipIndex, ZipFormatError } from '@shared/handoff/zipIndex';
import type { Cell } from '@shared/domain/countyImport';
import { InputError } from '../db/errors';

/**
 * A spreadsheet's parts inflated, at most: a county's list or a village list is kilobytes; a
 * file that inflates past this (a zip bomb named .xlsx) is refused before Excel's reader sees it.
 */
export const MAX_SHEET_INFLATED_BYTES = 64 * 1024 * 1024;

/**
 * Inflates every part of an .xlsx piece by piece, counting, and stops at the limit: whatever its
 * headers claim, nothing larger than the limit is ever held. Refused in words.
 */
export function checkSpreadsheetSize(data: Uint8Array, limit = MAX_SHEET_INFLATED_BYTES): void {
  const tooLarge = () =>
    new InputError([
      {
        field: 'file',
        message: `这个表格解压后超过 ${Math.round(limit / 1024 / 1024)} MB，不像是正常的清单，没有读取。`,
      },
    ]);
  let entries;
  try {
    entries = readZipIndex(data, 10_000);
  } catch (error) {
    if (error instanceof ZipFormatError)
      throw new InputError([
        { field: 'file', message: '这个文件不是完整的 Excel 表格（.xlsx）。' },
      ]);
    throw error;
  }
  let total = 0;
  for (const entry of entries) {
    const bytes = data.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    if (entry.method === 0) {
      total += bytes.length;
      if (total > limit) throw tooLarge();
      continue;
    }
    const inflate = new Inflate((chunk) => {
      total += chunk.length;
      if (total > limit) throw tooLarge();
    });
    for (let at = 0; at < bytes.length; at += 64 * 1024)
      inflate.push(bytes.subarray(at, at + 64 * 1024), at + 64 * 1024 >= bytes.length);
  }
}
import type { ExportLayout, ExportValue } from '@shared/domain/countyExport';

/**
 * Spreadsheet reading and writing with exceljs, loaded on first use (it is large).
 * Cells come back as the text Excel/WPS shows.
 */
export async function readFirstSheetRows(data: Uint8Array): Promise<string[][]> {
  checkSpreadsheetSize(data);
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

/**
 * The first sheet's cells as values — text, numbers and dates kept apart (a date is a `Date`), rich
 * text joined, formulas as their results — for imports that must tell a date from its display.
 */
export async function readFirstSheetCells(data: Uint8Array): Promise<Cell[][]> {
  checkSpreadsheetSize(data);
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

/**
 * The county's sheet: its title rows copied (a single-cell title spans the table), the header
 * row bold, then the data with numbers as numbers and dates as Excel dates (yyyy-mm-dd), every
 * cell bordered as the county's forms are.
 */
export async function writeCountySheet(
  sheetName: string,
  layout: ExportLayout,
  rows: readonly ExportValue[][],
): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', ySplit: layout.titleRows.length + 1 }],
  });
  const width = layout.columns.length;
  for (const title of layout.titleRows) {
    const row = sheet.addRow(title);
    if (title.length === 1 && width > 1) {
      sheet.mergeCells(row.number, 1, row.number, width);
      row.getCell(1).alignment = { horizontal: 'center' };
      row.getCell(1).font = { bold: true, size: 14 };
    }
  }
  const header = sheet.addRow(layout.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  for (const values of rows) {
    const row = sheet.addRow(
      values.map((v) => (v !== null && typeof v === 'object' ? excelDate(v.date) : v)),
    );
    values.forEach((v, i) => {
      if (v !== null && typeof v === 'object') row.getCell(i + 1).numFmt = 'yyyy-mm-dd';
    });
    row.alignment = { vertical: 'top', wrapText: true };
  }
  const border = { style: 'thin' as const };
  for (let r = header.number; r <= sheet.rowCount; r += 1)
    for (let c = 1; c <= width; c += 1)
      sheet.getCell(r, c).border = { top: border, left: border, bottom: border, right: border };
  layout.columns.forEach((column, i) => {
    const longest = Math.max(
      column.header.length,
      ...rows.slice(0, 200).map((r) => {
        const v = r[i];
        return v !== null && typeof v === 'object' ? 10 : String(v ?? '').length;
      }),
    );
    sheet.getColumn(i + 1).width = Math.min(50, Math.max(8, longest * 2 + 2));
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** An ISO date as the Date ExcelJS writes as that calendar day (it converts through UTC). */
const excelDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

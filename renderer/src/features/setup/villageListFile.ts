import Papa from 'papaparse';
import { extensionOf } from '@shared/domain/attachment';
import { cleanText, type ValidationIssue } from '@shared/domain/validation';
import { isZip, readFirstSheetRows } from '../../lib/xlsx';

export const VILLAGE_LIST_MAX_BYTES = 2 * 1024 * 1024;
export const VILLAGE_LIST_FILTERS = [
  { name: '村名单（Excel 或 CSV）', extensions: ['xlsx', 'csv', 'txt'] },
];

/** Header cells that mark a first row as a header, not a village. */
const HEADER_WORDS = ['村名', '村庄', '村庄名称', '名称', '行政村', '村', '序号'];

export type VillageListRead =
  { ok: true; names: string[]; firstRow: number } | { ok: false; issue: ValidationIssue };

const refuse = (message: string): VillageListRead => ({
  ok: false,
  issue: { field: 'file', message },
});

/** Excel-saved CSV in China is often GBK: read UTF-8 when it is valid, GB18030 otherwise. */
export function decodeText(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

function dropHeader(cells: string[]): { names: string[]; firstRow: number } {
  const first = cleanText(cells[0] ?? '');
  if (HEADER_WORDS.includes(first)) return { names: cells.slice(1), firstRow: 2 };
  return { names: cells, firstRow: 1 };
}

function trimTrailingBlanks(cells: string[]): string[] {
  const out = [...cells];
  while (out.length > 0 && cleanText(out[out.length - 1] ?? '') === '') out.pop();
  return out;
}

function readCsv(data: Uint8Array): string[] {
  const parsed = Papa.parse<string[]>(decodeText(data), { skipEmptyLines: false });
  return parsed.data.map((row) => String(row[0] ?? ''));
}

async function readXlsx(data: Uint8Array): Promise<string[]> {
  return (await readFirstSheetRows(data)).map((row) => row[0] ?? '');
}

/**
 * Reads a one-column list of village names from .xlsx (first sheet, column A) or .csv/.txt
 * (first column). A header row such as “村名” is skipped and rows are numbered as in the file.
 */
export async function readVillageListFile(file: {
  name: string;
  data: Uint8Array;
}): Promise<VillageListRead> {
  const ext = extensionOf(file.name);
  if (file.data.byteLength > VILLAGE_LIST_MAX_BYTES) {
    return refuse(`文件“${file.name}”太大：村名单文件不能超过 2 MB。`);
  }
  let cells: string[];
  if (ext === 'csv' || ext === 'txt') {
    cells = readCsv(file.data);
  } else if (ext === 'xlsx') {
    if (!isZip(file.data))
      return refuse(`文件“${file.name}”不是有效的 Excel（.xlsx）文件，可能已损坏或改了扩展名。`);
    try {
      cells = await readXlsx(file.data);
    } catch (error) {
      console.error('[eco-desk] xlsx read failed', error);
      return refuse(`文件“${file.name}”无法读取：不是有效的 Excel（.xlsx）文件，可能已损坏。`);
    }
  } else if (ext === 'xls') {
    return refuse(
      `不支持旧版 Excel 文件“${file.name}”：请在 Excel 或 WPS 中“另存为” .xlsx 后再导入。`,
    );
  } else {
    return refuse(`文件“${file.name}”的类型不支持：请导入 .xlsx 或 .csv 文件。`);
  }
  const { names, firstRow } = dropHeader(trimTrailingBlanks(cells));
  if (names.length === 0)
    return refuse(`文件“${file.name}”里没有村名：请把村名放在第一列，每行一个。`);
  return { ok: true, names, firstRow };
}
